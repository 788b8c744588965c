import { describe, expect, it } from '@jest/globals';
import type { ErrorObject } from 'ajv';
import { builtinType } from '../../src/validate/builtin-kinds.js';
import { builtinValidator, type CompiledValidator } from '../../src/validate/builtin-validators.js';
import { CHUNK, validateInChunks } from '../../src/validate/chunked-validation.js';

/** A Pod with large maps and lists, errors inside and outside them, and a large map inside a list item. */
function largePod(): Record<string, unknown> {
  const labels: Record<string, unknown> = {};
  for (let i = 0; i < 2 * CHUNK + 500; i++) labels[`k${i}`] = i % 3 === 0 ? i : `v${i}`;
  const containers: Array<Record<string, unknown>> = Array.from({ length: CHUNK + 700 }, (_, i) =>
    i % 250 === 0 ? { name: 7, image: 'x', ports: [{ containerPort: 'http' }] } : { name: `c${i}`, image: 'x' },
  );
  const env = Array.from({ length: CHUNK + 10 }, (_, i) => ({ name: `E${i}`, value: i % 500 === 0 ? 5 : 'v' }));
  containers[CHUNK + 3] = { name: 'deep', image: 'x', env };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'big', labels, annotations: { a: 1 } },
    spec: { containers, restartPolicy: 7 },
  };
}

const byPath = (errors: readonly ErrorObject[]): string[] =>
  errors.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();

describe('validating large maps and lists a chunk at a time', () => {
  it('gives exactly the errors of one run of the validator', async () => {
    const validate = await builtinValidator(builtinType('v1', 'Pod')!);
    const pod = largePod();
    const once = validate(pod) ? [] : [...(validate.errors ?? [])];
    const chunked = validateInChunks(validate, pod);
    expect(byPath(chunked)).toEqual(byPath(once));
    // Errors in every chunk, the shifted list indexes and the map inside a list item included.
    expect(once.length).toBeGreaterThan(800);
    expect(byPath(chunked)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/metadata\/labels\/k2499 type/),
        expect.stringMatching(/^\/spec\/containers\/1500\/name type/),
        expect.stringMatching(/^\/spec\/containers\/1500\/ports\/0\/containerPort type/),
        expect.stringMatching(/^\/spec\/containers\/1003\/env\/1000\/value type/),
        expect.stringMatching(/^\/spec\/restartPolicy type/),
      ]),
    );
  });

  it('runs the validator a number of times that grows with the entries, on chunks of bounded size', async () => {
    const validate = await builtinValidator(builtinType('v1', 'Pod')!);
    const sizes: number[] = [];
    const counting: CompiledValidator = Object.assign(
      (data: unknown) => {
        const pod = data as { metadata: { labels: object }; spec: { containers: unknown[] } };
        sizes.push(Object.keys(pod.metadata.labels).length, pod.spec.containers.length);
        const valid = validate(data);
        counting.errors = validate.errors ?? null;
        return valid;
      },
      { errors: null },
    );
    validateInChunks(counting, largePod());
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK);
    // The first run, 2 more chunks of labels, 1 more of containers, 1 more of the deep env list.
    expect(sizes.length / 2).toBe(5);
  });

  it('runs once on a value without a large collection', async () => {
    const validate = await builtinValidator(builtinType('v1', 'ConfigMap')!);
    expect(validateInChunks(validate, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } })).toEqual([]);
    expect(byPath(validateInChunks(validate, { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 1 } }))).toEqual([
      '/data/a type {"type":"string"}',
    ]);
  });
});

describe('a value that contains itself (YAML aliases)', () => {
  it('is walked once, and validated as one run would', async () => {
    const validate = await builtinValidator(builtinType('v1', 'ConfigMap')!);
    const data: Record<string, unknown> = { a: 'x' };
    data.self = data;
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data };
    expect(byPath(validateInChunks(validate, configMap))).toEqual(['/data/self type {"type":"string"}']);
  });
});

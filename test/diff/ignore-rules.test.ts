import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { diff } from '../../src/commands/diff.js';
import { DIFF_CONFIG_SCHEMA, ignoredPointers, removeIgnored } from '../../src/diff/ignore-rules.js';

describe('ignore rules', () => {
  it('are read from the diff section of the configuration and hide those fields on both sides', async () => {
    const inputs = ['fixtures/diff/reordered/desired.yaml'];
    const current = ['fixtures/diff/reordered/current.yaml'];
    expect((await diff(inputs, { current, consequences: false })).summary.changes.update).toBe(1);
    const ignored = await diff(inputs, {
      current,
      consequences: false,
      config: {
        diff: {
          ignoreDifferences: [
            {
              group: 'apps',
              kind: 'Deployment',
              name: 'migrate',
              namespace: 'shop',
              jsonPointers: ['/spec/template/spec/initContainers'],
            },
          ],
        },
      },
    });
    expect(ignored.summary.changes).toEqual({ create: 0, update: 0, delete: 0, unchanged: 3, unmanaged: 0 });
    expect(ignored.changes[2]!.after!.spec).not.toHaveProperty('template.spec.initContainers');
  });

  it('match by group, kind, name and namespace', () => {
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
    const rules = [
      { kind: 'Deployment', jsonPointers: ['/a'] },
      { kind: '*', group: 'apps', jsonPointers: ['/b'] },
      { kind: 'Deployment', group: '', jsonPointers: ['/c'] },
      { kind: 'Deployment', namespace: 'other', jsonPointers: ['/d'] },
      { kind: 'Deployment', name: 'web', namespace: 'shop', jsonPointers: ['/e', '/f'] },
      { kind: 'StatefulSet', jsonPointers: ['/g'] },
    ];
    expect(ignoredPointers(rules, ref)).toEqual(['/a', '/b', '/e', '/f']);
  });

  it('select list items by index, by key, by several keys, or all', () => {
    const object = {
      spec: {
        ports: [
          { port: 80, protocol: 'TCP', name: 'a' },
          { port: 80, protocol: 'UDP', name: 'b' },
          { port: 81, protocol: 'TCP', name: 'c' },
        ],
        list: [{ x: 1 }, { x: 2 }],
        'a/b': { '~c': 1, d: 2 },
      },
    };
    removeIgnored(object, [
      '/spec/ports/port=80,protocol=UDP',
      '/spec/ports/*/name',
      '/spec/list/0',
      '/spec/a~1b/~0c',
      '/spec/missing/x',
      'not-a-pointer',
    ]);
    expect(object.spec).toEqual({
      ports: [
        { port: 80, protocol: 'TCP' },
        { port: 81, protocol: 'TCP' },
      ],
      list: [{ x: 2 }],
      'a/b': { d: 2 },
    });
  });

  it('have a schema the configuration loader can validate with', () => {
    const validate = new Ajv({ allErrors: true }).compile(DIFF_CONFIG_SCHEMA);
    expect(validate({ ignoreDifferences: [{ kind: 'Deployment', jsonPointers: ['/spec/replicas'] }] })).toBe(true);
    expect(validate({ ignoreDifferences: [{ kind: 'Deployment', jsonPointers: ['spec/replicas'] }], other: 1 })).toBe(
      false,
    );
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([
      ' must NOT have additional properties',
      '/ignoreDifferences/0/jsonPointers/0 must match pattern "^/"',
    ]);
  });
});

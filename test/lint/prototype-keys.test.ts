import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES, lint } from '../../src/index.js';
import { resolveRuleSettings } from '../../src/lint/rule-settings.js';
import { plan } from '../../src/commands/plan.js';
import { runRules } from '../../src/lint/run-rules.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { ManifestValidator } from '../../src/validate/validate-manifests.js';
import { CrdRegistry } from '../../src/validate/crd/crd-registry.js';
import { defineRule } from '../../src/lint/rule.js';
import { parseKubeVersion } from '../../src/lint/kube-version.js';
import { brief, briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';
import { yaml } from '../../src/lint/yaml-example.js';

/** Names Object.prototype has: a lookup in a plain object finds them when the object lacks the key. */
const PROTOTYPE_KEYS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

const deployment = (key: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    labels:
      ${key}: x
  spec:
    ${key}: 1
    selector:
      matchLabels:
        app: web
    template:
      metadata:
        labels:
          app: web
          ${key}: y
      spec:
        nodeSelector:
          ${key}: z
        containers:
          - name: web
            image: nginx:1.25
            ${key}: {}
            resources:
              requests:
                ${key}: 1
`;

/** A valid Deployment whose pods carry the key as a label and ask for it as a node label. */
const selecting = (key: string): string => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels:
        ${key}: x
    template:
      metadata:
        labels:
          ${key}: x
      spec:
        nodeSelector:
          ${key}: z
        containers:
          - name: web
            image: nginx:1.25
`;

describe('keys named like Object.prototype properties', () => {
  it.each(PROTOTYPE_KEYS)('are plain unknown fields in a built-in object: %s', async (key) => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'web.yaml'), deployment(key));
      const result = await lint([join(dir, 'web.yaml')]);
      const schema = result.findings.filter((f) => f.ruleId === 'schema-unknown-field').map(briefAt);
      expect(schema).toEqual([
        `8:3 schema-unknown-field spec.${key}: unknown field "${key}" (DeploymentSpec has no such field)`,
        `23:11 schema-unknown-field spec.template.spec.containers[0].${key}: unknown field "${key}" (Container has no such field)`,
      ]);
      expect(result.findings.filter((f) => f.ruleId === 'internal-error' || f.ruleId === 'rule-error')).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it.each(PROTOTYPE_KEYS.filter((k) => k !== '__proto__'))('are read as data by the plan: %s', async (key) => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'web.yaml'), selecting(key));
      const result = await plan([join(dir, 'web.yaml')]);
      // The pod asks for a node label no node has: it stays pending, with the scheduler's message.
      expect(result.findings.map((f) => f.ruleId)).toContain('pod-unschedulable');
    } finally {
      cleanup();
    }
  });

  it('refuses __proto__ as a label key, as the API server does, rather than losing it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'web.yaml'), selecting('__proto__'));
      const result = await plan([join(dir, 'web.yaml')]);
      expect(result.findings.map(briefAt)).toEqual([
        `8:7 object-rejected the API server refuses this object, so the plan leaves it out: spec.selector.matchLabels: Invalid value: "__proto__": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      ]);
    } finally {
      cleanup();
    }
  });
});

describe('the error boundaries of lint', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: one
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: two
  `;

  it('turn an exception in the checks of one object into one finding there and check the others', async () => {
    const { manifests } = parseManifests('a.yaml', text);
    const validator = new ManifestValidator({ strict: true, crds: new CrdRegistry([]) });
    // An object whose data throws when read: the validator's own code fails on it.
    const broken = { ...manifests[1]!, object: { ...manifests[1]!.object } };
    Object.defineProperty(broken.object, 'data', {
      enumerable: true,
      get() {
        throw new TypeError('shape.startsWith is not a function');
      },
    });
    expect((await validator.validate(manifests[0]!)).map(brief)).toEqual([]);
    expect((await validator.validate(broken)).map(brief)).toEqual([
      'a.yaml:6:1 error internal-error kubeplan failed to validate this object (TypeError: shape.startsWith is not a function); the rest of the input was still checked; please report this',
    ]);
  });

  it('turn an exception around the rules of one object into one finding there and check the others', () => {
    const { manifests } = parseManifests('a.yaml', text);
    const seen: string[] = [];
    const rule = defineRule({
      meta: { ...BUILTIN_RULES[0]!.meta, id: 'probe', target: 'all' },
      check(ctx) {
        seen.push(ctx.manifest.ref.name);
      },
    });
    // Annotations that throw when read break the reading of suppressions, outside any rule.
    const metadata = { name: 'one' };
    const broken = { ...manifests[0]!, object: { ...manifests[0]!.object, metadata } };
    Object.defineProperty(metadata, 'annotations', {
      enumerable: true,
      get() {
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    const run = runRules([broken, manifests[1]!], {
      settings: resolveRuleSettings([rule]),
      kubernetesVersion: parseKubeVersion('1.36')!,
      inlineIgnores: true,
      forbidIgnore: new Set(),
      knownRuleIds: new Set(['sample']),
    });
    expect(run.findings.map(brief)).toEqual([
      'a.yaml:1:1 error internal-error kubeplan failed to run the rules on this object (RangeError: Maximum call stack size exceeded); the rest of the input was still checked; please report this',
    ]);
    expect(seen).toEqual(['two']);
  });
});

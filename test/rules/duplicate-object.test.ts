import { afterEach, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../rules/duplicate-object.js';
import { lint } from '../../src/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('duplicate-object', {
  invalid: {
    'copies.yaml': [
      '12:9 ConfigMap shop/web-config is already defined at fixtures/rules/duplicate-object/invalid/copies.yaml:1; the later definition replaces it when applied',
    ],
  },
});

describe('duplicate-object across files', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());

  const configMap = (value: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: shop\ndata: {LOG_LEVEL: ${value}}\n`;

  /** Writes a.yaml and b.yaml to a fresh folder and returns their paths. */
  function twoFiles(a: string, b: string): [string, string] {
    const temp = tempDir();
    cleanup = temp.cleanup;
    const paths: [string, string] = [join(temp.dir, 'a.yaml'), join(temp.dir, 'b.yaml')];
    writeFileSync(paths[0], a);
    writeFileSync(paths[1], b);
    return paths;
  }

  it('reports a copy in another file as info (an alternative, perhaps), one in its own file as a warning', async () => {
    const [a, b] = twoFiles(configMap('info'), `${configMap('debug')}---\n${configMap('warn')}`);
    const result = await lint([a, b], { onlyRules: ['duplicate-object'] });
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      `${b}:4:9 info ConfigMap shop/web is already defined at ${a}:1; the later definition replaces it when applied`,
      `${b}:11:9 warning ConfigMap shop/web is already defined at ${b}:1; the later definition replaces it when applied`,
    ]);
  });

  it('lowers even a configured error to info for a copy in another file', async () => {
    const [a, b] = twoFiles(configMap('info'), configMap('debug'));
    const config = { rules: { 'duplicate-object': 'error' as const } };
    const result = await lint([a, b], { onlyRules: ['duplicate-object'], config });
    expect(result.findings.map((f) => f.severity)).toEqual(['info']);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: 'same name, other kind, namespace or group',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web, namespace: other}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: web, namespace: shop}
      `,
    },
    {
      name: 'objects named only by generateName are distinct objects',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {generateName: migrate-}
        spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}}}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {generateName: migrate-}
        spec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'twice and three times in a file, each copy pointing at the first',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api-config
          namespace: shop
        data: {LOG_LEVEL: info}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: api-config
          namespace: shop
        data: {LOG_LEVEL: debug}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { object: 'ConfigMap shop/api-config', first: 'case.yaml:1' },
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 19,
        },
        {
          messageId: 'duplicate',
          data: { object: 'ConfigMap shop/api-config', first: 'case.yaml:1' },
          line: 17,
          column: 18,
          endLine: 17,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'without namespace, compared with each other; an old apiVersion of the same group is the same object',
      kubeVersion: '1.24',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: "web:1.0"}]}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 3}
        ---
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 3}
      `,
      errors: [
        {
          messageId: 'duplicate',
          data: { object: 'HorizontalPodAutoscaler web', first: 'case.yaml:8' },
          line: 15,
          column: 18,
          endLine: 15,
          endColumn: 21,
        },
      ],
    },
  ],
});

import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/configmap-reference-missing.js';
import { ruleFindings, runRuleTests, testRule } from './rule-tester.js';

testRule('configmap-reference-missing', {
  invalid: {
    'missing-configmaps.yaml': [
      '33:25 volume "certs" references ConfigMap "ca-bundle", which is not in the input: the pod does not start without it',
      '42:23 container "web" envFrom references ConfigMap "web-confg", which is not in the input: the pod does not start without it',
    ],
  },
});

describe('configmap-reference-missing with assumeComplete', () => {
  it('reports references to kinds the input does not define at all', async () => {
    const config = { rules: { 'configmap-reference-missing': { options: { assumeComplete: true } } } };
    expect(
      await ruleFindings(
        'configmap-reference-missing',
        ['fixtures/rules/configmap-reference-missing/valid/no-configmaps-in-input.yaml'],
        { config },
      ),
    ).toEqual([
      '21:23 container "web" envFrom references ConfigMap "managed-elsewhere", which is not in the input: the pod does not start without it',
    ]);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: 'every kind of reference to a ConfigMap of the input',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
        data: {LOG_LEVEL: info, nginx.conf: "events {}"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: a, configMap: {name: api-config}}
            - {name: b, projected: {sources: [{configMap: {name: api-config}}]}}
          containers:
            - name: api
              image: api:1.0
              envFrom: [{configMapRef: {name: api-config}}]
              env: [{name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: api-config, key: LOG_LEVEL}}}]
      `,
    },
    {
      name: 'optional references, and no ConfigMap at all in the namespace (managed elsewhere)',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: other}
        data: {LOG_LEVEL: info, nginx.conf: "events {}"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: a, configMap: {name: feature-flags, optional: true}}
          containers:
            - {name: api, image: "api:1.0", envFrom: [{configMapRef: {name: elsewhere}}]}
      `,
    },
    {
      name: 'an optional of the wrong type, a name of the wrong type, a namespace of the wrong type',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
        data: {LOG_LEVEL: info, nginx.conf: "events {}"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: a, configMap: {name: flags, optional: "true"}}
          containers:
            - {name: api, image: "api:1.0", envFrom: [{configMapRef: {name: [api-confg]}}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: [shop]}
        spec:
          containers:
            - {name: web, image: "web:1.0", envFrom: [{configMapRef: {name: api-confg}}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'envFrom, env, volume and projected volume references, one finding each',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
        data: {LOG_LEVEL: info, nginx.conf: "events {}"}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: certs, configMap: {name: ca-bundle}}
            - {name: all, projected: {sources: [{configMap: {name: extra}}]}}
          initContainers:
            - {name: setup, image: "setup:1.0", envFrom: [{configMapRef: {name: api-confg}}]}
          containers:
            - name: api
              image: api:1.0
              env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: levels, key: LEVEL}}}]
      `,
      errors: [
        {
          messageId: 'missing',
          data: { via: 'volume "certs"', name: 'ca-bundle' },
          line: 11,
          column: 39,
          endLine: 11,
          endColumn: 48,
        },
        {
          messageId: 'missing',
          data: { via: 'volume "all"', name: 'extra' },
          line: 12,
          column: 60,
          endLine: 12,
          endColumn: 65,
        },
        {
          messageId: 'missing',
          data: { via: 'init container "setup" envFrom', name: 'api-confg' },
          line: 14,
          column: 73,
          endLine: 14,
          endColumn: 82,
        },
        {
          messageId: 'missing',
          data: { via: 'container "api" env LEVEL', name: 'levels' },
          line: 18,
          column: 63,
          endLine: 18,
          endColumn: 69,
        },
      ],
    },
    {
      name: 'optional: false is a reference like any; a CronJob',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
        data: {LOG_LEVEL: info, nginx.conf: "events {}"}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                    - {name: report, image: "report:1.0", envFrom: [{configMapRef: {name: report-config, optional: false}}]}
      `,
      errors: [
        {
          messageId: 'missing',
          data: { via: 'container "report" envFrom', name: 'report-config' },
          line: 17,
          column: 83,
          endLine: 17,
          endColumn: 96,
        },
      ],
    },
    {
      name: 'assumeComplete reports a ConfigMap when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - {name: api, image: "api:1.0", envFrom: [{configMapRef: {name: managed-elsewhere}}]}
      `,
      errors: [
        {
          messageId: 'missing',
          data: { via: 'container "api" envFrom', name: 'managed-elsewhere' },
          line: 6,
          column: 69,
          endLine: 6,
          endColumn: 86,
        },
      ],
    },
  ],
});

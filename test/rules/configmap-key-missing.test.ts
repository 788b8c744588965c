import rule from '../../rules/configmap-key-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('configmap-key-missing', {
  invalid: {
    'missing-keys.yaml': [
      '25:22 volume "config" references key "mime.types" of ConfigMap "web-config", which has no such key (it has "LOG_LEVEL", "nginx.conf")',
      '51:24 container "web" env LOG_LEVEL references key "LOG_LEVL" of ConfigMap "web-config", which has no such key; did you mean "LOG_LEVEL"?',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'keys in data and binaryData, by env and by volume items',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
        data: {LOG_LEVEL: info}
        binaryData: {logo.png: aGVsbG8=}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: a, configMap: {name: api-config, items: [{key: logo.png, path: logo.png}]}}
          containers:
            - {name: api, image: "api:1.0", env: [{name: L, valueFrom: {configMapKeyRef: {name: api-config, key: LOG_LEVEL}}}]}
      `,
    },
    {
      name: 'optional keys, and ConfigMaps not in the input (configmap-reference-missing says that)',
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
          containers:
            - name: api
              image: api:1.0
              env:
                - {name: A, valueFrom: {configMapKeyRef: {name: api-config, key: MISSING, optional: true}}}
                - {name: B, valueFrom: {configMapKeyRef: {name: other-config, key: MISSING}}}
      `,
    },
    {
      name: 'a ConfigMap whose data has the wrong type: its keys are unknown',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: api-config, namespace: shop}
        data: [LOG_LEVEL]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          containers:
            - {name: api, image: "api:1.0", env: [{name: L, valueFrom: {configMapKeyRef: {name: api-config, key: LOG_LEVEL}}}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a close name is suggested; otherwise the keys are listed',
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
            - name: config
              configMap:
                name: api-config
                items:
                  - {key: mime.types, path: mime.types}
          containers:
            - name: api
              image: api:1.0
              env:
                - name: LOG_LEVEL
                  valueFrom:
                    configMapKeyRef: {name: api-config, key: LOG_LEVL}
      `,
      errors: [
        {
          messageId: 'otherKeys',
          data: { via: 'volume "config"', key: 'mime.types', name: 'api-config', keys: '"LOG_LEVEL", "nginx.conf"' },
          line: 15,
          column: 19,
          endLine: 15,
          endColumn: 29,
        },
        {
          messageId: 'didYouMean',
          data: { via: 'container "api" env LOG_LEVEL', key: 'LOG_LEVL', name: 'api-config', guess: 'LOG_LEVEL' },
          line: 22,
          column: 54,
          endLine: 22,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'a ConfigMap without keys; a projected volume; a sidecar',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: empty, namespace: shop}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes:
            - {name: all, projected: {sources: [{configMap: {name: empty, items: [{key: a, path: a}]}}]}}
          initContainers:
            - {name: mesh, image: "envoy:1.31", restartPolicy: Always, env: [{name: B, valueFrom: {configMapKeyRef: {name: empty, key: b}}}]}
          containers:
            - {name: api, image: "api:1.0"}
      `,
      errors: [
        {
          messageId: 'noKeys',
          data: { via: 'volume "all"', key: 'a', name: 'empty' },
          line: 10,
          column: 81,
          endLine: 10,
          endColumn: 82,
        },
        {
          messageId: 'noKeys',
          data: { via: 'sidecar container "mesh" env B', key: 'b', name: 'empty' },
          line: 12,
          column: 128,
          endLine: 12,
          endColumn: 129,
        },
      ],
    },
  ],
});

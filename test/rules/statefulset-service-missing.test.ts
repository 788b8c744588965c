import rule from '../../rules/statefulset-service-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('statefulset-service-missing', {
  invalid: {
    'missing-or-not-headless.yaml': [
      '8:16 serviceName "redis-headless" names no Service in the input: the pods get no stable DNS names',
      '40:16 Service "kafka" is not headless (it lacks clusterIP: None): the StatefulSet\'s pods get no stable DNS names',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a headless Service of that name in the namespace',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: shop}
        spec:
          serviceName: redis
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec: {containers: [{name: redis, image: "redis:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis, namespace: shop}
        spec:
          clusterIP: None
          ports: [{port: 6379}]
      `,
    },
    {
      name: 'no Service at all in the namespace: managed elsewhere',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: shop}
        spec:
          serviceName: redis
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec: {containers: [{name: redis, image: "redis:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis, namespace: other}
        spec:
          ports: [{port: 6379}]
      `,
    },
    {
      name: 'no serviceName (optional since 1.33), and a serviceName or clusterIP of the wrong type',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: a, namespace: shop}
        spec:
          selector: {matchLabels: {app: a}}
          template:
            metadata: {labels: {app: a}}
            spec: {containers: [{name: a, image: "a:1.0"}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b, namespace: shop}
        spec:
          serviceName: [redis]
          selector: {matchLabels: {app: b}}
          template:
            metadata: {labels: {app: b}}
            spec: {containers: [{name: b, image: "b:1.0"}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: c, namespace: shop}
        spec:
          serviceName: cache
          selector: {matchLabels: {app: c}}
          template:
            metadata: {labels: {app: c}}
            spec: {containers: [{name: c, image: "c:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: cache, namespace: shop}
        spec:
          clusterIP: [None]
          ports: [{port: 6379}]
      `,
    },
  ],
  invalid: [
    {
      name: 'no Service of that name, while the namespace has others',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: shop}
        spec:
          serviceName: redis-headless
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec: {containers: [{name: redis, image: "redis:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis, namespace: shop}
        spec:
          clusterIP: None
          ports: [{port: 6379}]
      `,
      errors: [
        { messageId: 'noService', data: { name: 'redis-headless' }, line: 5, column: 16, endLine: 5, endColumn: 30 },
      ],
    },
    {
      name: 'a Service that is not headless, with a cluster IP or none written',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: kafka, namespace: shop}
        spec:
          serviceName: kafka
          selector: {matchLabels: {app: kafka}}
          template:
            metadata: {labels: {app: kafka}}
            spec: {containers: [{name: kafka, image: "kafka:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kafka, namespace: shop}
        spec:
          clusterIP: 10.96.0.12
          ports: [{port: 6379}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: shop}
        spec:
          serviceName: redis
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec: {containers: [{name: redis, image: "redis:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: redis, namespace: shop}
        spec:
          ports: [{port: 6379}]
      `,
      errors: [
        { messageId: 'notHeadless', data: { name: 'kafka' }, line: 5, column: 16, endLine: 5, endColumn: 21 },
        { messageId: 'notHeadless', data: { name: 'redis' }, line: 22, column: 16, endLine: 22, endColumn: 21 },
      ],
    },
    {
      name: 'assumeComplete reports a Service when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis, namespace: shop}
        spec:
          serviceName: redis
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec: {containers: [{name: redis, image: "redis:1.0"}]}
      `,
      errors: [{ messageId: 'noService', data: { name: 'redis' }, line: 5, column: 16, endLine: 5, endColumn: 21 }],
    },
  ],
});

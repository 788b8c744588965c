import rule from '../../rules/hpa-replicas-conflict.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('hpa-replicas-conflict', {
  invalid: {
    'pinned.yaml': [
      '7:13 HorizontalPodAutoscaler shop/api scales this Deployment, but spec.replicas resets the count on every apply; remove it',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'no replicas on the scaled Deployment',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: "api:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 10
      `,
    },
    {
      name: 'replicas without an autoscaler, or with one scaling another workload, kind or namespace',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: "api:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: other}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 10
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api-sts, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: api}
          maxReplicas: 10
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 10
      `,
    },
    {
      name: 'a spec of the wrong type holds no replicas (the schema reports the type)',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec: [replicas]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 10
      `,
    },
    {
      name: 'replicas: null is no count (the API server reads null as absent)',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          replicas: null
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: "api:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 10
      `,
    },
  ],
  invalid: [
    {
      name: 'replicas of the wrong type are written all the same (the schema reports the type)',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          replicas: "3"
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: "api:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 10
      `,
      errors: [
        {
          messageId: 'conflict',
          data: { autoscaler: 'HorizontalPodAutoscaler shop/api', kind: 'Deployment' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'replicas 0 counts as a count',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          replicas: 0
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, image: "api:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
          maxReplicas: 10
      `,
      errors: [
        {
          messageId: 'conflict',
          data: { autoscaler: 'HorizontalPodAutoscaler shop/api', kind: 'Deployment' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
    {
      name: 'a StatefulSet and a ReplicaSet',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          replicas: 3
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "db:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: db, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}
          maxReplicas: 10
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: rs}}
          template:
            metadata: {labels: {app: rs}}
            spec: {containers: [{name: rs, image: "rs:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: rs, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: ReplicaSet, name: rs}
          maxReplicas: 10
      `,
      errors: [
        {
          messageId: 'conflict',
          data: { autoscaler: 'HorizontalPodAutoscaler shop/db', kind: 'StatefulSet' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 14,
        },
        {
          messageId: 'conflict',
          data: { autoscaler: 'HorizontalPodAutoscaler shop/rs', kind: 'ReplicaSet' },
          line: 23,
          column: 13,
          endLine: 23,
          endColumn: 14,
        },
      ],
    },
  ],
});

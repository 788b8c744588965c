import rule from '../../rules/pdb-blocks-eviction.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('pdb-blocks-eviction', {
  invalid: {
    'blocking.yaml': [
      '26:17 minAvailable 2 with 2 selected replicas allows no eviction: node drains hang on these pods',
      '56:19 maxUnavailable 0 allows no eviction: node drains hang on these pods',
      '86:17 minAvailable 100% allows no eviction: node drains hang on these pods',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'maxUnavailable 1, and minAvailable below the replicas',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: c, namespace: shop}
        spec: {minAvailable: 99%, selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'minAvailable is compared only when every selected count is known',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: agent, image: "agent:1.0"}]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'the autoscaler minimum counts instead of spec.replicas; no selected pod says nothing',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 3, maxReplicas: 6}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: {minAvailable: 5, selector: {matchLabels: {app: nothing}}}
      `,
    },
    {
      name: 'values of the wrong type are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {maxUnavailable: [0], selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: {minAvailable: {n: 2}, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: c, namespace: shop}
        spec: {minAvailable: [100%], selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'a minAvailable that is no whole number is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {minAvailable: 1.5, selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'a percentage with text before or after it is no percentage',
      // The API server refuses such a value too (schema-invalid).
      malformed: true,
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {minAvailable: "all 100%", selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: {minAvailable: "100% of them", selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'a PodDisruptionBudget without a spec',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
      `,
    },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0 and 0%',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {maxUnavailable: 0, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: {maxUnavailable: 0%, selector: {matchLabels: {app: web}}}
      `,
      errors: [
        { messageId: 'maxUnavailableZero', data: {}, line: 4, column: 24, endLine: 4, endColumn: 25 },
        { messageId: 'maxUnavailableZero', data: {}, line: 9, column: 24, endLine: 9, endColumn: 26 },
      ],
    },
    {
      name: 'minAvailable 100% whatever the replicas',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {minAvailable: 100%, selector: {matchLabels: {app: web}}}
      `,
      errors: [
        {
          messageId: 'minAvailableAll',
          data: { minAvailable: '100%' },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'minAvailable as high as one replica, or as two workloads together',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: solo, namespace: shop}
        spec:
          replicas: 1
          selector: {matchLabels: {app: solo}}
          template:
            metadata: {labels: {app: solo}}
            spec:
              containers: [{name: solo, image: "solo:1.0"}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: solo, namespace: shop}
        spec: {minAvailable: 1, selector: {matchLabels: {app: solo}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a, namespace: shop}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web, part: a}}
          template:
            metadata: {labels: {app: web, part: a}}
            spec:
              containers: [{name: a, image: "a:1.0"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: b, namespace: shop}
        spec:
          selector: {matchLabels: {app: web, part: b}}
          template:
            metadata: {labels: {app: web, part: b}}
            spec:
              containers: [{name: b, image: "b:1.0"}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {minAvailable: 3, selector: {matchLabels: {app: web}}}
      `,
      errors: [
        { messageId: 'minAvailableOfOne', data: { minAvailable: 1 }, line: 15, column: 22, endLine: 15, endColumn: 23 },
        {
          messageId: 'minAvailableOfReplicas',
          data: { minAvailable: 3, replicas: 3 },
          line: 41,
          column: 22,
          endLine: 41,
          endColumn: 23,
        },
      ],
    },
  ],
});

import rule from '../../rules/single-replica-without-pdb.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('single-replica-without-pdb', {
  invalid: {
    'single.yaml': [
      '7:13 this Deployment runs a single replica and no PodDisruptionBudget covers it: a node drain takes the application down',
      '26:3 this Deployment runs a single replica and no PodDisruptionBudget covers it: a node drain takes the application down',
      '44:3 HorizontalPodAutoscaler shop/api may scale this Deployment down to 1 replica and no PodDisruptionBudget covers it: a node drain takes the application down',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'two replicas; one replica covered by a budget',
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
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: solo, namespace: shop}
        spec:
          replicas: 1
          selector: {matchLabels: {app: solo, tier: db}}
          template:
            metadata: {labels: {app: solo, tier: db}}
            spec:
              containers: [{name: solo, image: "solo:1.0"}]
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: solo, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: solo}}}
      `,
    },
    {
      name: 'one replica covered by one of several budgets of its namespace',
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
        metadata: {name: other, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: other}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: solo, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: solo}}}
      `,
    },
    {
      name: 'an autoscaler with minReplicas 2; DaemonSets and Jobs have no replicas',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 5}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: shop}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1.0"}]}
      `,
    },
    {
      name: 'replicas of the wrong type are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: one
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
      `,
    },
  ],
  invalid: [
    {
      name: 'replicas 1, and replicas not written (default 1)',
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
        kind: StatefulSet
        metadata: {name: api, namespace: shop}
        spec:
          serviceName: api
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: "api:1.0"}]
      `,
      errors: [
        { messageId: 'singleReplica', data: { kind: 'Deployment' }, line: 5, column: 13, endLine: 5, endColumn: 14 },
        { messageId: 'singleReplica', data: { kind: 'StatefulSet' }, line: 16, column: 3, endLine: 22, endColumn: 1 },
      ],
    },
    {
      name: 'an autoscaler whose minimum is 1 (by default); a budget in another namespace or not matching',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, maxReplicas: 5}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: other}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: api, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: api}}}
      `,
      errors: [
        {
          messageId: 'autoscaledToOne',
          data: { autoscaler: 'HorizontalPodAutoscaler shop/web', kind: 'Deployment' },
          line: 5,
          column: 3,
          endLine: 10,
          endColumn: 1,
        },
      ],
    },
  ],
});

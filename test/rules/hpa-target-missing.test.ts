import rule from '../../rules/hpa-target-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('hpa-target-missing', {
  invalid: {
    'renamed-target.yaml': [
      '28:11 scaleTargetRef names Deployment "api-server" (apps/v1), which is not in the input: the autoscaler scales nothing',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'the target is in the input',
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
      name: 'no workload of that kind in the namespace: managed elsewhere',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: other}
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
      name: 'a target of another group is another kind (a Rollout, not a Deployment)',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: api}
          maxReplicas: 10
      `,
    },
    {
      name: 'a scaleTargetRef of the wrong type, or without kind or name, is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1.0"}]}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: a, namespace: shop}
        spec: {scaleTargetRef: Deployment/api, maxReplicas: 3}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: b, namespace: shop}
        spec: {scaleTargetRef: {kind: Deployment, name: [api]}, maxReplicas: 3}
      `,
    },
    {
      name: 'a spec of the wrong type has no scaleTargetRef',
      malformed: true,
      yaml: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec: [scaleTargetRef]
      `,
    },
    {
      name: 'with assumeComplete, a scaleTargetRef without name or without kind still names no target',
      malformed: true,
      options: { assumeComplete: true },
      yaml: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: a, namespace: shop}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment}, maxReplicas: 3}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: b, namespace: shop}
        spec: {scaleTargetRef: {apiVersion: apps/v1, name: api}, maxReplicas: 3}
      `,
    },
  ],
  invalid: [
    {
      name: 'a renamed Deployment',
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
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api-server}
          maxReplicas: 10
      `,
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'Deployment', name: 'api-server', apiVersion: 'apps/v1' },
          line: 14,
          column: 65,
          endLine: 14,
          endColumn: 75,
        },
      ],
    },
    {
      name: 'without apiVersion the target is read in the core group, where no Deployment is',
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
          scaleTargetRef: {kind: Deployment, name: api}
          maxReplicas: 10
      `,
      options: { assumeComplete: true },
      errors: [
        {
          messageId: 'missingCore',
          data: { kind: 'Deployment', name: 'api' },
          line: 14,
          column: 44,
          endLine: 14,
          endColumn: 47,
        },
      ],
    },
    {
      name: 'assumeComplete reports a target whose kind the input does not define at all',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: api, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: api}
          maxReplicas: 10
      `,
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'StatefulSet', name: 'api', apiVersion: 'apps/v1' },
          line: 5,
          column: 66,
          endLine: 5,
          endColumn: 69,
        },
      ],
    },
  ],
});

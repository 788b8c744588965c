import rule from '../../rules/network-policy-selects-nothing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('network-policy-selects-nothing', {
  invalid: {
    'typo.yaml': [
      '28:5 podSelector app=databse matches no pod template in namespace shop: the policy isolates nothing',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'matchLabels and matchExpressions that match a pod template of the namespace',
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
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a, namespace: shop}
        spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: c, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: tier, operator: DoesNotExist}]}, policyTypes: [Ingress]}
      `,
    },
    {
      name: 'an empty podSelector selects every pod, even with no pod in the input',
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Ingress]}
      `,
    },
    {
      name: 'no pod template in the namespace: the pods are defined elsewhere',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: other}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np, namespace: shop}
        spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}
      `,
    },
    {
      name: 'an invalid selector is reported by validation, not here',
      malformed: true,
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
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: app, operator: In}]}, policyTypes: [Ingress]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a label value that no pod template has',
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
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-ingress, namespace: shop}
        spec:
          podSelector:
            matchLabels:
              app: wbe
          policyTypes: [Ingress]
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: 'app=wbe', namespace: 'shop' },
          line: 16,
          column: 5,
          endLine: 18,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'pods of another namespace do not count; NotIn and Exists read as the API server reads them',
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
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: other}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: "api:1.0"}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a, namespace: shop}
        spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [web]}]}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: c, namespace: shop}
        spec: {podSelector: {matchExpressions: [{key: tier, operator: Exists}]}, policyTypes: [Ingress]}
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: 'app=api', namespace: 'shop' },
          line: 24,
          column: 21,
          endLine: 24,
          endColumn: 46,
        },
        {
          messageId: 'selectsNothing',
          data: { selector: 'app notin (web)', namespace: 'shop' },
          line: 29,
          column: 21,
          endLine: 29,
          endColumn: 85,
        },
        {
          messageId: 'selectsNothing',
          data: { selector: 'tier', namespace: 'shop' },
          line: 34,
          column: 21,
          endLine: 34,
          endColumn: 72,
        },
      ],
    },
    {
      name: 'a policy without a namespace is reported as having none set',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np}
        spec: {podSelector: {matchLabels: {app: wbe}}, policyTypes: [Ingress]}
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: 'app=wbe', namespace: '(none set)' },
          line: 14,
          column: 21,
          endLine: 14,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'assumeComplete reports a policy when the namespace has no pod template',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np, namespace: shop}
        spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress]}
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: 'app=web', namespace: 'shop' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 46,
        },
      ],
    },
  ],
});

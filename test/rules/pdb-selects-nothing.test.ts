import rule from '../../rules/pdb-selects-nothing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('pdb-selects-nothing', {
  invalid: {
    'no-selector.yaml': ['8:3 the budget has no spec.selector, so it selects no pod (policy/v1): it protects nothing'],
    'typo.yaml': ['28:5 selector app=fronted matches no pod template in namespace shop: the budget protects nothing'],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a selector matching a pod template; the empty selector selects every pod',
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
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: {maxUnavailable: 1, selector: {}}
      `,
    },
    {
      name: 'no pod template in the namespace: pods defined elsewhere',
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
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
      `,
    },
    {
      name: 'an invalid selector, a spec of the wrong type: left to validation and the schema',
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
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: a, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchExpressions: [{key: app, operator: Exists, values: [web]}]}}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: b, namespace: shop}
        spec: "maxUnavailable: 1"
      `,
    },
  ],
  invalid: [
    {
      name: 'no selector at all, even with no pod in the input',
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {maxUnavailable: 1}
      `,
      errors: [{ messageId: 'noSelector', data: {}, line: 4, column: 7, endLine: 4, endColumn: 26 }],
    },
    {
      name: 'a selector that matches nothing in its namespace',
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
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec:
          maxUnavailable: 1
          selector:
            matchLabels:
              app: wbe
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: 'app=wbe', namespace: 'shop' },
          line: 17,
          column: 5,
          endLine: 19,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'with assumeComplete, an empty selector and no namespace read as {} and (none set)',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {maxUnavailable: 1, selector: {}}
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: '{}', namespace: '(none set)' },
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'assumeComplete reports when the namespace has no pod template',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web, namespace: shop}
        spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
      `,
      errors: [
        {
          messageId: 'selectsNothing',
          data: { selector: 'app=web', namespace: 'shop' },
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 62,
        },
      ],
    },
  ],
});

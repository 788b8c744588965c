import rule from '../../rules/service-selector-no-pods.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('service-selector-no-pods', {
  invalid: {
    'renamed-label.yaml': [
      '30:5 selector app=web-frontend matches no pod template in namespace shop: the Service has no endpoints',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: "a selector that is a subset of a pod template's labels",
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web, tier: front}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      `,
    },
    {
      name: 'no selector, an empty one, ExternalName: no managed endpoints',
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
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: shop}
        spec: {ports: [{port: 5432}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: empty, namespace: shop}
        spec: {selector: {}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ext, namespace: shop}
        spec: {type: ExternalName, externalName: db.example.com, selector: {app: nothing}}
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
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      `,
    },
    {
      name: 'a selector of the wrong type is left to the schema',
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
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: [app], ports: [{port: 80, targetPort: 8080}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a renamed label value',
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
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          selector:
            app: web-frontend
          ports: [{port: 80, targetPort: 8080}]
      `,
      errors: [
        {
          messageId: 'noPods',
          data: { selector: 'app=web-frontend', namespace: 'shop' },
          line: 16,
          column: 5,
          endLine: 17,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'more labels than the template has; pods of another namespace; no namespace set',
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
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web, tier: front}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, labels: {app: api}}
        spec: {containers: [{name: api, image: "api:1.0"}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 80}]}
      `,
      errors: [
        {
          messageId: 'noPods',
          data: { selector: 'app=web,tier=front', namespace: 'shop' },
          line: 14,
          column: 18,
          endLine: 14,
          endColumn: 41,
        },
        {
          messageId: 'noPods',
          data: { selector: 'app=web', namespace: '(none set)' },
          line: 24,
          column: 18,
          endLine: 24,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'assumeComplete reports when the namespace has no pod template',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
      `,
      errors: [
        {
          messageId: 'noPods',
          data: { selector: 'app=web', namespace: 'shop' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 28,
        },
      ],
    },
  ],
});

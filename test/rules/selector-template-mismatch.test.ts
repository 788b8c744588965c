import rule from '../../rules/selector-template-mismatch.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('selector-template-mismatch', {
  invalid: {
    'mismatch.yaml': [
      "9:5 spec.selector (app=web) does not match the pod template's labels (app=frontend): the API server rejects the Deployment",
      "27:5 spec.selector (tier in (node)) does not match the pod template's labels (app=agent): the API server rejects the DaemonSet",
      "48:5 spec.selector (app=legacy,tier=old) does not match the pod template's labels (app=legacy): the API server rejects the ReplicationController",
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'selectors that match their templates, by labels and expressions',
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
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          serviceName: db
          selector: {matchExpressions: [{key: app, operator: In, values: [db, cache]}]}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "db:1.0"}]}
      `,
    },
    {
      name: 'a Job without manualSelector, and a ReplicationController without selector',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template: {spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: legacy}
        spec:
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: legacy, image: "legacy:1.0"}]}
      `,
    },
    {
      name: 'a missing or invalid selector is left to the schema and validation',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          template:
            metadata: {labels: {app: a}}
            spec: {containers: [{name: a, image: "a:1.0"}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: b}
        spec:
          selector: {matchExpressions: [{key: app, operator: In}]}
          template:
            metadata: {labels: {app: b}}
            spec: {containers: [{name: b, image: "b:1.0"}]}
      `,
    },
    {
      name: 'a selector that is not an object is invalid, not empty',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: app=web
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1.0"}]}
      `,
    },
    {
      name: 'an invalid selector with as many matchLabels as matchExpressions is not empty',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels: {app: web}
            matchExpressions: [{key: tier, operator: In}]
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "web:1.0"}]}
      `,
    },
    {
      name: 'a template without a pod spec has no pod template to match',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: api}}
      `,
    },
    {
      name: 'a Job selector without manualSelector is generated, not checked',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          selector: {matchLabels: {job: migrate}}
          template:
            metadata: {labels: {job: migrate-v2}}
            spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}
      `,
    },
    {
      name: 'a manual Job selector left out, and a ReplicationController selector of null, are not empty',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          manualSelector: true
          template:
            metadata: {labels: {job: migrate}}
            spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: legacy}
        spec:
          selector: null
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: legacy, image: "legacy:1.0"}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'the message lists every label of the template, comma-separated',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web, tier: back}}
          template:
            metadata: {labels: {app: web, tier: front}}
            spec: {containers: [{name: web, image: "web:1.0"}]}
      `,
      errors: [
        {
          messageId: 'mismatch',
          data: { selector: 'app=web,tier=back', labels: 'app=web,tier=front', kind: 'Deployment' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 50,
        },
      ],
    },
    {
      name: 'a label value that differs',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector:
            matchLabels:
              app: frontend
          template:
            metadata:
              labels:
                app: web
            spec:
              containers: [{name: web, image: "web:1.0"}]
      `,
      errors: [
        {
          messageId: 'mismatch',
          data: { selector: 'app=frontend', labels: 'app=web', kind: 'Deployment' },
          line: 6,
          column: 5,
          endLine: 8,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'an empty selector, and a template without labels',
      yaml: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1.0"}]}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs}
        spec:
          selector: {matchLabels: {app: rs}}
          template:
            spec: {containers: [{name: rs, image: "rs:1.0"}]}
      `,
      errors: [
        { messageId: 'emptySelector', data: {}, line: 5, column: 13, endLine: 5, endColumn: 15 },
        {
          messageId: 'mismatch',
          data: { selector: 'app=rs', labels: 'none', kind: 'ReplicaSet' },
          line: 14,
          column: 13,
          endLine: 14,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'a manual Job selector, a ReplicationController map, an Argo Rollout',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          manualSelector: true
          selector: {matchLabels: {job: migrate}}
          template:
            metadata: {labels: {job: migrate-v2}}
            spec: {restartPolicy: Never, containers: [{name: m, image: "m:1.0"}]}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: legacy}
        spec:
          selector: {app: legacy, tier: back}
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: legacy, image: "legacy:1.0"}]}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: canary}
        spec:
          selector: {matchExpressions: [{key: app, operator: NotIn, values: [canary]}]}
          template:
            metadata: {labels: {app: canary}}
            spec: {containers: [{name: canary, image: "canary:1.0"}]}
      `,
      errors: [
        {
          messageId: 'mismatch',
          data: { selector: 'job=migrate', labels: 'job=migrate-v2', kind: 'Job' },
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 42,
        },
        {
          messageId: 'mismatch',
          data: { selector: 'app=legacy,tier=back', labels: 'app=legacy', kind: 'ReplicationController' },
          line: 15,
          column: 13,
          endLine: 15,
          endColumn: 38,
        },
        {
          messageId: 'mismatch',
          data: { selector: 'app notin (canary)', labels: 'app=canary', kind: 'Rollout' },
          line: 24,
          column: 13,
          endLine: 24,
          endColumn: 80,
        },
      ],
    },
  ],
});

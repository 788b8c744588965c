import rule from '../../rules/liveness-probe-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('liveness-probe-missing', {
  invalid: {
    'deployment.yaml': ['23:11 container "sidecar" has no liveness probe: if it hangs, nothing restarts it'],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'every app container has one; init and sidecar containers are not checked',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
                - {name: setup, image: "busybox:1.36"}
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always}
              containers:
                - {name: web, image: "nginx:1.27.3", livenessProbe: {httpGet: {path: /live, port: 8080}}}
      `,
    },
    {
      name: 'Pods, Jobs and CronJobs run to completion or are managed by hand',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3"}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
                - {name: migrate, image: "migrate:1.0"}
      `,
    },
    {
      name: 'a probe of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: "nginx:1.27.3", livenessProbe: true}
      `,
    },
  ],
  invalid: [
    {
      name: 'absent, and null, in a Deployment',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: web
                  image: nginx:1.27.3
                  readinessProbe: {httpGet: {path: /ready, port: 8080}}
                - {name: proxy, image: "envoy:1.31", livenessProbe: null}
      `,
      errors: [
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "web"' },
          line: 10,
          column: 11,
          endLine: 13,
          endColumn: 1,
        },
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "proxy"' },
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 66,
        },
      ],
    },
    {
      name: 'each long-running kind: StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Rollout',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: "postgres:16.4"}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: "agent:1.0"}]}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27.3"}]}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: legacy}
        spec:
          selector: {app: legacy}
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: legacy, image: "legacy:1.0"}]}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: canary}
        spec:
          selector: {matchLabels: {app: canary}}
          template:
            metadata: {labels: {app: canary}}
            spec: {containers: [{name: canary, image: "canary:1.0"}]}
      `,
      errors: [
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "db"' },
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 59,
        },
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "agent"' },
          line: 18,
          column: 25,
          endLine: 18,
          endColumn: 58,
        },
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "web"' },
          line: 27,
          column: 25,
          endLine: 27,
          endColumn: 59,
        },
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "legacy"' },
          line: 36,
          column: 25,
          endLine: 36,
          endColumn: 60,
        },
        {
          messageId: 'noLivenessProbe',
          data: { container: 'container "canary"' },
          line: 45,
          column: 25,
          endLine: 45,
          endColumn: 60,
        },
      ],
    },
  ],
});

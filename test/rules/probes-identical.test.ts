import rule from '../../rules/probes-identical.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('probes-identical', {
  invalid: {
    'same-check.yaml': [
      '25:13 container "web": the liveness probe is identical to the readiness probe, so a slow container is restarted instead of only taken out of rotation',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'a Pod without a spec has no pod template to check',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
    {
      name: 'different paths, or the same check with a different period',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: nginx:1.27.3
              readinessProbe: {httpGet: {path: /ready, port: 8080}}
              livenessProbe: {httpGet: {path: /live, port: 8080}}
            - name: b
              image: nginx:1.27.3
              readinessProbe: {httpGet: {path: /healthz, port: 8080}}
              livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 20}
      `,
    },
    {
      name: 'only one of the two probes',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", readinessProbe: {tcpSocket: {port: 8080}}}
            - {name: b, image: "nginx:1.27.3", livenessProbe: {tcpSocket: {port: 8080}}}
      `,
    },
    {
      name: 'probes of the wrong type are not probes, even when equal',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:1.27.3", readinessProbe: true, livenessProbe: true}
            - {name: b, image: "nginx:1.27.3", readinessProbe: [x], livenessProbe: [x]}
      `,
    },
  ],
  invalid: [
    {
      name: 'identical, keys in another order',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              readinessProbe:
                httpGet: {path: /healthz, port: 8080}
                periodSeconds: 10
              livenessProbe:
                periodSeconds: 10
                httpGet: {port: 8080, path: /healthz}
      `,
      errors: [
        {
          messageId: 'identical',
          data: { container: 'container "web"' },
          line: 12,
          column: 9,
          endLine: 14,
          endColumn: 1,
        },
      ],
    },
    {
      name: 'a sidecar container of a Deployment',
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
                - {name: mesh, image: "envoy:1.31", restartPolicy: Always, readinessProbe: {tcpSocket: {port: 15021}}, livenessProbe: {tcpSocket: {port: 15021}}}
              containers:
                - {name: web, image: "nginx:1.27.3"}
      `,
      errors: [
        {
          messageId: 'identical',
          data: { container: 'sidecar container "mesh"' },
          line: 10,
          column: 127,
          endLine: 10,
          endColumn: 153,
        },
      ],
    },
  ],
});

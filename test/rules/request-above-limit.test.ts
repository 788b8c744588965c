import rule from '../../rules/request-above-limit.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('request-above-limit', {
  invalid: {
    'above.yaml': [
      '21:20 container "web" requests 1.5 cpu but is limited to 1000m: the API server rejects a request above its limit',
      '22:23 container "web" requests 1Gi memory but is limited to 512Mi: the API server rejects a request above its limit',
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
      name: 'requests at or below their limits, in other units',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              resources:
                requests: {cpu: 500m, memory: 1Gi, ephemeral-storage: 1G}
                limits: {cpu: "0.5", memory: 1024Mi, ephemeral-storage: 2G}
      `,
    },
    {
      name: 'a request without a limit of that resource, a limit without a request',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", resources: {requests: {cpu: "4"}, limits: {memory: 1Gi}}}
      `,
    },
    {
      name: 'amounts that are not quantities are left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:1.27.3", resources: {requests: {cpu: lots, memory: [2Gi]}, limits: {cpu: "1", memory: 1Gi}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'CPU and memory above their limits, written in other units',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
              resources:
                requests:
                  memory: 1Gi
                  cpu: 1.5
                limits:
                  memory: 512Mi
                  cpu: 1000m
      `,
      errors: [
        {
          messageId: 'aboveLimit',
          data: { container: 'container "web"', request: '1Gi', resource: 'memory', limit: '512Mi' },
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 22,
        },
        {
          messageId: 'aboveLimit',
          data: { container: 'container "web"', request: '1.5', resource: 'cpu', limit: '1000m' },
          line: 11,
          column: 16,
          endLine: 11,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'an init container and an extended resource, in a Job',
      yaml: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: train}
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
                - {name: fetch, image: "fetch:1.0", resources: {requests: {ephemeral-storage: 10Gi}, limits: {ephemeral-storage: 5Gi}}}
              containers:
                - {name: train, image: "train:1.0", resources: {requests: {nvidia.com/gpu: 2}, limits: {nvidia.com/gpu: 1}}}
      `,
      errors: [
        {
          messageId: 'aboveLimit',
          data: { container: 'init container "fetch"', request: '10Gi', resource: 'ephemeral-storage', limit: '5Gi' },
          line: 9,
          column: 87,
          endLine: 9,
          endColumn: 91,
        },
        {
          messageId: 'aboveLimit',
          data: { container: 'container "train"', request: '2', resource: 'nvidia.com/gpu', limit: '1' },
          line: 11,
          column: 84,
          endLine: 11,
          endColumn: 85,
        },
      ],
    },
  ],
});

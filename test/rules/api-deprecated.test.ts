import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/api-deprecated.js';
import { ruleFindingsIn, runRuleTests, testRule } from './rule-tester.js';

testRule('api-deprecated', {
  invalid: {
    'endpoints.yaml': ['2:7 v1 Endpoints is deprecated since Kubernetes 1.33: use discovery.k8s.io/v1 EndpointSlice'],
  },
});

const CRONJOB = `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example.com/report:1.0.0
`;

describe('api-deprecated and the Kubernetes version', () => {
  it('reports an API version between its replacement and its removal', async () => {
    expect(await ruleFindingsIn('api-deprecated', CRONJOB, { kubernetesVersion: '1.24' })).toEqual([
      '1:13 batch/v1beta1 CronJob is deprecated and removed in Kubernetes 1.25 (target 1.24): use batch/v1 (available since 1.21)',
    ]);
    expect(await ruleFindingsIn('api-deprecated', CRONJOB, { kubernetesVersion: '1.20' })).toEqual([]);
    expect(await ruleFindingsIn('api-deprecated', CRONJOB, { kubernetesVersion: '1.25' })).toEqual([]);
  });

  it('hands over to api-removed once the version is gone, naming a replacement the target serves', async () => {
    expect(await ruleFindingsIn('api-removed', CRONJOB, { kubernetesVersion: '1.24' })).toEqual([]);
    expect(await ruleFindingsIn('api-removed', CRONJOB, { kubernetesVersion: 'v1.25.3' })).toEqual([
      '1:13 batch/v1beta1 CronJob was removed in Kubernetes 1.25 (target 1.25): use batch/v1 (available since 1.21)',
    ]);
    const flowSchema =
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta1\nkind: FlowSchema\nmetadata:\n  name: jobs\nspec:\n  priorityLevelConfiguration:\n    name: low\n';
    expect(await ruleFindingsIn('api-removed', flowSchema, { kubernetesVersion: '1.27' })).toEqual([
      '1:13 flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema was removed in Kubernetes 1.26 (target 1.27): use flowcontrol.apiserver.k8s.io/v1beta3 (available since 1.26)',
    ]);
  });

  it('reports deprecated kinds only from the release that deprecated them', async () => {
    const endpoints = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\n';
    expect(await ruleFindingsIn('api-deprecated', endpoints, { kubernetesVersion: '1.32' })).toEqual([]);
  });
});

runRuleTests(rule, {
  valid: [
    {
      name: 'current API versions',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata: {name: db}
        addressType: IPv4
        endpoints: [{addresses: [10.0.0.12]}]
      `,
    },
    {
      name: 'before its replacement exists, an API version is not deprecated yet',
      kubeVersion: '1.20',
      yaml: `
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
    },
    {
      name: "once removed it is api-removed's; Endpoints before 1.33",
      kubeVersion: '1.25',
      yaml: `
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: db}
      `,
    },
    {
      name: 'only v1 Endpoints is a deprecated kind: not another kind of v1, nor an Endpoints of another group',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: db}
        data: {host: 10.0.0.12}
        ---
        apiVersion: example.com/v1
        kind: Endpoints
        metadata: {name: db}
      `,
    },
  ],
  invalid: [
    {
      name: 'an API version between its replacement and its removal',
      kubeVersion: '1.24',
      yaml: `
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: r, image: "r:1.0"}]}}}}
      `,
      errors: [
        {
          messageId: 'deprecated',
          data: {
            apiVersion: 'batch/v1beta1',
            kind: 'CronJob',
            removedIn: '1.25',
            target: '1.24',
            advice: 'use batch/v1 (available since 1.21)',
          },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'a kind deprecated as a whole',
      yaml: `
        apiVersion: v1
        kind: Endpoints
        metadata: {name: db}
        subsets: [{addresses: [{ip: 10.0.0.12}], ports: [{port: 5432}]}]
      `,
      errors: [
        {
          messageId: 'kindDeprecated',
          data: { apiVersion: 'v1', kind: 'Endpoints', since: '1.33', instead: 'discovery.k8s.io/v1 EndpointSlice' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'deprecated from the release that says so (flowcontrol v1beta3 in 1.29)',
      kubeVersion: '1.29',
      yaml: `
        apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
        kind: FlowSchema
        metadata: {name: jobs}
        spec: {priorityLevelConfiguration: {name: low}}
      `,
      errors: [
        {
          messageId: 'deprecated',
          data: {
            apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
            kind: 'FlowSchema',
            removedIn: '1.32',
            target: '1.29',
            advice: 'use flowcontrol.apiserver.k8s.io/v1 (available since 1.29)',
          },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 49,
        },
      ],
    },
    {
      name: 'deprecated once any of its replacements is served, the newest not yet (flowcontrol v1beta1 in 1.24)',
      kubeVersion: '1.24',
      yaml: `
        apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
        kind: FlowSchema
        metadata: {name: jobs}
        spec: {priorityLevelConfiguration: {name: low}}
      `,
      errors: [
        {
          messageId: 'deprecated',
          data: {
            apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
            kind: 'FlowSchema',
            removedIn: '1.26',
            target: '1.24',
            advice: 'use flowcontrol.apiserver.k8s.io/v1beta2 (available since 1.23)',
          },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 49,
        },
      ],
    },
  ],
});

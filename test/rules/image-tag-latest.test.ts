import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/image-tag-latest.js';
import { ruleFindings, runRuleTests, testRule } from './rule-tester.js';

testRule('image-tag-latest', {
  invalid: {
    'cronjob.yaml': [
      '18:22 container "uploader": image "registry.example.com/tools/uploader:latest" uses the moving tag "latest"; pin a version or a digest',
    ],
    'untagged-and-latest.yaml': [
      '21:18 container "web": image "nginx" has no tag (Kubernetes pulls "latest"); pin a version or a digest',
      '23:18 container "metrics": image "registry.example.com:5000/tools/exporter:latest" uses the moving tag "latest"; pin a version or a digest',
    ],
  },
});

describe('image-tag-latest options', () => {
  it('treats the configured tags as moving', async () => {
    const config = { rules: { 'image-tag-latest': { options: { mutableTags: ['latest', '1.0.0'] } } } };
    expect(
      await ruleFindings('image-tag-latest', ['fixtures/rules/image-tag-latest/invalid/cronjob.yaml'], { config }),
    ).toEqual([
      '16:22 container "cleanup": image "registry.example.com/tools/cleanup:1.0.0" uses the moving tag "1.0.0"; pin a version or a digest',
      '18:22 container "uploader": image "registry.example.com/tools/uploader:latest" uses the moving tag "latest"; pin a version or a digest',
    ]);
  });
});

const DIGEST = `sha256:${'ab'.repeat(32)}`;

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
      name: 'a version tag',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: nginx:1.27.3}
      `,
    },
    {
      name: 'a digest pins the build, with or without a tag beside it',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx@${DIGEST}"}
            - {name: b, image: "nginx:latest@${DIGEST}"}
            - {name: c, image: "registry:5000/app@${DIGEST}"}
      `,
    },
    {
      name: 'a registry port with a version tag',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "registry.example.com:5000/team/app:1.2"}
      `,
    },
    {
      name: 'a tag that only contains "latest"',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "nginx:latest-1.27"}
            - {name: b, image: "nginx:LATEST"}
      `,
    },
    {
      name: 'no image (a controller fills it in), an empty one, and references the kubelet cannot parse',
      // An empty image and one with a space are refused by the API server too (schema-invalid).
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a}
            - {name: b, image: ""}
            - {name: c, image: NGINX}
            - {name: d, image: " nginx"}
            - {name: e, image: "nginx@sha256:0123"}
      `,
    },
    {
      name: 'an image of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: [nginx]}
            - {name: b, image: 7}
      `,
    },
    {
      name: 'mutableTags replaces the default list',
      options: { mutableTags: ['edge'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: nginx:latest}
      `,
    },
    {
      name: 'suppressed on the object',
      yaml: `
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations: {kubeplan.io/ignore: "image-tag-latest"}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: nginx}
      `,
    },
    {
      name: 'suppressed for the one container that uses a moving tag',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore.debug: "image-tag-latest"}
        spec:
          containers:
            - {name: web, image: nginx:1.27.3}
            - {name: debug, image: busybox}
      `,
    },
    {
      name: 'objects without a pod template: a ConfigMap, a custom resource with spec.template',
      yaml: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: images}
        data: {image: "nginx:latest"}
        ---
        apiVersion: serving.knative.dev/v1
        kind: Service
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - image: nginx:latest
      `,
    },
  ],
  invalid: [
    {
      name: 'the tag latest',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:latest
      `,
      errors: [
        {
          messageId: 'movingTag',
          message: 'container "web": image "nginx:latest" uses the moving tag "latest"; pin a version or a digest',
          data: { container: 'container "web"', image: 'nginx:latest', tag: 'latest' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'no tag, and a registry port that is not a tag',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx
            - name: app
              image: "registry:5000/app"
      `,
      errors: [
        {
          messageId: 'noTag',
          message: 'container "web": image "nginx" has no tag (Kubernetes pulls "latest"); pin a version or a digest',
          data: { container: 'container "web"', image: 'nginx' },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 19,
        },
        {
          messageId: 'noTag',
          data: { container: 'container "app"', image: 'registry:5000/app' },
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'every container type of a Pod: init, sidecar, app and ephemeral',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: busybox}
            - {name: proxy, image: "envoy:latest", restartPolicy: Always}
          containers:
            - {name: web, image: "nginx:1.27.3"}
          ephemeralContainers:
            - {name: debugger, image: "busybox:latest"}
      `,
      errors: [
        {
          messageId: 'noTag',
          data: { container: 'init container "setup"', image: 'busybox' },
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 35,
        },
        {
          messageId: 'movingTag',
          data: { container: 'sidecar container "proxy"', image: 'envoy:latest', tag: 'latest' },
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 42,
        },
        {
          messageId: 'movingTag',
          data: { container: 'ephemeral container "debugger"', image: 'busybox:latest', tag: 'latest' },
          line: 11,
          column: 31,
          endLine: 11,
          endColumn: 47,
        },
      ],
    },
    {
      name: 'a CronJob, three levels down',
      yaml: `
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - {name: report, image: "registry.example.com/report:latest"}
      `,
      errors: [
        {
          messageId: 'movingTag',
          data: { container: 'container "report"', image: 'registry.example.com/report:latest', tag: 'latest' },
          line: 12,
          column: 37,
          endLine: 12,
          endColumn: 73,
        },
      ],
    },
    {
      name: 'each workload kind with a pod template',
      yaml: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: postgres}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: agent}]}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec: {restartPolicy: Never, containers: [{name: migrate, image: migrate}]}
        ---
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: legacy}
        spec:
          selector: {app: legacy}
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: legacy, image: legacy}]}
        ---
        apiVersion: v1
        kind: PodTemplate
        metadata: {name: runner}
        template:
          spec: {containers: [{name: runner, image: runner}]}
      `,
      errors: [
        {
          messageId: 'noTag',
          data: { container: 'container "db"', image: 'postgres' },
          line: 9,
          column: 43,
          endLine: 9,
          endColumn: 51,
        },
        {
          messageId: 'noTag',
          data: { container: 'container "agent"', image: 'agent' },
          line: 18,
          column: 46,
          endLine: 18,
          endColumn: 51,
        },
        {
          messageId: 'noTag',
          data: { container: 'container "migrate"', image: 'migrate' },
          line: 25,
          column: 70,
          endLine: 25,
          endColumn: 77,
        },
        {
          messageId: 'noTag',
          data: { container: 'container "legacy"', image: 'legacy' },
          line: 34,
          column: 47,
          endLine: 34,
          endColumn: 53,
        },
        {
          messageId: 'noTag',
          data: { container: 'container "runner"', image: 'runner' },
          line: 40,
          column: 45,
          endLine: 40,
          endColumn: 51,
        },
      ],
    },
    {
      name: 'an Argo Rollout',
      yaml: `
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - {name: web, image: "nginx:latest"}
      `,
      errors: [
        {
          messageId: 'movingTag',
          data: { container: 'container "web"', image: 'nginx:latest', tag: 'latest' },
          line: 10,
          column: 30,
          endLine: 10,
          endColumn: 44,
        },
      ],
    },
    {
      name: 'mutableTags adds tags that move',
      options: { mutableTags: ['latest', 'stable'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "nginx:stable"}
            - {name: sidecar, image: "envoy:1.31"}
      `,
      errors: [
        {
          messageId: 'movingTag',
          data: { container: 'container "web"', image: 'nginx:stable', tag: 'stable' },
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 40,
        },
      ],
    },
    {
      name: 'a container suppression spares only its container',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore.debug: "image-tag-latest"}
        spec:
          containers:
            - {name: debug, image: busybox}
            - {name: web, image: nginx}
      `,
      errors: [
        {
          messageId: 'noTag',
          data: { container: 'container "web"', image: 'nginx' },
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'a suppression of another rule suppresses nothing here',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {kubeplan.io/ignore: "host-port"}
        spec:
          containers:
            - {name: web, image: nginx}
      `,
      errors: [
        {
          messageId: 'noTag',
          data: { container: 'container "web"', image: 'nginx' },
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 31,
        },
      ],
    },
  ],
});

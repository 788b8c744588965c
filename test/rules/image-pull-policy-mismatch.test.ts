import { describe, expect, it } from '@jest/globals';
import rule from '../../rules/image-pull-policy-mismatch.js';
import { ruleFindingsIn, runRuleTests, testRule } from './rule-tester.js';

testRule('image-pull-policy-mismatch', {
  invalid: {
    'latest-if-not-present.yaml': [
      '19:28 container "web": imagePullPolicy IfNotPresent with the moving image "registry.example.com/web:latest": nodes keep whichever build they pulled first',
      '22:28 container "sidecar": imagePullPolicy Never with the moving image "registry.example.com/sidecar": nodes keep whichever build they pulled first',
    ],
  },
});

/** A Pod with one IfNotPresent container per image (`imagePullPolicy:` on line 8, 11, ... at column 24). */
const pod = (...images: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${images
    .map(
      (image, i) => `    - name: c${i}\n      image: ${JSON.stringify(image)}\n      imagePullPolicy: IfNotPresent\n`,
    )
    .join('')}`;

describe('image-pull-policy-mismatch references', () => {
  it('reads a registry port as part of the registry, not as a tag', async () => {
    expect(
      await ruleFindingsIn('image-pull-policy-mismatch', pod('registry:5000/app', 'registry:5000/app:1.2')),
    ).toEqual([
      '8:24 container "c0": imagePullPolicy IfNotPresent with the moving image "registry:5000/app": nodes keep whichever build they pulled first',
    ]);
  });

  it('leaves digests and references the kubelet cannot parse alone', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(await ruleFindingsIn('image-pull-policy-mismatch', pod(`app:latest@${digest}`, 'App:latest'))).toEqual([]);
  });
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
      name: 'Always, or no policy, with a moving tag; IfNotPresent with a version or a digest',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "web:latest", imagePullPolicy: Always}
            - {name: b, image: "web"}
            - {name: c, image: "web:2.4.0", imagePullPolicy: IfNotPresent}
            - {name: d, image: "web@sha256:${'ab'.repeat(32)}", imagePullPolicy: Never}
      `,
    },
    {
      name: 'mutableTags decides which tags move',
      options: { mutableTags: ['edge'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: web, image: "web:latest", imagePullPolicy: IfNotPresent}
      `,
    },
    {
      name: 'a policy or image of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: a, image: "web:latest", imagePullPolicy: [IfNotPresent]}
            - {name: b, image: [web], imagePullPolicy: IfNotPresent}
      `,
    },
  ],
  invalid: [
    {
      name: 'IfNotPresent and Never with latest, no tag, a registry port',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: a
              image: registry.example.com/web:latest
              imagePullPolicy: IfNotPresent
            - {name: b, image: "registry.example.com/sidecar", imagePullPolicy: Never}
            - {name: c, image: "registry:5000/app", imagePullPolicy: IfNotPresent}
      `,
      errors: [
        {
          messageId: 'policyWithMovingTag',
          data: { container: 'container "a"', policy: 'IfNotPresent', image: 'registry.example.com/web:latest' },
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 36,
        },
        {
          messageId: 'policyWithMovingTag',
          data: { container: 'container "b"', policy: 'Never', image: 'registry.example.com/sidecar' },
          line: 9,
          column: 73,
          endLine: 9,
          endColumn: 78,
        },
        {
          messageId: 'policyWithMovingTag',
          data: { container: 'container "c"', policy: 'IfNotPresent', image: 'registry:5000/app' },
          line: 10,
          column: 62,
          endLine: 10,
          endColumn: 74,
        },
      ],
    },
    {
      name: 'every container type; mutableTags adds tags',
      options: { mutableTags: ['latest', 'stable'] },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
            - {name: setup, image: "setup:stable", imagePullPolicy: IfNotPresent}
          containers:
            - {name: web, image: "web:1.0", imagePullPolicy: IfNotPresent}
          ephemeralContainers:
            - {name: debug, image: "busybox", imagePullPolicy: IfNotPresent}
      `,
      errors: [
        {
          messageId: 'policyWithMovingTag',
          data: { container: 'init container "setup"', policy: 'IfNotPresent', image: 'setup:stable' },
          line: 6,
          column: 61,
          endLine: 6,
          endColumn: 73,
        },
        {
          messageId: 'policyWithMovingTag',
          data: { container: 'ephemeral container "debug"', policy: 'IfNotPresent', image: 'busybox' },
          line: 10,
          column: 56,
          endLine: 10,
          endColumn: 68,
        },
      ],
    },
  ],
});

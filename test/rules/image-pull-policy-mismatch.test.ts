import { describe, expect, it } from '@jest/globals';
import { ruleFindingsIn, testRule } from './rule-tester.js';

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

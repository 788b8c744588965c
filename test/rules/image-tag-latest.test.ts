import { describe, expect, it } from '@jest/globals';
import { ruleFindings, ruleFindingsIn, testRule } from './rule-tester.js';

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

/** A Pod with one container per image, one per line from line 7 (`image:` at column 14). */
const pod = (...images: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${images
    .map((image, i) => `    - name: c${i}\n      image: ${JSON.stringify(image)}\n`)
    .join('')}`;

describe('image-tag-latest references', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;

  it('reads a registry port as part of the registry, not as a tag', async () => {
    expect(await ruleFindingsIn('image-tag-latest', pod('registry:5000/app', 'registry:5000/app:1.2'))).toEqual([
      '7:14 container "c0": image "registry:5000/app" has no tag (Kubernetes pulls "latest"); pin a version or a digest',
    ]);
  });

  it('takes a digest as pinned, with or without a tag', async () => {
    expect(await ruleFindingsIn('image-tag-latest', pod(`nginx@${digest}`, `nginx:latest@${digest}`))).toEqual([]);
  });

  it('judges no tag of an image the kubelet cannot parse', async () => {
    expect(await ruleFindingsIn('image-tag-latest', pod('NGINX', ' nginx', 'nginx@sha256:0123'))).toEqual([]);
  });
});

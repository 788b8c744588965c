import { describe, expect, it } from '@jest/globals';
import { ruleFindings, testRule } from './rule-tester.js';

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

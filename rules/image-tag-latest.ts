import { MUTABLE_TAGS_OPTION } from '../src/lint/mutable-tags.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { isMutableImage, parseImageReference } from '../src/model/image-reference.js';
import { asString } from '../src/model/json.js';
import { containersOf, describeContainer } from '../src/model/containers.js';

export default defineRule<{ mutableTags: string[] }, 'noTag' | 'movingTag'>({
  meta: {
    id: 'image-tag-latest',
    category: 'images',
    severity: 'warning',
    profile: 'default',
    description: 'A container image has no tag, or a tag that moves (`latest`).',
    rationale:
      'Without a fixed tag or digest, each node pulls whatever the tag points to when a pod starts there: pods of one Deployment can run different code, a rollback does not restore the previous build, and nothing in the manifest says what runs.',
    remediation: 'Pin the image to a version tag (`app:1.8.2`) or, better, a digest (`app@sha256:…`).',
    target: 'pod-templates',
    options: MUTABLE_TAGS_OPTION,
    notes:
      'A digest pins the build whatever tag stands beside it, so `nginx:latest@sha256:…` is not reported (its pull policy still defaults to `Always`: that default reads the tag). A registry port is not a tag: `registry:5000/app` has none. An image the kubelet cannot parse (upper case in the repository, surrounding spaces, a malformed digest) is not judged here.',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:latest
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
      `,
    },
    messages: {
      noTag: '{{container}}: image "{{image}}" has no tag (Kubernetes pulls "latest"); pin a version or a digest',
      movingTag: '{{container}}: image "{{image}}" uses the moving tag "{{tag}}"; pin a version or a digest',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const image = asString(c.container.image);
      if (!image) continue;
      // A reference the kubelet cannot parse has no tag to judge.
      const ref = parseImageReference(image);
      if (!ref || !isMutableImage(ref, ctx.options.mutableTags)) continue;
      const pointer = `${c.pointer}/image`;
      const container = describeContainer(c);
      if (ref.tag === undefined) ctx.report({ pointer, messageId: 'noTag', data: { container, image } });
      else ctx.report({ pointer, messageId: 'movingTag', data: { container, image, tag: ref.tag } });
    }
  },
});

import { MUTABLE_TAGS_OPTION } from '../src/lint/mutable-tags.js';
import { judgedContainers } from '../src/lint/judged-containers.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { isMutableImage, parseImageReference } from '../src/model/image-reference.js';
import { asString } from '../src/model/json.js';
import { describeContainer } from '../src/model/containers.js';

export default defineRule<{ mutableTags: string[] }, 'policyWithMovingTag'>({
  meta: {
    id: 'image-pull-policy-mismatch',
    category: 'images',
    severity: 'warning',
    profile: 'default',
    description:
      'A container with a moving image tag (`latest`, or none) sets `imagePullPolicy: IfNotPresent` or `Never`.',
    rationale:
      'A node that already has an image under that tag keeps using it, so pods started on different nodes run different builds, and pushing a new image changes nothing on nodes that pulled the old one. Kubernetes itself defaults such images to `Always`.',
    remediation: 'Pin the image to a version or digest, or drop `imagePullPolicy` (or set `Always`) for a moving tag.',
    target: 'pod-templates',
    options: MUTABLE_TAGS_OPTION,
    notes:
      'Images are read as in `image-tag-latest`: a digest pins the build whatever its tag, a registry port (`registry:5000/app`) is not a tag, and an image the kubelet cannot parse is not judged.',
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/web:latest
              imagePullPolicy: IfNotPresent
      `,
      valid: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: registry.example.com/web:2.4.0
              imagePullPolicy: IfNotPresent
      `,
    },
    messages: {
      policyWithMovingTag:
        '{{container}}: imagePullPolicy {{policy}} with the moving image "{{image}}": nodes keep whichever build they pulled first',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of judgedContainers(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const image = asString(c.container.image);
      const policy = c.container.imagePullPolicy;
      if (!image || (policy !== 'IfNotPresent' && policy !== 'Never')) continue;
      const ref = parseImageReference(image);
      if (!ref || !isMutableImage(ref, ctx.options.mutableTags)) continue;
      ctx.report({
        pointer: `${c.pointer}/imagePullPolicy`,
        messageId: 'policyWithMovingTag',
        data: { container: describeContainer(c), policy, image },
      });
    }
  },
});

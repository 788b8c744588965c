import { isMutableImage, MUTABLE_TAGS_OPTION, parseImage } from '../src/lint/image-reference.js';
import { containersOf, describeContainer } from '../src/lint/pod-templates.js';
import { defineRule } from '../src/lint/rule.js';
import { asString } from '../src/model/json.js';

export default defineRule<{ mutableTags: string[] }>({
  meta: {
    id: 'image-pull-policy-mismatch',
    category: 'images',
    severity: 'warning',
    description:
      'A container with a moving image tag (`latest`, or none) sets `imagePullPolicy: IfNotPresent` or `Never`.',
    rationale:
      'A node that already has an image under that tag keeps using it, so pods started on different nodes run different builds, and pushing a new image changes nothing on nodes that pulled the old one. Kubernetes itself defaults such images to `Always`.',
    remediation: 'Pin the image to a version or digest, or drop `imagePullPolicy` (or set `Always`) for a moving tag.',
    target: 'pod-templates',
    options: MUTABLE_TAGS_OPTION,
    example: {
      invalid:
        'containers:\n  - name: web\n    image: registry.example.com/web:latest\n    imagePullPolicy: IfNotPresent',
      valid: 'containers:\n  - name: web\n    image: registry.example.com/web:2.4.0\n    imagePullPolicy: IfNotPresent',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const c of containersOf(ctx.podTemplate, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const image = asString(c.container.image);
      const policy = c.container.imagePullPolicy;
      if (!image || (policy !== 'IfNotPresent' && policy !== 'Never')) continue;
      if (!isMutableImage(parseImage(image), ctx.options.mutableTags)) continue;
      ctx.report(
        `${c.pointer}/imagePullPolicy`,
        `${describeContainer(c)}: imagePullPolicy ${policy} with the moving image "${image}": nodes keep whichever build they pulled first`,
      );
    }
  },
});

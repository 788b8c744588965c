import { describeRef } from '../src/model/object-ref.js';
import { defineRule } from '../src/lint/rule.js';
import { API_CONFIG_MAP } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';

export default defineRule({
  meta: {
    id: 'duplicate-object',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: 'The same object (group, kind, namespace and name) is defined more than once in the input.',
    rationale:
      'When applied, the later definition silently replaces the earlier one, so one of the two never takes effect; which one wins depends on file order. The API server accepts both (`kubectl apply` patches the object twice), so this is a warning, not an error.',
    remediation: 'Keep one definition: delete the copy, or rename one of them if both are meant to exist.',
    target: 'all',
    notes:
      'Objects without a namespace are compared with each other only (they go to whatever namespace they are applied in). A copy in the same file is a warning; a copy in another file only info: directories of alternatives (one file per cloud, model or version, applied one at a time) are common, and kubeplan cannot know which files are applied together. Objects named by `generateName` get a name each from the API server and are never copies.',
    example: {
      invalid: [
        API_CONFIG_MAP,
        yaml`
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: api-config
            namespace: shop
          data:
            LOG_LEVEL: debug
        `,
      ].join('---\n'),
      valid: [API_CONFIG_MAP].join('---\n'),
    },
    messages: {
      duplicate: '{{object}} is already defined at {{first}}; the later definition replaces it when applied',
    },
  },
  check(ctx) {
    const same = ctx.index.sameIdentity(ctx.manifest);
    const position = same.indexOf(ctx.manifest);
    if (position <= 0 || !ctx.manifest.ref.name) return;
    const file = ctx.manifest.source.file;
    // The first copy in this file when there is one (a sure mistake), else the first of all.
    const first = same.slice(0, position).find((m) => m.source.file === file) ?? same[0]!;
    // Stryker disable next-line StringLiteral: locate() falls back to the object's start for a field the object lacks, and no Kubernetes object has the top-level field "tryker was here!" the mutant's pointer names
    const line = first.locate('').line;
    ctx.report({
      pointer: '/metadata/name',
      messageId: 'duplicate',
      data: { object: describeRef(ctx.manifest.ref), first: `${first.source.file}:${line}` },
      ...(first.source.file === file ? {} : { atMost: 'info' as const }),
    });
  },
});

import { closestName } from '../validate/suggest.js';
import { configReferences, definedKeys, type ConfigReference } from './config-references.js';
import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from './references.js';
import { defineRule, type Rule, type RuleMeta } from './rule.js';

type Docs = Pick<RuleMeta, 'id' | 'severity' | 'description' | 'rationale' | 'remediation' | 'example'>;

/** The rule that reports references to a ConfigMap or Secret that the input does not define. */
export function missingObjectRule(kind: ConfigReference['kind'], docs: Docs): Rule {
  return defineRule<ReferenceOptions>({
    meta: {
      ...docs,
      category: 'references',
      target: 'pod-templates',
      options: REFERENCE_OPTIONS,
      notes: `References marked \`optional: true\` are not reported. ${REFERENCE_NOTES}`,
    },
    check(ctx) {
      if (!ctx.podTemplate) return;
      const reported = new Set<string>();
      for (const ref of configReferences(ctx.podTemplate)) {
        if (
          ref.kind !== kind ||
          ref.optional ||
          reported.has(ref.pointer) ||
          ctx.index.find(kind, ctx.namespace, ref.name)
        )
          continue;
        if (!reportsMissing(ctx, kind, ctx.namespace)) continue;
        reported.add(ref.pointer);
        ctx.report(
          ref.pointer,
          `${ref.via} references ${kind} "${ref.name}", which is not in the input: the pod does not start without it`,
        );
      }
    },
  });
}

/** The rule that reports references to a key that a ConfigMap or Secret of the input does not have. */
export function missingKeyRule(kind: ConfigReference['kind'], docs: Docs): Rule {
  return defineRule({
    meta: {
      ...docs,
      category: 'references',
      target: 'pod-templates',
      notes: `Checked only when the ${kind} is in the input; references marked \`optional: true\` are not reported.${kind === 'Secret' ? ' Only key names are compared and shown, never values.' : ''}`,
    },
    check(ctx) {
      if (!ctx.podTemplate) return;
      for (const ref of configReferences(ctx.podTemplate)) {
        if (ref.kind !== kind || ref.key === undefined || ref.optional) continue;
        const target = ctx.index.find(kind, ctx.namespace, ref.name);
        if (!target) continue;
        const keys = definedKeys(target);
        if (keys.includes(ref.key)) continue;
        const guess = closestName(ref.key, keys);
        const has = keys.length ? `it has ${keys.map((k) => `"${k}"`).join(', ')}` : 'it has no keys';
        ctx.report(
          ref.keyPointer!,
          `${ref.via} references key "${ref.key}" of ${kind} "${ref.name}", which has no such key${guess ? `; did you mean "${guess}"?` : ` (${has})`}`,
        );
      }
    },
  });
}

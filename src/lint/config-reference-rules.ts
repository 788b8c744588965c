import { closestName } from '../validate/suggest.js';
import { configReferences, definedKeys, type ConfigReference } from './config-references.js';
import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from './references.js';
import { defineRule, type Rule, type RuleMeta } from './rule.js';

type Docs = Pick<RuleMeta, 'id' | 'severity' | 'profile' | 'description' | 'rationale' | 'remediation' | 'example'>;

/** The rule that reports references to a ConfigMap or Secret that the input does not define. */
export function missingObjectRule(kind: ConfigReference['kind'], docs: Docs): Rule {
  return defineRule<ReferenceOptions, 'missing'>({
    meta: {
      ...docs,
      category: 'references',
      target: 'pod-templates',
      options: REFERENCE_OPTIONS,
      notes: `References marked \`optional: true\` are not reported. ${REFERENCE_NOTES}`,
      messages: {
        missing: `{{via}} references ${kind} "{{name}}", which is not in the input: the pod does not start without it`,
      },
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
        ctx.report({ pointer: ref.pointer, messageId: 'missing', data: { via: ref.via, name: ref.name } });
      }
    },
  });
}

/** The rule that reports references to a key that a ConfigMap or Secret of the input does not have. */
export function missingKeyRule(kind: ConfigReference['kind'], docs: Docs): Rule {
  const missing = `{{via}} references key "{{key}}" of ${kind} "{{name}}", which has no such key`;
  return defineRule({
    meta: {
      ...docs,
      category: 'references',
      target: 'pod-templates',
      notes: `Checked only when the ${kind} is in the input; references marked \`optional: true\` are not reported.${kind === 'Secret' ? ' Only key names are compared and shown, never values.' : ''}`,
      messages: {
        didYouMean: `${missing}; did you mean "{{guess}}"?`,
        otherKeys: `${missing} (it has {{keys}})`,
        noKeys: `${missing} (it has no keys)`,
      },
    },
    check(ctx) {
      if (!ctx.podTemplate) return;
      for (const ref of configReferences(ctx.podTemplate)) {
        if (ref.kind !== kind || ref.key === undefined || ref.optional) continue;
        const target = ctx.index.find(kind, ctx.namespace, ref.name);
        const keys = target && definedKeys(target);
        if (!keys || keys.includes(ref.key)) continue;
        const data = { via: ref.via, key: ref.key, name: ref.name };
        const pointer = ref.keyPointer!;
        const guess = closestName(ref.key, keys);
        if (guess) ctx.report({ pointer, messageId: 'didYouMean', data: { ...data, guess } });
        else if (keys.length)
          ctx.report({
            pointer,
            messageId: 'otherKeys',
            data: { ...data, keys: keys.map((k) => `"${k}"`).join(', ') },
          });
        else ctx.report({ pointer, messageId: 'noKeys', data });
      }
    },
  });
}

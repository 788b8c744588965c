import { appendPointer } from '../src/model/json-pointer.js';
import { defineRule, type RuleContext } from '../src/lint/rule.js';
import { asObject, dig } from '../src/model/json.js';
import { labelValue, qualifiedName } from '../src/model/name-validation.js';

/** Checks every key (and, for labels, value) of a map at `pointer`. */
function checkMap(ctx: RuleContext, pointer: string, what: 'label' | 'annotation', checkValues: boolean): void {
  const map = asObject(dig(ctx.object, ...pointer.slice(1).split('/')));
  if (!map) return;
  for (const [key, value] of Object.entries(map)) {
    const at = appendPointer(pointer, key);
    // The API server lowercases annotation keys before checking them.
    const keyErrors = qualifiedName(what === 'annotation' ? key.toLowerCase() : key);
    if (keyErrors.length) ctx.report(at, `${what} key "${key}" is invalid: ${keyErrors.join('; ')}`, 'key');
    if (checkValues && typeof value === 'string') {
      const valueErrors = labelValue(value);
      if (valueErrors.length)
        ctx.report(at, `${what} value "${value}" of ${key} is invalid: ${valueErrors.join('; ')}`);
    }
  }
}

export default defineRule({
  meta: {
    id: 'invalid-label',
    category: 'names',
    severity: 'error',
    description: 'A label key or value, or an annotation key, has a syntax that the API server rejects.',
    rationale:
      'Label keys are qualified names (an optional DNS subdomain prefix and `/`, then at most 63 characters of letters, digits, `-`, `_` and `.`), label values at most 63 such characters or empty. A bad label fails the whole apply, often only in the environment where a templated value turned out longer or with a space.',
    remediation:
      'Shorten the value to 63 characters and keep to letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit; put free text in an annotation instead.',
    target: 'all',
    notes:
      "Checks `metadata.labels` and `metadata.annotations` keys of the object and of its pod template. Selector keys and values are checked by validation (`schema-invalid`, with the API server's message), as the API server checks them.",
    example: {
      invalid: 'metadata:\n  labels:\n    app.kubernetes.io/version: "1.8.2 (beta)"',
      valid: 'metadata:\n  labels:\n    app.kubernetes.io/version: 1.8.2-beta',
    },
  },
  check(ctx) {
    checkMap(ctx, '/metadata/labels', 'label', true);
    checkMap(ctx, '/metadata/annotations', 'annotation', false);
    const t = ctx.podTemplate;
    if (t && t.pointer !== '') {
      checkMap(ctx, `${t.pointer}/metadata/labels`, 'label', true);
      checkMap(ctx, `${t.pointer}/metadata/annotations`, 'annotation', false);
    }
  },
});

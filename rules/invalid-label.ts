import { appendPointer } from '../src/model/json-pointer.js';
import { defineRule, type RuleContext } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject, dig } from '../src/model/json.js';
import { labelValue, qualifiedName } from '../src/model/name-validation.js';

/** Checks every key (and, for labels, value) of a map at `pointer`. */
type MessageId = 'invalidLabelKey' | 'invalidAnnotationKey' | 'invalidLabelValue';

function checkMap(
  ctx: RuleContext<Record<string, unknown>, MessageId>,
  pointer: string,
  what: 'label' | 'annotation',
  checkValues: boolean,
): void {
  const map = asObject(dig(ctx.object, ...pointer.slice(1).split('/')));
  if (!map) return;
  for (const [key, value] of Object.entries(map)) {
    const at = appendPointer(pointer, key);
    // The API server lowercases annotation keys before checking them.
    const keyErrors = qualifiedName(what === 'annotation' ? key.toLowerCase() : key);
    if (keyErrors.length)
      ctx.report({
        pointer: at,
        at: 'key',
        messageId: what === 'label' ? 'invalidLabelKey' : 'invalidAnnotationKey',
        data: { key, errors: keyErrors.join('; ') },
      });
    if (checkValues && typeof value === 'string') {
      const valueErrors = labelValue(value);
      if (valueErrors.length)
        ctx.report({
          pointer: at,
          messageId: 'invalidLabelValue',
          data: { key, value, errors: valueErrors.join('; ') },
        });
    }
  }
}

export default defineRule<Record<string, unknown>, MessageId>({
  meta: {
    id: 'invalid-label',
    category: 'names',
    severity: 'error',
    profile: 'default',
    description: 'A label key or value, or an annotation key, has a syntax that the API server rejects.',
    rationale:
      'Label keys are qualified names (an optional DNS subdomain prefix and `/`, then at most 63 characters of letters, digits, `-`, `_` and `.`), label values at most 63 such characters or empty. A bad label fails the whole apply, often only in the environment where a templated value turned out longer or with a space.',
    remediation:
      'Shorten the value to 63 characters and keep to letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit; put free text in an annotation instead.',
    target: 'all',
    notes:
      "Checks `metadata.labels` and `metadata.annotations` keys of the object and of its pod template. Selector keys and values are checked by validation (`schema-invalid`, with the API server's message), as the API server checks them.",
    example: {
      invalid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/version: "1.8.2 (beta)"
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
            spec:
              containers:
                - name: web
                  image: registry.example.com/shop/web:1.8.2
      `,
      valid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
            app.kubernetes.io/version: 1.8.2-beta
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: web
          template:
            metadata:
              labels:
                app.kubernetes.io/name: web
            spec:
              containers:
                - name: web
                  image: registry.example.com/shop/web:1.8.2
      `,
    },
    messages: {
      invalidLabelKey: 'label key "{{key}}" is invalid: {{errors}}',
      invalidAnnotationKey: 'annotation key "{{key}}" is invalid: {{errors}}',
      invalidLabelValue: 'label value "{{value}}" of {{key}} is invalid: {{errors}}',
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

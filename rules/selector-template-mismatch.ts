import { workloadSelector } from '../src/model/selectors/consumers.js';
import { formatSelector, selectorMatches } from '../src/model/selectors/label-selector.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { kindsWith } from '../src/model/workload-kinds.js';
import { asObject } from '../src/model/json.js';

/** Kinds whose `spec.selector` must select their own template (a LabelSelector, or a map for ReplicationController). */
const SELECTOR_KINDS = [...kindsWith('selectsTemplate')];

/** `{}`, or a LabelSelector without matchLabels and matchExpressions entries. */
function isEmpty(selector: unknown): boolean {
  const o = asObject(selector);
  if (!o) return false;
  const size = (v: unknown): number =>
    Array.isArray(v) ? v.length : asObject(v) ? Object.keys(v as object).length : 0;
  return size(o.matchLabels) + size(o.matchExpressions) === 0;
}

export default defineRule({
  meta: {
    id: 'selector-template-mismatch',
    category: 'workloads',
    severity: 'error',
    profile: 'default',
    description: "A workload's `spec.selector` does not match the labels of its own pod template, or is empty.",
    rationale:
      'A controller owns the pods its selector matches. The API server rejects a workload whose selector does not match its template (the controller would create pods it cannot see, forever), and apps/v1 rejects an empty selector.',
    remediation:
      'Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels` (the selector is immutable once created: choose it carefully).',
    target: SELECTOR_KINDS,
    notes:
      "A Job's selector is generated unless `manualSelector: true`; only manual selectors are checked. A ReplicationController without a selector takes its template's labels and is not reported.",
    example: {
      invalid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: frontend
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: registry.example.com/shop/web:2.0.1
      `,
      valid: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: registry.example.com/shop/web:2.0.1
      `,
    },
    messages: {
      emptySelector:
        "spec.selector is empty: the API server requires a selector that matches the pod template's labels",
      mismatch:
        "spec.selector ({{selector}}) does not match the pod template's labels ({{labels}}): the API server rejects the {{kind}}",
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    const spec = asObject(ctx.object.spec);
    if (!t || !spec) return;
    if (ctx.kind === 'Job.batch' && spec.manualSelector !== true) return;
    // An absent (or null) selector needs no early return: a ReplicationController's is its
    // template's labels (`set`, and matching them); other kinds' is `invalid` (a schema error) or
    // `none` (a Job's, generated), and isEmpty says no to it. An invalid one is validation's finding.
    const { selector, state } = workloadSelector(ctx.kind, ctx.object);
    if (state !== 'set') {
      if (isEmpty(spec.selector)) {
        ctx.report({ pointer: '/spec/selector', messageId: 'emptySelector' });
      }
      return;
    }
    if (!selectorMatches(selector, t.labels)) {
      const labels =
        Object.entries(t.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || 'none';
      ctx.report({
        pointer: '/spec/selector',
        messageId: 'mismatch',
        data: { selector: formatSelector(selector), labels, kind: ctx.manifest.ref.kind },
      });
    }
  },
});

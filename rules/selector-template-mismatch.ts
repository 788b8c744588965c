import { workloadSelector } from '../src/model/selectors/consumers.js';
import { formatSelector, selectorMatches } from '../src/model/selectors/label-selector.js';
import { defineRule } from '../src/lint/rule.js';
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
    description: "A workload's `spec.selector` does not match the labels of its own pod template, or is empty.",
    rationale:
      'A controller owns the pods its selector matches. The API server rejects a workload whose selector does not match its template (the controller would create pods it cannot see, forever), and apps/v1 rejects an empty selector.',
    remediation:
      'Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels` (the selector is immutable once created: choose it carefully).',
    target: SELECTOR_KINDS,
    notes:
      "A Job's selector is generated unless `manualSelector: true`; only manual selectors are checked. A ReplicationController without a selector takes its template's labels and is not reported.",
    example: {
      invalid:
        'spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: frontend',
      valid:
        'spec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web',
    },
  },
  check(ctx) {
    const t = ctx.podTemplate;
    const spec = asObject(ctx.object.spec);
    if (!t || !spec) return;
    if (ctx.kind === 'Job.batch' && spec.manualSelector !== true) return;
    if (ctx.kind === 'ReplicationController' && spec.selector === undefined) return;
    // A missing selector is a schema error, an invalid one a validation error (reported there).
    if (spec.selector === undefined || spec.selector === null) return;
    const { selector, state } = workloadSelector(ctx.kind, ctx.object);
    if (state !== 'set') {
      if (isEmpty(spec.selector)) {
        ctx.report(
          '/spec/selector',
          `spec.selector is empty: the API server requires a selector that matches the pod template's labels`,
        );
      }
      return;
    }
    if (!selectorMatches(selector, t.labels)) {
      const labels =
        Object.entries(t.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',') || 'none';
      ctx.report(
        '/spec/selector',
        `spec.selector (${formatSelector(selector)}) does not match the pod template's labels (${labels}): the API server rejects the ${ctx.manifest.ref.kind}`,
      );
    }
  },
});

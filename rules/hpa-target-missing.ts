import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { asObject, asString } from '../src/model/json.js';
import { groupKind } from '../src/model/group-kind.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'hpa-target-missing',
    category: 'references',
    severity: 'warning',
    description: "A HorizontalPodAutoscaler's `scaleTargetRef` names a workload that the input does not define.",
    rationale:
      'An autoscaler without its target scales nothing and reports FailedGetScale; usually the workload was renamed and the autoscaler was not.',
    remediation: 'Point `scaleTargetRef` (apiVersion, kind, name) at the workload, in the same namespace.',
    target: ['HorizontalPodAutoscaler.autoscaling'],
    notes: REFERENCE_NOTES,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: 'scaleTargetRef:\n  apiVersion: apps/v1\n  kind: Deployment\n  name: api-server',
      valid: 'scaleTargetRef:\n  apiVersion: apps/v1\n  kind: Deployment\n  name: api',
    },
  },
  check(ctx) {
    const ref = asObject(asObject(ctx.object.spec)?.scaleTargetRef);
    const kind = asString(ref?.kind);
    const name = asString(ref?.name);
    if (!ref || !kind || !name) return;
    const target = groupKind(asString(ref.apiVersion) ?? '', kind);
    if (ctx.index.find(target, ctx.namespace, name) || !reportsMissing(ctx, target, ctx.namespace)) return;
    ctx.report(
      '/spec/scaleTargetRef/name',
      `scaleTargetRef names ${kind} "${name}" (${asString(ref.apiVersion) ?? 'no apiVersion'}), which is not in the input: the autoscaler scales nothing`,
    );
  },
});

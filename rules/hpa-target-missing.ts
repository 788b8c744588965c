import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { API_DEPLOYMENT, API_HPA } from '../src/lint/example-manifests.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject, asString } from '../src/model/json.js';
import { groupKind } from '../src/model/group-kind.js';

export default defineRule<ReferenceOptions, 'missing' | 'missingCore'>({
  meta: {
    id: 'hpa-target-missing',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: "A HorizontalPodAutoscaler's `scaleTargetRef` names a workload that the input does not define.",
    rationale:
      'An autoscaler without its target scales nothing and reports FailedGetScale; usually the workload was renamed and the autoscaler was not.',
    remediation: 'Point `scaleTargetRef` (apiVersion, kind, name) at the workload, in the same namespace.',
    target: ['HorizontalPodAutoscaler.autoscaling'],
    notes: REFERENCE_NOTES,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: [
        API_DEPLOYMENT,
        yaml`
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata:
            name: api
            namespace: shop
          spec:
            scaleTargetRef:
              apiVersion: apps/v1
              kind: Deployment
              name: api-server
            minReplicas: 3
            maxReplicas: 10
        `,
      ].join('---\n'),
      valid: [API_DEPLOYMENT, API_HPA].join('---\n'),
    },
    messages: {
      missing:
        'scaleTargetRef names {{kind}} "{{name}}" ({{apiVersion}}), which is not in the input: the autoscaler scales nothing',
      missingCore:
        'scaleTargetRef names {{kind}} "{{name}}" (no apiVersion), which is not in the input: the autoscaler scales nothing',
    },
  },
  check(ctx) {
    const ref = asObject(asObject(ctx.object.spec)?.scaleTargetRef);
    const kind = asString(ref?.kind);
    const name = asString(ref?.name);
    if (!ref || !kind || !name) return;
    // Stryker disable next-line StringLiteral: any apiVersion without a slash names the core group, as '' does
    const target = groupKind(asString(ref.apiVersion) ?? '', kind);
    if (ctx.index.find(target, ctx.namespace, name) || !reportsMissing(ctx, target, ctx.namespace)) return;
    const apiVersion = asString(ref.apiVersion);
    const pointer = '/spec/scaleTargetRef/name';
    if (apiVersion === undefined) ctx.report({ pointer, messageId: 'missingCore', data: { kind, name } });
    else ctx.report({ pointer, messageId: 'missing', data: { kind, name, apiVersion } });
  },
});

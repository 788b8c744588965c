import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { asObject, asString, indexedObjectsIn } from '../src/model/json.js';

export default defineRule<ReferenceOptions>({
  meta: {
    id: 'pvc-reference-missing',
    category: 'references',
    severity: 'warning',
    description: 'A pod mounts a PersistentVolumeClaim that the input does not define.',
    rationale:
      'The scheduler does not place a pod whose claim does not exist: it stays Pending with "persistentvolumeclaim not found".',
    remediation:
      'Create the PersistentVolumeClaim in the same namespace or fix `claimName`; for a StatefulSet, use `volumeClaimTemplates` instead.',
    target: 'pod-templates',
    notes: `Claims created by a StatefulSet's volumeClaimTemplates are mounted by name and are not references. ${REFERENCE_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: uploads',
      valid:
        'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: uploads\n---\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads',
    },
  },
  check(ctx) {
    if (!ctx.podTemplate) return;
    for (const { item, index } of indexedObjectsIn(ctx.podTemplate.spec.volumes)) {
      const claim = asString(asObject(item.persistentVolumeClaim)?.claimName);
      if (
        !claim ||
        ctx.index.find('PersistentVolumeClaim', ctx.namespace, claim) ||
        !reportsMissing(ctx, 'PersistentVolumeClaim', ctx.namespace)
      )
        continue;
      ctx.report(
        `${ctx.podTemplate.specPointer}/volumes/${index}/persistentVolumeClaim/claimName`,
        `volume "${asString(item.name) ?? index}" uses PersistentVolumeClaim "${claim}", which is not in the input: the pod stays Pending`,
      );
    }
  },
});

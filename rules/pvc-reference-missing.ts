import { reportsMissing, REFERENCE_NOTES, REFERENCE_OPTIONS, type ReferenceOptions } from '../src/lint/references.js';
import { defineRule } from '../src/lint/rule.js';
import { yaml } from '../src/lint/yaml-example.js';
import { asObject, asString, indexedObjectsIn } from '../src/model/json.js';

export default defineRule<ReferenceOptions, 'missing'>({
  meta: {
    id: 'pvc-reference-missing',
    category: 'references',
    severity: 'warning',
    profile: 'default',
    description: 'A pod mounts a PersistentVolumeClaim that the input does not define.',
    rationale:
      'The scheduler does not place a pod whose claim does not exist: it stays Pending with "persistentvolumeclaim not found".',
    remediation:
      'Create the PersistentVolumeClaim in the same namespace or fix `claimName`; for a StatefulSet, use `volumeClaimTemplates` instead.',
    target: 'pod-templates',
    notes: `Claims created by a StatefulSet's volumeClaimTemplates are mounted by name and are not references. ${REFERENCE_NOTES}`,
    options: REFERENCE_OPTIONS,
    example: {
      invalid: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: uploads
          namespace: shop
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 10Gi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: shop
        spec:
          volumes:
            - name: data
              persistentVolumeClaim:
                claimName: upload
          containers:
            - name: api
              image: registry.example.com/shop/api:1.8.2
              volumeMounts:
                - name: data
                  mountPath: /data
      `,
      valid: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: uploads
          namespace: shop
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 10Gi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: shop
        spec:
          volumes:
            - name: data
              persistentVolumeClaim:
                claimName: uploads
          containers:
            - name: api
              image: registry.example.com/shop/api:1.8.2
              volumeMounts:
                - name: data
                  mountPath: /data
      `,
    },
    messages: {
      missing:
        'volume "{{volume}}" uses PersistentVolumeClaim "{{claim}}", which is not in the input: the pod stays Pending',
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
      ctx.report({
        pointer: `${ctx.podTemplate.specPointer}/volumes/${index}/persistentVolumeClaim/claimName`,
        messageId: 'missing',
        data: { volume: asString(item.name) ?? index, claim },
      });
    }
  },
});

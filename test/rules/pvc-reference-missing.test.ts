import rule from '../../rules/pvc-reference-missing.js';
import { runRuleTests, testRule } from './rule-tester.js';

testRule('pvc-reference-missing', {
  invalid: {
    'missing-claim.yaml': [
      '19:24 volume "uploads" uses PersistentVolumeClaim "web-upload", which is not in the input: the pod stays Pending',
    ],
  },
});

runRuleTests(rule, {
  valid: [
    {
      name: 'the claim is in the input',
      yaml: `
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads, namespace: shop}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes: [{name: data, persistentVolumeClaim: {claimName: uploads}}]
          containers: [{name: api, image: "api:1.0"}]
      `,
    },
    {
      name: 'no claim in the namespace; StatefulSet claim templates are mounted by name, not by claim',
      yaml: `
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads, namespace: other}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: "db:1.0", volumeMounts: [{name: data, mountPath: /data}]}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      `,
    },
    {
      name: 'a claim name or volume of the wrong type is left to the schema',
      malformed: true,
      yaml: `
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads, namespace: shop}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop}
        spec:
          volumes: [{name: data, persistentVolumeClaim: {claimName: [upload]}}, {name: x, persistentVolumeClaim: upload}]
          containers: [{name: api, image: "api:1.0"}]
      `,
    },
    {
      name: 'a Pod without a spec has no volumes',
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt claim in a Deployment',
      yaml: `
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: uploads, namespace: shop}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              volumes:
                - name: data
                  persistentVolumeClaim:
                    claimName: upload
              containers: [{name: api, image: "api:1.0"}]
      `,
      errors: [
        {
          messageId: 'missing',
          data: { volume: 'data', claim: 'upload' },
          line: 17,
          column: 24,
          endLine: 17,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'assumeComplete reports a claim when the namespace has none',
      options: { assumeComplete: true },
      yaml: `
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
          containers: [{name: api, image: "api:1.0"}]
      `,
      errors: [
        {
          messageId: 'missing',
          data: { volume: 'data', claim: 'data' },
          line: 5,
          column: 61,
          endLine: 5,
          endColumn: 65,
        },
      ],
    },
  ],
});

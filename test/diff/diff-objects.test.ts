import { describe, expect, it } from '@jest/globals';
import { briefAt } from '../helpers/findings.js';
import { diffObjects } from '../../src/diff/diff-objects.js';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { actions, BILLING_HUNK, diffFixture } from './fixtures.js';

describe('diffObjects', () => {
  it('sees no change where only defaults, server fields, allocations and quantity spellings differ', async () => {
    const diff = await diffFixture('defaults-only');
    expect(actions(diff)).toEqual([
      'unchanged PersistentVolumeClaim default/worker-cache',
      'unchanged Secret default/worker-credentials',
      'unchanged Service default/worker',
      'unchanged Deployment default/worker',
      'unchanged Job default/worker-migrate',
    ]);
    expect(diff.changes.every((c) => c.patch.length === 0 && c.text === '')).toBe(true);
    expect(diff.findings).toEqual([]);
  });

  it('puts objects without a namespace in the namespace it is given', async () => {
    const diff = await diffFixture('defaults-only', { namespace: 'staging' });
    // The cluster's objects are in `default`, a namespace these manifests do not use.
    expect(actions(diff)).toEqual([
      'create PersistentVolumeClaim staging/worker-cache',
      'create Secret staging/worker-credentials',
      'create Service staging/worker',
      'create Deployment staging/worker',
      'create Job staging/worker-migrate',
    ]);
    expect(diff.outside).toBe(5);
  });

  it('matches list items by their merge keys: reordering is no change, except where order matters', async () => {
    const diff = await diffFixture('reordered');
    expect(actions(diff)).toEqual([
      'unchanged Service shop/checkout',
      'unchanged Deployment shop/checkout',
      'update Deployment shop/migrate',
    ]);
    expect(diff.changes[2]!.text).toBe(`--- current/Deployment.apps/shop/migrate
+++ desired/Deployment.apps/shop/migrate
@@ -13,13 +13,13 @@
         app: migrate
     spec:
       initContainers:
-        - name: wait-for-db
-          image: ghcr.io/example/wait-for-db:1.2.0
+        - name: migrate
+          image: ghcr.io/example/migrate:2.0.0
           imagePullPolicy: IfNotPresent
           terminationMessagePath: /dev/termination-log
           terminationMessagePolicy: File
-        - name: migrate
-          image: ghcr.io/example/migrate:2.0.0
+        - name: wait-for-db
+          image: ghcr.io/example/wait-for-db:1.2.0
           imagePullPolicy: IfNotPresent
           terminationMessagePath: /dev/termination-log
           terminationMessagePolicy: File
`);
    expect(diff.changes[2]!.patch).toEqual([
      {
        op: 'replace',
        path: '/spec/template/spec/initContainers',
        value: [
          {
            name: 'migrate',
            image: 'ghcr.io/example/migrate:2.0.0',
            imagePullPolicy: 'IfNotPresent',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
          {
            name: 'wait-for-db',
            image: 'ghcr.io/example/wait-for-db:1.2.0',
            imagePullPolicy: 'IfNotPresent',
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
      },
    ]);
  });

  it('masks Secret values: changed, added, removed and unchanged keys', async () => {
    const diff = await diffFixture('secrets');
    expect(actions(diff)).toEqual([
      'update Secret pay/billing',
      'update Secret pay/ci-token',
      'create Secret pay/signing-key',
    ]);
    const [billing, token, signing] = diff.changes;
    expect(billing!.text).toBe(`--- current/Secret/pay/billing\n+++ desired/Secret/pay/billing\n${BILLING_HUNK}`);
    expect(billing!.patch).toEqual([
      { op: 'remove', path: '/data/payment-key' },
      { op: 'replace', path: '/data/database-url', value: '*** (after)' },
      { op: 'add', path: '/data/webhook-secret', value: '*** (after)' },
    ]);
    expect(token!.patch).toEqual([{ op: 'add', path: '/metadata/labels', value: { team: 'payments' } }]);
    expect(token!.after!.data).toEqual({ token: '***' });
    expect(signing!.patch).toEqual([
      {
        op: 'add',
        path: '',
        value: {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'signing-key', namespace: 'pay' },
          type: 'Opaque',
          data: { 'key.pem': '*** (after)' },
        },
      },
    ]);
  });

  it('reports each change the API server refuses, at the changed line of the desired manifest', async () => {
    const diff = await diffFixture('immutable');
    expect(diff.findings.map(briefAt)).toEqual([
      `11:13 immutable-field spec.selector: field is immutable; the API server rejects this update of Deployment prod/web`,
      `48:22 immutable-field spec.volumeClaimTemplates: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden ("20Gi" → "50Gi"); the API server rejects this update of StatefulSet prod/db`,
      `61:18 immutable-field spec.template: field is immutable ("ghcr.io/example/backfill:1.0.0" → "ghcr.io/example/backfill:1.1.0"); the API server rejects this update of Job prod/backfill`,
      `72:16 immutable-field spec.resources.requests.storage: a claim cannot shrink below its volume's capacity ("100Gi" → "50Gi"); the API server rejects this update of PersistentVolumeClaim prod/uploads`,
      `80:14 immutable-field spec.clusterIP: field is immutable ("10.96.88.9" → "None"); the API server rejects this update of Service prod/db`,
      `94:9 immutable-field roleRef: cannot change roleRef ("edit" → "admin"); the API server rejects this update of RoleBinding prod/deployers`,
      '106:12 immutable-field data: field is immutable when `immutable` is set; the API server rejects this update of Secret prod/vendor',
    ]);
    expect(diff.changes.filter((c) => c.refused).map((c) => `${c.ref.kind}: ${c.refused}`)).toEqual([
      'PersistentVolumeClaim: spec.resources.requests.storage: a claim cannot shrink below its volume\'s capacity ("100Gi" → "50Gi")',
      'Secret: data: field is immutable when `immutable` is set',
      'Service: spec.clusterIP: field is immutable ("10.96.88.9" → "None")',
      'Deployment: spec.selector: field is immutable',
      "StatefulSet: spec.volumeClaimTemplates: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden (\"20Gi\" → \"50Gi\")",
      'Job: spec.template: field is immutable ("ghcr.io/example/backfill:1.0.0" → "ghcr.io/example/backfill:1.1.0")',
      'RoleBinding: roleRef: cannot change roleRef ("edit" → "admin")',
    ]);
  });

  it('refuses growing a claim whose StorageClass does not allow volume expansion, when the class is known', () => {
    const claim = (size: string, className: string) =>
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: shop}
spec:
  storageClassName: ${className}
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
`;
    const classes = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: standard}
provisioner: pd.csi.storage.gke.io
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: expandable}
provisioner: pd.csi.storage.gke.io
allowVolumeExpansion: true
`;
    const run = (className: string, withClasses: boolean) =>
      diffObjects(
        parseManifests('cluster.yaml', `${claim('10Gi', className)}---\n${withClasses ? classes : ''}`).manifests,
        parseManifests('claim.yaml', claim('20Gi', className)).manifests,
      );
    const refused = run('standard', true);
    expect(refused.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      '9:16 immutable-field spec.resources.requests.storage: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize (StorageClass standard does not set allowVolumeExpansion: true) ("10Gi" → "20Gi"); the API server rejects this update of PersistentVolumeClaim shop/data',
    ]);
    expect(refused.changes.find((c) => c.ref.kind === 'PersistentVolumeClaim')!.refused).toMatch(/must support resize/);
    expect(run('expandable', true).findings).toEqual([]);
    // Without the StorageClass, nothing says the resize fails.
    expect(run('standard', false).findings).toEqual([]);
  });

  it("lists objects only the current side has as unmanaged, or deletes them with prune; the cluster's own objects are left out", async () => {
    const current = parseManifests(
      'cluster.yaml',
      `apiVersion: v1
kind: List
items:
  - {apiVersion: v1, kind: ConfigMap, metadata: {name: kept, namespace: shop}, data: {a: "1"}}
  - {apiVersion: v1, kind: ConfigMap, metadata: {name: leftover, namespace: shop}, data: {b: "2"}}
  - {apiVersion: v1, kind: ConfigMap, metadata: {name: kube-root-ca.crt, namespace: shop}, data: {ca.crt: x}}
  - {apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: web-5d4f, namespace: shop, ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]}}
  - {apiVersion: v1, kind: ConfigMap, metadata: {name: theirs, namespace: billing}}
  - {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: old-reader}}
  - {apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}, provisioner: x}
`,
    ).manifests;
    const desired = parseManifests(
      'app.yaml',
      `apiVersion: v1
kind: ConfigMap
metadata: {name: kept, namespace: shop}
data: {a: "1"}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader}
`,
    ).manifests;
    const kept = diffObjects(current, desired);
    expect(actions(kept)).toEqual([
      'unchanged ConfigMap shop/kept',
      'unmanaged ConfigMap shop/leftover',
      'unmanaged ClusterRole old-reader',
      'create ClusterRole reader',
    ]);
    expect([kept.generated, kept.outside]).toEqual([2, 2]);
    const pruned = diffObjects(current, desired, { prune: true });
    expect(actions(pruned)).toEqual([
      'unchanged ConfigMap shop/kept',
      'delete ConfigMap shop/leftover',
      'delete ClusterRole old-reader',
      'create ClusterRole reader',
    ]);
    expect(pruned.changes[1]!.patch).toEqual([{ op: 'remove', path: '' }]);
    expect(pruned.changes[1]!.text).toBe(`--- current/ConfigMap/shop/leftover
+++ /dev/null
@@ -1,7 +0,0 @@
-apiVersion: v1
-kind: ConfigMap
-metadata:
-  name: leftover
-  namespace: shop
-data:
-  b: "2"
`);
  });

  it('reports an object defined twice, comparing the later one, and an object without a name', async () => {
    const desired = parseManifests(
      'app.yaml',
      `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data: {v: "1"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a, namespace: default}
data: {v: "2"}
---
apiVersion: batch/v1
kind: Job
metadata: {generateName: migrate-}
`,
    ).manifests;
    const diff = diffObjects([], desired);
    expect(diff.findings.map(briefAt)).toEqual([
      '8:18 diff-duplicate-object ConfigMap default/a is defined twice (also at app.yaml:1); this later definition is compared',
      '13:11 diff-unnamed-object Job has no metadata.name (generateName makes a new object on every create); it is not compared',
    ]);
    expect(diff.changes.map((c) => c.after!.data)).toEqual([{ v: '2' }]);
  });

  it('reports an object that contains itself through YAML aliases instead of walking it forever', () => {
    const cyclic = parseManifests(
      'loop.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loop, namespace: a}\ndata: &d\n  self: *d\n',
    ).manifests;
    const diff = diffObjects(cyclic, cyclic);
    expect(diff.findings.map(briefAt)).toEqual([
      '1:1 diff-cyclic-object ConfigMap loop contains itself through a YAML alias, which has no JSON form (kubectl cannot send it); it is not compared',
      '1:1 diff-cyclic-object ConfigMap loop contains itself through a YAML alias, which has no JSON form (kubectl cannot send it); it is not compared',
    ]);
    expect(diff.changes).toEqual([]);
  });
});

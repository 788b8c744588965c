import { loadManifests } from '../../src/load/load-manifests.js';
import { diffObjects, type DiffObjectsOptions } from '../../src/diff/diff-objects.js';
import type { ObjectDiff } from '../../src/diff/types.js';

/** Diffs `fixtures/diff/<name>/current.yaml` against `desired.yaml`. */
export async function diffFixture(name: string, options: DiffObjectsOptions = {}): Promise<ObjectDiff> {
  const current = await loadManifests([`fixtures/diff/${name}/current.yaml`]);
  const desired = await loadManifests([`fixtures/diff/${name}/desired.yaml`]);
  return diffObjects(current.manifests, desired.manifests, options);
}

/** `update Deployment shop/web`: one comparable line per object. */
export function actions(diff: ObjectDiff): string[] {
  return diff.changes.map(
    (c) => `${c.action} ${c.ref.kind} ${c.ref.namespace ? `${c.ref.namespace}/` : ''}${c.ref.name}`,
  );
}

/** The unified diff of the `billing` Secret of `fixtures/diff/secrets`, masked, after its two header lines. */
/** The billing Secret compared whole: payment-key, dropped from the manifest, is removed. */
export const BILLING_HUNK = `@@ -5,6 +5,6 @@
   namespace: pay
 data:
   region: "***"
-  database-url: "*** (before)"
-  payment-key: "*** (before)"
+  database-url: "*** (after)"
+  webhook-secret: "*** (after)"
 type: Opaque
`;

/**
 * The same Secret as kubectl apply leaves it, in the order the server keeps its keys: payment-key stays, because the last apply wrote it
 * under stringData, which the API server never stores, so the apply finds nothing to remove.
 */
export const BILLING_APPLIED_HUNK = `@@ -4,7 +4,8 @@
   name: billing
   namespace: pay
 data:
-  database-url: "*** (before)"
+  database-url: "*** (after)"
   payment-key: "***"
   region: "***"
+  webhook-secret: "*** (after)"
 type: Opaque
`;

import type { Finding } from '../../model/finding.js';
import { copyJson } from '../../model/copy-json.js';
import type { KubeObject, Manifest } from '../../model/manifest.js';
import { acceptManifests, type Refusal } from '../../simulate/accept-manifests.js';
import { isCrd } from '../../validate/crd/crd-registry.js';
import type { ObjectChange } from '../types.js';
import type { KubeVersion } from '../../lint/kube-version.js';
import { dropNulls } from '../../model/json.js';

export interface Admission {
  /** Each manifest the API server takes → the object as it stores it (unknown fields and nulls dropped). */
  stored: Map<Manifest, Manifest>;
  /** Those it refuses, with the plan's `object-rejected` finding and its cause. */
  refused: Map<Manifest, Refusal>;
}

/**
 * What the API server does with the desired manifests, as the plan decides it (`acceptManifests`):
 * an object with a schema error, of a kind it does not serve or containing itself is refused
 * whole, so its change never happens; the others lose their unknown fields. Nulls go too: a
 * `creationTimestamp: null` in a template must not look like a template change that restarts pods.
 */
export async function admitManifests(
  manifests: readonly Manifest[],
  crds: readonly Manifest[] = [],
  validated?: (manifest: Manifest) => Promise<readonly Finding[]>,
  target?: KubeVersion,
): Promise<Admission> {
  const result = await acceptManifests(manifests, [...manifests, ...crds].filter(isCrd), validated, target);
  const refused = new Map(result.refused.map((r) => [r.manifest, r]));
  const kept = manifests.filter((m) => !refused.has(m));
  const stored = new Map(
    kept.map((manifest, i) => {
      const accepted = result.accepted[i]!;
      return [manifest, { ...accepted, object: dropNulls(copyJson(accepted.object)) as KubeObject }];
    }),
  );
  return { stored, refused };
}

/** The same admission keyed by the manifests `keyOf` gives (those predicted objects stand for). */
export function rekeyAdmission(admission: Admission, keyOf: (manifest: Manifest) => Manifest): Admission {
  return {
    stored: new Map([...admission.stored].map(([manifest, stored]) => [keyOf(manifest), stored])),
    refused: new Map(
      [...admission.refused].map(([manifest, refusal]) => [keyOf(manifest), { ...refusal, manifest: keyOf(manifest) }]),
    ),
  };
}

/**
 * Marks the creates and updates of refused manifests with the reason (`refused`) and returns
 * the plan's findings about them: those changes do not happen.
 */
export function markRefused(
  changes: readonly ObjectChange[],
  admission: Admission,
): { changes: ObjectChange[]; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  const marked = changes.map((change) => {
    const rejection = change.desired && admission.refused.get(change.desired);
    if (!rejection || change.action === 'unmanaged' || change.action === 'delete') return change;
    refusals.push(rejection);
    return { ...change, refused: rejection.cause.message };
  });
  return { changes: marked, refusals };
}

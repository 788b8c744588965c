import type { Manifest } from '../model/manifest.js';
import { groupOf } from '../model/object-ref.js';
import { builtinType } from '../validate/builtin-kinds.js';
import { isBuiltinGroup } from '../validate/builtin-kinds.js';

/**
 * `Deployment.apps`, `Service` (core group), `Rollout.argoproj.io`: a kind with its API group, the
 * way kubectl names resources. Rules compare these, never bare kinds, so a Knative `Service`
 * (serving.knative.dev) is not mistaken for a core Service.
 */
export type GroupKind = string;

export function groupKind(apiVersion: string, kind: string): GroupKind {
  const group = groupOf(apiVersion);
  return group ? `${kind}.${group}` : kind;
}

export function groupKindOf(m: Pick<Manifest, 'ref'>): GroupKind {
  return groupKind(m.ref.apiVersion, m.ref.kind);
}

/** The namespace an object goes to; `""` when the manifest leaves it to the apply context. */
export function namespaceOf(m: Manifest): string {
  return m.ref.namespace ?? '';
}

/**
 * Whether rules look at an object: built-in kinds in an apiVersion Kubernetes serves (or served),
 * and every kind of other groups (custom resources). `apps/v9 Deployment` is already an error
 * of the schema phase and is not guessed at.
 */
export function isRecognized(m: Manifest): boolean {
  return builtinType(m.ref.apiVersion, m.ref.kind) !== undefined || !isBuiltinGroup(groupOf(m.ref.apiVersion));
}

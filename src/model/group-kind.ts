import type { Manifest } from './manifest.js';
import { groupOf } from './object-ref.js';

/**
 * `Deployment.apps`, `Service` (core group), `Rollout.argoproj.io`: a kind with its API group, the
 * way kubectl names resources. Every stage compares these, never bare kinds, so a Knative
 * `Service` (serving.knative.dev) is not mistaken for a core Service.
 */
export type GroupKind = string;

export function groupKind(apiVersion: string, kind: string): GroupKind {
  return kindInGroup(groupOf(apiVersion), kind);
}

/** The GroupKind of a kind in an API group (`''` for the core group), as a CRD names them. */
export function kindInGroup(group: string, kind: string): GroupKind {
  return group ? `${kind}.${group}` : kind;
}

export function groupKindOf(m: Pick<Manifest, 'ref'>): GroupKind {
  return groupKind(m.ref.apiVersion, m.ref.kind);
}

/** The group and kind of a plain object (a state entry, a live object); `''` parts when they are not strings. */
export function groupKindOfObject(object: Readonly<Record<string, unknown>>): GroupKind {
  return groupKind(
    // Stryker disable next-line StringLiteral: any text without a slash is the core group, as `` is
    typeof object.apiVersion === 'string' ? object.apiVersion : '',
    typeof object.kind === 'string' ? object.kind : '',
  );
}

/** The kind alone: `Deployment.apps` → `Deployment` (kinds never contain a dot). */
export function bareKind(groupKind: GroupKind): string {
  const dot = groupKind.indexOf('.');
  return dot < 0 ? groupKind : groupKind.slice(0, dot);
}

import type { Operation } from 'fast-json-patch';
import type { Finding } from '../model/finding.js';
import type { KubeObject, Manifest } from '../model/manifest.js';
import type { ObjectRef } from '../model/object-ref.js';

/**
 * What applying the desired manifests does to one object: `create`, `update` or `delete` it, or
 * nothing (`unchanged`); `unmanaged` for an object only the current side has when deletes were
 * not asked for (`--prune`).
 */
export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged' | 'unmanaged';

export const CHANGE_ACTIONS: readonly ChangeAction[] = ['create', 'update', 'delete', 'unchanged', 'unmanaged'];

export interface ObjectChange {
  /** The object's identity; the desired side's apiVersion when both sides have it. */
  ref: ObjectRef;
  action: ChangeAction;
  /** The desired manifest (create, update, unchanged). */
  desired?: Manifest;
  /** The current manifest (update, delete, unchanged, unmanaged). */
  current?: Manifest;
  /**
   * Both sides normalized, Secret values masked (`***`): what the text shows and the patch
   * applies to. The current side is aligned to the desired one (key order, keyed lists).
   */
  before?: KubeObject;
  after?: KubeObject;
  /** RFC 6902 operations turning `before` into `after`; empty when nothing changes or the object is unmanaged. */
  patch: Operation[];
  /** Unified diff of the YAML of `before` and `after`; empty when nothing changes or the object is unmanaged. */
  text: string;
  /**
   * Why the API server refuses this create or update, so that it does not happen: a schema
   * error, or a change of an immutable field. The consequences leave the object as it is.
   */
  refused?: string;
}

export type ChangeCounts = Record<ChangeAction, number>;

export interface ObjectDiff {
  /** Every object of both sides, sorted by identity, except the cluster's own objects (see `generated`). */
  changes: ObjectChange[];
  /** Immutable fields, duplicate objects, objects without a name: phase `diff`. */
  findings: Finding[];
  counts: ChangeCounts;
  /** Objects of the current side the cluster made itself (pods of a Deployment, events...), left out. */
  generated: number;
  /** Objects of the current side outside the manifests' namespaces (and kinds, when cluster-scoped), left out. */
  outside: number;
}

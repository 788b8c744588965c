import type { ObjectRef } from './object-ref.js';
import type { SourceRange } from './source-range.js';

/** A Kubernetes object as plain JSON. */
export type KubeObject = Record<string, unknown>;

/** Where a pointer lands: on the value, or on the key that names it (for unknown fields). */
export type LocateTarget = 'value' | 'key';

export interface ManifestSource {
  file: string;
  /** 0-based index of the YAML document in the file. */
  docIndex: number;
  /** For an object expanded from a `List`, its 0-based index in `items`. */
  itemIndex?: number;
}

export interface Manifest {
  ref: ObjectRef;
  object: KubeObject;
  source: ManifestSource;
  /**
   * Maps an RFC 6901 pointer into `object` to its position in the file; when the field is
   * missing, the closest existing ancestor's position (so a rule about a missing field still
   * points at its parent).
   */
  locate(pointer: string, target?: LocateTarget): SourceRange;
}

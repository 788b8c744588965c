import type { Manifest } from '../model/manifest.js';
import { groupOf } from '../model/object-ref.js';
import { builtinType } from '../validate/builtin-kinds.js';
import { isBuiltinGroup } from '../validate/builtin-kinds.js';

/**
 * Whether rules look at an object: built-in kinds in an apiVersion Kubernetes serves (or served),
 * and every kind of other groups (custom resources). `apps/v9 Deployment` is already an error
 * of the schema phase and is not guessed at.
 */
export function isRecognized(m: Manifest): boolean {
  return builtinType(m.ref.apiVersion, m.ref.kind) !== undefined || !isBuiltinGroup(groupOf(m.ref.apiVersion));
}

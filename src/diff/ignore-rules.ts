import { APPLY_MODES, type ApplyMode } from './apply/predict-applied.js';
import type { KubeObject } from '../model/manifest.js';
import { groupOf, type ObjectRef } from '../model/object-ref.js';
import { isObject } from '../model/json.js';

/**
 * A user rule of `.kubeplan.yaml` (`diff.ignoreDifferences`): fields of matching objects that
 * the diff leaves out on both sides, as if neither had them.
 */
export interface IgnoreRule {
  /** API group (`apps`; `""` for the core group); any group when absent. */
  group?: string;
  /** Kind (`Deployment`), or `*` for every kind. */
  kind: string;
  name?: string;
  namespace?: string;
  /**
   * RFC 6901 pointers, with two extensions for lists: a segment `*` stands for every item (or
   * every key of a map), and a segment `key=value` (`name=sidecar`; several keys joined with
   * `,`: `containerPort=8080,protocol=TCP`) for the items whose fields have those values.
   */
  jsonPointers: string[];
}

/** The JSON schema of the `diff` section of `.kubeplan.yaml`, for the configuration loader. */
export const DIFF_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: [...APPLY_MODES] },
    fieldManager: { type: 'string', minLength: 1 },
    forceConflicts: { type: 'boolean' },
    ignoreDifferences: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'jsonPointers'],
        properties: {
          group: { type: 'string' },
          kind: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          namespace: { type: 'string', minLength: 1 },
          jsonPointers: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
        },
      },
    },
  },
} as const;

/** The `diff` section of `.kubeplan.yaml`. */
export interface DiffConfig {
  /** How the manifests are applied: `client` (kubectl apply, the default), `server-side` or `whole-object`. */
  mode?: ApplyMode;
  /** Under `server-side`: the field manager applying (kubectl's `--field-manager`; default `kubectl`). */
  fieldManager?: string;
  /** Under `server-side`: apply with `--force-conflicts`. */
  forceConflicts?: boolean;
  ignoreDifferences?: IgnoreRule[];
}

/** The pointers of every rule that applies to the object `ref` names. */
export function ignoredPointers(rules: readonly IgnoreRule[], ref: ObjectRef): string[] {
  const pointers: string[] = [];
  for (const rule of rules) {
    if (rule.kind !== '*' && rule.kind !== ref.kind) continue;
    if (rule.group !== undefined && rule.group !== groupOf(ref.apiVersion)) continue;
    if (rule.name !== undefined && rule.name !== ref.name) continue;
    if (rule.namespace !== undefined && rule.namespace !== (ref.namespace ?? '')) continue;
    for (const pointer of rule.jsonPointers) pointers.push(pointer);
  }
  return pointers;
}

/** Removes every field the pointers select. Mutates `object`, which the caller owns. */
export function removeIgnored(object: KubeObject, pointers: readonly string[]): void {
  for (const pointer of pointers) {
    if (!pointer.startsWith('/')) continue;
    const segments = pointer
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    removeAt(object, segments);
  }
}

function removeAt(node: unknown, segments: readonly string[]): void {
  const [segment, ...rest] = segments;
  if (segment === undefined) return;
  if (Array.isArray(node)) {
    // Backwards, so removing an item does not shift the ones still to visit.
    for (let i = node.length - 1; i >= 0; i--) {
      if (!itemSelected(node[i], i, segment)) continue;
      if (rest.length === 0) node.splice(i, 1);
      else removeAt(node[i], rest);
    }
    return;
  }
  if (!isObject(node)) return;
  for (const key of segment === '*' ? Object.keys(node) : segment in node ? [segment] : []) {
    if (rest.length === 0) delete node[key];
    else removeAt(node[key], rest);
  }
}

/** Whether list item `item` at `index` is selected by a pointer segment. */
function itemSelected(item: unknown, index: number, segment: string): boolean {
  if (segment === '*') return true;
  if (/^\d+$/.test(segment)) return Number(segment) === index;
  if (!segment.includes('=') || !isObject(item)) return false;
  return segment.split(',').every((condition) => {
    const eq = condition.indexOf('=');
    const value = item[condition.slice(0, eq)];
    return value !== undefined && value !== null && String(value) === condition.slice(eq + 1);
  });
}

import { compareApiVersions } from '../../model/api-version.js';
import { groupOf } from '../../model/object-ref.js';
import { API_TYPES } from './api-types.generated.js';

/**
 * A field of a Go API type that is not a plain value (see generate-api-types.ts): the struct type
 * it holds (`type`), held through a pointer or not, in a list or a map, and its `patchStrategy`
 * (`merge`, `retainKeys`, both comma-separated) and `patchMergeKey` tags.
 */
export interface GoField {
  type?: string;
  pointer?: boolean;
  list?: boolean;
  map?: boolean;
  strategy?: string;
  mergeKey?: string;
}

/** The fields of one struct type, by JSON name. */
export type GoType = Readonly<Record<string, GoField>>;

export interface ApiTypes {
  /** `"apps/v1 Deployment"` → the name of its Go type. */
  kinds: Readonly<Record<string, string>>;
  types: Readonly<Record<string, GoType>>;
}

const BY_GROUP_KIND = new Map<string, string>();
// The most stable, newest version first: its fields are the fullest.
for (const [key, type] of Object.entries(API_TYPES.kinds).sort(([a], [b]) =>
  compareApiVersions(a.split(' ')[0]!, b.split(' ')[0]!),
)) {
  const [version = '', kind = ''] = key.split(' ');
  const groupKind = `${groupOf(version)} ${kind}`;
  if (!BY_GROUP_KIND.has(groupKind)) BY_GROUP_KIND.set(groupKind, type);
}

/**
 * The Go type of a built-in kind, or undefined for a custom resource. A version the release no
 * longer serves takes the type of another version of its group and kind, whose fields are
 * mostly the same (the API server refuses it anyway; see the plan's findings).
 */
export function rootTypeOf(apiVersion: string, kind: string): string | undefined {
  return API_TYPES.kinds[`${apiVersion} ${kind}`] ?? BY_GROUP_KIND.get(`${groupOf(apiVersion)} ${kind}`);
}

export function goType(name: string | undefined): GoType | undefined {
  return name === undefined ? undefined : API_TYPES.types[name];
}

/** Whether a field's `patchStrategy` tag has `strategy` (`merge`, `retainKeys`). */
export function hasStrategy(field: GoField | undefined, strategy: string): boolean {
  return field?.strategy?.split(',').includes(strategy) ?? false;
}

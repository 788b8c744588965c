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

/**
 * A lookup in a table keyed by `"apiVersion Kind"`: an entry of that version, else the entry of
 * the most stable, newest version of the same group and kind (its fields are the fullest).
 */
export function byApiVersionAndKind(
  table: Readonly<Record<string, string>>,
): (apiVersion: string, kind: string) => string | undefined {
  const byGroupKind = new Map<string, string>();
  for (const [key, value] of Object.entries(table).sort(([a], [b]) =>
    compareApiVersions(a.split(' ')[0]!, b.split(' ')[0]!),
  )) {
    const [version = '', kind = ''] = key.split(' ');
    const groupKind = `${groupOf(version)} ${kind}`;
    if (!byGroupKind.has(groupKind)) byGroupKind.set(groupKind, value);
  }
  return (apiVersion, kind) => table[`${apiVersion} ${kind}`] ?? byGroupKind.get(`${groupOf(apiVersion)} ${kind}`);
}

const typeOfKind = byApiVersionAndKind(API_TYPES.kinds);

export function rootTypeOf(apiVersion: string, kind: string): string | undefined {
  return typeOfKind(apiVersion, kind);
}

export function goType(name: string | undefined): GoType | undefined {
  return name === undefined ? undefined : API_TYPES.types[name];
}

/** Whether a field's `patchStrategy` tag has `strategy` (`merge`, `retainKeys`). */
export function hasStrategy(field: GoField | undefined, strategy: string): boolean {
  return field?.strategy?.split(',').includes(strategy) ?? false;
}

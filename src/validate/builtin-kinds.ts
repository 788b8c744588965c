import { compareApiVersions } from '../model/api-version.js';
import { groupOf } from '../model/object-ref.js';
import { BUILTIN_INDEX } from './builtin-index/index.generated.js';

/** The type that describes `apiVersion`/`kind`, when Kubernetes has it built in. */
export function builtinType(apiVersion: string, kind: string): string | undefined {
  return BUILTIN_INDEX.kinds[`${apiVersion} ${kind}`];
}

interface KindCatalog {
  /** kind → every apiVersion that has (or had) it, preferred first. */
  versionsByKind: Map<string, string[]>;
  /** apiVersion → kinds it serves. */
  kindsByVersion: Map<string, string[]>;
  groups: Set<string>;
}

let catalog: KindCatalog | undefined;

function getCatalog(): KindCatalog {
  if (catalog) return catalog;
  const versionsByKind = new Map<string, string[]>();
  const kindsByVersion = new Map<string, string[]>();
  const groups = new Set<string>();
  for (const key of Object.keys(BUILTIN_INDEX.kinds)) {
    const [apiVersion, kind] = key.split(' ') as [string, string];
    versionsByKind.set(kind, [...(versionsByKind.get(kind) ?? []), apiVersion]);
    kindsByVersion.set(apiVersion, [...(kindsByVersion.get(apiVersion) ?? []), kind]);
    groups.add(groupOf(apiVersion));
  }
  for (const list of versionsByKind.values()) list.sort(compareApiVersions);
  catalog = { versionsByKind, kindsByVersion, groups };
  return catalog;
}

/** True for `apps`, `batch`, the core group `""`, ...: groups whose kinds Kubernetes defines. */
export function isBuiltinGroup(group: string): boolean {
  return getCatalog().groups.has(group);
}

/** Every apiVersion serving `kind`, preferred first (`apps/v1` before `apps/v1beta2`). */
export function builtinVersionsOf(kind: string): string[] {
  return getCatalog().versionsByKind.get(kind) ?? [];
}

/** Every kind known in `apiVersion`. */
export function builtinKindsOf(apiVersion: string): string[] {
  return getCatalog().kindsByVersion.get(apiVersion) ?? [];
}

/** `IoK8sApiAppsV1DeploymentSpec` → `DeploymentSpec`, for messages. */
export function shortTypeName(type: string): string {
  const m = /V\d+(?:(?:alpha|beta)\d+)?([A-Z]\w*)$/.exec(type);
  return m?.[1] ?? type;
}

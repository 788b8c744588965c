import type { Manifest } from '../model/manifest.js';
import { type JsonObject, asObject, asString, indexedObjectsIn } from '../model/json.js';
import { containersOf, describeContainer } from '../model/containers.js';
import type { PodTemplate } from '../model/pod-template.js';
import { fieldOf, isPlainObject, WRONG_TYPE } from './field-of.js';

/**
 * Whether a reference is optional: `optional: true`, or an `optional` of the wrong type, which
 * the schema reports and which leaves unknown whether the pod needs the object (rules say nothing).
 */
function isOptional(ref: JsonObject): boolean {
  return ref.optional !== undefined && ref.optional !== null && ref.optional !== false;
}

/** A reference from a pod template to a ConfigMap or Secret, or to one key of it. */
export interface ConfigReference {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  /** Pointer to the field holding the name. */
  pointer: string;
  key?: string;
  keyPointer?: string;
  optional: boolean;
  /** What makes the reference, for messages: `container "api" env DATABASE_PASSWORD`. */
  via: string;
}

function keyRefs(
  out: ConfigReference[],
  kind: ConfigReference['kind'],
  ref: JsonObject,
  pointer: string,
  nameField: string,
  via: string,
): void {
  const name = asString(ref[nameField]);
  if (!name) return;
  const optional = isOptional(ref);
  const base = { kind, name, pointer: `${pointer}/${nameField}`, optional, via };
  const items = indexedObjectsIn(ref.items);
  if (items.length === 0) out.push(base);
  for (const { item, index } of items) {
    const key = asString(item.key);
    if (key) out.push({ ...base, key, keyPointer: `${pointer}/items/${index}/key` });
  }
}

/**
 * Every ConfigMap and Secret a pod template references: env `valueFrom`, `envFrom`,
 * `configMap`/`secret` volumes and projected volume sources, and `imagePullSecrets`.
 */
export function configReferences(template: PodTemplate): ConfigReference[] {
  const out: ConfigReference[] = [];
  for (const c of containersOf(template, ['initContainers', 'containers', 'ephemeralContainers'])) {
    const who = describeContainer(c);
    for (const { item, index } of indexedObjectsIn(c.container.env)) {
      const valueFrom = asObject(item.valueFrom);
      const envName = asString(item.name) ?? `env[${index}]`;
      for (const [field, kind] of [
        ['configMapKeyRef', 'ConfigMap'],
        ['secretKeyRef', 'Secret'],
      ] as const) {
        const ref = asObject(valueFrom?.[field]);
        const name = asString(ref?.name);
        if (!ref || !name) continue;
        const pointer = `${c.pointer}/env/${index}/valueFrom/${field}`;
        const key = asString(ref.key);
        const entry: ConfigReference = {
          kind,
          name,
          pointer: `${pointer}/name`,
          optional: isOptional(ref),
          via: `${who} env ${envName}`,
        };
        out.push(key ? { ...entry, key, keyPointer: `${pointer}/key` } : entry);
      }
    }
    for (const { item, index } of indexedObjectsIn(c.container.envFrom)) {
      for (const [field, kind] of [
        ['configMapRef', 'ConfigMap'],
        ['secretRef', 'Secret'],
      ] as const) {
        const ref = asObject(item[field]);
        const name = asString(ref?.name);
        if (ref && name)
          out.push({
            kind,
            name,
            pointer: `${c.pointer}/envFrom/${index}/${field}/name`,
            optional: isOptional(ref),
            via: `${who} envFrom`,
          });
      }
    }
  }
  for (const { item, index } of indexedObjectsIn(template.spec.volumes)) {
    const pointer = `${template.specPointer}/volumes/${index}`;
    const via = `volume "${asString(item.name) ?? index}"`;
    const configMap = asObject(item.configMap);
    if (configMap) keyRefs(out, 'ConfigMap', configMap, `${pointer}/configMap`, 'name', via);
    const secret = asObject(item.secret);
    if (secret) keyRefs(out, 'Secret', secret, `${pointer}/secret`, 'secretName', via);
    for (const { item: source, index: s } of indexedObjectsIn(asObject(item.projected)?.sources)) {
      const cm = asObject(source.configMap);
      if (cm) keyRefs(out, 'ConfigMap', cm, `${pointer}/projected/sources/${s}/configMap`, 'name', via);
      const sec = asObject(source.secret);
      if (sec) keyRefs(out, 'Secret', sec, `${pointer}/projected/sources/${s}/secret`, 'name', via);
    }
  }
  for (const { item, index } of indexedObjectsIn(template.spec.imagePullSecrets)) {
    const name = asString(item.name);
    if (name)
      out.push({
        kind: 'Secret',
        name,
        pointer: `${template.specPointer}/imagePullSecrets/${index}/name`,
        optional: false,
        via: 'imagePullSecrets',
      });
  }
  return out;
}

/**
 * The keys a ConfigMap (`data`, `binaryData`) or Secret (`data`, `stringData`) defines; never
 * their values. Undefined when one of those fields has the wrong type: the keys are unknown.
 */
export function definedKeys(m: Manifest): string[] | undefined {
  const fields = m.ref.kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData'];
  const keys = new Set<string>();
  for (const field of fields) {
    const map = fieldOf(m.object, [field], isPlainObject);
    if (map === WRONG_TYPE) return undefined;
    for (const key of Object.keys(map ?? {})) keys.add(key);
  }
  return [...keys].sort();
}

import { type GroupKind, groupKindOfObject } from '../model/group-kind.js';
import { POD_BEARING_KINDS, templatePath } from '../model/pod-template.js';
import { type JsonObject, isObject } from '../model/json.js';

/**
 * How the items of a list are told apart, from the `patchMergeKey` / `listType=map` /
 * `listMapKey` tags of the Kubernetes API types (`staging/src/k8s.io/api/core/v1/types.go`).
 */
export interface ListRule {
  /**
   * Fields whose values identify an item (`["containerPort", "protocol"]`); `[]` for a set of
   * strings, where each item is its own key. Absent for an atomic list (`command`, `args`,
   * `tolerations`), which is compared as a whole, in order.
   */
  keys?: readonly string[];
  /** Whether the order of the items is meaningful, so that a reorder is a change. */
  ordered?: (items: readonly unknown[]) => boolean;
  /** The shape of each item, for keyed lists nested inside items. */
  item?: MergeShape;
}

/** What is known about a field: the fields of an object, or the rule of a list. */
export interface MergeShape {
  fields?: Readonly<Record<string, MergeShape>>;
  list?: ListRule;
}

const fields = (f: Record<string, MergeShape>): MergeShape => ({ fields: f });
const keyed = (keys: readonly string[], item?: MergeShape, ordered?: ListRule['ordered']): MergeShape => ({
  list: { keys, ...(item ? { item } : {}), ...(ordered ? { ordered } : {}) },
});
const ATOMIC: MergeShape = { list: {} };
const always = (): boolean => true;

/**
 * Environment variables may refer to those defined before them (`$(NAME)`), so their order
 * matters exactly when one of them does.
 */
function envOrderMatters(items: readonly unknown[]): boolean {
  const names = new Set(items.filter(isObject).map((e) => String(e.name)));
  return items.some(
    (e) =>
      isObject(e) &&
      typeof e.value === 'string' &&
      [...e.value.matchAll(/\$\(([^)]+)\)/g)].some((m) => names.has(m[1]!)),
  );
}

const CONTAINER = fields({
  ports: keyed(['containerPort', 'protocol']),
  env: keyed(['name'], undefined, envOrderMatters),
  volumeMounts: keyed(['mountPath']),
  volumeDevices: keyed(['devicePath']),
  resizePolicy: ATOMIC,
  resources: fields({ claims: keyed(['name']) }),
  command: ATOMIC,
  args: ATOMIC,
  envFrom: ATOMIC,
});

const POD_SPEC = fields({
  containers: keyed(['name'], CONTAINER),
  // Init containers run one after the other: their order is part of the pod's meaning.
  initContainers: keyed(['name'], CONTAINER, always),
  ephemeralContainers: keyed(['name'], CONTAINER),
  volumes: keyed(['name']),
  imagePullSecrets: keyed(['name']),
  hostAliases: keyed(['ip']),
  topologySpreadConstraints: keyed(['topologyKey', 'whenUnsatisfiable']),
  resourceClaims: keyed(['name']),
  schedulingGates: keyed(['name']),
  tolerations: ATOMIC,
  readinessGates: ATOMIC,
});

const METADATA = fields({ ownerReferences: keyed(['uid']), finalizers: keyed([]) });
const POD_TEMPLATE = fields({ metadata: METADATA, spec: POD_SPEC });

/** The shape of a root whose pod template is at `path` (`[]` for a Pod, which is its own template). */
function withPodTemplateAt(path: readonly string[]): MergeShape {
  let shape = POD_TEMPLATE;
  for (const key of [...path].reverse()) shape = fields({ [key]: shape });
  return fields({ ...shape.fields, metadata: METADATA });
}

/** The shape of each kind's root, by group and kind; other kinds only have `metadata`. */
const ROOTS: ReadonlyMap<GroupKind, MergeShape> = new Map([
  ...POD_BEARING_KINDS.map((kind): [GroupKind, MergeShape] => [kind, withPodTemplateAt(templatePath(kind)!)]),
  ['Service', fields({ metadata: METADATA, spec: fields({ ports: keyed(['port', 'protocol']) }) })],
  [
    'ValidatingWebhookConfiguration.admissionregistration.k8s.io',
    fields({ metadata: METADATA, webhooks: keyed(['name']) }),
  ],
  [
    'MutatingWebhookConfiguration.admissionregistration.k8s.io',
    fields({ metadata: METADATA, webhooks: keyed(['name']) }),
  ],
]);

const OTHER = fields({ metadata: METADATA });

/** The shape of an object's root, from its apiVersion and kind. */
export function shapeOf(object: JsonObject): MergeShape {
  return ROOTS.get(groupKindOfObject(object)) ?? OTHER;
}

/** The key identifying `item` under `rule`, or undefined when it lacks one. */
function itemKey(item: unknown, rule: ListRule): string | undefined {
  const keys = rule.keys;
  if (!keys) return undefined;
  if (keys.length === 0) return typeof item === 'string' ? item : undefined;
  if (!isObject(item) || item[keys[0]!] === undefined) return undefined;
  return JSON.stringify(keys.map((k) => item[k] ?? null));
}

/**
 * Item index by key for a keyed list, or undefined when the items cannot be told apart (an
 * item without its key, two items with the same key): such a list is compared by position.
 */
export function indexByKey(items: readonly unknown[], rule: ListRule): Map<string, number> | undefined {
  if (!rule.keys) return undefined;
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const key = itemKey(items[i], rule);
    if (key === undefined || index.has(key)) return undefined;
    index.set(key, i);
  }
  return index;
}

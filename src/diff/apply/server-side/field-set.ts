import { deepEqual, isObject } from '../../../model/json.js';
import { formatPointer } from '../../../model/json-pointer.js';

/**
 * Sets of field paths, as the API server's field manager keeps them to know who owns what under
 * server-side apply (`metadata.managedFields[].fieldsV1`). A path is a list of elements: a field
 * of a struct or key of a map (`f:name`), an item of a keyed list (`k:{"name":"app"}`), a value
 * of a set (`v:"x"`), an index (`i:0`). A set is a tree: at each level, the paths that end there
 * (members) and the sub-sets of the paths that go on (children).
 *
 * Each element is held by its serialized form, made canonical (object keys sorted), so that equal
 * elements are equal strings whatever wrote them.
 */
export type PathElement =
  | { readonly field: string }
  | { readonly key: Readonly<Record<string, unknown>> }
  | { readonly value: unknown }
  | { readonly index: number };

export type FieldPath = readonly PathElement[];

export class FieldSet {
  readonly members = new Map<string, PathElement>();
  readonly children = new Map<string, { element: PathElement; set: FieldSet }>();

  /** Adds a path (mutates: for building a set). */
  insert(path: FieldPath): this {
    let set: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) set = set.child(path[i]!);
    const last = path[path.length - 1];
    if (last !== undefined) set.members.set(serialize(last), last);
    return this;
  }

  private child(element: PathElement): FieldSet {
    return this.childOf(serialize(element), element);
  }

  /** The sub-set under an element (made, empty, when there is none yet): for building a set. */
  childOf(id: string, element: PathElement): FieldSet {
    let entry = this.children.get(id);
    if (!entry) {
      entry = { element, set: new FieldSet() };
      this.children.set(id, entry);
    }
    return entry.set;
  }

  has(path: FieldPath): boolean {
    let set: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && set; i++) set = set.children.get(serialize(path[i]!))?.set;
    return set !== undefined && path.length > 0 && set.members.has(serialize(path[path.length - 1]!));
  }

  isEmpty(): boolean {
    if (this.members.size) return false;
    for (const { set } of this.children.values()) if (!set.isEmpty()) return false;
    return true;
  }

  /** The paths under `element`, without it. */
  withPrefix(element: PathElement): FieldSet {
    return this.children.get(serialize(element))?.set ?? EMPTY;
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [id, e] of this.members) out.members.set(id, e);
    for (const [id, e] of other.members) out.members.set(id, e);
    for (const [id, c] of this.children) {
      const o = other.children.get(id);
      out.children.set(id, { element: c.element, set: o ? c.set.union(o.set) : c.set });
    }
    for (const [id, c] of other.children) if (!this.children.has(id)) out.children.set(id, c);
    return out;
  }

  /** The paths of this set that are not in `other` (path by path: a member of `other` leaves its children here). */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [id, e] of this.members) if (!other.members.has(id)) out.members.set(id, e);
    for (const [id, c] of this.children) {
      const o = other.children.get(id);
      const rest = o ? c.set.difference(o.set) : c.set;
      if (!rest.isEmpty()) out.children.set(id, { element: c.element, set: rest });
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [id, e] of this.members) if (other.members.has(id)) out.members.set(id, e);
    for (const [id, c] of this.children) {
      const o = other.children.get(id);
      if (!o) continue;
      const both = c.set.intersection(o.set);
      if (!both.isEmpty()) out.children.set(id, { element: c.element, set: both });
    }
    return out;
  }

  /** Every path, in the field manager's order: at each level the members, then the children, each sorted. */
  paths(prefix: FieldPath = []): FieldPath[] {
    const out: FieldPath[] = [];
    for (const e of [...this.members.values()].sort(compareElements)) out.push([...prefix, e]);
    for (const c of [...this.children.values()].sort((a, b) => compareElements(a.element, b.element)))
      for (const p of c.set.paths([...prefix, c.element])) out.push(p);
    return out;
  }
}

const EMPTY = new FieldSet();

/** The canonical serialized form of an element, as in `fieldsV1`. */
export function serialize(element: PathElement): string {
  if ('field' in element) return `f:${element.field}`;
  if ('key' in element) return `k:${canonicalJson(element.key)}`;
  if ('value' in element) return `v:${canonicalJson(element.value)}`;
  return `i:${element.index}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** An element read from its serialized form; undefined when it is not one. */
export function parseElement(text: string): PathElement | undefined {
  const body = text.slice(2);
  try {
    switch (text.slice(0, 2)) {
      case 'f:':
        return { field: body };
      case 'k:': {
        const key: unknown = JSON.parse(body);
        return isObject(key) ? { key } : undefined;
      }
      case 'v:':
        return { value: JSON.parse(body) };
      case 'i:':
        return /^\d+$/.test(body) ? { index: Number(body) } : undefined;
    }
  } catch {
    // Not JSON: not an element.
  }
  return undefined;
}

/** The set a `fieldsV1` object describes: `{}` under an element makes it a member, and so does a `"."` entry. */
export function fromFieldsV1(fields: unknown): FieldSet {
  const set = new FieldSet();
  if (!isObject(fields)) return set;
  for (const [text, sub] of Object.entries(fields)) {
    if (text === '.') continue;
    const element = parseElement(text);
    if (!element) continue;
    const children = isObject(sub) ? Object.keys(sub).filter((k) => k !== '.') : [];
    if (!children.length || (isObject(sub) && Object.hasOwn(sub, '.'))) set.members.set(serialize(element), element);
    if (children.length) {
      const child = fromFieldsV1(sub);
      if (!child.isEmpty()) set.children.set(serialize(element), { element, set: child });
    }
  }
  return set;
}

/** The `fieldsV1` object of a set, keys sorted. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const id of set.members.keys()) out[id] = {};
  for (const [id, { set: child }] of set.children) {
    const sub = toFieldsV1(child);
    out[id] = set.members.has(id) ? { '.': {}, ...sub } : sub;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A path as the API server writes it in messages: `.spec.containers[name="app"].image`. */
export function pathString(path: FieldPath): string {
  return path
    .map((e) => {
      if ('field' in e) return `.${e.field}`;
      if ('key' in e)
        return `[${Object.keys(e.key)
          .sort()
          .map((k) => `${k}=${valueString(e.key[k])}`)
          .join(',')}]`;
      if ('value' in e) return `[=${valueString(e.value)}]`;
      return `[${e.index}]`;
    })
    .join('');
}

function valueString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(valueString).join(',')}]`;
  if (isObject(value))
    return Object.keys(value)
      .map((k) => `${k}=${valueString(value[k])}`)
      .join('');
  return String(value);
}

const ELEMENT_ORDER = ['field', 'key', 'value', 'index'];

function elementRank(e: PathElement): number {
  return ELEMENT_ORDER.findIndex((k) => k in e);
}

/** The field manager's order of elements: fields, then keys, values, indexes; each by name or value. */
export function compareElements(a: PathElement, b: PathElement): number {
  const rank = elementRank(a) - elementRank(b);
  if (rank) return rank;
  if ('field' in a && 'field' in b) return compareStrings(a.field, b.field);
  if ('key' in a && 'key' in b) {
    const ak = Object.keys(a.key).sort();
    const bk = Object.keys(b.key).sort();
    for (let i = 0; i < Math.max(ak.length, bk.length); i++) {
      if (i >= ak.length) return -1;
      if (i >= bk.length) return 1;
      const c = compareStrings(ak[i]!, bk[i]!) || compareScalars(a.key[ak[i]!], b.key[bk[i]!]);
      if (c) return c;
    }
    return 0;
  }
  if ('value' in a && 'value' in b) return compareScalars(a.value, b.value);
  if ('index' in a && 'index' in b) return a.index - b.index;
  return 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const VALUE_ORDER = ['number', 'string', 'boolean'];

/** Numbers, then strings, then booleans, then the rest by their JSON. */
function compareScalars(a: unknown, b: unknown): number {
  const ra = VALUE_ORDER.indexOf(typeof a);
  const rb = VALUE_ORDER.indexOf(typeof b);
  const rankA = ra < 0 ? VALUE_ORDER.length : ra;
  const rankB = rb < 0 ? VALUE_ORDER.length : rb;
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareStrings(canonicalJson(a), canonicalJson(b));
}

/**
 * The JSON pointer of a path in a value (a manifest), to place a finding; undefined where the
 * value does not have it. A key matches the item whose key fields are equal or left to their
 * defaults.
 */
export function pointerIn(value: unknown, path: FieldPath): string | undefined {
  const segments: Array<string | number> = [];
  let at = value;
  for (const element of path) {
    if ('field' in element) {
      if (!isObject(at) || at[element.field] === undefined) return undefined;
      segments.push(element.field);
      at = at[element.field];
      continue;
    }
    if (!Array.isArray(at)) return undefined;
    const index = at.findIndex((item) =>
      'key' in element
        ? isObject(item) &&
          Object.entries(element.key).every(([k, v]) => item[k] === undefined || deepEqual(item[k], v))
        : 'value' in element
          ? deepEqual(item, element.value)
          : false,
    );
    const found = 'index' in element ? element.index : index;
    if (found < 0 || found >= at.length) return undefined;
    segments.push(found);
    at = at[found];
  }
  return formatPointer(segments);
}

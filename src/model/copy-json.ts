/**
 * A deep copy of JSON-shaped data (plain objects, arrays, scalars), as manifests are once
 * parsed. Several times faster than `structuredClone` on the small objects of pod specs, which
 * the simulation copies once per pod it creates. Anything else (a Date, a Map) goes through
 * `structuredClone`, so nothing is shared with the original either way.
 */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyJson(value[i]);
    return out as T;
  }
  if (value === null || typeof value !== 'object') return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    // A key named `__proto__` (YAML allows it) must stay a key, not become the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}

/**
 * Whether `original` can stand for `copy`, a copy made of it (by `copyJson`) and maybe changed
 * since: the same plain objects and lists, with the same keys in the same order and the same
 * scalars, so that no reader and no output can tell them apart. False when unsure (an object
 * that is not plain, like a Date): the caller then keeps the copy.
 */
export function sameAsCopy(original: unknown, copy: unknown): boolean {
  if (original === copy) return true;
  if (original === null || copy === null || typeof original !== 'object' || typeof copy !== 'object')
    return Object.is(original, copy);
  const prototype = Object.getPrototypeOf(original) as unknown;
  if (prototype !== Object.getPrototypeOf(copy)) return false;
  if (prototype === Array.prototype) {
    const a = original as unknown[];
    const b = copy as unknown[];
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameAsCopy(a[i], b[i])) return false;
    return true;
  }
  if (prototype !== Object.prototype) return false;
  const keys = Object.keys(original);
  const copyKeys = Object.keys(copy);
  if (keys.length !== copyKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== copyKeys[i]) return false;
    if (!sameAsCopy((original as Record<string, unknown>)[key], (copy as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Whether `value` is plain JSON data: scalars, and arrays and objects of the plain prototypes
 * holding plain JSON. Exactly the values `sameAsCopy(value, copyJson(value))` holds for, told
 * without a copy. Not for values that contain themselves.
 */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Array.prototype) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) if (!isPlainJson(items[i])) return false;
    return true;
  }
  if (prototype !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * Whether `value` contains itself: YAML aliases can build such an object (`spec: &s {self: *s}`),
 * which has no JSON form, so kubectl cannot send it and kubeplan must not walk it. Shared but
 * acyclic aliases are fine.
 */
export function isCyclic(value: unknown): boolean {
  // A walk that ends within the depth has no cycle (one would go on for ever). Manifests are
  // a few dozen levels deep at most, and this walk keeps no set of ancestors: the diff checks
  // every live object and every manifest.
  return !endsWithin(value, CYCLE_FREE_DEPTH) && hasCycle(value, new Set());
}

/** Deeper than any manifest: past it, isCyclic looks for the cycle itself. */
const CYCLE_FREE_DEPTH = 200;

function endsWithin(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth === 0) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!endsWithin(value[i], depth - 1)) return false;
    return true;
  }
  for (const key of Object.keys(value))
    if (!endsWithin((value as Record<string, unknown>)[key], depth - 1)) return false;
  return true;
}

function hasCycle(value: unknown, ancestors: Set<object>): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  const cyclic = children.some((child) => hasCycle(child, ancestors));
  ancestors.delete(value);
  return cyclic;
}

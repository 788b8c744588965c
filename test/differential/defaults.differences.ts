import { canonicalQuantity, parseQuantity } from '../../src/model/quantity.js';

/**
 * Where the comparison of defaulted objects (defaults.test.ts) looks past differences of
 * encoding, in one place. None of them is a difference of what the object means:
 * - Go writes a struct field that is not a pointer even when it is empty (`resources: {}`,
 *   `securityContext: {}`, `status: {}`), and leaves out an empty string or list marked
 *   `omitempty`: empty objects, lists and strings are removed on both sides;
 * - Go writes a quantity in its canonical form (`1.5` as `1500m`): quantities are compared in
 *   that form on both sides;
 * - `status` belongs to the controllers, not to defaulting: Go writes its zero counters, kubeplan's
 *   defaulting leaves it alone, so it is left out.
 */
export function comparable(object: Record<string, unknown>): unknown {
  const { status: _status, ...rest } = object;
  return normalized(rest);
}

function normalized(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => normalized(item));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
      const item = normalized(v, k);
      const empty = Array.isArray(item)
        ? item.length === 0
        : typeof item === 'object' && item !== null && Object.keys(item).length === 0;
      if (item === '' || empty) continue;
      out[k] = QUANTITY_MAPS.has(key) ? canonical(item) : item;
    }
    return out;
  }
  return value;
}

/** The maps whose values are quantities. */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'overhead']);

function canonical(value: unknown): unknown {
  const q = parseQuantity(value);
  return q ? canonicalQuantity(q) : value;
}

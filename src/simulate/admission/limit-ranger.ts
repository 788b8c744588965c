import { canonicalQuantity, ceilDiv, type Quantity } from '../../model/quantity.js';
import { compareText } from '../../model/compare-text.js';
import { ensureObject } from '../defaults/fields.js';
import { isObject, objectAt, objectsAt } from '../../model/json.js';
import {
  containerLimits,
  containerRequests,
  LIMIT_RANGER,
  podLimits,
  podRequests,
  type ResourceList,
  resourceList,
} from '../../model/pod-resources.js';

/** Why admission refuses a pod: the API server's text, and where in the pod spec the cause is. */
export interface PodRefusal {
  message: string;
  /** Relative to the pod spec (`containers/0/resources`), `''` for the spec itself. */
  pointer: string;
}

const ANNOTATION = 'kubernetes.io/limit-ranger';
const CONTAINER_TYPES = [
  ['containers', 'container'],
  ['initContainers', 'init container'],
] as const;

/** An item's `min`, `max` or `maxLimitRequestRatio`, by resource name. */
function quantitiesOf(item: Record<string, unknown>, field: string): Array<[string, Quantity]> {
  return [...resourceList(item[field])].sort(([a], [b]) => compareText(a, b));
}

function itemsOf(limitRange: Record<string, unknown>, type: string): Array<Record<string, unknown>> {
  return objectsAt(objectAt(limitRange, 'spec'), 'limits').filter((item) => item.type === type);
}

/**
 * The LimitRanger admission plugin, mutating half (`plugin/pkg/admission/limitranger`): each
 * container and init container gets the `default` limits and `defaultRequest` requests of the
 * namespace's `type: Container` items for the resources it does not set, and the pod an
 * annotation saying what was set. Changes the pod.
 */
export function applyLimitRangeDefaults(
  pod: Record<string, unknown>,
  limitRanges: readonly Record<string, unknown>[],
): void {
  const spec = objectAt(pod, 'spec');
  if (!spec) return;
  const requests = new Map<string, unknown>();
  const limits = new Map<string, unknown>();
  for (const range of limitRanges) {
    for (const item of itemsOf(range, 'Container')) {
      for (const [name, value] of Object.entries(objectAt(item, 'defaultRequest') ?? {})) requests.set(name, value);
      for (const [name, value] of Object.entries(objectAt(item, 'default') ?? {})) limits.set(name, value);
    }
  }
  if (!requests.size && !limits.size) return;
  const notes: string[] = [];
  for (const [field, label] of CONTAINER_TYPES) {
    for (const container of objectsAt(spec, field)) {
      const resources = ensureObject(container, 'resources');
      if (!resources) continue;
      const set = (key: 'requests' | 'limits', defaults: Map<string, unknown>): string[] => {
        const current = isObject(resources[key]) ? (resources[key] as Record<string, unknown>) : {};
        const added = [...defaults.keys()].filter((name) => !Object.hasOwn(current, name)).sort();
        if (added.length)
          resources[key] = { ...current, ...Object.fromEntries(added.map((name) => [name, defaults.get(name)])) };
        return added;
      };
      const setRequests = set('requests', requests);
      const setLimits = set('limits', limits);
      if (setRequests.length) notes.push(`${setRequests.join(', ')} request for ${label} ${String(container.name)}`);
      if (setLimits.length) notes.push(`${setLimits.join(', ')} limit for ${label} ${String(container.name)}`);
    }
  }
  if (!notes.length) return;
  const metadata = ensureObject(pod, 'metadata');
  if (metadata)
    metadata.annotations = {
      ...(isObject(metadata.annotations) ? metadata.annotations : {}),
      [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`,
    };
}

/** Kubernetes' `resource.MaxMilliValue`: beyond it a value has no milli form in an int64. */
const MAX_MILLI = 2n ** 63n / 1000n;

/**
 * `requestLimitEnforcedValues`: request, limit and enforced value compared at milli precision
 * (rounded up) when none of them is too large for it, else all as whole units. An absent
 * quantity counts as 0.
 */
function enforcedValues(
  request: Quantity | undefined,
  limit: Quantity | undefined,
  enforced: Quantity,
): [bigint, bigint, bigint] {
  const whole = (q: Quantity | undefined): bigint => (q ? ceilDiv(q.num, q.den) : 0n);
  const milli = (q: Quantity | undefined): bigint => (q ? ceilDiv(q.num * 1000n, q.den) : 0n);
  const useMilli = [request, limit, enforced].every((q) => whole(q) <= MAX_MILLI);
  const value = useMilli ? milli : whole;
  return [value(request), value(limit), value(enforced)];
}

function minConstraint(
  type: string,
  name: string,
  enforced: Quantity,
  requests: ResourceList,
  limits: ResourceList,
): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = enforcedValues(req, lim, enforced);
  const min = canonicalQuantity(enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${min}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${type} is ${min}, but request is ${canonicalQuantity(req)}`;
  if (lim && l < e) return `minimum ${name} usage per ${type} is ${min}, but limit is ${canonicalQuantity(lim)}`;
  return undefined;
}

function maxConstraint(
  type: string,
  name: string,
  enforced: Quantity,
  requests: ResourceList,
  limits: ResourceList,
): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l, e] = enforcedValues(req, lim, enforced);
  const max = canonicalQuantity(enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${max}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${type} is ${max}, but limit is ${canonicalQuantity(lim)}`;
  if (req && r > e) return `maximum ${name} usage per ${type} is ${max}, but request is ${canonicalQuantity(req)}`;
  return undefined;
}

function ratioConstraint(
  type: string,
  name: string,
  enforced: Quantity,
  requests: ResourceList,
  limits: ResourceList,
): string | undefined {
  const req = requests.get(name);
  const lim = limits.get(name);
  const [r, l] = enforcedValues(req, lim, enforced);
  const max = canonicalQuantity(enforced);
  if (!req || r === 0n)
    return `${name} max limit to request ratio per ${type} is ${max}, but no request is specified or request is 0`;
  if (!lim || l === 0n)
    return `${name} max limit to request ratio per ${type} is ${max}, but no limit is specified or limit is 0`;
  const ratio = Number(l) / Number(r);
  // The enforced ratio in thousandths when it fits, as Kubernetes compares it; Go prints %f.
  const [, , enforcedMilli] = enforcedValues(undefined, undefined, enforced);
  const exceeds =
    ceilDiv(enforced.num, enforced.den) <= MAX_MILLI
      ? ratio * 1000 > Number(enforcedMilli)
      : ratio > Number(ceilDiv(enforced.num, enforced.den));
  return exceeds
    ? `${name} max limit to request ratio per ${type} is ${max}, but provided ratio is ${ratio.toFixed(6)}`
    : undefined;
}

function checkItem(
  item: Record<string, unknown>,
  type: string,
  requests: ResourceList,
  limits: ResourceList,
): string[] {
  const errors: string[] = [];
  for (const [name, q] of quantitiesOf(item, 'min')) errors.push(minConstraint(type, name, q, requests, limits) ?? '');
  for (const [name, q] of quantitiesOf(item, 'max')) errors.push(maxConstraint(type, name, q, requests, limits) ?? '');
  for (const [name, q] of quantitiesOf(item, 'maxLimitRequestRatio'))
    errors.push(ratioConstraint(type, name, q, requests, limits) ?? '');
  return errors.filter(Boolean);
}

/**
 * The LimitRanger admission plugin, validating half: `min`, `max` and `maxLimitRequestRatio` of
 * `type: Container` items against every container and init container, of `type: Pod` items
 * against the pod's totals. The API server walks resource names in map order; kubeplan in name
 * order. Several errors are joined as the API server joins them (`[a, b]`).
 */
export function checkLimitRanges(
  spec: Record<string, unknown>,
  limitRanges: readonly Record<string, unknown>[],
): PodRefusal | undefined {
  const errors: string[] = [];
  let pointer: string | undefined;
  for (const range of limitRanges) {
    for (const item of itemsOf(range, 'Container')) {
      for (const [field] of CONTAINER_TYPES) {
        objectsAt(spec, field).forEach((container, index) => {
          const found = checkItem(item, 'Container', containerRequests(container), containerLimits(container));
          if (found.length) pointer ??= `${field}/${index}/resources`;
          for (const item of found) errors.push(item);
        });
      }
    }
    for (const item of itemsOf(range, 'Pod')) {
      const found = checkItem(item, 'Pod', podRequests(spec, LIMIT_RANGER), podLimits(spec, LIMIT_RANGER));
      if (found.length) pointer ??= 'containers/0/resources';
      for (const item of found) errors.push(item);
    }
  }
  const unique = [...new Set(errors)];
  if (!unique.length) return undefined;
  return { message: unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`, pointer: pointer ?? '' };
}

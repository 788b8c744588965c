import { addQuantities, canonicalQuantity, compareQuantities, type Quantity } from '../../model/quantity.js';
import type { PodRefusal } from './limit-ranger.js';
import { cached } from '../../model/maps.js';
import { newRequirement, type Operator, requirementMatches } from '../../model/selectors/requirement.js';
import { objectAt, objectsAt } from '../../model/json.js';
import { qosClass } from '../../model/pod-qos.js';
import {
  containerLimits,
  containerRequests,
  podLimits,
  podRequests,
  QUOTA,
  type ResourceList,
  resourceList,
} from '../../model/pod-resources.js';
import { isExtendedResourceName, isHugePageResourceName } from '../../model/resource-names.js';

const ONE: Quantity = { num: 1n, den: 1n, format: 'DecimalSI' };

/** Quota names a pod's requests count under: `cpu` → `cpu` and `requests.cpu`. */
const STANDARD = ['cpu', 'memory', 'ephemeral-storage'];

/** The quota resources that make every container state its own request or limit (`must specify`). */
const MUST_SPECIFY = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/**
 * What one pod uses of a quota (`pkg/quota/v1/evaluator/core/pods.go`): `pods` and `count/pods`,
 * requests under their plain and `requests.` names, limits under `limits.`, hugepages and
 * extended resources (a domain-prefixed name) under `requests.`.
 */
export function podUsage(spec: Record<string, unknown>): ResourceList {
  return cached(usageCache, spec, () => computeUsage(spec));
}

/**
 * Usage per pod spec: a quota check adds up the usage of every live pod of the namespace, and
 * the specs of stored pods never change (SimulationState replaces objects, never edits them).
 */
const usageCache = new WeakMap<Record<string, unknown>, ResourceList>();

function computeUsage(spec: Record<string, unknown>): ResourceList {
  const usage: ResourceList = new Map([
    ['pods', ONE],
    ['count/pods', ONE],
  ]);
  for (const [name, q] of podRequests(spec, QUOTA)) {
    if (STANDARD.includes(name) || isHugePageResourceName(name)) {
      usage.set(name, q);
      usage.set(`requests.${name}`, q);
    } else if (isExtendedResourceName(name)) {
      // Extended resources are quota'd under their `requests.` name only.
      usage.set(`requests.${name}`, q);
    }
  }
  for (const [name, q] of podLimits(spec, QUOTA)) if (STANDARD.includes(name)) usage.set(`limits.${name}`, q);
  return usage;
}

/**
 * The `Terminating` quota scope: a pod with an active deadline (`activeDeadlineSeconds` ≥ 0), which
 * the kubelet stops once it has run that long. Not a pod being deleted (model/pod-phase.ts).
 */
function hasActiveDeadline(spec: Record<string, unknown>): boolean {
  return typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
}

function isBestEffort(spec: Record<string, unknown>): boolean {
  return qosClass(spec) === 'BestEffort';
}

/** Whether a quota's scopes (`scopes`, `scopeSelector`) select the pod; a scope kubeplan does not know selects nothing. */
export function inScope(quota: Record<string, unknown>, spec: Record<string, unknown>): boolean {
  const spec_ = objectAt(quota, 'spec') ?? {};
  const scopes = (Array.isArray(spec_.scopes) ? spec_.scopes : []).map(
    (scope) => ({ scopeName: scope, operator: 'Exists' }) as Record<string, unknown>,
  );
  for (const item of objectsAt(objectAt(spec_, 'scopeSelector'), 'matchExpressions')) scopes.push(item);
  return scopes.every((s) => {
    switch (s.scopeName) {
      case 'Terminating':
        return hasActiveDeadline(spec);
      case 'NotTerminating':
        return !hasActiveDeadline(spec);
      case 'BestEffort':
        return isBestEffort(spec);
      case 'NotBestEffort':
        return !isBestEffort(spec);
      case 'PriorityClass':
        return priorityClassInScope(s, spec);
      default:
        return false;
    }
  });
}

const SCOPE_OPERATORS: ReadonlySet<unknown> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * The PriorityClass scope (`pkg/quota/v1/evaluator/core/pods.go`): `Exists` asks whether the pod
 * names a priority class; the other operators are a label requirement on the key `PriorityClass`
 * against a label set that holds the pod's class name when it has one. A requirement the
 * selector library refuses (NotIn without values, a value that is not a label value) selects no pod.
 */
function priorityClassInScope(scope: Record<string, unknown>, spec: Record<string, unknown>): boolean {
  const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  if (scope.operator === 'Exists') return name !== '';
  if (!SCOPE_OPERATORS.has(scope.operator)) return false;
  const requirement = newRequirement('PriorityClass', scope.operator as Operator, scope.values);
  return requirement !== undefined && requirementMatches(requirement, name === '' ? {} : { PriorityClass: name });
}

/** Hard limits per quota object: read once, as stored quotas are never edited in place. */
const hardLimits = new WeakMap<object, ResourceList>();

/** A quota's `spec.hard`. */
export function hardOf(quota: Record<string, unknown>): ResourceList {
  return cached(hardLimits, quota, () => resourceList(objectAt(objectAt(quota, 'spec') ?? {}, 'hard')));
}

function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort()
    .map((name) => `${name}=${canonicalQuantity(list.get(name)!)}`)
    .join(',');
}

/** `must specify limits.cpu for: app; limits.memory for: app,sidecar` at the first container concerned, or undefined. */
function missingSpecifications(spec: Record<string, unknown>, tracked: ReadonlySet<string>): PodRefusal | undefined {
  const required = [...tracked].filter((name) => MUST_SPECIFY.has(name));
  const missing = new Map<string, Set<string>>();
  let pointer: string | undefined;
  for (const field of ['containers', 'initContainers']) {
    objectsAt(spec, field).forEach((container, index) => {
      const requests = containerRequests(container);
      const limits = containerLimits(container);
      for (const name of required) {
        const [kind, resource] = name.includes('.') ? (name.split('.') as [string, string]) : ['requests', name];
        if ((kind === 'limits' ? limits : requests).has(resource)) continue;
        missing.set(name, (missing.get(name) ?? new Set()).add(String(container.name)));
        pointer ??= `${field}/${index}/resources`;
      }
    });
  }
  if (!missing.size) return undefined;
  const message = `must specify ${[...missing.keys()]
    .sort()
    .map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`)
    .join('; ')}`;
  return { message, pointer: pointer! };
}

/** What the pods (their specs) use of the resources a quota limits, when its scopes select them. */
export function sumUsage(quota: Record<string, unknown>, specs: Iterable<Record<string, unknown>>): ResourceList {
  const hard = hardOf(quota);
  const used: ResourceList = new Map();
  for (const spec of specs) if (inScope(quota, spec)) addUsage(used, podUsage(spec), hard, 1n);
  return used;
}

/** Adds (sign 1n) or takes away (-1n) a pod's usage of the resources in `hard`. */
export function addUsage(
  used: ResourceList,
  usage: ResourceList,
  hard: ReadonlyMap<string, unknown>,
  sign: 1n | -1n,
): void {
  for (const [resource, q] of usage) {
    if (!hard.has(resource)) continue;
    const signed = sign === 1n ? q : { ...q, num: -q.num };
    used.set(resource, used.has(resource) ? addQuantities(used.get(resource)!, signed) : signed);
  }
}

/**
 * The ResourceQuota admission plugin for a new pod: each quota of the namespace (in name order)
 * whose scopes select the pod first requires every container to state the cpu and memory
 * requests or limits it tracks, then refuses the pod when its usage added to what the
 * namespace's live pods use (`usedOf`) exceeds a hard limit, with the API server's message.
 */
export function checkQuotas(
  spec: Record<string, unknown>,
  quotas: readonly Record<string, unknown>[],
  usedOf: (quota: Record<string, unknown>) => ResourceList,
): PodRefusal | undefined {
  for (const quota of quotas) {
    if (!inScope(quota, spec)) continue;
    const hard = hardOf(quota);
    const name = String(objectAt(quota, 'metadata')?.name ?? '');
    const missing = missingSpecifications(spec, new Set(hard.keys()));
    if (missing) return { message: `failed quota: ${name}: ${missing.message}`, pointer: missing.pointer };
    const requested: ResourceList = new Map(
      [...podUsage(spec)].filter(([resource, q]) => hard.has(resource) && q.num !== 0n),
    );
    if (!requested.size) continue;
    const used = usedOf(quota);
    const exceeded = [...requested.keys()].filter((resource) => {
      const total = used.has(resource)
        ? addQuantities(used.get(resource)!, requested.get(resource)!)
        : requested.get(resource)!;
      return compareQuantities(total, hard.get(resource)!) > 0;
    });
    if (!exceeded.length) continue;
    const mask = (list: ResourceList): ResourceList =>
      new Map(
        exceeded.map((resource) => [
          resource,
          list.get(resource) ?? { num: 0n, den: 1n, format: 'DecimalSI' as const },
        ]),
      );
    return {
      message: `exceeded quota: ${name}, requested: ${prettyPrint(mask(requested))}, used: ${prettyPrint(mask(used))}, limited: ${prettyPrint(mask(hard))}`,
      pointer: 'containers/0/resources',
    };
  }
  return undefined;
}

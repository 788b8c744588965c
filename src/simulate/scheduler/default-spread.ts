/**
 * The selector kube-scheduler uses for system-default topology spreading (helper.DefaultSelector):
 * the selectors of the Services in the pod's namespace that select it, merged, and the selector of
 * its controlling ReplicaSet, StatefulSet or ReplicationController (found by owner reference).
 * An empty result means the pod gets no default constraints.
 */
import type { PodInfo } from './pod-info.js';
import { cached, pushTo } from '../../model/maps.js';
import { asArray, isObject, objectAt } from '../../model/json.js';
import {
  EVERYTHING,
  type Selector,
  andSelectors,
  compileLabelSelector,
  type Labels,
  labelIndexKey,
  requiredLabel,
  selectorFromSet,
  selectorMatches,
} from '../../model/selectors/label-selector.js';
import { DEFAULT_NAMESPACE } from '../../model/namespace-scope.js';

/** The objects kube-scheduler reads for default spreading; plain Kubernetes objects. */
export interface SpreadingOwners {
  services?: unknown[];
  replicaSets?: unknown[];
  statefulSets?: unknown[];
  replicationControllers?: unknown[];
}

function metaOf(o: unknown): { namespace: string; name: string } {
  const m = isObject(o) && isObject(o.metadata) ? o.metadata : {};
  return {
    namespace: typeof m.namespace === 'string' && m.namespace !== '' ? m.namespace : DEFAULT_NAMESPACE,
    name: typeof m.name === 'string' ? m.name : '',
  };
}

function specOf(o: unknown): Record<string, unknown> {
  return objectAt(o, 'spec') ?? {};
}

/** A Service's selector with its place among the Services of its namespace (the order they merge in). */
interface ServiceSelector {
  position: number;
  map: Record<string, unknown>;
  selector: Selector;
}

/**
 * The Service selectors of one namespace, indexed by a label a pod must carry to be selected
 * (requiredLabel), so a pod is tested against the few Services that can select it rather than
 * every Service of its namespace: with thousands of Services a namespace, testing them all for
 * every pod dominated scheduling. Selectors without such a label (`{}` selects everything) are
 * candidates for every pod.
 */
class NamespaceServices {
  private readonly byLabel = new Map<string, ServiceSelector[]>();
  private readonly everyPod: ServiceSelector[] = [];
  private count = 0;

  add(map: Record<string, unknown>, selector: Selector): void {
    // A malformed selector (NOTHING) selects no pod: it never merges, so it needs no place.
    if (selector === null) return;
    const entry = { position: this.count++, map, selector };
    const label = requiredLabel(selector);
    if (label === undefined) this.everyPod.push(entry);
    else pushTo(this.byLabel, label, entry);
  }

  /** The Services that select the pod, in the order they were added. */
  selecting(labels: Labels): ServiceSelector[] {
    const found = this.everyPod.filter((s) => selectorMatches(s.selector, labels));
    for (const key in labels) {
      for (const s of this.byLabel.get(labelIndexKey(key, labels[key]!)) ?? [])
        if (selectorMatches(s.selector, labels)) found.push(s);
    }
    // Each Service is indexed under one label only, so none is found twice.
    return found.length > 1 ? found.sort((a, b) => a.position - b.position) : found;
  }
}

/**
 * The objects indexed once per run: the selectors of the Services by namespace (in input order,
 * as they are merged in that order), and the controllers by kind, namespace and name (the first
 * of a repeated name, as a search in input order finds).
 */
export class DefaultSpreadSelectors {
  private readonly services = new Map<string, NamespaceServices>();
  private readonly controllers = new Map<string, unknown>();
  /** The compiled selector of each ReplicaSet and StatefulSet, compiled once rather than once a pod. */
  private readonly ownSelectors = new Map<unknown, Selector>();

  constructor(owners: SpreadingOwners) {
    for (const svc of asArray(owners.services)) {
      const selector = specOf(svc).selector;
      // A Service without a selector selects nothing (not everything).
      if (!isObject(selector)) continue;
      const { namespace } = metaOf(svc);
      cached(this.services, namespace, () => new NamespaceServices()).add(selector, selectorFromSet(selector));
    }
    const index = (kind: string, objects: unknown[] | undefined): void => {
      for (const o of asArray(objects)) {
        const { namespace, name } = metaOf(o);
        const key = controllerKey(kind, namespace, name);
        if (!this.controllers.has(key)) this.controllers.set(key, o);
      }
    };
    index('ReplicaSet', owners.replicaSets);
    index('StatefulSet', owners.statefulSets);
    index('ReplicationController', owners.replicationControllers);
  }

  /** kube-scheduler's DefaultSelector for the pod; empty when nothing selects it. */
  selectorFor(pod: PodInfo): Selector {
    const merged: Record<string, string> = {};
    for (const svc of this.services.get(pod.namespace)?.selecting(pod.labels) ?? []) Object.assign(merged, svc.map);
    let selector: Selector = selectorFromSet(merged);
    const owner = pod.owner;
    if (!owner) return selector;
    const group = owner.apiVersion.includes('/') ? owner.apiVersion.slice(0, owner.apiVersion.indexOf('/')) : '';
    const controller = this.controllers.get(controllerKey(owner.kind, pod.namespace, owner.name));
    if (controller === undefined) return selector;
    if (owner.kind === 'ReplicationController' && group === '') {
      selector = selectorFromSet({
        ...merged,
        ...(isObject(specOf(controller).selector) ? (specOf(controller).selector as object) : {}),
      });
    } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && group === 'apps') {
      const own = cached(this.ownSelectors, controller, () => compileLabelSelector(specOf(controller).selector));
      // A selector that does not parse adds nothing, as in kube-scheduler.
      if (own !== null) selector = andSelectors(selector, own);
    }
    return selector ?? EVERYTHING;
  }
}

function controllerKey(kind: string, namespace: string, name: string): string {
  return `${kind}\u0000${namespace}\u0000${name}`;
}

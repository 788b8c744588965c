/**
 * The selector kube-scheduler uses for system-default topology spreading (helper.DefaultSelector):
 * the selectors of the Services in the pod's namespace that select it, merged, and the selector of
 * its controlling ReplicaSet, StatefulSet or ReplicationController (found by owner reference).
 * An empty result means the pod gets no default constraints.
 */
import { andSelectors, compileLabelSelector, EVERYTHING, type Selector, selectorFromMap, selectorMatches } from './labels.js';
import type { PodInfo } from './pod-info.js';
import { isRecord } from './read.js';

/** The objects kube-scheduler reads for default spreading; plain Kubernetes objects. */
export interface SpreadingOwners {
  services?: unknown[];
  replicaSets?: unknown[];
  statefulSets?: unknown[];
  replicationControllers?: unknown[];
}

function metaOf(o: unknown): { namespace: string; name: string } {
  const m = isRecord(o) && isRecord(o.metadata) ? o.metadata : {};
  return {
    namespace: typeof m.namespace === 'string' && m.namespace !== '' ? m.namespace : 'default',
    name: typeof m.name === 'string' ? m.name : '',
  };
}

function specOf(o: unknown): Record<string, unknown> {
  return isRecord(o) && isRecord(o.spec) ? o.spec : {};
}

function find(list: unknown[] | undefined, namespace: string, name: string): unknown {
  return list?.find((o) => {
    const m = metaOf(o);
    return m.namespace === namespace && m.name === name;
  });
}

export function defaultSpreadSelector(pod: PodInfo, owners: SpreadingOwners): Selector {
  const merged: Record<string, string> = {};
  for (const svc of owners.services ?? []) {
    if (metaOf(svc).namespace !== pod.namespace) continue;
    const selector = specOf(svc).selector;
    // A Service without a selector selects nothing (not everything).
    if (!isRecord(selector)) continue;
    if (selectorMatches(selectorFromMap(selector), pod.labels)) Object.assign(merged, selector);
  }
  let selector: Selector = selectorFromMap(merged);
  const owner = pod.owner;
  if (!owner) return selector;
  const group = owner.apiVersion.includes('/') ? owner.apiVersion.slice(0, owner.apiVersion.indexOf('/')) : '';
  if (owner.kind === 'ReplicationController' && group === '') {
    const rc = find(owners.replicationControllers, pod.namespace, owner.name);
    if (rc !== undefined) selector = selectorFromMap({ ...merged, ...(isRecord(specOf(rc).selector) ? (specOf(rc).selector as object) : {}) });
  } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && group === 'apps') {
    const list = owner.kind === 'ReplicaSet' ? owners.replicaSets : owners.statefulSets;
    const controller = find(list, pod.namespace, owner.name);
    if (controller !== undefined) {
      const own = compileLabelSelector(specOf(controller).selector);
      // A selector that does not parse adds nothing, as in kube-scheduler.
      if (own !== null) selector = andSelectors(selector, own);
    }
  }
  return selector ?? EVERYTHING;
}

/**
 * NodeAffinity: pod.spec.nodeSelector and required node affinity must both match (filter); the
 * weights of matching preferred terms add up (score, normalised by the highest). PreFilter narrows the
 * candidates to the names of `matchFields: metadata.name In [...]` terms: other nodes are reported as
 * "didn't satisfy plugin(s) [NodeAffinity]", and terms whose names cannot overlap make the pod
 * unschedulable before any filter runs.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import {
  matchesRequiredNodeAffinity,
  type PreferredTerm,
  preferredNodeScore,
  preferredNodeTermsOf,
  type RequiredNodeAffinity,
  requiredNodeAffinityOf,
} from '../../../model/selectors/node-selector.js';
import type { NodeModel } from '../cluster.js';
import { isObject, objectsAt } from '../../../model/json.js';
import { stringList } from '../../../model/selectors/requirement.js';

export const NAME = 'NodeAffinity';
export const WEIGHT = 2;
export const REASON = "node(s) didn't match Pod's node affinity/selector";
export const CONFLICT_REASON = 'pod affinity terms conflict';

export type { PreferredTerm, RequiredNodeAffinity };

function nodeAffinity(pod: IPod): Record<string, unknown> {
  const spec: Record<string, unknown> = isObject(pod?.spec) ? (pod.spec as Record<string, unknown>) : {};
  const affinity = isObject(spec.affinity) ? spec.affinity : {};
  return isObject(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
}

/** The pod's nodeSelector and required node affinity, read once (shared with the DaemonSet controller). */
export function requiredNodeAffinity(pod: IPod): RequiredNodeAffinity {
  return requiredNodeAffinityOf(pod?.spec);
}

export function matches(req: RequiredNodeAffinity, node: NodeModel): boolean {
  return matchesRequiredNodeAffinity(req, node);
}

/**
 * The node names PreFilter allows, or undefined for all nodes. Names are intersected within a term
 * (its requirements are ANDed) and united across terms (ORed); a term without a name requirement
 * allows every node.
 */
export function preFilterNodeNames(pod: IPod): Set<string> | undefined {
  const required = nodeAffinity(pod).requiredDuringSchedulingIgnoredDuringExecution;
  if (!isObject(required) || !Array.isArray(required.nodeSelectorTerms)) return undefined;
  let names: Set<string> | undefined;
  for (const term of required.nodeSelectorTerms) {
    let termNames: Set<string> | undefined;
    for (const r of objectsAt(term, 'matchFields')) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      // Values that are not a list of strings make the filter match this term to no node
      // (node-selector.ts): they narrow nothing here. Absent values are an empty list, as in Go.
      const values = stringList(r.values);
      if (!values) continue;
      const s = new Set(values);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/** Preferred terms with weight 0 or no requirements are ignored, as is a malformed term. */
export function preferredTerms(pod: IPod): PreferredTerm[] {
  return preferredNodeTermsOf(pod?.spec);
}

export function preferredScore(terms: readonly PreferredTerm[], node: NodeModel): number {
  return preferredNodeScore(terms, node);
}

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
import { isObject } from '../../../model/json.js';

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
    const fields = isObject(term) && Array.isArray(term.matchFields) ? term.matchFields : [];
    for (const r of fields) {
      if (!isObject(r) || r.key !== 'metadata.name' || r.operator !== 'In' || !Array.isArray(r.values)) continue;
      const s = new Set(r.values.filter((v): v is string => typeof v === 'string'));
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

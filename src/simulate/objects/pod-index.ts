import { namespaceOf, type Entry } from '../state.js';
import { pushTo } from '../../model/maps.js';
import { labelsOf, matchesLabelSelector, matchesMapSelector, type Labels } from './selectors.js';
import { isObject } from '../../model/json.js';
import { isTerminal } from '../../model/pod-phase.js';

/**
 * The live pods of the settled cluster (finished ones left out, as Services and disruption
 * budgets ignore them), by namespace and by label, so that a selector is tested only against
 * the pods that carry one of its labels: every Service against every pod would be quadratic.
 */
export class PodIndex {
  private readonly byNamespace = new Map<string, Entry[]>();
  /** `namespace\0key\0value` → pods in creation order. */
  private readonly byLabel = new Map<string, Entry[]>();
  private readonly labels = new Map<Entry, Labels>();

  constructor(pods: readonly Entry[]) {
    for (const pod of pods) {
      if (isTerminal(pod.object)) continue;
      const namespace = namespaceOf(pod.object);
      const labels = labelsOf(pod.object);
      this.labels.set(pod, labels);
      pushTo(this.byNamespace, namespace, pod);
      for (const [key, value] of Object.entries(labels)) pushTo(this.byLabel, labelKey(namespace, key, value), pod);
    }
  }

  /** Pods a Service-style selector (a map, every pair required; empty selects none) picks. */
  selectByMap(namespace: string, selector: unknown): Entry[] {
    if (!isObject(selector)) return [];
    const first = Object.entries(selector)[0];
    if (!first) return [];
    const candidates = this.byLabel.get(labelKey(namespace, first[0], String(first[1]))) ?? [];
    return candidates.filter((pod) => matchesMapSelector(selector, this.labels.get(pod)!));
  }

  /** Pods a `metav1.LabelSelector` picks (see matchesLabelSelector: `{}` selects every pod of the namespace). */
  selectByLabelSelector(namespace: string, selector: unknown): Entry[] {
    const matchLabels =
      isObject(selector) && isObject(selector.matchLabels) ? Object.entries(selector.matchLabels) : [];
    const first = matchLabels[0];
    const candidates = first
      ? (this.byLabel.get(labelKey(namespace, first[0], String(first[1]))) ?? [])
      : (this.byNamespace.get(namespace) ?? []);
    return candidates.filter((pod) => matchesLabelSelector(selector, this.labels.get(pod)!));
  }
}

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\0${key}\0${value}`;
}

import { LabelIndex } from '../../model/selectors/label-index.js';
import { labelsOf, type Selector } from '../../model/selectors/label-selector.js';
import type { Entry } from '../state.js';
import { isTerminal } from '../../model/pod-phase.js';
import { namespaceOf } from '../../model/object-ref.js';

/**
 * The live pods of the settled cluster (finished ones left out, as Services and disruption
 * budgets ignore them), by namespace and by label (LabelIndex), so that a selector is tested
 * only against the pods that carry one of its labels: every Service against every pod would be
 * quadratic.
 */
export class PodIndex {
  private readonly index = new LabelIndex<Entry>();

  constructor(pods: readonly Entry[]) {
    for (const pod of pods)
      if (!isTerminal(pod.object)) this.index.add(namespaceOf(pod.object), labelsOf(pod.object), pod);
  }

  /** The pods of `namespace` a compiled selector picks, in creation order (consumers.ts reads selectors). */
  select(namespace: string, selector: Selector): Entry[] {
    return this.index.select(namespace, selector);
  }
}

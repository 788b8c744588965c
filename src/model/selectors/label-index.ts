import { pushTo } from '../maps.js';
import { labelIndexKey, type Labels, type Selector, selectorMatches } from './label-selector.js';

const NONE: readonly never[] = [];

/**
 * Labelled things (pod templates in lint, pods in the plan) by namespace and by label, so that a
 * selector is tested only against the items that carry its rarest required label rather than
 * against every item: every Service against every pod would be quadratic. Items keep the order
 * they were added in.
 */
export class LabelIndex<T> {
  private readonly byNamespace = new Map<string, T[]>();
  /** `namespace\0key\0value` → items. */
  private readonly byLabel = new Map<string, T[]>();
  private readonly labels = new Map<T, Labels>();

  add(namespace: string, labels: Labels, item: T): void {
    this.labels.set(item, labels);
    pushTo(this.byNamespace, namespace, item);
    for (const key of Object.keys(labels)) pushTo(this.byLabel, namespacedKey(namespace, key, labels[key]!), item);
  }

  inNamespace(namespace: string): readonly T[] {
    return this.byNamespace.get(namespace) ?? NONE;
  }

  /** The items of `namespace` the selector matches (none for NOTHING, all for an empty selector). */
  select(namespace: string, selector: Selector): T[] {
    if (selector === null) return [];
    let candidates: readonly T[] | undefined;
    for (const r of selector) {
      // Stryker disable next-line ConditionalExpression,StringLiteral: narrowing the candidates only saves time; selectorMatches below decides
      if ((r.op !== '=' && r.op !== 'In') || r.values.length !== 1) continue;
      const list = this.byLabel.get(namespacedKey(namespace, r.key, r.values[0]!)) ?? NONE;
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    return (candidates ?? this.inNamespace(namespace)).filter((item) =>
      selectorMatches(selector, this.labels.get(item)!),
    );
  }
}

function namespacedKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${labelIndexKey(key, value)}`;
}

import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

/**
 * How far aliases may expand a file, as kubectl's reader bounds it. go-yaml (decode.go, the
 * reader of sigs.k8s.io/yaml) counts the nodes it decodes and those it decodes through an alias,
 * and refuses a document with "excessive aliasing" once more than 100 come from aliases, more
 * than 1,000 were decoded, and the share from aliases is over `allowedAliasRatio` of them: 99%
 * for up to 400,000 nodes, falling to 10% at 4,000,000.
 *
 * Counting nodes misses one anchored scalar of megabytes aliased a hundred times: that is a
 * hundred nodes, and hundreds of megabytes once printed (`plan -o yaml`, the diff). Go shares
 * the string; JavaScript prints it each time. So characters are bounded by the same ratio
 * (over 400,000 characters from aliases). The counts run over a whole file, not one document:
 * a file of many small documents, each within the bound, must not add up to gigabytes either.
 */
const RANGE_LOW = 400_000;
const RANGE_HIGH = 4_000_000;

/** The share of a decoded count that may come from aliases (go-yaml's allowedAliasRatio). */
export function allowedAliasRatio(count: number): number {
  if (count <= RANGE_LOW) return 0.99;
  if (count >= RANGE_HIGH) return 0.1;
  return 0.99 - (0.89 * (count - RANGE_LOW)) / (RANGE_HIGH - RANGE_LOW);
}

/** What reading a document decodes: every node and character, and how many of them through aliases. */
export interface Expansion {
  nodes: number;
  aliasNodes: number;
  chars: number;
  aliasChars: number;
}

export const NO_EXPANSION: Expansion = { nodes: 0, aliasNodes: 0, chars: 0, aliasChars: 0 };

export function addExpansion(a: Expansion, b: Expansion): Expansion {
  return {
    nodes: a.nodes + b.nodes,
    aliasNodes: a.aliasNodes + b.aliasNodes,
    chars: a.chars + b.chars,
    aliasChars: a.aliasChars + b.aliasChars,
  };
}

/** Whether the counts are past kubectl's bound (see above). */
export function isExcessive(e: Expansion): boolean {
  const byNodes = e.aliasNodes > 100 && e.nodes > 1000 && e.aliasNodes / e.nodes > allowedAliasRatio(e.nodes);
  const byChars = e.aliasChars > RANGE_LOW && e.aliasChars / e.chars > allowedAliasRatio(e.chars);
  return byNodes || byChars;
}

/** The counts of one document, and its first alias (where a finding about them points). */
export interface DocumentExpansion {
  expansion: Expansion;
  firstAlias?: Node;
}

/**
 * Measures what reading `doc` decodes without reading it: sizes are worked out once per node,
 * so an alias bomb is measured in the time of one walk of its text. An alias stands for the last
 * node with its anchor before it (as the `yaml` package resolves it); an alias inside the node
 * it names (a cycle, which the package refuses) counts as one node.
 */
export function measureExpansion(doc: Document.Parsed): DocumentExpansion {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, Expansion>();
  let firstAlias: Node | undefined;

  const measure = (node: unknown): Expansion => {
    if (isAlias(node)) {
      firstAlias ??= node;
      const target = anchors.get(node.source);
      const size = target && sizes.get(target);
      // Everything decoded through an alias counts as coming from aliases, as in go-yaml.
      return size ? { ...size, aliasNodes: size.nodes, aliasChars: size.chars } : { ...NO_EXPANSION, nodes: 1 };
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.anchor) anchors.set(node.anchor, node);
      let size: Expansion;
      if (isScalar(node)) {
        const chars = node.range ? node.range[1] - node.range[0] : String(node.value).length;
        size = { ...NO_EXPANSION, nodes: 1, chars };
      } else {
        size = { ...NO_EXPANSION, nodes: 1 };
        for (const item of node.items as unknown[]) {
          // One character for the separator of each item, so that empty items count too.
          size = addExpansion(size, { ...NO_EXPANSION, chars: 1 });
          if (isPair(item)) size = addExpansion(addExpansion(size, measure(item.key)), measure(item.value));
          else size = addExpansion(size, measure(item));
        }
      }
      sizes.set(node, size);
      return size;
    }
    return { ...NO_EXPANSION, nodes: 1 };
  };

  const expansion = measure(doc.contents);
  return firstAlias ? { expansion, firstAlias } : { expansion };
}

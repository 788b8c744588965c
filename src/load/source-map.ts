import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  visit,
  type YAMLMap,
} from 'yaml';
import { parsePointer } from '../model/json-pointer.js';
import type { LocateTarget } from '../model/manifest.js';
import type { LinePositions } from './parse-documents.js';
import type { SourceRange } from '../model/source-range.js';

/**
 * Builds `locate(pointer)` for one object in a parsed YAML document. `basePath` is where the
 * object sits in the document (`["items", 3]` for the fourth item of a List). Positions are
 * computed on demand from the document's nodes: nothing is precomputed for objects without
 * findings, which keeps loading as fast as parsing.
 *
 * A pointer leads to the text whose value the object holds, the way the loader builds the
 * object (`doc.toJS`): the last of duplicate keys, a field merged in by `<<` inside the map it
 * comes from, and through an alias into the anchored node.
 */
export function createLocator(
  doc: Document.Parsed,
  lineCounter: LinePositions,
  basePath: ReadonlyArray<string | number> = [],
  /** Lines before the parsed text in its file, when a single document was parsed on its own. */
  lineOffset = 0,
): (pointer: string, target?: LocateTarget) => SourceRange {
  const toRange = (start: number, end: number): SourceRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { line: a.line + lineOffset, column: a.col, endLine: b.line + lineOffset, endColumn: b.col };
  };
  const rangeOf = (node: Node | Pair | null | undefined): SourceRange | undefined => {
    if (!node) return undefined;
    if (isPair(node)) {
      const key = node.key as Node | null;
      const value = node.value as Node | null;
      const start = key?.range?.[0] ?? value?.range?.[0];
      const end = value?.range?.[1] ?? key?.range?.[1];
      return start === undefined || end === undefined ? undefined : toRange(start, end);
    }
    return node.range ? toRange(node.range[0], node.range[1]) : undefined;
  };
  const docRange = (): SourceRange => rangeOf(doc.contents) ?? toRange(doc.range[0], doc.range[0]);
  let anchors: AnchorIndex | undefined;
  const resolve = (node: unknown): unknown => {
    if (!isAlias(node)) return node;
    anchors ??= indexAnchors(doc);
    return anchors.resolve(node);
  };

  return (pointer, target = 'value') => {
    const path = [...basePath.map(String), ...parsePointer(pointer)];
    let node: Node | null = doc.contents as Node | null;
    let best = rangeOf(node) ?? docRange();
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      // A pointer that goes on past an alias goes on in the anchored node.
      const collection = resolve(node);
      if (collection !== node) best = rangeOf(collection as Node) ?? best;
      if (isMap(collection)) {
        const pair = pairInUse(collection, segment, resolve);
        if (!pair) return best;
        if (last && target === 'key') return rangeOf(pair.key as Node) ?? best;
        node = pair.value as Node | null;
        best = rangeOf(node) ?? rangeOf(pair) ?? best;
      } else if (isSeq(collection) && /^\d+$/.test(segment)) {
        const item = collection.items[Number(segment)] as Node | undefined;
        if (!item) return best;
        node = item;
        best = rangeOf(node) ?? best;
      } else {
        // A scalar: the closest position we have.
        return best;
      }
    }
    return best;
  };
}

/**
 * The pair whose value the loaded object holds under `name`, with the precedence of YAML 1.1
 * merge keys as the `yaml` package applies them (see yaml-options.ts): a key written in the map
 * wins, the last one if it is written twice; else the first map of the `<<` values (in order,
 * and in the order of a `<<` list) that has it, looked up in that map by the same rules.
 */
function pairInUse(
  map: YAMLMap,
  name: string,
  resolve: (node: unknown) => unknown,
  merged = false,
  seen = new Set<YAMLMap>(),
): Pair | undefined {
  if (seen.has(map)) return undefined; // a map merged into itself through an alias
  seen.add(map);
  const { written, merges } = pairIndex(map, resolve, merged);
  const pair = written.get(name);
  if (pair) return pair;
  for (const merge of merges) {
    const value = resolve(merge.value);
    const sources = isSeq(value) ? value.items.map(resolve) : [value];
    for (const source of sources) {
      const pair = isMap(source) ? pairInUse(source, name, resolve, true, seen) : undefined;
      if (pair) return pair;
    }
  }
  return undefined;
}

/** The pairs of a map by key name (the last of duplicates), and its `<<` pairs in order. */
interface PairIndex {
  written: Map<string, Pair>;
  merges: Pair[];
}

/**
 * The index of a map's pairs, built the first time a pointer goes through the map: a file with
 * a hundred thousand findings in one map (invalid labels) looks a key up as many times, and a
 * walk of the map's pairs for each made that quadratic (minutes). A Map, not an object: key
 * names are the file's data (`constructor`, `__proto__`). Keyed by the map node, so it lives as
 * long as the parsed tree (recent-parses.ts).
 */
const pairIndexes = [new WeakMap<YAMLMap, PairIndex>(), new WeakMap<YAMLMap, PairIndex>()] as const;

function pairIndex(map: YAMLMap, resolve: (node: unknown) => unknown, merged: boolean): PairIndex {
  const cache = pairIndexes[merged ? 1 : 0];
  const known = cache.get(map);
  if (known) return known;
  const index: PairIndex = { written: new Map(), merges: [] };
  for (const pair of map.items) {
    const key = resolve(pair.key);
    if (isMergeKey(key)) index.merges.push(pair);
    else if (isScalar(key)) index.written.set(keyName(key.value, merged), pair);
  }
  cache.set(map, index);
  return index;
}

/** A `<<` key: the parser resolves it to a symbol (a quoted "<<" is an ordinary string key). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/**
 * The name of a scalar key in the loaded object, as `doc.toJS` makes it: a key written in the
 * map is `String(key)`, except null (`~:`, `null:`, an empty key), which is the key "". A key
 * that comes in through a merge keeps the JavaScript conversion, so null is "null" there. The
 * fast parser leaves documents with null keys to the full parser (kubectl-scalars.ts), so both
 * parsers name keys alike.
 */
function keyName(value: unknown, merged: boolean): string {
  return value === null && !merged ? '' : String(value);
}

interface AnchorIndex {
  resolve(alias: unknown): unknown;
}

/**
 * Resolves aliases as the parser does (the last node with that anchor before the alias), over
 * one walk of the document, made the first time a pointer meets an alias.
 */
function indexAnchors(doc: Document.Parsed): AnchorIndex {
  const order = new Map<unknown, number>();
  const anchored = new Map<string, Array<{ at: number; node: Node }>>();
  visit(doc, {
    Node: (_key, node) => {
      order.set(node, order.size);
      if (!isAlias(node) && node.anchor) {
        const list = anchored.get(node.anchor) ?? [];
        list.push({ at: order.size - 1, node });
        anchored.set(node.anchor, list);
      }
    },
  });
  return {
    resolve(alias) {
      if (!isAlias(alias)) return alias;
      const at = order.get(alias) ?? Number.POSITIVE_INFINITY;
      const candidates = anchored.get(alias.source) ?? [];
      let found: Node | undefined;
      for (const c of candidates) if (c.at < at) found = c.node;
      return found ?? alias;
    },
  };
}

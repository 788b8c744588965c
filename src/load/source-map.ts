import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { LocateTarget } from '../model/manifest.js';
import { parsePointer } from '../model/json-pointer.js';
import type { SourceRange } from '../model/source-range.js';

/**
 * Builds `locate(pointer)` for one object in a parsed YAML document. `basePath` is where the
 * object sits in the document (`["items", 3]` for the fourth item of a List). Positions are
 * computed on demand from the document's nodes: nothing is precomputed for objects without
 * findings, which keeps loading as fast as parsing.
 */
export function createLocator(
  doc: Document.Parsed,
  lineCounter: LineCounter,
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

  return (pointer, target = 'value') => {
    const path = [...basePath.map(String), ...parsePointer(pointer)];
    let node: Node | null = doc.contents as Node | null;
    let best = rangeOf(node) ?? docRange();
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) return best;
        if (last && target === 'key') return rangeOf(pair.key as Node) ?? best;
        node = pair.value as Node | null;
        best = rangeOf(node) ?? rangeOf(pair) ?? best;
      } else if (isSeq(node) && /^\d+$/.test(segment)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) return best;
        node = item;
        best = rangeOf(node) ?? best;
      } else {
        // An alias, a scalar or a merged field: the closest position we have.
        return best;
      }
    }
    return best;
  };
}

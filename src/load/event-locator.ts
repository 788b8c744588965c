import {
  COLLECTION_STYLE,
  EVENT_ID,
  type Event,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
} from 'js-yaml';
import { parsePointer } from '../model/json-pointer.js';
import type { LocateTarget } from '../model/manifest.js';
import type { SourceRange } from '../model/source-range.js';

/**
 * Positions of a clean document (one the fast parser read: fast-parse.ts) from the fast parser's
 * own events, without building the full parser's tree: four times cheaper, which matters when
 * tens of thousands of objects each have a finding (a plan on a full cluster).
 *
 * The answer must be the full parser's, to the column (source-map.ts; a position must not depend
 * on which parser read the file). The events give where each scalar's value starts and ends and
 * where each collection starts; the rest of the full parser's ranges (quotes, the closing bracket
 * of a flow collection, the line break a block collection's last value ends with) is read from the
 * text by the full parser's rules. Where those rules get subtle (block scalars, comments after a
 * collection's last value, keys whose name depends on YAML 1.1 typing, a flow collection or quoted
 * scalar continued on a less indented line, carriage returns) the locator answers `undefined`
 * and the caller asks the full parser. test/load/event-locator.test.ts compares both on every
 * pointer of the fixtures, and `npm run bench:positions` on the corpora.
 */
export type EventLocate = (pointer: string, target?: LocateTarget) => SourceRange | undefined;

type YamlNode = ScalarNode | CollectionNode;

interface ScalarNode {
  kind: 'scalar';
  event: ScalarEvent;
  /** Where an empty value sits: the full parser puts it after the `:` and the blanks that follow. */
  emptyAt?: number;
}

interface CollectionNode {
  kind: 'map' | 'seq';
  start: number;
  flow: boolean;
  /** Sequence items, or keys and values alternating. */
  children: YamlNode[];
  /** Map keys by name; undefined until first used. */
  keys?: Map<string, number>;
  /** A key whose name the locator cannot tell (see `keyName`). */
  unknownKeys?: boolean;
}

/** Thrown where the full parser's range cannot be worked out here; `locate` then answers undefined. */
const DEFER = Symbol('defer');

/** A document the locator leaves to the full parser as a whole: `null` from `readEventTree`. */
function isUnsupported(text: string): boolean {
  return text.includes('\r');
}

/** The tree of the document's nodes, from the events of its text (one document). */
function buildTree(text: string): YamlNode | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const stack: CollectionNode[] = [];
  let root: YamlNode | undefined;
  let documents = 0;
  const attach = (node: YamlNode): void => {
    const parent = stack.at(-1);
    if (!parent) {
      root = node;
      return;
    }
    if (
      node.kind === 'scalar' &&
      node.event.valueStart === -1 &&
      parent.kind === 'map' &&
      parent.children.length % 2 === 1
    )
      node.emptyAt = emptyValueAt(text, parent.children.at(-1)!);
    parent.children.push(node);
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const node: CollectionNode = {
          kind: event.type === EVENT_ID.MAPPING ? 'map' : 'seq',
          start: event.start,
          flow: event.style === COLLECTION_STYLE.FLOW,
          children: [],
        };
        attach(node);
        stack.push(node);
        break;
      }
      case EVENT_ID.SCALAR:
        attach({ kind: 'scalar', event });
        break;
      case EVENT_ID.POP:
        stack.pop();
        break;
      default:
        // Aliases are for the full parser (the fast parser never reads a file that has them).
        return undefined;
    }
  }
  return documents === 1 ? root : undefined;
}

/**
 * The offset of an empty value after `key`: after the `:` and the blanks that follow it, where
 * the full parser places it (`emptyScalarPosition`); -1 when the text is not `key :` as expected.
 */
function emptyValueAt(text: string, key: YamlNode): number {
  if (key.kind !== 'scalar' || key.event.valueStart === -1) return -1;
  let at: number;
  try {
    at = skipBlanks(text, scalarEnd(text, key));
  } catch (error) {
    if (error === DEFER) return -1;
    throw error;
  }
  if (text[at] !== ':') return -1;
  return skipBlanks(text, at + 1);
}

function skipBlanks(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/** The end of a scalar's text, closing quote included (its range[1] in the full parser). */
function scalarEnd(text: string, node: ScalarNode): number {
  return scalarRange(text, node)[1];
}

/** A scalar's [start, end) as the full parser gives it: quotes included, an empty value where it sits. */
function scalarRange(text: string, node: ScalarNode): [number, number] {
  const { valueStart, valueEnd, style } = node.event;
  if (valueStart === -1) {
    if (node.emptyAt === undefined || node.emptyAt === -1) throw DEFER;
    return [node.emptyAt, node.emptyAt];
  }
  switch (style) {
    case SCALAR_STYLE.PLAIN:
      return [valueStart, valueEnd];
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED: {
      const quote = style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : '"';
      if (text[valueStart - 1] !== quote || text[valueEnd] !== quote) throw DEFER;
      return [valueStart - 1, valueEnd + 1];
    }
    default:
      // Block scalars: where the full parser ends one depends on its lexer's chomping rules.
      throw DEFER;
  }
}

/**
 * The offset after a flow collection's closing bracket: past its last child, commas, spaces,
 * line breaks and comments (the fast parser refuses tabs in a flow collection).
 */
function flowEnd(text: string, node: CollectionNode): number {
  const last = node.children.at(-1);
  let at = last ? rangeOf(text, last)[1] : node.start + 1;
  const close = node.kind === 'map' ? '}' : ']';
  for (;;) {
    const c = text[at];
    if (c === ' ' || c === '\n' || c === ',') at++;
    else if (c === '#') at = lineEnd(text, at);
    else if (c === close) return at + 1;
    else throw DEFER;
  }
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
}

/** A node's [start, end): the full parser's range[0] and range[1]. */
function rangeOf(text: string, node: YamlNode): [number, number] {
  if (node.kind === 'scalar') return scalarRange(text, node);
  if (node.flow) return [node.start, flowEnd(text, node)];
  const last = node.children.at(-1);
  if (!last) throw DEFER;
  return [node.start, blockEnd(text, last)];
}

/**
 * Where a value written in a block collection ends, its range[2] in the full parser, which is
 * where the collection holding it as its last value ends: a scalar or flow collection with the
 * blanks, comment and one line break after it; a block collection where its last value ends.
 * A comment line after a block collection may belong to it: deferred.
 */
function blockEnd(text: string, node: YamlNode): number {
  if (node.kind !== 'scalar') {
    if (!node.flow) {
      const end = rangeOf(text, node)[1];
      if (commentFollows(text, end)) throw DEFER;
      return end;
    }
  } else if (node.event.valueStart === -1) {
    const at = scalarRange(text, node)[0];
    // A comment after an empty value becomes part of it.
    if (text[at] === '#') throw DEFER;
    return at;
  }
  let at = skipBlanks(text, rangeOf(text, node)[1]);
  if (text[at] === '#') at = lineEnd(text, at);
  if (text[at] === '\n') return at + 1;
  if (at === text.length) return at;
  throw DEFER;
}

/** Whether a comment comes before the next content after `at` (only blanks and line breaks between). */
function commentFollows(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '#') return true;
    if (c !== ' ' && c !== '\t' && c !== '\n') return false;
  }
  return false;
}

/** YAML 1.1 words kubectl reads as booleans or null: a key spelled so is not its own name. */
const TYPED_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);

/**
 * The name the loaded object gives a key, when it is certainly its text: a quoted key, or a
 * plain key that YAML 1.1 reads as a string whatever the schema (a letter or `_` first, then
 * letters, digits and `_.-/`, and not a boolean or null word). Anything else (`0644`, `yes`, `<<`,
 * a collection) is undefined: its name depends on typing the full parser does.
 */
function keyName(text: string, key: YamlNode): string | undefined {
  if (key.kind !== 'scalar' || key.event.valueStart === -1) return undefined;
  const { style } = key.event;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED)
    return getScalarValue(text, key.event);
  if (style !== SCALAR_STYLE.PLAIN) return undefined;
  const source = text.slice(key.event.valueStart, key.event.valueEnd);
  return /^[A-Za-z_][\w./-]*$/.test(source) && !TYPED_WORDS.has(source.toLowerCase()) ? source : undefined;
}

/** The index in `map.children` of the value under `name`; DEFER when a key's name is unknown. */
function valueIndex(text: string, map: CollectionNode, name: string): number | undefined {
  if (!map.keys) {
    map.keys = new Map();
    for (let i = 0; i < map.children.length; i += 2) {
      const key = keyName(text, map.children[i]!);
      if (key === undefined) map.unknownKeys = true;
      else map.keys.set(key, i + 1);
    }
  }
  const found = map.keys.get(name);
  if (found === undefined && map.unknownKeys) throw DEFER;
  return found;
}

/**
 * A flow collection or quoted scalar continued on a line indented no more than the line it
 * starts on: the full parser refuses some of those and positions them in re-indented text
 * (parse-documents.ts), so the locator leaves such documents to it.
 */
function hasLessIndentedContinuation(text: string, node: YamlNode): boolean {
  if (node.kind === 'scalar') {
    const { valueStart, valueEnd, style } = node.event;
    if (valueStart === -1 || (style !== SCALAR_STYLE.SINGLE_QUOTED && style !== SCALAR_STYLE.DOUBLE_QUOTED))
      return false;
    return continuesLessIndented(text, valueStart, valueEnd);
  }
  if (node.flow && continuesLessIndented(text, node.start, flowEndOrStart(text, node))) return true;
  return node.children.some((child) => hasLessIndentedContinuation(text, child));
}

function flowEndOrStart(text: string, node: CollectionNode): number {
  try {
    return flowEnd(text, node);
  } catch {
    // No closing bracket found where expected: look as far as the text goes.
    return text.length;
  }
}

function indentOfLineAt(text: string, at: number): number {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

function continuesLessIndented(text: string, start: number, end: number): boolean {
  const first = indentOfLineAt(text, start);
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (text[i] === ' ') i++;
    if (i < end && text[i] !== '\n' && i - nl - 1 <= first) return true;
  }
  return false;
}

/** Line starts of the text, for line and column of an offset. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
  return starts;
}

function linePos(starts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - starts[low]! + 1 };
}

/** A document's nodes, read from the fast parser's events, with its text. */
export interface EventTree {
  text: string;
  root: YamlNode;
  /** Line starts of the text, computed when a first position is asked for. */
  lineStarts?: number[];
}

/** The tree of one document's text (its `---` line included), or null for a document left to the full parser. */
export function readEventTree(text: string): EventTree | null {
  if (isUnsupported(text)) return null;
  const root = buildTree(text);
  if (!root || hasLessIndentedContinuation(text, root)) return null;
  return { text, root };
}

/**
 * `locate` for the object at `basePath` in the tree's document: undefined for a pointer whose
 * range the full parser must give. `lineOffset` is the number of lines of the file before the
 * document's text.
 */
export function eventLocator(
  tree: EventTree,
  basePath: ReadonlyArray<string | number> = [],
  lineOffset = 0,
): EventLocate {
  const { text, root } = tree;
  const toRange = ([start, end]: [number, number]): SourceRange => {
    tree.lineStarts ??= lineStarts(text);
    const a = linePos(tree.lineStarts, start);
    const b = linePos(tree.lineStarts, Math.max(start, end));
    return { line: a.line + lineOffset, column: a.col, endLine: b.line + lineOffset, endColumn: b.col };
  };
  return (pointer, target = 'value') => {
    try {
      return toRange(locateOffsets(text, root, [...basePath.map(String), ...parsePointer(pointer)], target));
    } catch (error) {
      if (error === DEFER) return undefined;
      throw error;
    }
  };
}

/**
 * The walk of source-map.ts's `createLocator` over this tree: the range of the node the path
 * leads to, else of the closest node on the way (the key itself for a `key` target).
 */
function locateOffsets(text: string, root: YamlNode, path: readonly string[], target: LocateTarget): [number, number] {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node.kind === 'map') {
      const at = valueIndex(text, node, segment);
      if (at === undefined) break;
      if (i === path.length - 1 && target === 'key') return rangeOf(text, node.children[at - 1]!);
      node = node.children[at]!;
    } else if (node.kind === 'seq' && /^\d+$/.test(segment)) {
      const item = node.children[Number(segment)];
      if (!item) break;
      node = item;
    } else break;
  }
  return rangeOf(text, node);
}

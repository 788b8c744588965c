import {
  Composer,
  type CST,
  type Document,
  isMap,
  isScalar,
  LineCounter,
  Parser,
  visit,
  type YAMLError,
  YAMLParseError,
} from 'yaml';
import { addIndentation, flowIndentation, type IndentedText } from './flow-indentation.js';
import { isSyntaxError } from './reported-errors.js';
import { YAML_PARSE_OPTIONS } from './yaml-options.js';

/** Line and column (both from 1) in the file's text of an offset in the parsed text. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

export interface ParsedDocuments {
  docs: Document.Parsed[];
  /** The text the documents' offsets are in: the file's text, or that text with lines indented. */
  text: string;
  positions: LinePositions;
}

/**
 * Every parse indents at least one more construct, so there are never more passes than
 * constructs; the bound only keeps a file with hundreds of them in one document from taking
 * hundreds of parses (its later ones are then reported as the package reads them).
 */
const MAX_PASSES = 50;

/**
 * A comment right after a flow indicator (`[x,#note` or `{#note`): go-yaml skips a comment
 * wherever a token may start, so kubectl reads it as one. The `yaml` package reads it as a
 * comment too (the value is the same) but reports that a comment needs a space before it.
 */
function isCommentAfterFlowIndicator(error: YAMLError, text: string): boolean {
  const at = error.pos[0];
  return error.code === 'MISSING_CHAR' && text[at] === '#' && ',[{'.includes(text[at - 1] ?? ' ');
}

/**
 * The package's own duplicate-key check compares each key with every key before it in its map:
 * a map of 100,000 labels took minutes to parse. Keys are compared here instead, in one pass
 * per map, with the package's rule (two scalar keys of the same value; a collection or alias key
 * is never a duplicate), and the same error at the same place: the later key.
 */
const COMPOSE_OPTIONS = { ...YAML_PARSE_OPTIONS, uniqueKeys: false };

function addDuplicateKeyErrors(doc: Document.Parsed): void {
  visit(doc, {
    Map: (_key, map) => {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        // NaN is never equal to itself, so never a duplicate (the package compares with ===).
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else if (key.range) {
          const at = key.range[0];
          doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
      }
    },
  });
}

function parse(text: string): { tokens: CST.Token[]; docs: Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const docs = Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens)) as Document.Parsed[];
  for (const doc of docs) {
    doc.errors = doc.errors.filter((e) => !isCommentAfterFlowIndicator(e, text));
    addDuplicateKeyErrors(doc);
  }
  return { tokens, docs, lineCounter };
}

/**
 * The documents the `yaml` package refuses, perhaps for a line go-yaml reads at any column: only
 * they can hold such a line. The composer makes one document of each document token, in order.
 */
function refusedDocuments(tokens: readonly CST.Token[], docs: readonly Document.Parsed[]): CST.Document[] {
  const documents = tokens.filter((token): token is CST.Document => token.type === 'document');
  return documents.filter((_, i) => docs[i]?.errors.some(isSyntaxError));
}

function shifted(lineCounter: LineCounter, added: ReadonlyMap<number, number>): LinePositions {
  if (added.size === 0) return lineCounter;
  return {
    linePos(offset) {
      const pos = lineCounter.linePos(offset);
      const spaces = added.get(pos.line - 1);
      return spaces ? { line: pos.line, col: Math.max(1, pos.col - spaces) } : pos;
    },
  };
}

/**
 * Parses every document of a file with the `yaml` package, the way kubectl's reader (go-yaml v2)
 * reads it. Where the package refuses a flow collection or quoted scalar that continues on a
 * line indented less than its parent (`args: ["` and the command on the next lines, at any
 * column), which go-yaml reads whatever the indentation, those lines are indented and the text
 * parsed again (flow-indentation.ts); positions are given in the file's own text.
 */
export function parseDocuments(text: string): ParsedDocuments {
  let current: IndentedText = { text, added: new Map() };
  let parsed = parse(text);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const refused = refusedDocuments(parsed.tokens, parsed.docs);
    if (!refused.length) break;
    const spaces = flowIndentation(current.text, refused);
    if (!spaces) break;
    current = addIndentation(current, spaces);
    parsed = parse(current.text);
  }
  return { docs: parsed.docs, text: current.text, positions: shifted(parsed.lineCounter, current.added) };
}

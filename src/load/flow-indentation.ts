import type { CST } from 'yaml';
import { continuationLines } from './flow-continuation.js';

/*
 * Indents the lines of flow collections and quoted scalars that go-yaml reads at any column
 * (see flow-continuation.ts) so that the `yaml` package reads them too, with the same value:
 * blanks at the start of such a line are never part of the value. Spaces are only ever added
 * at the start of a line, so lines keep their numbers and a column moves by the spaces its
 * line gained.
 */

/** A text with lines indented, and the spaces each line gained. */
export interface IndentedText {
  text: string;
  /** Spaces added at the start of a line, by 0-based line number. */
  added: Map<number, number>;
}

/** The flow collections and quoted scalars of block content in `token`, by their first character's offset. */
function outerConstructs(token: CST.Token | null | undefined, out: number[]): number[] {
  switch (token?.type) {
    case 'document':
      outerConstructs(token.value, out);
      break;
    case 'block-map':
    case 'block-seq':
      for (const item of token.items) {
        outerConstructs(item.key, out);
        outerConstructs(item.value, out);
      }
      break;
    case 'flow-collection':
      out.push(token.start.offset);
      break;
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      out.push(token.offset);
      break;
  }
  return out;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Spaces to add, by line offset, for the first construct of a document whose lines go-yaml reads
 * less indented than the construct starts. Only the first: the package reads everything after it
 * as something else, so later constructs are found once the text is parsed again.
 */
function firstUnderIndented(text: string, document: CST.Token): Map<number, number> | undefined {
  for (const start of outerConstructs(document, [])) {
    const lines = continuationLines(text, start);
    if (!lines) continue;
    // More than the construct's own column is always more than its parent block's indentation.
    const needed = columnOf(text, start) + 1;
    const spaces = new Map<number, number>();
    for (const line of lines)
      if (line.spaces < needed && !line.blank && !line.tabInPlain) spaces.set(line.offset, needed - line.spaces);
    if (spaces.size) return spaces;
  }
  return undefined;
}

/**
 * Spaces to add, by line offset, to the under-indented lines of the first such construct of each
 * of `documents`, or undefined when there is none.
 */
export function flowIndentation(text: string, documents: readonly CST.Document[]): Map<number, number> | undefined {
  const spaces = new Map<number, number>();
  for (const document of documents)
    for (const [offset, count] of firstUnderIndented(text, document) ?? []) spaces.set(offset, count);
  return spaces.size ? spaces : undefined;
}

/** Adds the spaces to `text` at the line offsets given, and records them by line in `added`. */
export function addIndentation(current: IndentedText, spaces: ReadonlyMap<number, number>): IndentedText {
  const { text } = current;
  const added = new Map(current.added);
  let out = '';
  let from = 0;
  let line = 0;
  for (const offset of [...spaces.keys()].sort((a, b) => a - b)) {
    for (let i = from; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    const count = spaces.get(offset)!;
    out += text.slice(from, offset) + ' '.repeat(count);
    added.set(line, (added.get(line) ?? 0) + count);
    from = offset;
  }
  return { text: out + text.slice(from), added };
}

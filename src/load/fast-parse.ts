import { constructFromEvents, EVENT_ID, type Event, parseEvents } from 'js-yaml';
import { KUBECTL_FAST_SCHEMA } from './kubectl-scalars.js';
import { isObject } from '../model/json.js';
import { copyJson } from '../model/copy-json.js';

/**
 * Reads the documents of a clean file quickly, with js-yaml: an order of magnitude faster than
 * the full parser, but without source positions, which are worked out later from each
 * document's own text, only for documents a finding is about. Returns undefined whenever the full parser must
 * run instead: a syntax error or a duplicate key (their findings need positions), anchors or
 * aliases (alias bombs are bounded there), tags and directives, a null key (see kubectl-scalars.ts),
 * a file without documents, and any document that is empty or not an object with apiVersion and
 * kind. Positions always come from the full parser's tree, so they do not depend on which parser
 * read the file (test/load/source-map.test.ts compares them).
 */
export interface FastDocument {
  value: Record<string, unknown>;
  /** The document's text (from its `---` line, if any) and where it starts in the file. */
  text: string;
  offset: number;
  /** Lines of the file before the document. */
  line: number;
}

/** A line starting with `---` (then a space or the end) starts a document, wherever it is. */
const DOCUMENT_START = /^---(?=[ \t]|\r?$)/gm;

/** The texts of the documents: what comes before the first marker counts only if it has content. */
function splitDocuments(text: string): Array<{ offset: number; text: string }> {
  const starts = [...text.matchAll(DOCUMENT_START)].map((m) => m.index!);
  if (starts[0] !== 0 && /^(?!\s*(#|$))/m.test(text.slice(0, starts[0] ?? text.length))) starts.unshift(0);
  return starts.map((start, i) => ({ offset: start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

/**
 * What the fast parser leaves to the full one, read from the parser's events rather than the
 * text, so that a `*` or `&` inside a description does not send a file down the slow path.
 */
function needsFullParser(event: Event): boolean {
  switch (event.type) {
    case EVENT_ID.ALIAS:
      return true;
    case EVENT_ID.DOCUMENT:
      return event.explicitEnd || event.directives.length > 0;
    case EVENT_ID.POP:
      return false;
    default:
      return event.anchorStart !== -1 || event.tagStart !== -1;
  }
}

/**
 * The documents of a run read so far, by their text: the value the fast parser made of each.
 * A pull request's base and head revisions, or a cluster's state and the manifests it came from,
 * share most of their documents word for word; each is parsed once per run and copied after.
 */
export type KnownDocuments = Map<string, Record<string, unknown>>;

/** An object with apiVersion and kind, as every document the fast parser keeps must be. */
function isTypedObject(value: unknown): value is Record<string, unknown> {
  return (
    isObject(value) &&
    typeof value.apiVersion === 'string' &&
    value.apiVersion !== '' &&
    typeof value.kind === 'string' &&
    value.kind !== ''
  );
}

/** The documents of a text, or undefined where the full parser must read it (see above). */
function parseDocuments(text: string): unknown[] | undefined {
  try {
    const events = parseEvents(text, {});
    // Anchors, aliases, tags, directives and document-end markers are rare in manifests; the full
    // parser handles them.
    if (events.some(needsFullParser)) return undefined;
    return constructFromEvents(events, { source: text, schema: KUBECTL_FAST_SCHEMA });
  } catch {
    return undefined;
  }
}

/**
 * The values of the documents: those `known` has, copied (each manifest owns its object), the
 * others parsed one document at a time. Used when most of a file's documents are known: parsing
 * a document alone costs more than its share of the whole file.
 */
function knownValues(texts: ReadonlyArray<{ text: string }>, known: KnownDocuments): unknown[] | undefined {
  const values: unknown[] = [];
  for (const { text } of texts) {
    const seen = known.get(text);
    if (seen) {
      values.push(copyJson(seen));
      continue;
    }
    const parsed = parseDocuments(text);
    if (parsed?.length !== 1 || !isTypedObject(parsed[0])) return undefined;
    known.set(text, parsed[0]);
    values.push(parsed[0]);
  }
  return values;
}

export function fastParse(text: string, known?: KnownDocuments): FastDocument[] | undefined {
  const texts = splitDocuments(text);
  const mostlyKnown = known && texts.length > 0 && 2 * texts.filter((t) => known.has(t.text)).length > texts.length;
  const documents = mostlyKnown ? knownValues(texts, known) : parseDocuments(text);
  // The positions of a document come from its own text; if the split does not agree with the
  // parser, the full parser positions everything.
  if (!documents?.length || texts.length !== documents.length || !documents.every(isTypedObject)) return undefined;
  if (known && !mostlyKnown)
    for (let i = 0; i < documents.length; i++) known.set(texts[i]!.text, documents[i] as Record<string, unknown>);
  let line = 0;
  let counted = 0;
  return documents.map((value, i) => {
    const { offset, text: documentText } = texts[i]!;
    for (let k = counted; k < offset; k++) if (text.charCodeAt(k) === 10) line++;
    counted = offset;
    return { value: value as Record<string, unknown>, text: documentText, offset, line };
  });
}

import { isScalar } from 'yaml';
import type { Finding } from '../model/finding.js';
import type { LocateTarget, Manifest } from '../model/manifest.js';
import type { SourceRange } from '../model/source-range.js';
import { describeValue, documentObjects, isKubeObject } from './document-objects.js';
import { fastParse, type KnownDocuments } from './fast-parse.js';
import { parseRecent, recentByText } from './recent-parses.js';
import { eventLocator, readEventTree } from './event-locator.js';
import { createLocator } from './source-map.js';
import { isStackOverflow, isSyntaxError, reportedErrors, withoutValues } from './reported-errors.js';
import { addExpansion, isExcessive, measureExpansion, NO_EXPANSION } from './alias-expansion.js';
import { MANIFEST_TO_JS_OPTIONS } from './yaml-options.js';
import { jsonData, kubectlText } from './tagged-values.js';
import { refOf } from '../model/object-ref.js';

export interface ParsedFile {
  manifests: Manifest[];
  findings: Finding[];
  /** Number of YAML documents in the file, empty ones included. */
  documents: number;
}

type Locate = (pointer: string, target?: LocateTarget) => SourceRange;

/**
 * Parses one file's text into manifests. Every problem becomes a finding at its line and
 * column, and one bad document never stops the others from being read.
 *
 * A clean file is read by the fast parser and its positions are worked out only when a finding
 * asks for one, from the fast parser's events where they tell (event-locator.ts), else from the
 * full parser (each document read again only when it has left the cache: recent-parses.ts); any
 * file with a problem is read by the full parser, which positions every finding.
 */
export function parseManifests(file: string, source: string, known?: KnownDocuments): ParsedFile {
  const text = kubectlText(source);
  if (text.trim() === '') {
    return {
      manifests: [],
      findings: [
        {
          ruleId: 'yaml-empty',
          severity: 'info',
          message: 'file is empty',
          file,
          line: 1,
          column: 1,
          pointer: '',
          phase: 'parse',
        },
      ],
      documents: 0,
    };
  }
  return parseClean(file, text, known) ?? parseWithPositions(file, text);
}

/** The fast path: undefined unless every document yields objects without problems. */
function parseClean(file: string, text: string, known?: KnownDocuments): ParsedFile | undefined {
  const documents = fastParse(text, known);
  if (!documents) return undefined;
  const expanded = documents.map((d) => documentObjects(d.value));
  // A List item that is not an object needs a positioned finding: the full parser reads the file.
  if (expanded.some((e) => e.problems.length)) return undefined;
  const manifests: Manifest[] = [];
  documents.forEach((document, docIndex) => {
    for (const o of expanded[docIndex]!.objects) {
      const source = o.itemIndex === undefined ? { file, docIndex } : { file, docIndex, itemIndex: o.itemIndex };
      // Positions come from reading this document alone again, when a finding needs one.
      const locate = cleanLocatorOf(document.text, o.basePath, document.line);
      manifests.push({ ref: refOf(o.object), object: o.object, source, locate });
    }
  });
  return { manifests, findings: [], documents: documents.length };
}

/** The full path: every document parsed with positions, every problem a positioned finding. */
function parseWithPositions(file: string, text: string): ParsedFile {
  const findings: Finding[] = [];
  const manifests: Manifest[] = [];
  const { docs, positions, text: parsedText } = parseRecent(text);
  const report = (
    ruleId: string,
    severity: Finding['severity'],
    message: string,
    offset: number,
    pointer = '',
  ): void => {
    const pos = positions.linePos(offset);
    findings.push({ ruleId, severity, message, file, line: pos.line, column: pos.col, pointer, phase: 'parse' });
  };

  if (docs.length === 0) {
    findings.push({
      ruleId: 'yaml-empty',
      severity: 'info',
      message: 'file has no YAML documents (only comments)',
      file,
      line: 1,
      column: 1,
      pointer: '',
      phase: 'parse',
    });
    return { manifests, findings, documents: 0 };
  }

  // What the documents read so far expanded: aliases are bounded over the whole file.
  let expanded = NO_EXPANSION;
  docs.forEach((doc, docIndex) => {
    let fatal = false;
    for (const error of reportedErrors(doc.errors)) {
      const syntax = isSyntaxError(error);
      report(
        syntax ? 'yaml-syntax' : 'yaml-duplicate-key',
        'error',
        syntax
          ? withoutValues(firstLine(error.message))
          : `duplicate key: ${duplicateKeyName(parsedText, error.pos[0])}; kubectl rejects the document`,
        isStackOverflow(error) ? doc.range[0] : error.pos[0],
      );
      fatal ||= syntax;
    }
    for (const warning of doc.warnings)
      report('yaml-warning', 'warning', withoutValues(firstLine(warning.message)), warning.pos[0]);
    if (fatal) return;

    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.source === '' && !doc.contents.tag)) {
      report('yaml-empty', 'info', `document ${docIndex + 1} is empty`, doc.range[0]);
      return;
    }
    // Aliases are bounded before anything is expanded (alias-expansion.ts).
    if (parsedText.slice(doc.range[0], doc.range[2]).includes('*')) {
      const { expansion, firstAlias } = measureExpansion(doc);
      const total = addExpansion(expanded, expansion);
      if (isExcessive(total)) {
        report(
          'yaml-alias-limit',
          'error',
          `too many aliases: document ${docIndex + 1} expands to ${total.chars.toLocaleString('en-US')} characters with the file's documents before it, ${percent(total.aliasChars, total.chars)} of them from aliases, more than kubectl reads ("excessive aliasing", an "alias bomb"); not checked`,
          firstAlias?.range?.[0] ?? doc.contents.range?.[0] ?? doc.range[0],
        );
        return;
      }
      expanded = total;
    }
    let value: unknown;
    try {
      value = doc.toJS(MANIFEST_TO_JS_OPTIONS);
      // Tags that build bytes, a Map or a Set (tagged-values.ts); documents without one need no walk.
      if (parsedText.slice(doc.range[0], doc.range[2]).includes('!')) value = jsonData(value);
    } catch (error) {
      // An alias without an anchor before it, an alias of its own node: the document cannot be read.
      report(
        'yaml-syntax',
        'error',
        `cannot read document ${docIndex + 1}: ${withoutValues(firstLine((error as Error).message))}`,
        doc.contents.range?.[0] ?? doc.range[0],
      );
      return;
    }
    if (!isKubeObject(value)) {
      report(
        'document-not-object',
        'error',
        `document is ${describeValue(value)}, not a Kubernetes object`,
        doc.contents.range?.[0] ?? doc.range[0],
      );
      return;
    }
    const { objects, problems } = documentObjects(value);
    for (const p of problems) {
      const pos = createLocator(doc, positions)(p.pointer);
      findings.push({
        ruleId: p.ruleId,
        severity: 'error',
        message: p.message,
        file,
        line: pos.line,
        column: pos.column,
        pointer: p.pointer,
        phase: 'parse',
      });
    }
    for (const o of objects) {
      const source = o.itemIndex === undefined ? { file, docIndex } : { file, docIndex, itemIndex: o.itemIndex };
      manifests.push({
        ref: refOf(o.object),
        object: o.object,
        source,
        locate: locatorOf(text, docIndex, o.basePath),
      });
    }
  });
  return { manifests, findings, documents: docs.length };
}

/**
 * `locate` of one object: the document's tree is parsed again from its text when no recent parse
 * is at hand (recent-parses.ts), so a run does not keep a tree per object for its whole length.
 */
function locatorOf(text: string, docIndex: number, basePath: ReadonlyArray<string | number>, lineOffset = 0): Locate {
  return (pointer, target) => {
    const { docs, positions } = parseRecent(text);
    return createLocator(docs[docIndex]!, positions, basePath, lineOffset)(pointer, target);
  };
}

/**
 * The event trees of the clean documents located last (null: a document left to the full
 * parser). A tree takes about 25 times its text; the findings of one document are located
 * together, so a million characters of documents (some 25 MB of trees) is plenty.
 */
const recentEventTree = recentByText(1_000_000, readEventTree);

/**
 * `locate` of one object of a clean document: from the fast parser's events, which are several
 * times cheaper to read again than the full parser's tree, and from the full parser for what the
 * events cannot tell exactly (event-locator.ts).
 */
function cleanLocatorOf(text: string, basePath: ReadonlyArray<string | number>, lineOffset: number): Locate {
  return (pointer, target) => {
    const tree = recentEventTree(text);
    return (
      (tree && eventLocator(tree, basePath, lineOffset)(pointer, target)) ??
      locatorOf(text, 0, basePath, lineOffset)(pointer, target)
    );
  };
}

function percent(part: number, whole: number): string {
  return `${Math.floor((100 * part) / Math.max(whole, 1))}%`;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/** The key text at a duplicate-key error (the error itself only says keys must be unique). */
function duplicateKeyName(text: string, offset: number): string {
  const match = /^[^:\n]*/.exec(text.slice(offset));
  const key = match ? match[0].trim().replace(/^["']|["']$/g, '') : '';
  return key ? `"${key}"` : 'a key appears twice in the same mapping';
}

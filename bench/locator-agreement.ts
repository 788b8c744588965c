/**
 * Compares the two ways kubeplan positions a finding in a clean document: the fast parser's
 * events (src/load/event-locator.ts) and the full parser's tree (src/load/source-map.ts), on
 * every pointer into every object of a text (each field and item, a missing field under each
 * object) and both targets (value and key). The event locator may decline (the full parser then
 * answers); where it answers, it must agree to the column. Used by test/load/event-locator.test.ts
 * on the fixtures and by bench/positions-bench.ts on the corpora.
 */
import { documentObjects } from '../src/load/document-objects.js';
import { eventLocator, readEventTree } from '../src/load/event-locator.js';
import { fastParse } from '../src/load/fast-parse.js';
import { parseDocuments } from '../src/load/parse-documents.js';
import { createLocator } from '../src/load/source-map.js';
import type { SourceRange } from '../src/model/source-range.js';

export interface Disagreement {
  document: number;
  pointer: string;
  target: 'value' | 'key';
  events: SourceRange;
  full: SourceRange;
}

export interface Agreement {
  /** Documents the fast parser read (the only ones the event locator is for). */
  documents: number;
  /** Documents the event locator declined as a whole. */
  declinedDocuments: number;
  answered: number;
  /** Pointers the event locator left to the full parser. */
  deferred: number;
  disagreements: Disagreement[];
}

/** Every pointer into a value: each field and item, and a missing field under each object. */
export function pointersOf(value: unknown, base = ''): string[] {
  if (value === null || typeof value !== 'object') return [base];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [
    base,
    `${base}/missing`,
    ...entries.flatMap(([k, v]) => pointersOf(v, `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`)),
  ];
}

export function compareLocators(text: string): Agreement {
  const result: Agreement = { documents: 0, declinedDocuments: 0, answered: 0, deferred: 0, disagreements: [] };
  const documents = fastParse(text);
  if (!documents) return result;
  documents.forEach((document, index) => {
    result.documents++;
    const { docs, positions } = parseDocuments(document.text);
    const tree = readEventTree(document.text);
    if (!tree) {
      result.declinedDocuments++;
      return;
    }
    for (const o of documentObjects(document.value).objects) {
      const events = eventLocator(tree, o.basePath, document.line);
      const full = createLocator(docs[0]!, positions, o.basePath, document.line);
      for (const pointer of pointersOf(o.object)) {
        for (const target of ['value', 'key'] as const) {
          const answer = events(pointer, target);
          if (!answer) {
            result.deferred++;
            continue;
          }
          result.answered++;
          const expected = full(pointer, target);
          if (JSON.stringify(answer) !== JSON.stringify(expected))
            result.disagreements.push({ document: index, pointer, target, events: answer, full: expected });
        }
      }
    }
  });
  return result;
}

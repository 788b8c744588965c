/**
 * `npm run bench:positions`: the event locator (src/load/event-locator.ts) against the full
 * parser's positions on real manifests: `../shared/corpora/` (skipped with a reason where absent)
 * and the fixtures. For every pointer into every object of every clean document, both targets:
 * how many the event locator answers, how many it leaves to the full parser, and every
 * disagreement (there must be none). Then the cost of reading a document again for positions,
 * both ways, side by side (docs/performance.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEventTree } from '../src/load/event-locator.js';
import { fastParse } from '../src/load/fast-parse.js';
import { parseDocuments } from '../src/load/parse-documents.js';
import { kubectlText } from '../src/load/tagged-values.js';
import { compareLocators } from './locator-agreement.js';

const CORPORA = ['../shared/corpora/realworld', '../shared/corpora/live-state'];

function* yamlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* yamlFiles(path);
    else if (/\.ya?ml$/.test(entry)) yield path;
  }
}

function readText(file: string): string | undefined {
  try {
    return kubectlText(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function main(): void {
  const roots = ['fixtures', ...CORPORA.filter((dir) => existsSync(dir))];
  for (const dir of CORPORA.filter((d) => !existsSync(d))) console.log(`skipped ${dir}: not present on this machine`);
  const texts: string[] = [];
  let documents = 0;
  let declined = 0;
  let answered = 0;
  let deferred = 0;
  let disagreements = 0;
  for (const root of roots) {
    for (const file of yamlFiles(root)) {
      const text = readText(file);
      if (text === undefined) continue;
      texts.push(text);
      const agreement = compareLocators(text);
      documents += agreement.documents;
      declined += agreement.declinedDocuments;
      answered += agreement.answered;
      deferred += agreement.deferred;
      disagreements += agreement.disagreements.length;
      for (const d of agreement.disagreements.slice(0, 3)) console.log(`DISAGREES ${file}: ${JSON.stringify(d)}`);
    }
  }
  const share = (n: number): string => `${((100 * n) / Math.max(1, answered + deferred)).toFixed(2)}%`;
  console.log(
    `${roots.join(', ')}: ${documents} clean documents (${declined} left to the full parser as a whole); ` +
      `${answered + deferred} pointer lookups: ${answered} answered from the events (${share(answered)}), ` +
      `${deferred} left to the full parser (${share(deferred)}), ${disagreements} disagreements`,
  );

  // Reading each clean document again for positions: events against the full parser, alternating.
  const documentTexts = texts.flatMap((t) => fastParse(t)?.map((d) => d.text) ?? []);
  const rounds: Array<{ events: number; full: number }> = [];
  for (let round = 0; round < 5; round++) {
    let start = performance.now();
    for (const t of documentTexts) readEventTree(t);
    const events = performance.now() - start;
    start = performance.now();
    for (const t of documentTexts) parseDocuments(t);
    rounds.push({ events, full: performance.now() - start });
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const events = median(rounds.map((r) => r.events));
  const full = median(rounds.map((r) => r.full));
  console.log(
    `reading ${documentTexts.length} documents again for positions (median of 5): events ${events.toFixed(0)} ms, ` +
      `full parser ${full.toFixed(0)} ms (${(full / events).toFixed(1)}x)`,
  );
  if (disagreements > 0) process.exitCode = 1;
}

main();

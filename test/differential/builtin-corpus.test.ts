import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Agreement, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { tempDir } from '../helpers/temp-dir.js';
import { compareValidation, kubeplanRefusals, type OracleValidation, Survey } from './builtin-compare.js';
import { printSkip } from '../helpers/skip-notice.js';

/**
 * Real manifests (../shared/corpora/realworld: public projects' objects, accepted by real API
 * servers) through kubeplan's lint and the API server's validation: every built-in object of a
 * kind the oracle serves, compared as the generated ones are (builtin-compare.ts).
 */

const CORPUS = join('..', 'shared', 'corpora', 'realworld', 'corpus');
const binary = oracleBinary();
const present = existsSync(CORPUS);
if (binary && !present) printSkip(`the real-world corpus is not at ${CORPUS}`);
const describeWithCorpus = binary && present ? describe : describe.skip;

function* manifestFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* manifestFiles(path);
    else if (/\.(ya?ml|json)$/.test(entry.name)) yield path;
  }
}

/** The objects of a file: each document that is an object with apiVersion and kind, List items unpacked. */
function objectsOf(text: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const add = (value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const object = value as Record<string, unknown>;
    if (typeof object.kind === 'string' && object.kind.endsWith('List') && Array.isArray(object.items))
      for (const item of object.items) add(item);
    else if (typeof object.apiVersion === 'string' && typeof object.kind === 'string') out.push(object);
  };
  // YAML 1.1, as kubectl reads it (`0755` is octal).
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, version: '1.1' })) {
    if (doc.errors.length) continue;
    try {
      add(doc.toJS({ maxAliasCount: 100 }));
    } catch {
      // A document the reader refuses is the loading tests' business, not validation's.
    }
  }
  return out;
}

describeWithCorpus('real manifests through kubeplan and the API server', () => {
  const oracle = startOracle(binary!);
  const agreement = new Agreement('builtin-validation-corpus');
  const { dir, cleanup } = tempDir('kubeplan-corpus-');
  const survey = Survey.enabled ? new Survey() : undefined;
  let notServed = 0;
  afterAll(() => {
    survey?.print();
    oracle.close();
    cleanup();
    agreement.report();
    console.log(`objects of kinds the oracle does not validate (custom resources, rare kinds): ${notServed}`);
  });

  it('every built-in object: no false error, no undocumented missed refusal', async () => {
    const failures: string[] = [];
    for (const file of manifestFiles(CORPUS)) {
      for (const object of objectsOf(readFileSync(file, 'utf8'))) {
        const answer = await oracle.ask({ op: 'validate', object });
        if (answer.error) {
          notServed++;
          continue;
        }
        const upstream = answer.result as OracleValidation;
        const { problems, deliberate } = compareValidation(object, upstream, await kubeplanRefusals(object, dir));
        const where = `${relative(CORPUS, file)} ${object.kind} ${(object.metadata as { name?: string } | undefined)?.name}`;
        if (problems.length && survey) survey.add(problems, where);
        else if (problems.length)
          failures.push(`${where}:\n  ${problems.join('\n  ')}\n  upstream: ${upstream.message ?? 'accepted'}`);
        else if (deliberate) agreement.differ(deliberate);
        else agreement.agree();
      }
    }
    expect(failures).toEqual([]);
    expect(agreement.cases).toBeGreaterThan(0);
  }, 600_000);
});

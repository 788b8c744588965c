import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseManifests } from '../../src/load/parse-manifests.js';
import { Agreement, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { tempDir } from '../helpers/temp-dir.js';
import { compareValidation, kubeplanRefusals, type OracleValidation, Survey } from './builtin-compare.js';
import { manifestFiles, REALWORLD, realworldUnavailable } from './realworld-corpus.js';
import { printSkip } from '../helpers/skip-notice.js';

/**
 * Real manifests (../shared/corpora/realworld: public projects' objects, accepted by real API
 * servers) through kubeplan's lint and the API server's validation: every built-in object of a
 * kind the oracle serves, compared as the generated ones are (builtin-compare.ts).
 */

const binary = oracleBinary();
const unavailable = realworldUnavailable();
if (binary && unavailable) printSkip(unavailable);
const describeWithCorpus = binary && !unavailable ? describe : describe.skip;
const CORPUS = join(REALWORLD, 'corpus');

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
      // kubeplan's own reader: YAML 1.1 as kubectl reads it (`0755` is octal), List items unpacked.
      for (const { object } of parseManifests(file, readFileSync(file, 'utf8')).manifests) {
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

import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Agreement, runParameters, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { tempDir } from '../helpers/temp-dir.js';
import { compareValidation, kubeplanRefusals, type OracleValidation, Survey } from './builtin-compare.js';
import { build, describeCase, objectCase } from './builtin-objects.js';

/**
 * kubeplan's lint against the API server's validation (the oracle's `validate` op, upstream's own
 * code): the same generated built-in object goes to both. An error from kubeplan that claims the
 * API server refuses the object must come with a refusal of the oracle on that field (a false
 * error is the worst bug kubeplan can ship); a refusal kubeplan misses must be a documented
 * scope limit (builtin-validation.differences.ts).
 */

const binary = oracleBinary();
const describeWithGo = binary ? describe : describe.skip;

describeWithGo('built-in validation against the API server', () => {
  const oracle = startOracle(binary!);
  const agreement = new Agreement('builtin-validation');
  const { dir, cleanup } = tempDir('kubeplan-differential-');
  const survey = Survey.enabled ? new Survey() : undefined;
  afterAll(() => {
    survey?.print();
    oracle.close();
    cleanup();
    agreement.report();
  });

  it('refuses what the API server refuses, on the same fields, and nothing it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(objectCase, async (c) => {
        const object = build(c);
        const answer = await oracle.ask({ op: 'validate', object });
        if (answer.error) throw new Error(`the oracle could not answer: ${answer.error}`);
        const upstream = answer.result as OracleValidation;
        const { problems, deliberate } = compareValidation(object, upstream, await kubeplanRefusals(object, dir));
        if (problems.length && survey) return survey.add(problems, describeCase(c).split('\n')[0]!);
        if (problems.length)
          throw new Error(
            `${problems.join('\n')}\n\nupstream: ${upstream.message ?? 'accepted'}\n\ncase: ${describeCase(c)}`,
          );
        if (deliberate) agreement.differ(deliberate);
        else agreement.agree();
      }),
      runParameters(300, 1401),
    );
    expect(agreement.cases).toBeGreaterThan(0);
  });
});

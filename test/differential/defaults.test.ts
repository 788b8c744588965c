import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { applyDefaults } from '../../src/simulate/defaults/index.js';
import { Agreement, runParameters, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { build, describeCase, objectCase } from './builtin-objects.js';
import { comparable } from './defaults.differences.js';

/**
 * kubeplan's defaulting of built-in objects against the API server's (the oracle's `defaults` op:
 * the defaulting functions registered for each API version): the same generated object goes to
 * both, and the results must be equal once the differences of JSON encoding, listed with their
 * reasons in defaults.differences.ts, are taken out.
 */

const binary = oracleBinary();
const describeWithGo = binary ? describe : describe.skip;

describeWithGo('defaulting against the API server', () => {
  const oracle = startOracle(binary!);
  const agreement = new Agreement('defaults');
  afterAll(() => {
    oracle.close();
    agreement.report();
  });

  it('adds the same defaults as the API server to every object it can decode', async () => {
    await fc.assert(
      fc.asyncProperty(objectCase, async (c) => {
        const object = build(c);
        const answer = await oracle.ask({ op: 'defaults', object });
        // An object the API server cannot decode (a string where a number goes) is refused before
        // defaulting; kubeplan reports it and plans without it.
        if (answer.error) {
          agreement.differ('not-decodable');
          return;
        }
        // Go drops the fields it does not know; kubeplan keeps them, reported as errors.
        const validation = await oracle.ask({ op: 'validate', object });
        const errors = (validation.result as { errors?: Array<{ type: string }> } | undefined)?.errors ?? [];
        if (errors.some((e) => e.type === 'FieldValueUnknown')) {
          agreement.differ('unknown-field');
          return;
        }
        const ours = comparable(applyDefaults(structuredClone(object)));
        const theirs = comparable(answer.result as Record<string, unknown>);
        try {
          expect(ours).toEqual(theirs);
        } catch (e) {
          throw new Error(`${(e as Error).message}\n\ncase: ${describeCase(c)}`);
        }
        agreement.agree();
      }),
      runParameters(300, 1402),
    );
    expect(agreement.agreeing).toBeGreaterThan(0);
  });
});

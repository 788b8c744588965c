import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Agreement, type OracleSession, runParameters, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { compareVerdicts, describeMismatch, kubeplanVerdict, manifestsOf, upstreamVerdict } from './crd-compare.js';
import { customCaseArb } from './crd-generators.js';
import { deliberateDifference } from './custom-resources.differences.js';

/**
 * Custom resources validated against their CRD, kubeplan against the API server's own code
 * (test/oracle, op validate-custom): generated CRD schemas and objects (fast-check, seeded, shrunk
 * to a minimal case on failure); custom-resources-realworld.test.ts replays the real-world corpus.
 * The two must agree on acceptance, on the paths of the errors and on the defaulted object, or
 * differ for a reason custom-resources.differences.ts documents.
 */
const binary = oracleBinary();
const describeWithOracle = binary ? describe : describe.skip;

describeWithOracle('custom resources: kubeplan against the API server', () => {
  let oracle: OracleSession;
  beforeAll(() => {
    oracle = startOracle(binary!);
  });
  afterAll(() => oracle?.close());

  it('agrees on generated CRDs and objects', async () => {
    const agreement = new Agreement('custom-resources');
    await fc.assert(
      fc.asyncProperty(customCaseArb, async (c) => {
        const upstream = upstreamVerdict(await oracle.ask({ op: 'validate-custom', crd: c.crd, object: c.object }));
        const { crd, object } = manifestsOf(c.crd, c.object);
        const mismatch = compareVerdicts(upstream, await kubeplanVerdict(crd, object));
        if (!mismatch) return agreement.agree();
        const known = deliberateDifference(mismatch);
        if (known) return agreement.differ(known.id);
        throw new Error(`kubeplan and the API server disagree:\n${describeMismatch(mismatch)}`);
      }),
      // Shrinking on, so that a failure prints the minimal case (runParameters stops at the first
      // one); KUBEPLAN_ORACLE_NO_SHRINK=1 prints the first failing case at once.
      { ...runParameters(300, 14_0001), endOnFailure: process.env.KUBEPLAN_ORACLE_NO_SHRINK === '1' },
    );
    agreement.report();
    expect(agreement.cases).toBeGreaterThan(0);
  }, 600_000);
});

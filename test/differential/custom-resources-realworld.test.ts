import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agreement, type OracleSession, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { compareVerdicts, describeMismatch, kubeplanVerdict, upstreamVerdict } from './crd-compare.js';
import { realworldCases, realworldUnavailable } from './crd-realworld.js';
import { deliberateDifference } from './custom-resources.differences.js';
import { printSkip } from '../helpers/skip-notice.js';

/**
 * The custom resources of the shared real-world corpus (../shared/corpora/realworld), each with
 * the CRD of the corpus that serves it, judged by kubeplan and by the API server's code
 * (test/oracle, op validate-custom): they must agree, or differ for a reason
 * custom-resources.differences.ts documents.
 */
const binary = oracleBinary();
const unavailable = realworldUnavailable();
if (binary && unavailable) printSkip(unavailable);
const describeWithData = binary && !unavailable ? describe : describe.skip;

describeWithData('custom resources of the real-world corpus: kubeplan against the API server', () => {
  let oracle: OracleSession;
  beforeAll(() => {
    oracle = startOracle(binary!);
  });
  afterAll(() => oracle?.close());

  it('agrees on every custom resource whose CRD the corpus holds', async () => {
    const agreement = new Agreement('custom-resources-realworld');
    const failures: string[] = [];
    for (const c of realworldCases()) {
      const upstream = upstreamVerdict(
        await oracle.ask({ op: 'validate-custom', crd: c.crd.object, object: c.object.object }),
      );
      const mismatch = compareVerdicts(upstream, await kubeplanVerdict(c.crd, c.object, c.registry));
      if (!mismatch) agreement.agree();
      else {
        const known = deliberateDifference(mismatch);
        if (known) agreement.differ(known.id);
        else
          failures.push(
            `${c.object.source.file} (${c.object.ref.kind} ${c.object.ref.name}):\n${describeMismatch(mismatch)}`,
          );
      }
    }
    agreement.report();
    expect(failures).toEqual([]);
    expect(agreement.cases).toBeGreaterThan(0);
  }, 600_000);
});

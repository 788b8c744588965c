import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { lastAppliedOf } from '../../../src/diff/apply/predict-applied.js';
import { predictServerSide } from '../../../src/diff/apply/server-side/predict-server-side.js';
import type { KubeObject } from '../../../src/model/manifest.js';
import fc from 'fast-check';
import { Agreement, caseCount, runParameters, startOracle } from '../../helpers/differential.js';
import { askOracle, oracleBinary } from '../../helpers/oracle.js';
import { outcomeOfKubeplan, outcomeOfOracle, serverSideCaseArb, serverSideCases } from './server-side-cases.js';

describe('server-side apply against the API server field manager (oracle)', () => {
  const oracle = oracleBinary();
  (oracle ? it : it.skip)('predicts the same object, ownership and conflicts on seeded pairs', () => {
    const cases = serverSideCases(caseCount(400), 7);
    const answers = askOracle(
      oracle!,
      cases.map((c) => ({
        op: 'server-side-apply',
        current: c.live,
        modified: c.manifest,
        manager: 'kubectl',
        force: c.force,
      })),
    );
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const answer = answers[i]!;
      const ours = outcomeOfKubeplan(c);
      const theirs =
        answer.error !== undefined ? { error: answer.error } : outcomeOfOracle(answer.result as Record<string, any>);
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(ours)), theirs))
        disagreements.push(
          `case ${i}:\n${JSON.stringify(c)}\nkubeplan: ${JSON.stringify(ours)}\noracle:   ${JSON.stringify(theirs)}`,
        );
    });
    if (process.env.SSA_DUMP) writeFileSync(process.env.SSA_DUMP, disagreements.join('\n=====\n'));
    // The pairs cover what matters: refusals for conflicts, and conflicts a last client-side apply allows.
    const refused = answers.filter((a) => a.error?.startsWith('Apply failed with')).length;
    const allowed = cases.filter((c) => {
      const options = { manager: 'kubectl', force: false };
      const last = lastAppliedOf(c.live as KubeObject);
      return (
        last &&
        predictServerSide(c.live as KubeObject, c.manifest as KubeObject, undefined, options).refused &&
        !predictServerSide(c.live as KubeObject, c.manifest as KubeObject, last, options).refused
      );
    }).length;
    console.log(
      `server-side apply: ${cases.length} pairs, ${refused} refused for conflicts, ${allowed} allowed by the last client-side apply`,
    );
    expect(refused).toBeGreaterThan(40);
    expect(allowed).toBeGreaterThan(5);
    expect(disagreements.slice(0, 1)).toEqual([]);
    expect(disagreements).toHaveLength(0);
    const agreement = new Agreement('server-side-apply');
    for (const _ of cases) agreement.agree();
    agreement.report();
  });

  (oracle ? it : it.skip)('agrees on cases fast-check draws, a failure shrunk to a small one', async () => {
    const session = startOracle(oracle!);
    try {
      await fc.assert(
        fc.asyncProperty(serverSideCaseArb, async (c) => {
          const answer = await session.ask({
            op: 'server-side-apply',
            current: c.live,
            modified: c.manifest,
            manager: 'kubectl',
            force: c.force,
          });
          const theirs =
            answer.error !== undefined
              ? { error: answer.error }
              : outcomeOfOracle(answer.result as Record<string, any>);
          expect(JSON.parse(JSON.stringify(outcomeOfKubeplan(c)))).toEqual(theirs);
        }),
        runParameters(200, 7),
      );
    } finally {
      session.close();
    }
  });
});

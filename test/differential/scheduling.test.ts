import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IService } from 'kubernetes-models/v1/Service';
import { schedule } from '../../src/simulate/scheduler/index.js';
import { Agreement, caseCount, runParameters, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { compare, type OracleSchedule } from './sched-compare.js';
import { buildCase, schedulingCase } from './sched-generators.js';
import { SCHEDULING_DIFFERENCES } from './scheduling.differences.js';

/**
 * kubeplan's scheduler against kube-scheduler v1.36 (the oracle's `schedule` op: the real
 * framework, default profile, in-tree plugins): the same generated cluster, bound pods and pod to
 * place go to both, and everything kubeplan reports must be what kube-scheduler does — the node,
 * each rejection, each weighted score, the FailedScheduling message, the preemption — or a
 * documented deliberate difference (scheduling.differences.ts).
 */

const binary = oracleBinary();
const describeWithGo = binary ? describe : describe.skip;

describeWithGo('scheduling against kube-scheduler', () => {
  const oracle = startOracle(binary!);
  const agreement = new Agreement('scheduling');
  // KUBEPLAN_ORACLE_SURVEY=1 tallies every kind of disagreement of a run instead of failing on the first.
  const survey = process.env.KUBEPLAN_ORACLE_SURVEY ? new Map<string, number>() : undefined;
  // ... and KUBEPLAN_ORACLE_SURVEY_EXAMPLES=<file> writes the first case of each kind there.
  const examples = new Map<string, string>();
  // What the cases exercised, by the oracle's outcome.
  const outcomes = new Map<string, number>();
  afterAll(() => {
    if (survey)
      console.log(
        [...survey]
          .sort()
          .map(([p, n]) => `${n} × ${p}`)
          .join('\n'),
      );
    if (process.env.KUBEPLAN_ORACLE_SURVEY_EXAMPLES)
      writeFileSync(process.env.KUBEPLAN_ORACLE_SURVEY_EXAMPLES, [...examples.values()].join('\n\n'));
    oracle.close();
    console.log(`scheduling outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`);
    agreement.report();
  });

  it(
    'places, rejects, scores and explains a pod as kube-scheduler does',
    async () => {
      await fc.assert(
        fc.asyncProperty(schedulingCase, async (c) => {
          const built = buildCase(c);
          const answer = await oracle.ask({
            op: 'schedule',
            nodes: built.nodes,
            pods: built.bound,
            pod: built.pod,
            services: built.services,
            replicaSets: built.replicaSets,
            namespaces: built.namespaces,
          });
          if (answer.error)
            throw new Error(`the oracle could not answer: ${answer.error}\n\ncase: ${JSON.stringify(built)}`);
          const [outcome] = schedule({
            nodes: built.nodes as unknown as INode[],
            boundPods: built.bound as unknown as IPod[],
            pendingPods: [built.pod as unknown as IPod],
            services: built.services as unknown as IService[],
            replicaSets: built.replicaSets as unknown as IReplicaSet[],
            namespaces: built.namespaces as unknown as INamespace[],
          });
          const theirs = answer.result as OracleSchedule;
          const kind =
            theirs.message === undefined
              ? theirs.scores
                ? 'bound after scoring'
                : 'bound to the only feasible node'
              : theirs.nominatedNode
                ? 'preempting'
                : 'unschedulable';
          outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
          const { problems, differences } = compare(outcome!, theirs);
          if (problems.length && survey) {
            for (const p of problems) {
              const kind = p.replace(/\d+/g, '#').split('\n')[0]!;
              survey.set(kind, (survey.get(kind) ?? 0) + 1);
              if (!examples.has(kind))
                examples.set(
                  kind,
                  `${problems.join('\n')}\n\noracle: ${JSON.stringify(answer.result)}\n\ncase: ${JSON.stringify(built)}`,
                );
            }
            return;
          }
          if (problems.length)
            throw new Error(
              `${problems.join('\n')}\n\noracle: ${JSON.stringify(answer.result)}\n\ncase: ${JSON.stringify(built)}`,
            );
          if (differences.size === 0) agreement.agree();
          else
            agreement.differ(
              SCHEDULING_DIFFERENCES.filter((d) => differences.has(d.id))
                .map((d) => d.id)
                .join(' + '),
            );
        }),
        // Shrinking on: a disagreement is reported on its minimal case.
        { ...runParameters(500, 1436), endOnFailure: false },
      );
      expect(agreement.cases).toBeGreaterThan(0);
      // About 3 ms a case: the long run (KUBEPLAN_ORACLE_CASES) needs more than jest's 60 s.
    },
    Math.max(60_000, caseCount(500) * 20),
  );
});

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

function outcomeKind(theirs: OracleSchedule): string {
  if (theirs.message === undefined) return theirs.scores ? 'bound after scoring' : 'bound to the only feasible node';
  return theirs.nominatedNode ? 'preempting' : 'unschedulable';
}

const binary = oracleBinary();
const describeWithGo = binary ? describe : describe.skip;

describeWithGo('scheduling against kube-scheduler', () => {
  const oracle = startOracle(binary!);
  const agreement = new Agreement('scheduling');
  // KUBEPLAN_ORACLE_SURVEY=1 tallies every kind of disagreement of a run instead of failing on the first.
  const survey = process.env.KUBEPLAN_ORACLE_SURVEY ? new Map<string, number>() : undefined;
  // ... and KUBEPLAN_ORACLE_SURVEY_EXAMPLES=<file> writes the first case of each kind there.
  const examples = new Map<string, string>();
  // What the cases exercised, by the oracle's outcome (per pod placed).
  const tally = new Map<string, number>();
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
    console.log(`scheduling outcomes: ${JSON.stringify(Object.fromEntries([...tally].sort()))}`);
    agreement.report();
  });

  it(
    'places, rejects, scores and explains pods as kube-scheduler does',
    async () => {
      await fc.assert(
        fc.asyncProperty(schedulingCase, async (c) => {
          const built = buildCase(c);
          // kubeplan places the pods in one call, each counting for the next (as assumed pods do);
          // the oracle gets each pod in turn on the cluster as kubeplan left it before that pod:
          // the pods placed before it bound, the victims of a preemption gone.
          const outcomes = schedule({
            nodes: built.nodes as unknown as INode[],
            boundPods: built.bound as unknown as IPod[],
            pendingPods: built.pending as unknown as IPod[],
            services: built.services as unknown as IService[],
            replicaSets: built.replicaSets as unknown as IReplicaSet[],
            namespaces: built.namespaces as unknown as INamespace[],
          });
          let placed = built.bound;
          const problems: string[] = [];
          const differences = new Set<string>();
          const answers: unknown[] = [];
          for (const outcome of outcomes) {
            const name = outcome.pod.metadata?.name;
            const pod = built.pending.find((p) => (p.metadata as { name: string }).name === name)!;
            const answer = await oracle.ask({
              op: 'schedule',
              nodes: built.nodes,
              pods: placed,
              pod,
              services: built.services,
              replicaSets: built.replicaSets,
              namespaces: built.namespaces,
            });
            if (answer.error)
              throw new Error(`the oracle could not answer: ${answer.error}\n\ncase: ${JSON.stringify(built)}`);
            const theirs = answer.result as OracleSchedule;
            answers.push(theirs);
            tally.set(outcomeKind(theirs), (tally.get(outcomeKind(theirs)) ?? 0) + 1);
            const compared = compare(outcome, theirs);
            for (const p of compared.problems) problems.push(outcomes.length > 1 ? `${name}: ${p}` : p);
            for (const d of compared.differences) differences.add(d);
            const victims = new Set((outcome.preemption?.victims ?? []).map((v) => v.metadata?.name));
            placed = placed.filter((p) => !victims.has((p.metadata as { name: string }).name));
            if (outcome.nodeName)
              placed = [...placed, { ...pod, spec: { ...(pod.spec as object), nodeName: outcome.nodeName } }];
          }
          if (problems.length && survey) {
            for (const p of problems) {
              const kind = p.replace(/\d+/g, '#').split('\n')[0]!;
              survey.set(kind, (survey.get(kind) ?? 0) + 1);
              if (!examples.has(kind))
                examples.set(
                  kind,
                  `${problems.join('\n')}\n\noracle: ${JSON.stringify(answers)}\n\ncase: ${JSON.stringify(built)}`,
                );
            }
            return;
          }
          if (problems.length)
            throw new Error(
              `${problems.join('\n')}\n\noracle: ${JSON.stringify(answers)}\n\ncase: ${JSON.stringify(built)}`,
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
        runParameters(500, 1436),
      );
      expect(agreement.cases).toBeGreaterThan(0);
      // About 3 ms a case: the long run (KUBEPLAN_ORACLE_CASES) needs more than jest's 60 s.
    },
    Math.max(60_000, caseCount(500) * 20),
  );
});

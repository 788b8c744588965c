import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { diff } from '../../src/commands/diff.js';
import { plan, type PlanResult } from '../../src/commands/plan.js';
import { rollingUpdateStep, surplusPods, type DaemonNode } from '../../src/simulate/controllers/daemonset-update.js';
import type { Entry } from '../../src/simulate/state.js';
import { consequenceLines } from '../../src/report/diff-consequences.js';
import { planDocument } from '../../src/report/plan-state.js';
import { briefAt } from '../helpers/findings.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Three workers of 4 CPU, each with a `filler` pod of 3 CPU: 1 CPU left for daemon pods. */
const clusterConfig = {
  nodeGroups: [{ name: 'worker', count: 3, cpu: '4', memory: '16Gi', zones: ['z1'] }],
  file: '.kubeplan.yaml',
};
const DIR = 'fixtures/diff/daemonset-update';
const AGENT_PENDING =
  "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.";

/** A pod entry as the rolling update sees it: the name carries the template (`new`/`old`) and readiness. */
function pod(name: string, ready = true): Entry {
  const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False' }];
  return { object: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, status: { conditions } } } as unknown as Entry;
}

function nameOf(pod: Entry): string {
  return (pod.object.metadata as { name: string }).name;
}

function step(nodes: DaemonNode[], rollingUpdate: Record<string, unknown>): { remove: string[]; create: string[] } {
  const result = rollingUpdateStep(nodes, (p) => nameOf(p).startsWith('new'), rollingUpdate);
  return { remove: result.remove.map(nameOf), create: result.create };
}

describe('DaemonSet rolling update, one sync', () => {
  const allOld = (): DaemonNode[] => ['a', 'b', 'c', 'd'].map((node) => ({ node, pods: [pod(`old-${node}`)] }));

  it('maxSurge 0: deletes old pods on up to maxUnavailable nodes, in node order', () => {
    expect(step(allOld(), { maxUnavailable: 1, maxSurge: 0 })).toEqual({ remove: ['old-a'], create: [] });
    expect(step(allOld(), { maxUnavailable: '50%', maxSurge: 0 })).toEqual({ remove: ['old-a', 'old-b'], create: [] });
    // 10% of 4 nodes rounds up to 1; both 0 still moves one node at a time.
    expect(step(allOld(), { maxUnavailable: '10%' })).toEqual({ remove: ['old-a'], create: [] });
    expect(step(allOld(), { maxUnavailable: 0, maxSurge: 0 })).toEqual({ remove: ['old-a'], create: [] });
  });

  it('maxSurge 0: a new pod that is not ready uses up the budget; an old pod that is not ready goes at once', () => {
    const nodes = [
      { node: 'a', pods: [pod('new-a', false)] },
      { node: 'b', pods: [pod('old-b', false)] },
      { node: 'c', pods: [pod('old-c')] },
    ];
    // a's new pod and b's old one are both unavailable: with 1, nothing more goes; with 3, c goes too.
    expect(step(nodes, { maxUnavailable: 1 })).toEqual({ remove: ['old-b'], create: [] });
    expect(step(nodes, { maxUnavailable: 2 })).toEqual({ remove: ['old-b'], create: [] });
    expect(step(nodes, { maxUnavailable: 3 })).toEqual({ remove: ['old-b', 'old-c'], create: [] });
    // A node with both an old and a new pod counts as unavailable.
    expect(
      step(
        [
          { node: 'a', pods: [pod('old-a'), pod('new-a')] },
          { node: 'b', pods: [pod('old-b')] },
        ],
        { maxUnavailable: 1 },
      ),
    ).toEqual({ remove: [], create: [] });
  });

  it('maxSurge: starts new pods beside old ones, and removes an old pod once its new one is ready', () => {
    expect(step(allOld(), { maxSurge: 2, maxUnavailable: 0 })).toEqual({ remove: [], create: ['a', 'b'] });
    const nodes = [
      { node: 'a', pods: [pod('old-a'), pod('new-a')] },
      { node: 'b', pods: [pod('old-b'), pod('new-b', false)] },
      { node: 'c', pods: [pod('old-c', false)] },
      { node: 'd', pods: [pod('old-d')] },
    ];
    // b is still surging (budget 1 used); c's old pod is not available, so c gets its new pod regardless.
    expect(step(nodes, { maxSurge: 1, maxUnavailable: 0 })).toEqual({ remove: ['old-a'], create: ['c'] });
    expect(step(nodes, { maxSurge: 2, maxUnavailable: 0 })).toEqual({ remove: ['old-a'], create: ['c', 'd'] });
  });
});

describe('DaemonSet pods a node has too many of', () => {
  const names = (pods: Entry[]): string[] => pods.map(nameOf);
  const updated = (p: Entry): boolean => nameOf(p).startsWith('new');
  it('keeps the oldest without surge; with surge, the new pod and an old one only while the new one is not ready', () => {
    expect(names(surplusPods([pod('old-1'), pod('new-2'), pod('new-3')], updated, false))).toEqual(['new-2', 'new-3']);
    expect(names(surplusPods([pod('old-1'), pod('new-2', false), pod('new-3')], updated, true))).toEqual(['new-3']);
    expect(names(surplusPods([pod('old-1'), pod('new-2')], updated, true))).toEqual(['old-1']);
    expect(names(surplusPods([pod('old-1', false), pod('old-2')], updated, true))).toEqual(['old-2']);
    expect(surplusPods([pod('old-1')], updated, true)).toEqual([]);
  });
});

describe('DaemonSet template change over a running cluster', () => {
  const temp = tempDir();
  afterAll(temp.cleanup);

  /** The cluster after the current manifests, as a cluster dump: a List of the objects with their pods and statuses. */
  async function runningCluster(): Promise<{ file: string; running: PlanResult }> {
    const file = join(temp.dir, 'cluster.yaml');
    const running = await plan([`${DIR}/current.yaml`], { clusterConfig });
    writeFileSync(file, stringify(planDocument(running).state));
    return { file, running };
  }

  /** The DaemonSets' events, each pod named by its node (`-`: not scheduled). */
  function daemonEvents(...results: PlanResult[]): string[] {
    const pods = results.flatMap((r) => r.state.objects.filter((o) => o.kind === 'Pod'));
    const nodeOf = new Map(
      pods.map((p) => [(p.metadata as { name: string }).name, (p.spec as { nodeName?: string }).nodeName ?? '-']),
    );
    const named = (text: string): string =>
      text.replace(
        /\b(agent|shipper|watcher)-[a-z0-9]{5}\b/,
        (name) => `${name.split('-')[0]} pod on ${nodeOf.get(name)}`,
      );
    return results
      .at(-1)!
      .state.events.filter((e) => /^(agent|shipper|watcher)\b/.test(e.involvedObject.name))
      .map((e) => `${e.reason} ${named(e.involvedObject.name)}: ${named(e.message)}`);
  }

  it('replaces daemon pods node by node under RollingUpdate, and stops where a new pod does not fit', async () => {
    const { file, running } = await runningCluster();
    const result = await plan([`${DIR}/desired.yaml`], { current: [file], clusterConfig });
    expect(daemonEvents(running, result)).toEqual([
      // agent (maxUnavailable 1): worker-1's old pod makes way for a new one, which does not fit there, so the update stops.
      'SuccessfulDelete agent: Deleted pod: agent pod on worker-1',
      'SuccessfulCreate agent: Created pod: agent pod on -',
      // shipper (maxSurge 1): a new pod beside the old one, node after node; the old one goes once the new one runs.
      'SuccessfulCreate shipper: Created pod: shipper pod on worker-1',
      `FailedScheduling agent pod on -: ${AGENT_PENDING}`,
      'Scheduled shipper pod on worker-1: Successfully assigned ops/shipper pod on worker-1 to worker-1',
      'SuccessfulDelete shipper: Deleted pod: shipper pod on worker-1',
      'SuccessfulCreate shipper: Created pod: shipper pod on worker-2',
      'Scheduled shipper pod on worker-2: Successfully assigned ops/shipper pod on worker-2 to worker-2',
      'SuccessfulDelete shipper: Deleted pod: shipper pod on worker-2',
      'SuccessfulCreate shipper: Created pod: shipper pod on worker-3',
      'Scheduled shipper pod on worker-3: Successfully assigned ops/shipper pod on worker-3 to worker-3',
      'SuccessfulDelete shipper: Deleted pod: shipper pod on worker-3',
      // watcher (OnDelete): nothing.
    ]);
    const daemonSets = Object.fromEntries(
      result.state.objects
        .filter((o) => o.kind === 'DaemonSet')
        .map((ds) => [
          (ds.metadata as { name: string }).name,
          [
            (ds.metadata as { annotations: Record<string, string> }).annotations[
              'deprecated.daemonset.template.generation'
            ],
            ds.status,
          ],
        ]),
    );
    expect(daemonSets).toEqual({
      agent: [
        '2',
        {
          observedGeneration: 2,
          currentNumberScheduled: 2,
          desiredNumberScheduled: 3,
          numberMisscheduled: 0,
          numberReady: 2,
          numberAvailable: 2,
          numberUnavailable: 1,
          updatedNumberScheduled: 0,
        },
      ],
      shipper: [
        '2',
        {
          observedGeneration: 2,
          currentNumberScheduled: 3,
          desiredNumberScheduled: 3,
          numberMisscheduled: 0,
          numberReady: 3,
          numberAvailable: 3,
          updatedNumberScheduled: 3,
        },
      ],
      watcher: [
        '2',
        {
          observedGeneration: 2,
          currentNumberScheduled: 3,
          desiredNumberScheduled: 3,
          numberMisscheduled: 0,
          numberReady: 3,
          numberAvailable: 3,
          updatedNumberScheduled: 0,
        },
      ],
    });
  });

  it('tells how each DaemonSet rolls out and reports the stall at the manifest', async () => {
    const result = await diff([`${DIR}/desired.yaml`], { current: [`${DIR}/current.yaml`], clusterConfig });
    expect(consequenceLines(result.consequences!)).toEqual([
      `DaemonSet ops/agent: rolls out, 3 pods replaced by 3 new, 1 node at a time; stalls there: 1 pod cannot be scheduled: ${AGENT_PENDING}`,
      'DaemonSet ops/shipper: rolls out, 3 pods replaced by 3 new, the new pod starting beside the old one on 1 node at a time',
      'DaemonSet ops/watcher: template changed; the 3 pods keep the old one until deleted (OnDelete)',
    ]);
    expect(result.findings.map(briefAt)).toEqual([
      `21:3 rollout-stalls the rollout of DaemonSet ops/agent stalls: 0 of 3 nodes updated; 1 new pod cannot be scheduled, its node running no pod of it (maxUnavailable 1): ${AGENT_PENDING}`,
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { diff } from '../../src/commands/diff.js';
import { consequenceLines } from '../../src/report/diff-consequences.js';
import { briefAt } from '../helpers/findings.js';

/** Three workers of 4 CPU: the `search` surge pod (3500m) finds no room beside the old ones. */
const clusterConfig = {
  nodeGroups: [{ name: 'worker', count: 3, cpu: '4', memory: '16Gi', zones: ['z1'] }],
  file: '.kubeplan.yaml',
};
const DIR = 'fixtures/diff/consequences';
const UNSCHEDULABLE =
  '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';

describe('consequences', () => {
  it('says how each workload rolls out or scales, which Services lose endpoints and which routes move', async () => {
    const result = await diff([`${DIR}/desired.yaml`], { current: [`${DIR}/current.yaml`], clusterConfig });
    expect(consequenceLines(result.consequences!)).toEqual([
      // kube-scheduler v1.36's BalancedAllocation packs the pods so that one node has no room left
      // for its new log-agent pod.
      "DaemonSet store/log-agent: rolls out, 3 pods replaced by 3 new, 1 node at a time; stalls there: 1 pod cannot be scheduled: 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
      'Deployment store/mailer: rolls out, 2 pods replaced by 2 new (Recreate: the old pods stop before the new ones start): old 2→0, new 0→2',
      `Deployment store/search: rolls out, 2 pods replaced by 2 new (RollingUpdate, maxSurge 1, maxUnavailable 0): new 0→1; stalls there: 1 pod cannot be scheduled: ${UNSCHEDULABLE}`,
      'Deployment store/web: rolls out, 4 pods replaced by 4 new (RollingUpdate, maxSurge 1, maxUnavailable 1): new 0→1, old 4→3, new 1→2, old 3→2, new 2→3, old 2→1, new 3→4, old 1→0',
      'Deployment store/worker: scales 1 → 3 pods',
      'StatefulSet store/db: rolls out, db-2, db-1 replaced one at a time; pods below ordinal 1 keep the old template (partition)',
      'Service store/mail: 2 → 0 ready endpoints',
      'Ingress store/store store.example.com/mail: mail:25 → web:80',
    ]);
    expect(result.findings.map(briefAt)).toEqual([
      `26:13 rollout-stalls the rollout of Deployment store/search stalls: 1 new pod cannot be scheduled beside the 2 running ones: ${UNSCHEDULABLE}`,
      "84:3 rollout-stalls the rollout of DaemonSet store/log-agent stalls: 2 of 3 nodes updated; 1 new pod cannot be scheduled, its node running no pod of it (maxUnavailable 1): 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
      '104:13 service-endpoints-lost Service store/mail loses all 2 ready endpoints: no pod of the new state matches its selector with a ready port, so its clients get no answer',
    ]);
  });

  it('runs on the node groups of the configuration when no nodes are given', async () => {
    const config = { cluster: { nodeGroups: [{ name: 'big', count: 3, cpu: '16', memory: '64Gi' }] } };
    const result = await diff([`${DIR}/desired.yaml`], { current: [`${DIR}/current.yaml`], config });
    expect(consequenceLines(result.consequences!)[2]).toBe(
      'Deployment store/search: rolls out, 2 pods replaced by 2 new (RollingUpdate, maxSurge 1, maxUnavailable 0): new 0→1, old 2→1, new 1→2, old 1→0',
    );
    expect(result.findings.map((f) => f.ruleId)).toEqual(['service-endpoints-lost']);
  });

  it('deletes the pods of pruned workloads with them', async () => {
    const pruned = await diff([`${DIR}/current.yaml`], {
      current: [`${DIR}/current.yaml`, `${DIR}/extra.yaml`],
      clusterConfig,
      prune: true,
    });
    expect(pruned.changes.filter((c) => c.action === 'delete').map((c) => c.ref.name)).toEqual(['reports']);
    expect(consequenceLines(pruned.consequences!)).toEqual(['Deployment store/reports: deletes its 2 pods']);
  });

  it('leaves a refused change out of the plan: the object stays as it is', async () => {
    const result = await diff([`${DIR}/refused.yaml`], { current: [`${DIR}/current.yaml`], clusterConfig });
    const web = result.changes.find((c) => c.ref.name === 'web' && c.ref.kind === 'Deployment')!;
    expect(web.refused).toBe('spec.replicas: expected integer, got string "four"');
    expect(result.consequences!.workloads).toEqual([]);
    expect(result.findings.map(briefAt)).toEqual([
      '8:13 object-rejected the API server refuses this object, so the plan leaves it out: spec.replicas: expected integer, got string "four"',
    ]);
  });
});

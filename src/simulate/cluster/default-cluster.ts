import type { KubeObject } from '../../model/manifest.js';
import { nodeGroupsToNodes, type NodeGroup } from './node-groups.js';

/**
 * The cluster `kubeplan plan` assumes when given none: a small production-like cluster in one
 * region, six workers spread over three zones, and one control-plane node that carries the
 * usual `NoSchedule` taint (so a pod that fits nowhere shows the taint in its message, as on a
 * real cluster). Worker sizes are those of a common 4 vCPU / 16 GiB instance after the kubelet's
 * system and eviction reservations; the control plane is a 2 vCPU / 8 GiB instance. No system
 * pods are modelled: the allocatable figures already leave room for the node's own daemons.
 * docs/cluster-model.md describes it.
 */
export const DEFAULT_NODE_GROUPS: readonly NodeGroup[] = [
  {
    name: 'control-plane',
    count: 1,
    cpu: '1930m',
    memory: '7220Mi',
    pods: 110,
    zones: ['region-1a'],
    instanceType: 'standard-2-8',
    labels: { 'node-role.kubernetes.io/control-plane': '' },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  },
  {
    name: 'worker',
    count: 6,
    cpu: '3920m',
    memory: '14880Mi',
    pods: 110,
    zones: ['region-1a', 'region-1b', 'region-1c'],
    instanceType: 'standard-4-16',
  },
];

/** The embedded default cluster as Node objects. */
export function defaultClusterNodes(): KubeObject[] {
  return nodeGroupsToNodes(DEFAULT_NODE_GROUPS).nodes;
}

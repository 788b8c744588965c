import type { KubeObject } from '../../model/manifest.js';
import { parseQuantity } from '../../model/quantity.js';
import { DEFAULT_MAX_PODS } from '../scheduler/resources.js';

/**
 * The compact cluster description of `.kubeplan.yaml` (`cluster.nodeGroups`): groups of
 * identical nodes. `nodeGroupsToNodes` turns it into the Node objects a real cluster would show.
 */
export interface NodeGroup {
  /** Node names are `<name>-<n>`, n from 1. */
  name: string;
  count: number;
  /** Allocatable CPU, memory and pods (quantities as in a manifest: `3920m`, `14880Mi`). */
  cpu: string | number;
  memory: string | number;
  /** Defaults to 110, the kubelet's default. */
  pods?: number;
  ephemeralStorage?: string | number;
  /** Nodes are spread over these zones round-robin (label `topology.kubernetes.io/zone`). */
  zones?: string[];
  /** Label `node.kubernetes.io/instance-type`. */
  instanceType?: string;
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }>;
  /** Cordoned nodes (`spec.unschedulable`). */
  unschedulable?: boolean;
}

/** JSON Schema of `cluster.nodeGroups`, for the configuration loader. */
export const NODE_GROUPS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'count', 'cpu', 'memory'],
    properties: {
      name: {
        type: 'string',
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
        maxLength: 50,
        description:
          'use lowercase letters, digits and "-", starting and ending with a letter or digit (it names the nodes <name>-1, <name>-2, ...)',
      },
      count: { type: 'integer', minimum: 0, maximum: 10000 },
      cpu: { type: ['string', 'number'] },
      memory: { type: ['string', 'number'] },
      pods: { type: 'integer', minimum: 0 },
      ephemeralStorage: { type: ['string', 'number'] },
      zones: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
      instanceType: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      taints: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['key', 'effect'],
          properties: {
            key: { type: 'string', minLength: 1 },
            value: { type: 'string' },
            effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
          },
        },
      },
      unschedulable: { type: 'boolean' },
    },
  },
} as const;

/** A problem in the compact form: the JSON pointer under `nodeGroups` and what is wrong. */
export interface NodeGroupProblem {
  pointer: string;
  message: string;
}

/**
 * Node objects for the groups, in group order then by number. A value that is not a quantity
 * is reported and its group skipped, so one typo never yields a node without CPU. Pure.
 */
export function nodeGroupsToNodes(groups: readonly NodeGroup[]): { nodes: KubeObject[]; problems: NodeGroupProblem[] } {
  const nodes: KubeObject[] = [];
  const problems: NodeGroupProblem[] = [];
  const seen = new Set<string>();
  groups.forEach((group, g) => {
    const bad = (['cpu', 'memory', 'ephemeralStorage'] as const).filter(
      (k) => group[k] !== undefined && parseQuantity(group[k]) === undefined,
    );
    for (const k of bad)
      problems.push({
        pointer: `/${g}/${k}`,
        message: `node group ${group.name}: ${k} ${JSON.stringify(group[k])} is not a quantity (e.g. 4, 3920m, 16Gi); group skipped`,
      });
    if (seen.has(group.name))
      problems.push({
        pointer: `/${g}/name`,
        message: `node group ${group.name} is defined twice; the second is skipped`,
      });
    if (bad.length || seen.has(group.name)) return;
    seen.add(group.name);
    for (let i = 0; i < group.count; i++) nodes.push(groupNode(group, i));
  });
  return { nodes, problems };
}

function groupNode(group: NodeGroup, index: number): KubeObject {
  const name = `${group.name}-${index + 1}`;
  const labels: Record<string, string> = {
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (group.instanceType) labels['node.kubernetes.io/instance-type'] = group.instanceType;
  if (group.zones?.length) {
    const zone = group.zones[index % group.zones.length]!;
    labels['topology.kubernetes.io/zone'] = zone;
    // A zone named like `region-1a` implies its region, as cloud providers label them.
    const region = /^(.*\d)[a-z]$/.exec(zone)?.[1];
    if (region) labels['topology.kubernetes.io/region'] = region;
  }
  Object.assign(labels, group.labels);
  const allocatable: Record<string, string> = {
    cpu: String(group.cpu),
    'ephemeral-storage': String(group.ephemeralStorage ?? '95Gi'),
    memory: String(group.memory),
    pods: String(group.pods ?? DEFAULT_MAX_PODS),
  };
  const spec: Record<string, unknown> = {};
  if (group.taints?.length)
    spec.taints = group.taints.map((t) => ({
      key: t.key,
      ...(t.value !== undefined ? { value: t.value } : {}),
      effect: t.effect,
    }));
  if (group.unschedulable) spec.unschedulable = true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: sortKeys(labels) },
    spec,
    status: {
      allocatable,
      capacity: { ...allocatable },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
    },
  };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

import { findingAt, type Finding } from '../../model/finding.js';
import type { KubeObject, Manifest } from '../../model/manifest.js';
import { parseQuantity } from '../../model/quantity.js';
import { loadManifests, type LoadOptions } from '../../load/load-manifests.js';
import { applyDefaults } from '../defaults/index.js';
import { isCyclic } from '../../model/copy-json.js';
import { pushTo } from '../../model/maps.js';
import { isObject, objectAt } from '../../model/json.js';

export interface LoadedCluster {
  /** Valid Node objects, defaulted, in input order. */
  nodes: KubeObject[];
  /** The manifest each node came from, for positioned findings. */
  sources: Map<string, Manifest>;
  findings: Finding[];
  ioErrors: number;
}

const TAINT_EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/**
 * Reads `--cluster` inputs: Node objects, `List`s or `NodeList`s such as `kubectl get nodes -o
 * yaml`. Other kinds are skipped with an info finding. A node without a name, or with a name
 * seen before, is skipped with an error; a bad resource value or taint is dropped with an
 * error (the rest of the node is kept, so one typo does not hide a whole node).
 */
export async function loadCluster(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedCluster> {
  const loaded = await loadManifests(paths, options);
  const result: LoadedCluster = {
    nodes: [],
    sources: new Map(),
    findings: [...loaded.findings],
    ioErrors: loaded.ioErrors,
  };
  const others = new Map<string, Manifest[]>();
  for (const manifest of loaded.manifests) {
    if (manifest.object.kind !== 'Node' || manifest.object.apiVersion !== 'v1') {
      pushTo(others, manifest.source.file, manifest);
      continue;
    }
    const node = checkNode(manifest, result.findings);
    if (!node) continue;
    const name = (node.metadata as { name: string }).name;
    if (result.sources.has(name)) {
      result.findings.push(
        findingAt(manifest, {
          ruleId: 'cluster-node-invalid',
          severity: 'error',
          message: `node ${name} is defined twice; the second definition is ignored`,
          pointer: '/metadata/name',
          phase: 'simulate',
        }),
      );
      continue;
    }
    result.sources.set(name, manifest);
    result.nodes.push(node);
  }
  // One finding per file: a whole cluster dump passed by mistake would give thousands.
  for (const ignored of others.values()) {
    const names = ignored
      .slice(0, 3)
      .map((m) => `${m.ref.kind} ${m.ref.name}`)
      .join(', ');
    const what =
      ignored.length === 1 ? names : `${ignored.length} other objects (${names}${ignored.length > 3 ? ', ...' : ''})`;
    result.findings.push(
      findingAt(ignored[0]!, {
        ruleId: 'cluster-object-ignored',
        severity: 'info',
        message: `--cluster takes Node objects; ${what} ${ignored.length === 1 ? 'is' : 'are'} ignored (objects already in the cluster belong in --current)`,
        pointer: '/kind',
        phase: 'simulate',
      }),
    );
  }
  return result;
}

/** The node as the simulation uses it, or undefined when it cannot be used at all. */
function checkNode(manifest: Manifest, findings: Finding[]): KubeObject | undefined {
  const report = (pointer: string, message: string, severity: Finding['severity'] = 'error'): void => {
    findings.push(
      findingAt(manifest, { ruleId: 'cluster-node-invalid', severity, message, pointer, phase: 'simulate' }),
    );
  };
  const { object } = manifest;
  if (isCyclic(object)) {
    report('', 'node contains itself through a YAML alias; ignored');
    return undefined;
  }
  const metadata = objectAt(object, 'metadata');
  if (!metadata || typeof metadata.name !== 'string' || metadata.name === '') {
    report('/metadata', 'node has no metadata.name; ignored');
    return undefined;
  }
  const node = applyDefaults(object);
  const name = metadata.name;
  const status = objectAt(node, 'status');
  const allocatable = status && objectAt(status, 'allocatable');
  if (!allocatable) {
    report(
      '/status',
      `node ${name} has neither status.allocatable nor status.capacity; no pod that requests resources fits on it`,
      'warning',
    );
  } else {
    const base = isObject(objectAt(object, 'status')?.allocatable) ? '/status/allocatable' : '/status/capacity';
    for (const [resource, value] of Object.entries(allocatable)) {
      const quantity = parseQuantity(value);
      if (quantity === undefined || quantity.num < 0n) {
        report(
          `${base}/${resource.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          `node ${name}: allocatable ${resource} ${JSON.stringify(value)} is not ${quantity ? 'a quantity of at least 0' : 'a quantity'}; treated as 0`,
        );
        allocatable[resource] = '0';
      }
    }
  }
  const spec = objectAt(node, 'spec');
  if (spec && spec.unschedulable !== undefined && typeof spec.unschedulable !== 'boolean') {
    report(
      '/spec/unschedulable',
      `node ${name}: spec.unschedulable ${JSON.stringify(spec.unschedulable)} is not true or false; the node counts as schedulable`,
    );
    delete spec.unschedulable;
  }
  if (spec && spec.taints !== undefined) {
    if (!Array.isArray(spec.taints)) {
      report('/spec/taints', `node ${name}: spec.taints is not a list; ignored`);
      delete spec.taints;
    } else {
      spec.taints = spec.taints.filter((taint, i) => {
        const ok =
          isObject(taint) &&
          typeof taint.key === 'string' &&
          taint.key !== '' &&
          TAINT_EFFECTS.has(String(taint.effect)) &&
          (taint.value === undefined || typeof taint.value === 'string');
        if (!ok)
          report(
            `/spec/taints/${i}`,
            `node ${name}: a taint needs a key, a string value if any, and an effect of NoSchedule, PreferNoSchedule or NoExecute; this one is ignored`,
          );
        return ok;
      });
    }
  }
  return node;
}

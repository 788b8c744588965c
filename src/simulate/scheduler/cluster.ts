/**
 * The scheduler's view of the cluster during one schedule() call: nodes in name order with numeric
 * vectors of allocatable and requested resources, the pods on each node, host ports in use, and
 * counters of pods matching each selector in use, per node and per topology domain (kept up to date
 * as pods are placed or evicted, so spreading and inter-pod affinity never rescan every pod).
 */
import type { INode } from 'kubernetes-models/v1/Node';
import { cached } from '../../model/maps.js';
import { type DomainCounts, type DomainMap, sumByDomain } from './domains.js';
import { type AffinityTerm, type PodInfo, termMatches } from './pod-info.js';
import { nodeAllocatable } from './resources.js';
import { asArray, asStringMap, dig, isObject, objectsIn } from '../../model/json.js';
import { CPU, EPHEMERAL_STORAGE, MEMORY } from '../../model/resource-names.js';
import { type Labels, type Selector, labelIndexKey, requiredLabel } from '../../model/selectors/label-selector.js';
import { type Taint, readTaints } from '../../model/selectors/tolerations.js';

export interface NodeModel {
  name: string;
  labels: Labels;
  /** Number of labels; nodes without any take no part in inter-pod affinity scoring. */
  labelCount: number;
  taints: Taint[];
  unschedulable: boolean;
  node: INode;
}

/** A predicate over pods with a count of matching pods per node. */
export interface Matcher {
  test(p: PodInfo): boolean;
  perNode: Int32Array;
  /** The same counts summed per domain, for the domain maps asked for so far (by DomainMap key). */
  domains: Map<string, DomainCounts>;
}

/** Terms carried by placed pods (for symmetry and scoring): how many holders each node has. */
export interface HeldTermGroup {
  term: AffinityTerm;
  /** requiredAnti, requiredAffinity, or a preferred kind with its signed weight. */
  kind: 'requiredAnti' | 'requiredAffinity' | 'preferred';
  weight: number;
  perNode: Int32Array;
  /** Holders on all nodes; groups at 0 are skipped. */
  total: number;
}

export interface Topology {
  /** Per node, the index of its value in `values`; -1 when the node lacks the label. */
  valueIdOf: Int32Array;
  values: string[];
  /**
   * Per node, its domain as kube-scheduler's spreading reads it, which takes a missing label for
   * the value "": valueIdOf, or for a node without the label the index of "" in `values` when a node
   * has that value, else `values.length`.
   */
  slotOf: Int32Array;
  /** values.length + 1. */
  slots: number;
}

/** Images on nodes (node.status.images), for ImageLocality. */
export interface NodeImages {
  hasAny: boolean;
  /** Per node, the image names it has. */
  byNode: Array<Set<string>>;
  /** Per name: the size first reported (in node name order) and how many nodes have it. */
  byName: Map<string, { size: number; nodes: number }>;
}

export interface Placed {
  info: PodInfo;
  node: number;
}

function nodeModel(node: INode): NodeModel | undefined {
  const meta = isObject(node?.metadata) ? node.metadata : {};
  if (typeof meta.name !== 'string' || meta.name === '') return undefined;
  const labels = asStringMap(meta.labels);
  const spec = isObject(node.spec) ? node.spec : {};
  return {
    name: meta.name,
    labels,
    labelCount: Object.keys(labels).length,
    taints: readTaints(spec.taints),
    unschedulable: spec.unschedulable === true,
    node,
  };
}

function readImages(nodes: readonly NodeModel[]): NodeImages {
  const byName = new Map<string, { size: number; nodes: number }>();
  const byNode = nodes.map((m) => {
    const names = new Set<string>();
    for (const image of objectsIn(dig(m.node, 'status', 'images'))) {
      const size = typeof image.sizeBytes === 'number' ? image.sizeBytes : 0;
      for (const name of asArray(image.names)) {
        if (typeof name !== 'string' || names.has(name)) continue;
        names.add(name);
        const known = byName.get(name);
        if (known) known.nodes++;
        else byName.set(name, { size, nodes: 1 });
      }
    }
    return names;
  });
  return { hasAny: byName.size > 0, byNode, byName };
}

export class Cluster {
  readonly nodes: NodeModel[];
  readonly nodeIndex = new Map<string, number>();
  /** Resource names; index 0 cpu, 1 memory, 2 ephemeral-storage, then scalar resources. */
  readonly resourceNames: string[] = [CPU, MEMORY, EPHEMERAL_STORAGE];
  readonly resourceIndex = new Map<string, number>([
    [CPU, 0],
    [MEMORY, 1],
    [EPHEMERAL_STORAGE, 2],
  ]);
  R = 0;
  allocatable!: Float64Array;
  requested!: Float64Array;
  nonZeroCpu: Float64Array;
  nonZeroMemory: Float64Array;
  maxPods: Int32Array;
  podCount: Int32Array;
  /** Bumped on every pod placed on or removed from the node: cached per-node results compare it. */
  readonly nodeVersion: Int32Array;
  readonly pods: Placed[][];
  /** Every node a pod was placed on or removed from, in order: caches catch up from where they were. */
  readonly changes: number[] = [];
  /** Placed pods by label (labelIndexKey), so a new counter tests only pods its selector can match. */
  private readonly placedByLabel = new Map<string, Set<Placed>>();
  /** Host ports in use per node, as "ip|protocol|port"; only nodes that have any. */
  readonly ports: Array<Map<string, number> | undefined>;
  private readonly matchers = new Map<string, Matcher>();
  /** Matchers and held groups by a label their pods must carry, so a pod is tested only against those that can select it. */
  private readonly matcherIndex = new LabelIndex<Matcher>();
  private readonly heldIndex = new LabelIndex<HeldTermGroup>();
  readonly heldGroups = new Map<string, HeldTermGroup>();
  /** Placed pods' required anti-affinity terms: when 0, the symmetry check is skipped. */
  antiAffinityHolders = 0;
  private readonly topologies = new Map<string, Topology>();
  private readonly domainMaps = new Map<string, DomainMap>();
  private readonly allocatableByNode: Array<Map<string, number>>;
  readonly images: NodeImages;

  constructor(
    nodes: readonly INode[],
    readonly namespaceLabels: (ns: string) => Labels,
  ) {
    const models: NodeModel[] = [];
    for (const n of nodes) {
      const m = nodeModel(n);
      if (m) models.push(m);
    }
    // Name order makes every result independent of input order; a repeated name keeps its first node.
    models.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.nodes = [];
    for (const m of models) {
      if (this.nodeIndex.has(m.name)) continue;
      this.nodeIndex.set(m.name, this.nodes.length);
      this.nodes.push(m);
    }
    const N = this.nodes.length;
    this.nonZeroCpu = new Float64Array(N);
    this.nonZeroMemory = new Float64Array(N);
    this.maxPods = new Int32Array(N);
    this.podCount = new Int32Array(N);
    this.nodeVersion = new Int32Array(N);
    this.pods = Array.from({ length: N }, () => []);
    this.ports = new Array(N).fill(undefined);
    this.images = readImages(this.nodes);
    this.allocatableByNode = this.nodes.map((m, i) => {
      const a = nodeAllocatable(m.node);
      this.maxPods[i] = a.pods;
      for (const name of a.resources.keys()) this.resourceId(name);
      return a.resources;
    });
  }

  get N(): number {
    return this.nodes.length;
  }

  /** Registers a resource name; call for every pod before freeze(). */
  resourceId(name: string): number {
    let id = this.resourceIndex.get(name);
    if (id === undefined) {
      id = this.resourceNames.length;
      this.resourceNames.push(name);
      this.resourceIndex.set(name, id);
    }
    return id;
  }

  /** Allocates the resource vectors once every resource name is known. */
  freeze(): void {
    this.R = this.resourceNames.length;
    const R = this.R;
    this.allocatable = new Float64Array(this.N * R);
    this.requested = new Float64Array(this.N * R);
    this.allocatableByNode.forEach((resources, n) => {
      for (const [name, value] of resources) this.allocatable[n * R + this.resourceIndex.get(name)!] = value;
    });
  }

  topology(key: string): Topology {
    let t = this.topologies.get(key);
    if (!t) {
      const valueIdOf = new Int32Array(this.N).fill(-1);
      const values: string[] = [];
      const ids = new Map<string, number>();
      this.nodes.forEach((node, n) => {
        if (!Object.hasOwn(node.labels, key)) return;
        const v = node.labels[key]!;
        let id = ids.get(v);
        if (id === undefined) {
          id = values.length;
          values.push(v);
          ids.set(v, id);
        }
        valueIdOf[n] = id;
      });
      const missing = ids.get('') ?? values.length;
      const slotOf = valueIdOf.map((v) => (v >= 0 ? v : missing));
      t = { valueIdOf, values, slotOf, slots: values.length + 1 };
      this.topologies.set(key, t);
    }
    return t;
  }

  /**
   * The counter of placed pods satisfying `test`, created on first use. `selector`: a label
   * selector all selected pods satisfy; when it requires a label, only pods with that label are
   * tested, now and as pods come and go.
   */
  matcher(key: string, selector: Selector, test: (p: PodInfo) => boolean): Matcher {
    let m = this.matchers.get(key);
    if (!m) {
      const perNode = new Int32Array(this.N);
      const label = requiredLabel(selector);
      if (label === undefined) {
        for (let n = 0; n < this.N; n++) for (const p of this.pods[n]!) if (test(p.info)) perNode[n]!++;
      } else {
        for (const p of this.placedByLabel.get(label) ?? []) if (test(p.info)) perNode[p.node]!++;
      }
      m = { test, perNode, domains: new Map() };
      this.matchers.set(key, m);
      this.matcherIndex.add(label, m);
    }
    return m;
  }

  /** The domain map named `key`, built on first use (it depends on node labels only, which do not change). */
  domainMap(key: string, build: () => DomainMap): DomainMap {
    return cached(this.domainMaps, key, build);
  }

  /** The matcher's counts summed per domain of `map`, kept up to date from the first call on. */
  domainCounts(m: Matcher, map: DomainMap): Int32Array {
    return cached(m.domains, map.key, () => ({ map, counts: sumByDomain(map, m.perNode) })).counts;
  }

  termMatcher(term: AffinityTerm): Matcher {
    return this.matcher(`term|${term.key}`, term.selector, (p) => termMatches(term, p, this.namespaceLabels));
  }

  /** Held groups whose term may select this pod (each still has to be tested). */
  heldGroupsFor(pod: PodInfo): HeldTermGroup[] {
    return this.heldIndex.candidates(pod.labels);
  }

  add(p: Placed): void {
    this.update(p, 1);
    this.pods[p.node]!.push(p);
    for (const key in p.info.labels) {
      const label = labelIndexKey(key, p.info.labels[key]!);
      const set = this.placedByLabel.get(label);
      if (set) set.add(p);
      else this.placedByLabel.set(label, new Set([p]));
    }
  }

  remove(p: Placed): void {
    const list = this.pods[p.node]!;
    const i = list.indexOf(p);
    if (i < 0) return;
    list.splice(i, 1);
    this.update(p, -1);
    for (const key in p.info.labels) this.placedByLabel.get(labelIndexKey(key, p.info.labels[key]!))?.delete(p);
  }

  private update(p: Placed, sign: 1 | -1): void {
    const { info, node } = p;
    const R = this.R;
    for (const [name, value] of info.resources.requests) {
      const id = this.resourceIndex.get(name);
      if (id !== undefined) this.requested[node * R + id]! += sign * value;
    }
    this.nonZeroCpu[node]! += sign * info.resources.nonZeroCpu;
    this.nonZeroMemory[node]! += sign * info.resources.nonZeroMemory;
    this.podCount[node]! += sign;
    this.nodeVersion[node]!++;
    this.changes.push(node);
    if (info.hostPorts.length > 0) {
      const used = this.ports[node] ?? new Map<string, number>();
      this.ports[node] = used;
      for (const hp of info.hostPorts) {
        const key = `${hp.ip}|${hp.protocol}|${hp.port}`;
        const count = (used.get(key) ?? 0) + sign;
        if (count > 0) used.set(key, count);
        else used.delete(key);
      }
    }
    for (const m of this.matcherIndex.candidates(info.labels)) {
      if (!m.test(info)) continue;
      m.perNode[node]! += sign;
      for (const { map, counts } of m.domains.values()) {
        const slot = map.slotOf[node]!;
        if (slot >= 0) counts[slot]! += sign;
      }
    }
    this.updateHeld(info, node, sign);
  }

  private updateHeld(info: PodInfo, node: number, sign: 1 | -1): void {
    const hold = (term: AffinityTerm, kind: HeldTermGroup['kind'], weight: number): void => {
      const key = `${kind}|${weight}|${term.topologyKey}|${term.key}`;
      let g = this.heldGroups.get(key);
      if (!g) {
        g = { term, kind, weight, perNode: new Int32Array(this.N), total: 0 };
        this.heldGroups.set(key, g);
        this.heldIndex.add(requiredLabel(term.selector), g);
      }
      g.perNode[node]! += sign;
      g.total += sign;
      if (kind === 'requiredAnti') this.antiAffinityHolders += sign;
    };
    for (const t of info.requiredAntiAffinity) hold(t, 'requiredAnti', 0);
    for (const t of info.requiredAffinity) hold(t, 'requiredAffinity', 1);
    for (const t of info.preferredAffinity) hold(t, 'preferred', t.weight);
    for (const t of info.preferredAntiAffinity) hold(t, 'preferred', -t.weight);
  }
}

/** Items keyed by a label their pods must carry; items without one are candidates for every pod. */
class LabelIndex<T> {
  private readonly byLabel = new Map<string, T[]>();
  private readonly always: T[] = [];

  add(label: string | undefined, item: T): void {
    if (label === undefined) {
      this.always.push(item);
      return;
    }
    const list = this.byLabel.get(label);
    if (list) list.push(item);
    else this.byLabel.set(label, [item]);
  }

  candidates(labels: Labels): T[] {
    if (this.byLabel.size === 0) return this.always;
    const out = this.always.slice();
    for (const key in labels) {
      const list = this.byLabel.get(labelIndexKey(key, labels[key]!));
      if (list) for (const item of list) out.push(item);
    }
    return out;
  }
}

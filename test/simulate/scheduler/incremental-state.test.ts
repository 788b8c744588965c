/**
 * The state the scheduler keeps up to date instead of recomputing per pod: matching pods per
 * topology domain, default-spread selectors from an index of Services and controllers, and the
 * requests shared by pods written alike.
 */
import { describe, expect, it } from '@jest/globals';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Cluster, type Placed } from '../../../src/simulate/scheduler/cluster.js';
import { DefaultSpreadSelectors } from '../../../src/simulate/scheduler/default-spread.js';
import { domainMap, sumByDomain } from '../../../src/simulate/scheduler/domains.js';
import { podInfo, podReader } from '../../../src/simulate/scheduler/pod-info.js';
import { requestsKey, schedulingRequests } from '../../../src/simulate/scheduler/resources.js';
import { node, pod } from './builders.js';
import { compileLabelSelector, selectorMatches } from '../../../src/model/selectors/label-selector.js';

const ZONE = 'topology.kubernetes.io/zone';

describe('matching pods per domain', () => {
  it('stay equal to a fresh count as pods are placed and removed', () => {
    const nodes = [
      node('a', { labels: { [ZONE]: 'z1' } }),
      node('b', { labels: { [ZONE]: 'z2' } }),
      node('c', { labels: { [ZONE]: 'z1' } }),
      node('d'),
      node('e', { labels: { [ZONE]: '' } }),
    ];
    const cluster = new Cluster(nodes, () => ({}));
    cluster.freeze();
    const selector = compileLabelSelector({ matchLabels: { app: 'web' } });
    const placed: Placed[] = [];
    const place = (name: string, app: string, n: number): void => {
      const p = { info: podInfo(pod(name, { labels: { app } })), node: n };
      cluster.add(p);
      placed.push(p);
    };
    place('early', 'web', 0);
    place('other', 'db', 1);
    const matcher = cluster.matcher('web', selector, (p) => selectorMatches(selector, p.labels));
    const topo = cluster.topology(ZONE);
    // Nodes without the label count in the "" domain, as Go reads a missing label; node c is left out.
    const map = domainMap('zone-but-c', topo, (n) => n !== 2);
    const counts = cluster.domainCounts(matcher, map);
    const check = (): void => expect([...counts]).toEqual([...sumByDomain(map, matcher.perNode)]);
    check();
    expect(topo.values).toEqual(['z1', 'z2', '']);
    expect([...topo.slotOf]).toEqual([0, 1, 0, 2, 2]);
    place('w1', 'web', 0);
    place('w2', 'web', 2);
    place('w3', 'web', 3);
    place('w4', 'web', 4);
    check();
    expect([...counts]).toEqual([2, 0, 2, 0]);
    cluster.remove(placed[2]!);
    cluster.remove(placed[5]!);
    check();
    expect([...counts]).toEqual([1, 0, 1, 0]);
    expect(map.domains).toBe(3);
  });
});

describe('default-spread selectors', () => {
  const owned = (
    labels: Record<string, string>,
    kind: string,
    name: string,
    apiVersion = 'apps/v1',
    namespace = 'ns',
  ) => {
    const p = pod('p', { labels, namespace });
    (p.metadata as Record<string, unknown>).ownerReferences = [{ apiVersion, kind, name, controller: true }];
    return podInfo(p);
  };
  const meta = (name: string, namespace = 'ns') => ({ name, namespace });

  it('merges the Services of the namespace in input order and takes the first controller of a name', () => {
    const selectors = new DefaultSpreadSelectors({
      services: [
        { metadata: meta('a'), spec: { selector: { app: 'web' } } },
        { metadata: meta('b'), spec: { selector: { tier: 'front' } } },
        { metadata: meta('c', 'elsewhere'), spec: { selector: { app: 'web' } } },
        { metadata: meta('d'), spec: {} },
      ],
      replicaSets: [
        { metadata: meta('rs'), spec: { selector: { matchLabels: { hash: '1' } } } },
        { metadata: meta('rs'), spec: { selector: { matchLabels: { hash: '2' } } } },
      ],
    });
    const selector = selectors.selectorFor(owned({ app: 'web', tier: 'front', hash: '1' }, 'ReplicaSet', 'rs'));
    expect(selector?.map((r) => `${r.key}=${r.values.join()}`)).toEqual(['app=web', 'hash=1', 'tier=front']);
    // A ReplicaSet outside the apps group, or in another namespace, adds nothing.
    expect(selectors.selectorFor(owned({ app: 'web' }, 'ReplicaSet', 'rs', 'extensions/v1beta1'))?.length).toBe(1);
    expect(selectors.selectorFor(owned({ x: 'y' }, 'ReplicaSet', 'rs', 'apps/v1', 'other'))).toEqual([]);
  });

  it('reads lists that are not lists as empty', () => {
    const selectors = new DefaultSpreadSelectors({ services: 'none' as never, replicaSets: {} as never });
    expect(selectors.selectorFor(owned({ app: 'web' }, 'ReplicaSet', 'rs'))).toEqual([]);
  });
});

describe('requests shared by pods written alike', () => {
  const withRequests = (requests: Record<string, unknown>): IPod =>
    ({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { requests } }] } }) as unknown as IPod;

  it('are one object for pods alike and tell apart what JSON would merge', () => {
    const read = podReader();
    expect(read(withRequests({ cpu: '1' })).resources).toBe(read(withRequests({ cpu: '1' })).resources);
    // Specs JSON would write alike are read apart; a request that is not a quantity counts as absent.
    const unset = read(withRequests({}));
    const undefinedCpu = read(withRequests({ cpu: undefined }));
    expect(undefinedCpu.resources).not.toBe(unset.resources);
    expect(undefinedCpu.resources).toEqual(schedulingRequests(withRequests({ cpu: undefined })));
    expect(unset.resources.nonZeroCpu).toBe(100);
    expect(undefinedCpu.resources.nonZeroCpu).toBe(100);
  });

  it('are read on their own for a spec that cannot be written out', () => {
    const cyclic = withRequests({ cpu: '1' });
    (cyclic.spec!.containers[0]!.resources as Record<string, unknown>).self = cyclic.spec;
    expect(requestsKey(cyclic)).toBeUndefined();
    expect(podReader()(cyclic).resources.requests.get('cpu')).toBe(1000);
    // An object that writes itself out as a quantity is not one.
    const disguised = withRequests({ cpu: { toJSON: () => '1' } });
    expect(requestsKey(disguised)).toBeUndefined();
    expect(podReader()(disguised).resources.requests.get('cpu')).toBeUndefined();
  });
});

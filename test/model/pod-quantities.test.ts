import { describe, expect, it } from '@jest/globals';
import { canonicalizePodSpecQuantities, visitPodSpecQuantities } from '../../src/model/pod-quantities.js';

/** A pod spec with a quantity, written the long way, at every quantity-typed field. */
function podSpec(): Record<string, unknown> {
  return {
    initContainers: [{ name: 'setup', resources: { requests: { cpu: '0.1' } } }],
    containers: [
      { name: 'web', resources: { requests: { cpu: '0.5', memory: '1024Mi' }, limits: { memory: '2048Mi' } } },
    ],
    ephemeralContainers: [{ name: 'debug', resources: { limits: { cpu: '1000m' } } }],
    resources: { requests: { cpu: '2000m' }, limits: { 'hugepages-2Mi': '4096Ki' } },
    overhead: { memory: '131072Ki' },
    volumes: [
      { name: 'scratch', emptyDir: { sizeLimit: '1024Mi' } },
      {
        name: 'cache',
        ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '10240Mi' } } } } },
      },
      { name: 'config', configMap: { name: 'app' } },
    ],
  };
}

describe('the quantities of a pod spec', () => {
  it('puts every quantity-typed field in canonical form and leaves other values as written', () => {
    const spec = podSpec();
    (spec.containers as Array<Record<string, unknown>>).push({ name: 'odd', resources: { requests: { cpu: 'lots' } } });
    canonicalizePodSpecQuantities(spec);
    expect(spec).toEqual({
      initContainers: [{ name: 'setup', resources: { requests: { cpu: '100m' } } }],
      containers: [
        { name: 'web', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } } },
        { name: 'odd', resources: { requests: { cpu: 'lots' } } },
      ],
      ephemeralContainers: [{ name: 'debug', resources: { limits: { cpu: '1' } } }],
      resources: { requests: { cpu: '2' }, limits: { 'hugepages-2Mi': '4Mi' } },
      overhead: { memory: '128Mi' },
      volumes: [
        { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } },
        {
          name: 'cache',
          ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '10Gi' } } } } },
        },
        { name: 'config', configMap: { name: 'app' } },
      ],
    });
  });

  it('walks a second spec alongside, container by container of the same list and index', () => {
    const mine = podSpec();
    const theirs = podSpec();
    const seen: string[] = [];
    visitPodSpecQuantities(mine, theirs, (parent, key, other) => {
      seen.push(`${key}=${String(parent[key])}/${String(other?.[key])}`);
    });
    expect(seen).toEqual([
      'cpu=0.1/0.1',
      'cpu=0.5/0.5',
      'memory=1024Mi/1024Mi',
      'memory=2048Mi/2048Mi',
      'cpu=1000m/1000m',
      'cpu=2000m/2000m',
      'hugepages-2Mi=4096Ki/4096Ki',
      'memory=131072Ki/131072Ki',
      'sizeLimit=1024Mi/1024Mi',
      'storage=10240Mi/10240Mi',
    ]);
  });

  it('gives nothing to compare with where the other spec lacks the item', () => {
    const others: Array<Record<string, unknown> | undefined> = [];
    visitPodSpecQuantities(podSpec(), { containers: [] }, (_parent, _key, other) => others.push(other));
    expect(others.every((o) => o === undefined)).toBe(true);
    expect(others).toHaveLength(10);
  });

  it('skips fields that are not objects', () => {
    const seen: string[] = [];
    const spec = { containers: [{ resources: 'x' }, 'y'], overhead: ['1'], volumes: [{ emptyDir: 'z' }] };
    visitPodSpecQuantities(spec, undefined, (_p, key) => seen.push(key));
    expect(seen).toEqual([]);
  });
});

/**
 * One table of pods, three readers of their totals: kube-scheduler (NodeResourcesFit requests and
 * the 100m / 200Mi stand-ins for scoring), the ResourceQuota pod evaluator and LimitRanger's
 * `type: Pod` totals. Every expected value is worked out by hand in the comments from Kubernetes'
 * rules: SetDefaults_Pod (limits stand in for missing requests; pod-level requests default from
 * the containers or the pod-level limits), then component-helpers PodRequests / PodLimits
 * (containers summed, sidecars added to the sum and to every later init step, the largest init
 * step, pod-level values, overhead on requests and on non-zero limits); LimitRanger's own copy
 * (no overhead, pod-level cpu and memory only).
 */
import { describe, expect, it } from '@jest/globals';
import type { IPod } from 'kubernetes-models/v1/Pod';
import {
  isPodLevelRequestsSet,
  isSupportedPodLevelResource,
  LIMIT_RANGER,
  podLimits,
  podRequests,
  type ResourceList,
} from '../../src/model/pod-resources.js';
import { canonicalQuantity } from '../../src/model/quantity.js';
import { checkLimitRanges } from '../../src/simulate/admission/limit-ranger.js';
import { podUsage } from '../../src/simulate/admission/resource-quota.js';
import { schedulingRequests } from '../../src/simulate/scheduler/resources.js';

type Quantities = Record<string, string>;

const Mi = 1024 * 1024;
const Gi = 1024 * Mi;

function c(name: string, requests?: Quantities, limits?: Quantities, extra: Record<string, unknown> = {}) {
  return {
    name,
    image: 'app:1',
    resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
    ...extra,
  };
}
const sidecar = (name: string, requests?: Quantities, limits?: Quantities) =>
  c(name, requests, limits, { restartPolicy: 'Always' });

const shown = (list: ResourceList): Quantities =>
  Object.fromEntries([...list].map(([name, q]) => [name, canonicalQuantity(q)]));

interface Row {
  name: string;
  spec: Record<string, unknown>;
  /** Millicores and bytes (or units) as kube-scheduler counts them. */
  scheduler: { requests: Record<string, number>; nonZeroCpu: number; nonZeroMemory: number };
  /** What the pod uses of a ResourceQuota, canonical quantities. */
  quota: Quantities;
  limitRanger: { requests: Quantities; limits: Quantities };
}

const ROWS: Row[] = [
  {
    // Requests: containers 500m / 128Mi, the init step 2 / 1Gi is larger → 2 / 1Gi. Limits: 1 / 256Mi
    // against 2 / 1Gi → 2 / 1Gi.
    name: 'an init container bigger than the app',
    spec: {
      initContainers: [c('migrate', { cpu: '2', memory: '1Gi' }, { cpu: '2', memory: '1Gi' })],
      containers: [c('app', { cpu: '500m', memory: '128Mi' }, { cpu: '1', memory: '256Mi' })],
    },
    scheduler: { requests: { cpu: 2000, memory: Gi }, nonZeroCpu: 2000, nonZeroMemory: Gi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '2',
      'requests.cpu': '2',
      memory: '1Gi',
      'requests.memory': '1Gi',
      'limits.cpu': '2',
      'limits.memory': '1Gi',
    },
    limitRanger: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } },
  },
  {
    // The sidecar runs beside the app: 1 + 500m = 1500m, 1Gi + 256Mi = 1280Mi. Its own start
    // step (500m / 256Mi) is smaller.
    name: 'a sidecar adds to the sum of the containers',
    spec: {
      initContainers: [sidecar('proxy', { cpu: '500m', memory: '256Mi' })],
      containers: [c('app', { cpu: '1', memory: '1Gi' })],
    },
    scheduler: { requests: { cpu: 1500, memory: 1280 * Mi }, nonZeroCpu: 1500, nonZeroMemory: 1280 * Mi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '1500m',
      'requests.cpu': '1500m',
      memory: '1280Mi',
      'requests.memory': '1280Mi',
    },
    limitRanger: { requests: { cpu: '1500m', memory: '1280Mi' }, limits: {} },
  },
  {
    // Sum: app + proxy = 2 / 1536Mi. Init steps in order: setup alone (proxy starts after it)
    // 3 / 1Gi; proxy 1 / 1Gi; warm beside proxy 2 / 2560Mi. Largest step 3 / 2560Mi → 3 / 2560Mi.
    name: 'restartable init containers count only for the init containers after them',
    spec: {
      initContainers: [
        c('setup', { cpu: '3', memory: '1Gi' }),
        sidecar('proxy', { cpu: '1', memory: '1Gi' }),
        c('warm', { cpu: '1', memory: '1536Mi' }),
      ],
      containers: [c('app', { cpu: '1', memory: '512Mi' })],
    },
    scheduler: { requests: { cpu: 3000, memory: 2560 * Mi }, nonZeroCpu: 3000, nonZeroMemory: 2560 * Mi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '3',
      'requests.cpu': '3',
      memory: '2560Mi',
      'requests.memory': '2560Mi',
    },
    limitRanger: { requests: { cpu: '3', memory: '2560Mi' }, limits: {} },
  },
  {
    // Requests 250m + 100m = 350m and 64Mi, plus overhead 120m / 32Mi → 470m / 96Mi. Scoring: log
    // states no memory, so 200Mi stands in: 64Mi + 200Mi + 32Mi = 296Mi. Limits 500m / 128Mi plus
    // overhead → 620m / 160Mi. LimitRanger adds no overhead.
    name: 'overhead on requests and on the limits that are set',
    spec: {
      containers: [
        c('app', { cpu: '250m', memory: '64Mi' }, { cpu: '500m', memory: '128Mi' }),
        c('log', { cpu: '100m' }),
      ],
      overhead: { cpu: '120m', memory: '32Mi' },
    },
    scheduler: { requests: { cpu: 470, memory: 96 * Mi }, nonZeroCpu: 470, nonZeroMemory: 296 * Mi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '470m',
      'requests.cpu': '470m',
      memory: '96Mi',
      'requests.memory': '96Mi',
      'limits.cpu': '620m',
      'limits.memory': '160Mi',
    },
    limitRanger: { requests: { cpu: '350m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
  },
  {
    // A stated zero stays zero: no 100m stand-in, only the 50m overhead. A zero limit gets no
    // overhead; the memory limit 64Mi does → 80Mi.
    name: 'a zero request and a zero limit beside overhead',
    spec: {
      containers: [c('app', { cpu: '0', memory: '64Mi' }, { cpu: '0', memory: '64Mi' })],
      overhead: { cpu: '50m', memory: '16Mi' },
    },
    scheduler: { requests: { cpu: 50, memory: 80 * Mi }, nonZeroCpu: 50, nonZeroMemory: 80 * Mi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '50m',
      'requests.cpu': '50m',
      memory: '80Mi',
      'requests.memory': '80Mi',
      'limits.cpu': '0',
      'limits.memory': '80Mi',
    },
    limitRanger: { requests: { cpu: '0', memory: '64Mi' }, limits: { cpu: '0', memory: '64Mi' } },
  },
  {
    // Pod-level 2 / 2Gi replace the containers' 750m / 512Mi; overhead 100m → 2100m. Pod-level
    // requests name cpu and memory, so no stand-in applies. Limits 4 / 4Gi, overhead → 4100m.
    name: 'pod-level cpu and memory',
    spec: {
      resources: { requests: { cpu: '2', memory: '2Gi' }, limits: { cpu: '4', memory: '4Gi' } },
      initContainers: [sidecar('proxy', { cpu: '250m' })],
      containers: [c('app', { cpu: '500m', memory: '512Mi' }), c('helper')],
      overhead: { cpu: '100m' },
    },
    scheduler: { requests: { cpu: 2100, memory: 2 * Gi }, nonZeroCpu: 2100, nonZeroMemory: 2 * Gi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '2100m',
      'requests.cpu': '2100m',
      memory: '2Gi',
      'requests.memory': '2Gi',
      'limits.cpu': '4100m',
      'limits.memory': '4Gi',
    },
    limitRanger: { requests: { cpu: '2', memory: '2Gi' }, limits: { cpu: '4', memory: '4Gi' } },
  },
  {
    // component-helpers lets pod-level hugepages replace the containers' 40Mi → 100Mi;
    // LimitRanger's copy knows only cpu and memory, so it keeps 40Mi.
    name: 'pod-level hugepages',
    spec: {
      resources: {
        requests: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '100Mi' },
        limits: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '100Mi' },
      },
      containers: [c('app', { cpu: '500m', memory: '256Mi', 'hugepages-2Mi': '40Mi' }, { 'hugepages-2Mi': '40Mi' })],
    },
    scheduler: {
      requests: { cpu: 1000, memory: Gi, 'hugepages-2Mi': 100 * Mi },
      nonZeroCpu: 1000,
      nonZeroMemory: Gi,
    },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '1',
      'requests.cpu': '1',
      memory: '1Gi',
      'requests.memory': '1Gi',
      'hugepages-2Mi': '100Mi',
      'requests.hugepages-2Mi': '100Mi',
      'limits.cpu': '1',
      'limits.memory': '1Gi',
    },
    limitRanger: {
      requests: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '40Mi' },
      limits: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '40Mi' },
    },
  },
  {
    // Stored, the container requests its limits (SetDefaults_Pod), whoever reads it.
    name: 'a container with limits only',
    spec: { containers: [c('app', undefined, { cpu: '1', memory: '1Gi' })] },
    scheduler: { requests: { cpu: 1000, memory: Gi }, nonZeroCpu: 1000, nonZeroMemory: Gi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '1',
      'requests.cpu': '1',
      memory: '1Gi',
      'requests.memory': '1Gi',
      'limits.cpu': '1',
      'limits.memory': '1Gi',
    },
    limitRanger: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
  },
  {
    // Stored, the pod-level requests are cpu 500m (what the containers request) and memory 2Gi
    // (no container requests memory: the pod-level limit). Both are set, so no stand-in.
    name: 'pod-level limits only',
    spec: {
      resources: { limits: { cpu: '2', memory: '2Gi' } },
      containers: [c('app', { cpu: '500m' })],
    },
    scheduler: { requests: { cpu: 500, memory: 2 * Gi }, nonZeroCpu: 500, nonZeroMemory: 2 * Gi },
    quota: {
      pods: '1',
      'count/pods': '1',
      cpu: '500m',
      'requests.cpu': '500m',
      memory: '2Gi',
      'requests.memory': '2Gi',
      'limits.cpu': '2',
      'limits.memory': '2Gi',
    },
    limitRanger: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
  },
  {
    // `lots` and `2x` are no quantities: absent, so cpu is neither requested nor limited and the
    // 100m stand-in applies for scoring.
    name: 'unparsable quantities',
    spec: { containers: [c('app', { cpu: 'lots', memory: '1Gi' }, { cpu: '2x' })] },
    scheduler: { requests: { memory: Gi }, nonZeroCpu: 100, nonZeroMemory: Gi },
    quota: { pods: '1', 'count/pods': '1', memory: '1Gi', 'requests.memory': '1Gi' },
    limitRanger: { requests: { memory: '1Gi' }, limits: {} },
  },
  {
    // An extended resource is charged under `requests.` only; a name in Kubernetes' namespace not at all.
    name: 'extended resources',
    spec: {
      containers: [
        c(
          'train',
          { cpu: '100m', 'nvidia.com/gpu': '1', 'example.kubernetes.io/widget': '2' },
          { 'nvidia.com/gpu': '1' },
        ),
      ],
    },
    scheduler: {
      requests: { cpu: 100, 'nvidia.com/gpu': 1, 'example.kubernetes.io/widget': 2 },
      nonZeroCpu: 100,
      nonZeroMemory: 200 * Mi,
    },
    quota: { pods: '1', 'count/pods': '1', cpu: '100m', 'requests.cpu': '100m', 'requests.nvidia.com/gpu': '1' },
    limitRanger: {
      requests: { cpu: '100m', 'nvidia.com/gpu': '1', 'example.kubernetes.io/widget': '2' },
      limits: { 'nvidia.com/gpu': '1' },
    },
  },
];

describe.each(ROWS)('$name', (row) => {
  it('kube-scheduler', () => {
    const r = schedulingRequests({ metadata: { name: 'p' }, spec: row.spec } as unknown as IPod);
    expect({
      requests: Object.fromEntries(r.requests),
      nonZeroCpu: r.nonZeroCpu,
      nonZeroMemory: r.nonZeroMemory,
    }).toEqual(row.scheduler);
  });
  it('ResourceQuota usage', () => {
    expect(shown(podUsage(row.spec))).toEqual(row.quota);
  });
  it('LimitRanger pod totals', () => {
    expect({
      requests: shown(podRequests(row.spec, LIMIT_RANGER)),
      limits: shown(podLimits(row.spec, LIMIT_RANGER)),
    }).toEqual(row.limitRanger);
  });
});

describe('LimitRanger type: Pod items read the pod-level resources', () => {
  const range = { metadata: { name: 'limits' }, spec: { limits: [{ type: 'Pod', max: { cpu: '1' } }] } };
  it('refuses pod-level limits above the maximum even when the containers are below it', () => {
    const spec = {
      resources: { requests: { cpu: '2' }, limits: { cpu: '2' } },
      containers: [c('app', { cpu: '500m' }, { cpu: '500m' })],
    };
    expect(checkLimitRanges(spec, [range])).toEqual({
      message: 'maximum cpu usage per Pod is 1, but limit is 2',
      pointer: 'containers/0/resources',
    });
  });
  it('counts no overhead', () => {
    const spec = { containers: [c('app', { cpu: '1' }, { cpu: '1' })], overhead: { cpu: '250m' } };
    expect(checkLimitRanges(spec, [range])).toBeUndefined();
  });
});

describe('the largest init step', () => {
  it('replaces the sum only when larger: an equal one keeps the spelling of the sum (maxResourceList)', () => {
    const spec = {
      initContainers: [c('setup', { memory: '1073741824', cpu: '1500m' })],
      containers: [c('app', { memory: '1Gi', cpu: '1' })],
    };
    expect(shown(podRequests(spec))).toEqual({ memory: '1Gi', cpu: '1500m' });
  });
});

describe('pod-level resources', () => {
  it('support cpu, memory and hugepages (IsSupportedPodLevelResource)', () => {
    expect(
      ['cpu', 'memory', 'hugepages-2Mi', 'ephemeral-storage', 'nvidia.com/gpu', 'pods'].map(
        isSupportedPodLevelResource,
      ),
    ).toEqual([true, true, true, false, false, false]);
  });

  it('count as set when the stored pod-level requests name a supported resource (IsPodLevelRequestsSet)', () => {
    expect(isPodLevelRequestsSet({ resources: { requests: { cpu: '1' } } })).toBe(true);
    expect(isPodLevelRequestsSet({ resources: { requests: { 'hugepages-1Gi': '1Gi' } } })).toBe(true);
    // Pod-level limits give the stored pod pod-level requests.
    expect(isPodLevelRequestsSet({ resources: { limits: { memory: '1Gi' } } })).toBe(true);
    expect(isPodLevelRequestsSet({ resources: { requests: { 'ephemeral-storage': '1Gi' } } })).toBe(false);
    expect(isPodLevelRequestsSet({ resources: {} })).toBe(false);
    expect(isPodLevelRequestsSet({ containers: [c('app', { cpu: '1' })] })).toBe(false);
  });
});

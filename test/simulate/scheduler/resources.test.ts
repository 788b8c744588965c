/**
 * Pod requests as kube-scheduler counts them: component-helpers/resource PodRequests (sidecars,
 * init containers, pod-level requests, overhead) and the non-zero defaults, following the
 * TestPodInfoCalculateResources table of pkg/scheduler/framework/types_test.go; node allocatable.
 */
import { describe, expect, it } from '@jest/globals';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import {
  DEFAULT_MEMORY_REQUEST,
  DEFAULT_MILLI_CPU_REQUEST,
  nodeAllocatable,
  schedulingRequests,
} from '../../../src/simulate/scheduler/resources.js';
import { node, pod, rejections, run } from './builders.js';

const container = (requests?: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  name: 'c',
  image: 'x',
  ...(requests ? { resources: { requests } } : {}),
  ...extra,
});
const requests = (spec: Record<string, unknown>) => {
  const r = schedulingRequests({ spec } as unknown as IPod);
  return { requests: Object.fromEntries(r.requests), nonZeroCpu: r.nonZeroCpu, nonZeroMemory: r.nonZeroMemory };
};
const Mi = 1024 * 1024;

describe('schedulingRequests (TestPodInfoCalculateResources)', () => {
  it('requestless container: nothing requested, the defaults for scoring', () => {
    expect(requests({ containers: [container()] })).toEqual({
      requests: {},
      nonZeroCpu: DEFAULT_MILLI_CPU_REQUEST,
      nonZeroMemory: DEFAULT_MEMORY_REQUEST,
    });
    expect(DEFAULT_MEMORY_REQUEST).toBe(209715200);
  });
  it('1X and 2X containers with requests', () => {
    expect(requests({ containers: [container({ cpu: '500m', memory: '500Mi' })] })).toEqual({
      requests: { cpu: 500, memory: 500 * Mi },
      nonZeroCpu: 500,
      nonZeroMemory: 500 * Mi,
    });
    expect(
      requests({
        containers: [container({ cpu: '500m', memory: '500Mi' }), container({ cpu: '700m', memory: '800Mi' })],
      }),
    ).toEqual({
      requests: { cpu: 1200, memory: 1300 * Mi },
      nonZeroCpu: 1200,
      nonZeroMemory: 1300 * Mi,
    });
  });
  it('pod-level requests override containers, init containers and sidecars', () => {
    const podLevel = { resources: { requests: { cpu: '1200m', memory: '1200Mi' } } };
    const init = [container({ cpu: '500m', memory: '500Mi' })];
    expect(
      requests({ ...podLevel, initContainers: init, containers: [container({ cpu: '500m', memory: '500Mi' })] })
        .requests,
    ).toEqual({ cpu: 1200, memory: 1200 * Mi });
    const sidecar = [container({ cpu: '500m', memory: '500Mi' }, { restartPolicy: 'Always' })];
    expect(
      requests({ ...podLevel, initContainers: sidecar, containers: [container({ cpu: '500m', memory: '500Mi' })] })
        .requests,
    ).toEqual({ cpu: 1200, memory: 1200 * Mi });
  });
  it('pod-level memory only: cpu falls back to the default for scoring', () => {
    expect(
      requests({
        resources: { requests: { memory: '1200Mi' } },
        initContainers: [container()],
        containers: [container()],
      }),
    ).toEqual({
      requests: { memory: 1200 * Mi },
      nonZeroCpu: DEFAULT_MILLI_CPU_REQUEST,
      nonZeroMemory: 1200 * Mi,
    });
  });
  it('pod-level cpu only, with container ephemeral-storage kept', () => {
    expect(
      requests({
        resources: { requests: { cpu: '500m' } },
        initContainers: [container({ 'ephemeral-storage': '500Mi' })],
        containers: [container({ 'ephemeral-storage': '800Mi' })],
      }),
    ).toEqual({
      requests: { cpu: 500, 'ephemeral-storage': 800 * Mi },
      nonZeroCpu: 500,
      nonZeroMemory: DEFAULT_MEMORY_REQUEST,
    });
  });
});

describe('schedulingRequests: init containers, sidecars, overhead, odd input', () => {
  it('takes the larger of the container sum and the largest init container', () => {
    // Init 2 cpu / 1G and 2 cpu / 3G; containers 2 + 1 cpu, 1G + 1G → cpu 3, memory 3G.
    const spec = {
      initContainers: [container({ cpu: '2', memory: '1G' }), container({ cpu: '2', memory: '3G' })],
      containers: [container({ cpu: '2', memory: '1G' }), container({ cpu: '1', memory: '1G' })],
    };
    expect(requests(spec).requests).toEqual({ cpu: 3000, memory: 3e9 });
  });
  it('a sidecar adds to the sum and to every init container after it', () => {
    const spec = {
      initContainers: [container({ cpu: '1' }, { restartPolicy: 'Always' }), container({ cpu: '2' })],
      containers: [container({ cpu: '1' })],
    };
    // Sum 1 + 1 = 2; the init step 2 + 1 (sidecar) = 3.
    expect(requests(spec).requests.cpu).toBe(3000);
    // No ordinary init container: the sidecar counts in the sum alone, 1 + 1 = 2.
    expect(
      requests({
        initContainers: [container({ cpu: '1' }, { restartPolicy: 'Always' })],
        containers: [container({ cpu: '1' })],
      }).requests.cpu,
    ).toBe(2000);
  });
  it('adds overhead; sums exactly before rounding up', () => {
    expect(
      requests({ containers: [container({ cpu: '100m' })], overhead: { cpu: '250m', memory: '120Mi' } }).requests,
    ).toEqual({ cpu: 350, memory: 120 * Mi });
    expect(requests({ containers: [container({ cpu: '0.0005' }), container({ cpu: '0.0005' })] }).requests.cpu).toBe(1);
  });
  it('reads a container as stored (limits stand in for missing requests), leaves an unparsable quantity out, never throws', () => {
    // The API server copies limits into missing requests when it stores a Pod (SetDefaults_Pod).
    expect(
      requests({ containers: [container(undefined, { resources: { limits: { cpu: '2', 'nvidia.com/gpu': '1' } } })] }),
    ).toEqual({
      requests: { cpu: 2000, 'nvidia.com/gpu': 1 },
      nonZeroCpu: 2000,
      nonZeroMemory: DEFAULT_MEMORY_REQUEST,
    });
    // `lots` is not a quantity: absent, so the 100m stand-in applies for scoring.
    expect(requests({ containers: [container({ cpu: 'lots', memory: '1Gi' })] })).toEqual({
      requests: { memory: 1024 * Mi },
      nonZeroCpu: DEFAULT_MILLI_CPU_REQUEST,
      nonZeroMemory: 1024 * Mi,
    });
    expect(() =>
      schedulingRequests({ spec: { containers: 'nope', initContainers: [null, 3] } } as unknown as IPod),
    ).not.toThrow();
    expect(() => schedulingRequests(undefined as unknown as IPod)).not.toThrow();
  });
});

describe('schedulingRequests in the filters', () => {
  it('a sidecar takes room on the node beside the app', () => {
    const n = node('a', { allocatable: { cpu: '1500m', memory: '4Gi' } });
    const withSidecar = pod('p', {
      requests: [{ cpu: '1' }],
      spec: {
        initContainers: [{ name: 'proxy', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '1' } } }],
      },
    });
    expect(rejections(run([n], [withSidecar])[0]!).a).toBe('NodeResourcesFit: Insufficient cpu');
    expect(rejections(run([n], [pod('q', { requests: [{ cpu: '1' }] })])[0]!).a).toBe('fits');
  });
});

describe('nodeAllocatable', () => {
  it('takes allocatable, falls back to capacity per resource, pods to 110, bad quantities to 0', () => {
    const n = {
      status: { capacity: { cpu: '4', memory: '8Gi', pods: '50' }, allocatable: { cpu: '3900m', memory: 'garbage' } },
    } as unknown as INode;
    const a = nodeAllocatable(n);
    expect(Object.fromEntries(a.resources)).toEqual({ cpu: 3900, memory: 0 });
    expect(a.pods).toBe(50);
    expect(nodeAllocatable({} as INode).pods).toBe(110);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { podInfo, podReader } from '../../../src/simulate/scheduler/pod-info.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    labels: { app: 'web' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u1', controller: true }],
  },
  spec: {
    containers: [{ name: 'web', image: 'nginx', resources: { requests: { cpu: '100m' } } }],
    tolerations: [{ key: 'a', operator: 'Exists' }],
  },
  status: { phase: 'Pending' },
} as unknown as IPod;

describe('podReader', () => {
  it('reads a new version of a pod with the same metadata and spec as a fresh read would', () => {
    podReader()(pod);
    const started = { ...pod, status: { phase: 'Running', startTime: '2026-01-01T00:00:00Z' } } as IPod;
    const read = podReader();
    const again = read(started);
    expect(again).toEqual(podInfo(started));
    expect(again.pod).toBe(started);
    expect(again.startTime).toBe(Date.parse('2026-01-01T00:00:00Z'));
    // Requests are the run's own, shared with the pods it reads alike.
    const twin = { ...pod, metadata: { ...pod.metadata, name: 'web-2' } } as IPod;
    expect(read(twin).resources).toBe(again.resources);
  });

  it('reads a version with other metadata anew', () => {
    podReader()(pod);
    const deleted = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } } as IPod;
    const info = podReader()(deleted);
    expect(info.terminating).toBe(true);
    expect(info).toEqual(podInfo(deleted));
  });
});

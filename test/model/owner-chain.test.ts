/**
 * The controller chain: the controller owner reference of each object, followed up while the
 * object it names exists with the referenced uid, kind, name and group; a cycle ends it. The
 * three places that walk it (the simulation's findings, the plan overview's grouping, the diff's
 * pods of a workload) use this one walk.
 */
import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../src/model/manifest.js';
import {
  type ControllerRef,
  controllerChain,
  controllerRefOf,
  controllerUidOf,
  isReferencedBy,
  topController,
} from '../../src/model/owner-chain.js';
import { ClusterIndex } from '../../src/diff/consequences/cluster-index.js';
import { SimulationState } from '../../src/simulate/state.js';

function object(
  apiVersion: string,
  kind: string,
  name: string,
  owner?: KubeObject,
  extra: Record<string, unknown> = {},
) {
  const metadata: Record<string, unknown> = { name, namespace: 'shop', uid: `uid-${kind}-${name}` };
  if (owner) {
    const m = owner.metadata as Record<string, unknown>;
    metadata.ownerReferences = [
      { apiVersion: owner.apiVersion, kind: owner.kind, name: m.name, uid: m.uid, controller: true },
    ];
  }
  return { apiVersion, kind, metadata, ...extra } as KubeObject;
}

const deployment = object('apps/v1', 'Deployment', 'web');
const replicaSet = object('apps/v1', 'ReplicaSet', 'web-1', deployment);
const pod = object('v1', 'Pod', 'web-1-a', replicaSet);

/** An index by uid, as the plan overview and the diff look owners up. */
const byUid = (objects: KubeObject[]) => {
  const index = new Map(objects.map((o) => [(o.metadata as { uid: string }).uid, o]));
  return (ref: { uid: string }) => index.get(ref.uid);
};

describe('controllerRefOf', () => {
  it('takes the first reference marked controller; others and malformed fields do not count', () => {
    const owned = {
      metadata: {
        ownerReferences: [
          'junk',
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', uid: 'u1' },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 7, uid: 'u2', controller: true },
          { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 's', uid: 'u3', controller: true },
        ],
      },
    };
    expect(controllerRefOf(owned)).toEqual({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: '', uid: 'u2' });
    expect(controllerUidOf(owned)).toBe('u2');
    expect(
      controllerRefOf({
        metadata: { ownerReferences: [{ apiVersion: 1, kind: null, name: 'n', uid: 2, controller: true }] },
      }),
    ).toEqual({ apiVersion: '', kind: '', name: 'n', uid: '' });
    expect(controllerRefOf({ metadata: { ownerReferences: 'x' } })).toBeUndefined();
    expect(controllerUidOf(null)).toBe('');
  });
});

describe('isReferencedBy', () => {
  const ref: ControllerRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1' };
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1', uid: 'u1' } };

  it('needs the same uid, name, kind and group; the version does not count', () => {
    expect(isReferencedBy(ref, owner)).toBe(true);
    expect(isReferencedBy(ref, { ...owner, apiVersion: 'apps/v1beta2' })).toBe(true);
    expect(isReferencedBy(ref, { ...owner, metadata: { name: 'web-1', uid: 'u2' } })).toBe(false);
    expect(isReferencedBy(ref, { ...owner, metadata: { name: 'web-2', uid: 'u1' } })).toBe(false);
    expect(isReferencedBy(ref, { ...owner, kind: 'StatefulSet' })).toBe(false);
    expect(isReferencedBy(ref, { ...owner, apiVersion: 'v1' })).toBe(false);
    expect(isReferencedBy(ref, { ...owner, apiVersion: 7 })).toBe(false);
    expect(isReferencedBy(ref, 'web-1')).toBe(false);
  });

  it('never matches a reference without a uid, even to an object whose uid is empty too', () => {
    const noUid = { ...ref, uid: '' };
    expect(isReferencedBy(noUid, { ...owner, metadata: { name: 'web-1', uid: '' } })).toBe(false);
  });

  it('reads an apiVersion that is not a string as the core group', () => {
    const core: ControllerRef = { apiVersion: 'v1', kind: 'ReplicationController', name: 'rc', uid: 'u3' };
    const rc = { kind: 'ReplicationController', metadata: { name: 'rc', uid: 'u3' } };
    expect(isReferencedBy(core, { ...rc, apiVersion: 'v1' })).toBe(true);
    expect(isReferencedBy(core, { ...rc, apiVersion: 1 })).toBe(true);
  });
});

describe('controllerChain and topController', () => {
  it('walks a pod up to its Deployment', () => {
    const find = byUid([deployment, replicaSet, pod]);
    expect(controllerChain(pod, find)).toEqual([replicaSet, deployment]);
    expect(topController(pod, find)).toBe(deployment);
    expect(topController(deployment, find)).toBe(deployment);
  });

  it('goes as deep as the chain does (operators stack controllers)', () => {
    let top = object('serving.example.com/v1', 'Service', 'model');
    const objects = [top];
    for (let i = 0; i < 6; i++) {
      top = object('serving.example.com/v1', `Layer${i}`, `l${i}`, top);
      objects.push(top);
    }
    const leaf = object('v1', 'Pod', 'leaf', top);
    const find = byUid([...objects, leaf]);
    expect(controllerChain(leaf, find)).toHaveLength(7);
    expect(topController(leaf, find)).toBe(objects[0]);
  });

  it('stops at a reference to a missing object, or to an object of another uid, kind, name or group', () => {
    expect(topController(pod, byUid([pod, replicaSet]))).toBe(replicaSet);
    const recreated = { ...replicaSet, metadata: { ...(replicaSet.metadata as object), uid: 'new' } } as KubeObject;
    // Found by kind and name, but it is a new object: the reference is stale.
    expect(topController(pod, () => recreated)).toBe(pod);
    const otherKind = { ...replicaSet, kind: 'StatefulSet' } as KubeObject;
    expect(topController(pod, () => otherKind)).toBe(pod);
    const otherGroup = { ...replicaSet, apiVersion: 'extensions/v1beta1' } as KubeObject;
    expect(topController(pod, () => otherGroup)).toBe(pod);
    const noUid = object('v1', 'Pod', 'p', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-1' } });
    expect(topController(noUid, () => ({ ...replicaSet, metadata: { name: 'web-1' } }) as KubeObject)).toBe(noUid);
  });

  it('ends at a cycle', () => {
    const a = object('example.com/v1', 'A', 'a');
    const b = object('example.com/v1', 'B', 'b', a);
    (a.metadata as Record<string, unknown>).ownerReferences = [
      { apiVersion: 'example.com/v1', kind: 'B', name: 'b', uid: 'uid-B-b', controller: true },
    ];
    const find = byUid([a, b]);
    expect(controllerChain(a, find)).toEqual([b]);
    expect(topController(b, find)).toBe(a);
  });
});

describe('SimulationState.topController', () => {
  it('finds owners by kind and name in the namespace, as deep as the chain goes', () => {
    const state = new SimulationState('2026-01-01T00:00:00Z');
    let top = object('serving.example.com/v1', 'Service', 'model');
    const first = state.create(top);
    for (let i = 0; i < 6; i++) {
      top = object('serving.example.com/v1', `Layer${i}`, `l${i}`, top);
      state.create(top);
    }
    const leaf = state.create(object('v1', 'Pod', 'leaf', top));
    expect(state.topController(leaf)).toBe(first);
    // In another namespace the same names are other objects.
    const elsewhere = object('v1', 'Pod', 'other', top);
    (elsewhere.metadata as Record<string, unknown>).namespace = 'other';
    const entry = state.create(elsewhere);
    expect(state.topController(entry)).toBe(entry);
  });
});

describe('ClusterIndex.pods', () => {
  it('lists the live pods whose chain passes through the workload', () => {
    const cronJob = object('batch/v1', 'CronJob', 'report');
    const job = object('batch/v1', 'Job', 'report-1', cronJob);
    const jobPod = object('v1', 'Pod', 'report-1-a', job);
    const done = object('v1', 'Pod', 'report-1-b', job, { status: { phase: 'Succeeded' } });
    const leaving = object('v1', 'Pod', 'web-1-b', replicaSet);
    (leaving.metadata as Record<string, unknown>).deletionTimestamp = '2026-01-01T00:00:00Z';
    const index = new ClusterIndex({
      objects: [deployment, replicaSet, pod, leaving, cronJob, job, jobPod, done],
      events: [],
    });
    expect(index.pods(deployment)).toEqual([pod]);
    expect(index.pods(replicaSet)).toEqual([pod]);
    expect(index.pods(cronJob)).toEqual([jobPod]);
    expect(index.pods(job)).toEqual([jobPod]);
    expect(index.pods(pod)).toEqual([]);
  });
});

import type { KubeObject } from './manifest.js';
import type { ObjectRef } from './object-ref.js';

/** A Kubernetes event as the simulation records it (what `kubectl get events` would list). */
export interface ClusterEvent {
  type: 'Normal' | 'Warning';
  /** `Scheduled`, `FailedScheduling`, `ScalingReplicaSet`, `SuccessfulCreate`, ... */
  reason: string;
  /** The exact message the Kubernetes component writes. */
  message: string;
  involvedObject: ObjectRef & { uid?: string };
  /** The component that reports it: `deployment-controller`, `default-scheduler`, ... */
  source: string;
}

/**
 * The cluster after `kubeplan plan`: every object once the controllers, the scheduler and the
 * endpoint controllers are done (Nodes, the input objects as the API server stores them, the
 * ReplicaSets, Pods, PersistentVolumeClaims and EndpointSlices they lead to, and the objects of
 * `--current` that remain), in a stable order, plus the events in the order they happened.
 */
export interface ClusterState {
  objects: KubeObject[];
  events: ClusterEvent[];
}

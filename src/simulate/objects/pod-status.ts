import { objectAt, objectsAt } from '../../model/json.js';
import { podQosClass, qosClass } from '../../model/pod-qos.js';

/** The status of a pod the scheduler has not bound (yet). */
export function pendingStatus(spec: Record<string, unknown>): Record<string, unknown> {
  return { phase: 'Pending', qosClass: qosClass(spec) };
}

/** The status of a pod the scheduler could not place: `PodScheduled=False`, reason Unschedulable. */
export function unschedulableStatus(
  pod: Record<string, unknown>,
  message: string,
  now: string,
): Record<string, unknown> {
  return {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
        lastProbeTime: null,
        lastTransitionTime: now,
      },
    ],
    qosClass: podQosClass(pod),
  };
}

/**
 * The status of a bound pod. The simulation assumes every bound pod starts and passes its
 * readiness probe at once (docs/plan.md), so it is Running and Ready with its IP.
 */
export function runningStatus(
  pod: Record<string, unknown>,
  hostIP: string,
  podIP: string,
  now: string,
): Record<string, unknown> {
  const spec = objectAt(pod, 'spec') ?? {};
  const condition = (type: string): Record<string, unknown> => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
  });
  const containerStatuses = objectsAt(spec, 'containers').map((c) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    ready: true,
    restartCount: 0,
    started: true,
    state: { running: { startedAt: now } },
  }));
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
    containerStatuses,
    qosClass: podQosClass(pod),
  };
}

/** Whether a pod counts as Ready (its Ready condition is True). */
export function isPodReady(pod: Record<string, unknown>): boolean {
  const status = objectAt(pod, 'status');
  return objectsAt(status, 'conditions').some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Whether a pod is bound to a node. */
export function nodeNameOf(pod: Record<string, unknown>): string | undefined {
  const spec = objectAt(pod, 'spec');
  return spec && typeof spec.nodeName === 'string' && spec.nodeName !== '' ? spec.nodeName : undefined;
}

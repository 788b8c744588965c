import { parseQuantity, compareQuantities } from '../../model/quantity.js';
import { isObject, objectAt, objectsAt } from '../../model/json.js';

/**
 * The QoS class the API server records in a new pod's status (`pkg/apis/core/v1/helper/qos`):
 * Guaranteed when every container sets equal CPU and memory requests and limits, BestEffort when
 * none sets any request or limit, Burstable otherwise.
 */
export function qosClass(spec: Record<string, unknown>): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...objectsAt(spec, 'initContainers'), ...objectsAt(spec, 'containers')];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const container of containers) {
    const resources = objectAt(container, 'resources') ?? {};
    const requests = objectAt(resources, 'requests') ?? {};
    const limits = objectAt(resources, 'limits') ?? {};
    const relevant = (list: Record<string, unknown>): string[] =>
      Object.keys(list).filter((k) => k === 'cpu' || k === 'memory' || k.startsWith('hugepages-'));
    if (relevant(requests).length || relevant(limits).length) any = true;
    for (const name of ['cpu', 'memory']) {
      const limit = parseQuantity(limits[name]);
      const request = requests[name] === undefined ? limit : parseQuantity(requests[name]);
      if (!limit || !request || compareQuantities(limit, request) !== 0) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The status of a pod the scheduler has not bound (yet). */
export function pendingStatus(spec: Record<string, unknown>): Record<string, unknown> {
  return { phase: 'Pending', qosClass: qosClass(spec) };
}

/** The QoS class recorded when the pod was created (it never changes afterwards), else computed. */
function recordedQosClass(pod: Record<string, unknown>): string {
  const recorded = objectAt(pod, 'status')?.qosClass;
  return typeof recorded === 'string' ? recorded : qosClass(objectAt(pod, 'spec') ?? {});
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
    qosClass: recordedQosClass(pod),
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
    qosClass: recordedQosClass(pod),
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

export function podPhase(pod: Record<string, unknown>): string {
  const status = objectAt(pod, 'status');
  return status && typeof status.phase === 'string' ? status.phase : 'Pending';
}

export function isTerminal(pod: Record<string, unknown>): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isTerminating(pod: Record<string, unknown>): boolean {
  return (
    isObject(pod.metadata) && pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null
  );
}

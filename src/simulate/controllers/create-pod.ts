import type { KubeObject } from '../../model/manifest.js';
import { describeRef, identityKey, namespaceOf, refOf } from '../../model/object-ref.js';
import { admitPod } from '../admission/admit-pod.js';
import { admitInPlace } from '../defaults/admission.js';
import { defaultInPlace } from '../defaults/index.js';
import { pendingStatus } from '../objects/pod-status.js';
import { controllerRef, involved, type Entry, type SimulationState } from '../state.js';
import { copyJson } from '../../model/copy-json.js';
import { isObject, objectAt } from '../../model/json.js';
import { groupKindOf, groupKindOfObject } from '../../model/group-kind.js';
import { podSpecPointer } from '../../model/pod-template.js';
import { labelsOf } from '../../model/selectors/label-selector.js';

export interface PodSpecRequest {
  /** The owning workload's entry (its origin positions findings). */
  owner: Entry;
  /** The pod template, already defaulted. */
  template: Record<string, unknown>;
  /** Either a fixed name (StatefulSet) or a name already generated from `generateName`. */
  name: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Last changes to the spec (hostname, node affinity, tolerations) before admission. */
  adjustSpec?: (spec: Record<string, unknown>) => void;
  /** Reporting component and the message of its SuccessfulCreate event. */
  source: string;
  createdMessage: (podName: string) => string;
}

/**
 * Where the pod spec is in the manifest findings about the pod point into: the owner's origin (a
 * ReplicaSet's is its Deployment's manifest), else the owner itself.
 */
function specPointerOf(owner: Entry): string {
  const origin = owner.origin;
  return (origin && podSpecPointer(groupKindOf(origin))) ?? podSpecPointer(groupKindOfObject(owner.object)) ?? '';
}

/**
 * Creates a pod the way a workload controller does: the template's labels and annotations plus
 * the controller's own, an owner reference, API defaulting and the default admission plugins
 * (service account, default tolerations, priority). When admission refuses the pod (a missing
 * PriorityClass), the controller's FailedCreate event and a finding are recorded instead and
 * undefined is returned.
 */
export function createPod(state: SimulationState, request: PodSpecRequest): KubeObject | undefined {
  const owner = request.owner.object;
  const templateMeta = objectAt(request.template, 'metadata') ?? {};
  const annotations = {
    ...(isObject(templateMeta.annotations) ? (templateMeta.annotations as Record<string, string>) : {}),
    ...request.annotations,
  };
  const metadata: Record<string, unknown> = {
    name: request.name,
    ...(request.generateName ? { generateName: request.generateName } : {}),
    namespace: namespaceOf(owner),
    labels: { ...labelsOf({ metadata: templateMeta }), ...request.labels },
    ...(Object.keys(annotations).length ? { annotations } : {}),
    ownerReferences: [controllerRef(owner)],
  };
  // The only copy of the template: everything below changes this pod's own objects.
  const spec = copyJson(objectAt(request.template, 'spec') ?? {});
  request.adjustSpec?.(spec);
  const pod: KubeObject & { spec: Record<string, unknown> } = { apiVersion: 'v1', kind: 'Pod', metadata, spec };
  defaultInPlace(pod);
  admitInPlace(pod.spec);
  const refused = admitPod(state, pod);
  if (refused) {
    const shownName = request.generateName ?? request.name;
    state.emitOnce({
      type: 'Warning',
      reason: 'FailedCreate',
      message: `Error creating: pods "${shownName}" is forbidden: ${refused.message}`,
      involvedObject: involved(owner),
      source: request.source,
    });
    const workload = state.topController(request.owner).object;
    // One finding per workload: a quota's usage figures can differ from one attempt to the next.
    state.report(
      {
        ruleId: 'pod-forbidden',
        severity: 'error',
        message: `the API server refuses the pods of ${describeRef(refOf(workload))}: ${refused.message}`,
        origin: request.owner.origin,
        pointer: `${specPointerOf(request.owner)}${refused.pointer ? `/${refused.pointer}` : ''}`,
      },
      `pod-forbidden|${identityKey(refOf(workload))}`,
    );
    return undefined;
  }
  pod.status = pendingStatus(pod.spec);
  state.create(pod, request.owner.origin);
  state.emit({
    type: 'Normal',
    reason: 'SuccessfulCreate',
    message: request.createdMessage(request.name),
    involvedObject: involved(owner),
    source: request.source,
  });
  return pod;
}

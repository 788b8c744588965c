import type { KubeObject, Manifest } from '../../model/manifest.js';
import { ClusterIndex, type TransitionIndex } from './cluster-index.js';
import { identityKey } from '../../model/object-ref.js';
import type { ScheduleFunction } from '../../simulate/scheduling-step.js';
import type { ObjectChange } from '../types.js';
import { configConsequences } from './config-readers.js';
import { endpointConsequences } from './endpoints.js';
import type { Admission } from './refused.js';
import { routeConsequences } from './routes.js';
import { simulateTransition, type Transition } from './transition.js';
import type { Consequences } from './types.js';
import { workloadConsequences } from './workloads.js';

export interface ConsequenceInput {
  /** The object changes, refused ones marked (`markRefused`, immutable fields). */
  changes: readonly ObjectChange[];
  current: readonly Manifest[];
  admission: Admission;
  nodes: readonly KubeObject[];
  now: string;
  /** The namespace of desired objects that set none (`-n`). */
  namespace?: string;
  /** CustomResourceDefinitions given beside the input (`--crd`): which custom kinds are cluster-scoped. */
  crds?: readonly Manifest[];
  schedule?: ScheduleFunction;
}

/**
 * What the changes do once applied, from the plan run on both sides (see `simulateTransition`):
 * workloads that roll out or scale, config changes running pods miss, Services that gain or lose endpoints, Ingress routes that
 * change target. A refused change does not happen (the object stays as it is); a deleted object
 * (`--prune`) leaves the cluster with everything it owns.
 */
export function computeConsequences(input: ConsequenceInput): {
  consequences: Consequences;
  transition: Transition;
  applied: Manifest[];
} {
  const refused = new Set(input.changes.filter((c) => c.refused && c.desired).map((c) => c.desired!));
  const applied = [...input.admission.stored]
    .filter(([manifest]) => !refused.has(manifest))
    .map(([, stored]) => stored);
  const deleted = new Set(input.changes.filter((c) => c.action === 'delete').map((c) => identityKey(c.ref)));
  const transition = simulateTransition({
    current: input.current,
    desired: applied,
    refused: [...input.admission.refused.keys()],
    deleted,
    nodes: input.nodes,
    now: input.now,
    ...(input.namespace ? { namespace: input.namespace } : {}),
    ...(input.crds ? { crds: input.crds } : {}),
    ...(input.schedule ? { schedule: input.schedule } : {}),
  });
  const index: TransitionIndex = {
    before: new ClusterIndex(transition.before.state),
    after: new ClusterIndex(transition.after.state),
  };
  const workloads = workloadConsequences(
    input.changes.filter((c) => !c.refused),
    transition,
    index,
  );
  const configs = configConsequences(input.changes, index, workloads.workloads);
  const endpoints = endpointConsequences(input.changes, transition);
  const routes = routeConsequences(input.changes, transition);
  return {
    transition,
    applied,
    consequences: {
      workloads: workloads.workloads,
      configs: configs.configs,
      endpoints: endpoints.endpoints,
      routes: routes.routes,
      findings: [...workloads.findings, ...configs.findings, ...endpoints.findings, ...routes.findings],
    },
  };
}

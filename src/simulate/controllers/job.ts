import { uidOf, type Entry, type SimulationState } from '../state.js';
import { createPod } from './create-pod.js';
import { activePods } from './pods-of.js';
import { objectAt } from '../../model/json.js';
import { nameOf, namespaceOf } from '../../model/object-ref.js';

const SOURCE = 'job-controller';
const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';

/**
 * The Job controller (`pkg/controller/job`) at the moment the Job starts: `parallelism` pods
 * (never more than `completions`), none while suspended. Indexed Jobs give each pod its index
 * (label and annotation, name `<job>-<index>-<suffix>`, hostname `<job>-<index>`). Pods are not
 * run to completion: the plan shows the Job's first wave, running.
 */
export function reconcileJobs(state: SimulationState): void {
  for (const entry of state.list('Job', 'batch')) reconcileJob(state, entry);
}

function reconcileJob(state: SimulationState, entry: Entry): void {
  const job = entry.object;
  const spec = objectAt(job, 'spec');
  const template = spec && objectAt(spec, 'template');
  if (!spec || !template || spec.suspend === true) return;
  const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
  const completions = typeof spec.completions === 'number' ? spec.completions : undefined;
  const wanted = Math.max(0, completions === undefined ? parallelism : Math.min(parallelism, completions));
  const pods = activePods(state, job);
  const indexed = spec.completionMode === 'Indexed';
  const taken = new Set(
    pods.map((p) => objectAt(objectAt(p.object, 'metadata') ?? {}, 'annotations')?.[COMPLETION_INDEX]).map(String),
  );
  const namespace = namespaceOf(job);
  const jobLabels = {
    'batch.kubernetes.io/controller-uid': uidOf(job),
    'batch.kubernetes.io/job-name': nameOf(job),
    'controller-uid': uidOf(job),
    'job-name': nameOf(job),
  };
  let index = 0;
  for (let i = pods.length; i < wanted; i++) {
    while (indexed && taken.has(String(index))) index++;
    const generateName = indexed ? `${nameOf(job)}-${index}-` : `${nameOf(job)}-`;
    const name = state.generatePodName(namespace, generateName);
    const podIndex = String(index);
    const created = createPod(state, {
      owner: entry,
      template,
      name,
      generateName,
      labels: indexed ? { ...jobLabels, [COMPLETION_INDEX]: podIndex } : jobLabels,
      ...(indexed ? { annotations: { [COMPLETION_INDEX]: podIndex } } : {}),
      adjustSpec: (podSpec) => {
        if (indexed) podSpec.hostname = `${nameOf(job)}-${podIndex}`;
      },
      source: SOURCE,
      createdMessage: (pod) => `Created pod: ${pod}`,
    });
    if (!created) return;
    taken.add(podIndex);
  }
}

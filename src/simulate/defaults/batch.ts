import { defaultPodTemplate } from './pod-spec.js';
import { defaultPointer, defaultString, ensureObject, isEmptyCollection } from './fields.js';
import { type JsonObject, objectAt, objectsAt } from '../../model/json.js';

/** Facts from `pkg/apis/batch/v1/defaults.go`. */

/** The largest int32: the backoff limit of a Job that limits retries per index instead. */
const MAX_INT32 = 2147483647;

export function defaultJob(job: JsonObject): void {
  const spec = ensureObject(job, 'spec');
  if (!spec) return;
  const unset = (key: string): boolean => spec[key] === undefined || spec[key] === null;
  // A non-parallel Job may leave both unset; then both are 1. Completions alone is never defaulted.
  if (unset('completions') && unset('parallelism')) spec.completions = 1;
  defaultPointer(spec, 'parallelism', 1);
  defaultPointer(spec, 'backoffLimit', unset('backoffLimitPerIndex') ? 6 : MAX_INT32);
  const templateLabels = objectAt(objectAt(objectAt(spec, 'template') ?? {}, 'metadata') ?? {}, 'labels');
  const metadata = ensureObject(job, 'metadata');
  if (templateLabels && metadata && isEmptyCollection(metadata.labels)) metadata.labels = { ...templateLabels };
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'podReplacementPolicy', unset('podFailurePolicy') ? 'TerminatingOrFailed' : 'Failed');
  defaultPointer(spec, 'manualSelector', false);
  defaultJobSpecParts(spec);
}

/** What a job spec gets wherever it appears, CronJob job templates included. */
function defaultJobSpecParts(spec: JsonObject): void {
  for (const rule of objectsAt(objectAt(spec, 'podFailurePolicy'), 'rules')) {
    for (const pattern of objectsAt(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True');
  }
  defaultPodTemplate(spec.template);
}

/**
 * CronJob: its own fields, and the pod template and failure policy inside `jobTemplate`. The
 * job template's spec is not a Job, so Job defaults (parallelism, backoffLimit, ...) reach it
 * only when the controller creates the Job.
 */
export function defaultCronJob(cronJob: JsonObject): void {
  const spec = ensureObject(cronJob, 'spec');
  if (!spec) return;
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
  const jobSpec = objectAt(objectAt(spec, 'jobTemplate') ?? {}, 'spec');
  if (jobSpec) defaultJobSpecParts(jobSpec);
}

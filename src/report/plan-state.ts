import type { ClusterEvent } from '../model/cluster-state.js';
import type { KubeObject } from '../model/manifest.js';
import type { PlanResult } from '../commands/plan.js';
import { findingToJson, summaryJson } from './json.js';
import { redactForPlan } from './plan-redact.js';
import { DEFAULT_NAMESPACE } from '../model/namespace-scope.js';

/** An event as a `v1` Event object, named like the real ones (`<object>.<sequence in hex>`). */
function eventObject(event: ClusterEvent, index: number, now: string): KubeObject {
  const { involvedObject: ref } = event;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${ref.name}.${(index + 1).toString(16).padStart(16, '0')}`,
      namespace: ref.namespace ?? DEFAULT_NAMESPACE,
    },
    involvedObject: {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      ...(ref.namespace ? { namespace: ref.namespace } : {}),
      name: ref.name,
      ...(ref.uid ? { uid: ref.uid } : {}),
    },
    type: event.type,
    reason: event.reason,
    message: event.message,
    source: { component: event.source },
    reportingComponent: event.source,
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
  };
}

/**
 * The documented machine-readable shape of a plan (docs/plan.md): the resulting objects as a
 * `v1` List (without secret values or apply records: redactForPlan), the events in order as `v1` Events, the CronJob schedules, the findings and the
 * summary. JSON and YAML output are this same value.
 */
export function planDocument(result: PlanResult): Record<string, unknown> {
  return {
    apiVersion: 'kubeplan.io/v1alpha1',
    kind: 'Plan',
    now: result.now,
    cluster: result.clusterSource,
    state: { apiVersion: 'v1', kind: 'List', metadata: {}, items: result.state.objects.map(redactForPlan) },
    events: result.state.events.map((e, i) => eventObject(e, i, result.now)),
    cronJobs: result.cronJobs.map((c) => ({
      cronJob: { namespace: c.cronJob.namespace ?? null, name: c.cronJob.name },
      schedule: c.schedule,
      timeZone: c.timeZone,
      suspended: c.suspended,
      nextRuns: c.nextRuns,
      noRuns: c.noRuns ?? null,
    })),
    ...(result.headroom
      ? {
          headroom: result.headroom.map((h) => ({
            workload: { kind: h.workload.kind, namespace: h.workload.namespace ?? null, name: h.workload.name },
            more: h.more,
            limit: h.limit,
            message: h.message ?? null,
          })),
        }
      : {}),
    findings: result.findings.map(findingToJson),
    summary: summaryJson(result.summary),
  };
}

import { readCronJobSchedule } from '../../model/cronjob-schedule.js';
import { type FindingInit, findingAt, type Finding } from '../../model/finding.js';
import { groupKindOf } from '../../model/group-kind.js';
import { fieldPath } from '../../model/json-pointer.js';
import { objectAt } from '../../model/json.js';
import type { Manifest } from '../../model/manifest.js';

/**
 * The API server's validation beyond the schema of the fields the simulation reads, so the plan
 * refuses what the server refuses instead of simulating it: a CronJob's schedule and time zone.
 * Lint reports the same problem with a rule; the finding names that rule, so a run that also
 * lints (check) says it once.
 */
export function fieldValidationProblem(manifest: Manifest): Finding | undefined {
  if (groupKindOf(manifest) !== 'CronJob.batch') return undefined;
  const read = readCronJobSchedule(objectAt(manifest.object, 'spec') ?? {});
  if (!read || read.ok) return undefined;
  // A schedule that is not ok has at least one problem.
  const first = read.problems[0]!;
  const init: FindingInit = {
    ruleId: 'cronjob-schedule-invalid',
    severity: 'error',
    // The API server's forms: `spec.schedule: Required value`, and
    // `spec.schedule: Invalid value: "0 0 L * *": failed to parse int from L: ...`.
    message:
      first.message === 'Required value'
        ? `${fieldPath(first.pointer)}: Required value`
        : `${fieldPath(first.pointer)}: Invalid value: ${JSON.stringify(first.value)}: ${first.message}`,
    pointer: first.pointer,
    phase: 'rule',
  };
  return findingAt(manifest, init);
}

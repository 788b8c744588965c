import { beforeAll, describe, expect, it } from '@jest/globals';
import { check } from '../../src/commands/check.js';
import { lint } from '../../src/commands/lint.js';
import { plan, type PlanResult } from '../../src/commands/plan.js';
import type { Finding } from '../../src/model/finding.js';

/**
 * CronJobs whose schedules lint and plan once judged differently, each with upstream's verdict:
 * refused by the API server, accepted but never running, or its next three runs after
 * 2026-01-01T00:00:00Z (from robfig/cron v3.0.1, as the CronJob controller computes them).
 */
const ROWS: ReadonlyArray<
  readonly [schedule: string, timeZone: string | undefined, verdict: 'refused' | 'never' | string[]]
> = [
  ['0 0 L * *', undefined, 'refused'],
  ['0 0 * * 5L', undefined, 'refused'],
  ['0 0 * * 1#2', undefined, 'refused'],
  ['0 0 15W * *', undefined, 'refused'],
  ['H 0 * * *', undefined, 'refused'],
  ['0 0 ? * *', undefined, ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z']],
  ['@midnight', undefined, ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z']],
  ['@Hourly', undefined, 'refused'],
  ['@reboot', undefined, 'refused'],
  [' @hourly', undefined, 'refused'],
  ['@hourly ', undefined, 'refused'],
  ['@every 1h30m', undefined, ['2026-01-01T01:30:00Z', '2026-01-01T03:00:00Z', '2026-01-01T04:30:00Z']],
  ['@every 500ms', undefined, ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z']],
  ['@every 0', undefined, ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z']],
  ['@every -1h', undefined, ['2026-01-01T00:00:01Z', '2026-01-01T00:00:02Z', '2026-01-01T00:00:03Z']],
  ['@every +1h', undefined, ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z']],
  ['@every 1h.m', undefined, 'refused'],
  ['@every  1h', undefined, 'refused'],
  ['@every 1d', undefined, 'refused'],
  ['TZ=UTC 0 0 * * *', undefined, 'refused'],
  ['0 0 29 2 *', undefined, ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z', '2036-02-29T00:00:00Z']],
  ['0 0 30 2 *', undefined, 'never'],
  ['0 0 31 4,6,9,11 *', undefined, 'never'],
  ['*/15 9-17 * * 1-5', undefined, ['2026-01-01T09:00:00Z', '2026-01-01T09:15:00Z', '2026-01-01T09:30:00Z']],
  ['0 0 1,15 * MON-FRI', undefined, ['2026-01-02T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z']],
  ['0 0 * * MON-SUN', undefined, 'refused'],
  ['0 0 * * 7', undefined, 'refused'],
  ['0 0 * * 0-7', undefined, 'refused'],
  ['0 0 * * +1', undefined, ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z']],
  ['0 0 * * */2', undefined, ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-06T00:00:00Z']],
  ['0 0 0 * * *', undefined, 'refused'],
  ['0 0 * * *', 'America/New_York', ['2026-01-01T05:00:00Z', '2026-01-02T05:00:00Z', '2026-01-03T05:00:00Z']],
  ['0 0 29 2 *', 'America/New_York', ['2028-02-29T05:00:00Z', '2032-02-29T05:00:00Z', '2036-02-29T05:00:00Z']],
  ['0 0 * * *', 'utc', 'refused'],
  ['0 0 * * *', 'Local', 'refused'],
  ['0 0 * * *', 'Mars/Base', 'refused'],
  ['0 0 30 2 *', 'Europe/Paris', 'never'],
];

const YAML = ROWS.map(
  ([schedule, timeZone], i) => `apiVersion: batch/v1
kind: CronJob
metadata: {name: c${i}, namespace: shop}
spec:
  schedule: ${JSON.stringify(schedule)}
${timeZone === undefined ? '' : `  timeZone: ${JSON.stringify(timeZone)}\n`}  startingDeadlineSeconds: 60
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: c:1.0}]
`,
).join('---\n');

const CRON_RULES = ['cronjob-schedule-invalid', 'cronjob-schedule-never-runs'];
const stdin = { readStdin: async () => Buffer.from(YAML) };
/** The CronJob a finding is about: its line falls in that CronJob's document. */
const docStarts = YAML.split('\n').flatMap((line, i) => (line.startsWith('kind: CronJob') ? [i] : []));
const rowOf = (f: Finding): number => docStarts.filter((start) => start < f.line).length - 1;

let linted: Finding[];
let planned: PlanResult;
beforeAll(async () => {
  linted = (await lint(['-'], stdin)).findings.filter((f) => CRON_RULES.includes(f.ruleId));
  planned = await plan(['-'], stdin);
});

describe('lint and plan on CronJob schedules', () => {
  it.each(ROWS.map((row, i) => [i, ...row] as const))('c%d %j (%s): %j', (i, _schedule, zone, verdict) => {
    const rules = linted.filter((f) => rowOf(f) === i).map((f) => f.ruleId);
    const listed = planned.cronJobs.find((c) => c.cronJob.name === `c${i}`)!;
    const rejected = planned.findings.filter((f) => f.ruleId === 'object-rejected' && f.object?.name === `c${i}`);
    if (verdict === 'refused') {
      expect(rules.length).toBeGreaterThan(0);
      expect(new Set(rules)).toEqual(new Set(['cronjob-schedule-invalid']));
      // The plan refuses it as the API server does: it is not simulated, and says why.
      expect(listed).toBeUndefined();
      // The refused rows with a zone have a valid schedule: the zone is what is refused.
      const field = zone === undefined ? 'spec.schedule' : 'spec.timeZone';
      expect(rejected.map((f) => [f.severity, f.message.replace(/: Invalid value: .*/, '')])).toEqual([
        ['error', `the API server refuses this object, so the plan leaves it out: ${field}`],
      ]);
      return;
    }
    expect(rejected).toEqual([]);
    if (verdict === 'never') {
      expect(rules).toEqual(['cronjob-schedule-never-runs']);
      expect(listed.nextRuns).toEqual([]);
      expect(listed.noRuns).toMatch(/^never runs: /);
    } else {
      expect(rules).toEqual([]);
      expect(listed.nextRuns).toEqual(verdict);
      expect(listed.noRuns).toBeUndefined();
    }
  });

  it('gives the plan the same reason as lint, in the words of the API server', () => {
    expect(
      planned.findings.filter((f) => f.object?.name === 'c0').map((f) => `${f.line}:${f.column} ${f.message}`),
    ).toEqual([
      '5:13 the API server refuses this object, so the plan leaves it out: spec.schedule: Invalid value: "0 0 L * *": failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
    ]);
    expect(planned.exitCode).toBe(1);
    expect(linted.filter((f) => rowOf(f) === 0).map((f) => f.message)).toEqual([
      'schedule "0 0 L * *" is invalid: failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
    ]);
    const never = planned.cronJobs.find((c) => c.cronJob.name === 'c21')!;
    expect(never.noRuns).toBe('never runs: none of its months has that day of the month');
  });

  it('reports no schedule finding of its own: only the refusal of the objects the API server refuses', () => {
    expect(planned.findings.filter((f) => f.ruleId.startsWith('cronjob-'))).toEqual([]);
  });
});

describe('check on CronJob schedules', () => {
  it('reports each problem once, as lint does', async () => {
    const result = await check(['-'], stdin);
    const key = (f: Finding): string => `${f.line}:${f.column} ${f.ruleId} ${f.message}`;
    const cron = result.findings.filter((f) => f.ruleId.startsWith('cronjob-schedule'));
    expect(cron.map(key)).toEqual(linted.map(key));
    expect(new Set(cron.map(key)).size).toBe(cron.length);
    // One finding per refused field value, one per never-running schedule.
    expect(cron.filter((f) => f.ruleId === 'cronjob-schedule-never-runs').map((f) => f.severity)).toEqual([
      'warning',
      'warning',
      'warning',
    ]);
    expect(cron.filter((f) => rowOf(f) === 19).map((f) => f.message)).toEqual([
      'schedule "TZ=UTC 0 0 * * *" is invalid: cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
    // Lint says why the plan refuses them: no object-rejected repeats it.
    expect(result.findings.filter((f) => f.ruleId === 'object-rejected')).toEqual([]);
  });

  it('still says the API server refuses a CronJob when the lint rule is turned off', async () => {
    const config = { rules: { 'cronjob-schedule-invalid': { severity: 'off' as const } } };
    const result = await check(['-'], { ...stdin, config });
    const rejected = result.findings.filter((f) => f.ruleId === 'object-rejected');
    expect(rejected.map((f) => f.object?.name)).toEqual(
      ROWS.flatMap(([, , verdict], i) => (verdict === 'refused' ? [`c${i}`] : [])),
    );
    expect(result.findings.filter((f) => f.ruleId === 'cronjob-schedule-invalid')).toEqual([]);
  });
});

import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/commands/lint.js';
import type { Finding } from '../../src/model/finding.js';
import { Agreement, runParameters, startOracle } from '../helpers/differential.js';
import { oracleBinary } from '../helpers/oracle.js';
import { tempDir } from '../helpers/temp-dir.js';
import { build, describeCase, objectCase } from './builtin-objects.js';
import {
  ERRORS_THAT_ARE_NOT_REFUSALS,
  FIELD_ALIASES,
  MISSED_REFUSALS,
  UPSTREAM_FIELD_QUIRKS,
} from './builtin-validation.differences.js';

/**
 * kubeplan's lint against the API server's validation (the oracle's `validate` op, upstream's own
 * code): the same generated built-in object goes to both. An error from kubeplan that claims the
 * API server refuses the object must come with a refusal of the oracle on that field (a false
 * error is the worst bug kubeplan can ship); a refusal kubeplan misses must be a documented
 * scope limit (builtin-validation.differences.ts).
 */

interface OracleValidation {
  accepted: boolean;
  errors?: Array<{ type: string; field: string; message: string }>;
  message?: string;
}

/** `/spec/containers/0/name` → `spec.containers[0].name`, the API server's way of naming a field. */
export function fieldPathOf(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path ? `.${key}` : key;
  }
  return path;
}

/** The API server writes map keys in brackets (`limits[cpu]`); kubeplan's paths name them as fields. */
function normalized(path: string): string {
  for (const [quirk, meant] of UPSTREAM_FIELD_QUIRKS) path = path.replace(quirk, meant);
  return path.replace(/\[([^\]]*[^\d\]][^\]]*)\]/g, '.$1');
}

/** One path names the other or something inside it (`metadata.labels` and `metadata.labels.app`). */
function related(upstream: string, ours: string): boolean {
  const a = normalized(upstream);
  const b = ours;
  const within = (inner: string, outer: string) =>
    inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return a === '' || b === '' || within(a, b) || within(b, a);
}

const binary = oracleBinary();
const describeWithGo = binary ? describe : describe.skip;

describeWithGo('built-in validation against the API server', () => {
  const oracle = startOracle(binary!);
  const agreement = new Agreement('builtin-validation');
  const { dir, cleanup } = tempDir('kubeplan-differential-');
  // KUBEPLAN_ORACLE_SURVEY=1 lists every kind of disagreement of a run instead of failing on the first.
  const survey = process.env.KUBEPLAN_ORACLE_SURVEY ? new Map<string, { count: number; example: string }>() : undefined;
  afterAll(() => {
    if (survey)
      console.log(
        [...survey]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([p, { count, example }]) => `${count} × ${p}\n    e.g. ${example}`)
          .join('\n'),
      );
    oracle.close();
    cleanup();
    agreement.report();
  });

  /** kubeplan's error findings that claim the API server refuses the object. */
  async function kubeplanRefusals(object: object): Promise<Finding[]> {
    const file = join(dir, 'object.json');
    writeFileSync(file, JSON.stringify(object));
    const { findings } = await lint([file]);
    return findings.filter((f) => f.severity === 'error' && !(f.ruleId in ERRORS_THAT_ARE_NOT_REFUSALS));
  }

  it('refuses what the API server refuses, on the same fields, and nothing it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(objectCase, async (c) => {
        const object = build(c);
        const answer = await oracle.ask({ op: 'validate', object });
        if (answer.error) throw new Error(`the oracle could not answer: ${answer.error}`);
        const upstream = answer.result as OracleValidation;
        const ours = await kubeplanRefusals(object);
        const theirs = upstream.errors ?? [];
        const problems: string[] = [];
        const fieldsOf = (f: Finding) => FIELD_ALIASES[f.ruleId]?.(fieldPathOf(f.pointer)) ?? [fieldPathOf(f.pointer)];
        const names = (e: { field: string }, f: Finding) => fieldsOf(f).some((field) => related(e.field, field));
        for (const f of ours) {
          if (upstream.accepted || (theirs.length && !theirs.some((e) => names(e, f))))
            problems.push(`false error: ${f.ruleId} ${f.message}`);
        }
        const missed = upstream.accepted
          ? []
          : theirs.length
            ? theirs.filter((e) => !ours.some((f) => names(e, f)))
            : ours.length
              ? []
              : [{ type: 'refused', field: '', message: upstream.message ?? '' }];
        const documented = (m: (typeof MISSED_REFUSALS)[number], e: { field: string; message: string }) =>
          m.field.test(e.field) && m.message.test(e.message) && (m.when?.(object, e.field) ?? true);
        const undocumented = missed.filter((e) => !MISSED_REFUSALS.some((m) => documented(m, e)));
        for (const e of undocumented) problems.push(`missed refusal: ${e.field}: ${e.message}`);
        if (problems.length && survey) {
          for (const p of problems)
            survey.set(p, { count: (survey.get(p)?.count ?? 0) + 1, example: describeCase(c).split('\n')[0]! });
          return;
        }
        if (problems.length)
          throw new Error(
            `${problems.join('\n')}\n\nupstream: ${upstream.message ?? 'accepted'}\n\ncase: ${describeCase(c)}`,
          );
        if (missed.length) {
          const reason = MISSED_REFUSALS.find((m) => missed.some((e) => documented(m, e)));
          agreement.differ(reason!.id);
        } else agreement.agree();
      }),
      runParameters(300, 1401),
    );
    expect(agreement.cases).toBeGreaterThan(0);
  });
});

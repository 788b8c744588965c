import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/commands/lint.js';
import type { Finding } from '../../src/model/finding.js';
import {
  ERRORS_THAT_ARE_NOT_REFUSALS,
  FIELD_ALIASES,
  MISSED_REFUSALS,
  type MissedRefusal,
  UPSTREAM_FIELD_QUIRKS,
} from './builtin-validation.differences.js';

/**
 * How kubeplan's lint of a built-in object is compared with the API server's validation (the
 * oracle's `validate` op): shared by the generated cases and the replay of real manifests.
 */

export interface OracleValidation {
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

/** kubeplan's error findings on `object` (linted alone, from a file in `dir`) that claim the API server refuses it. */
export async function kubeplanRefusals(object: object, dir: string): Promise<Finding[]> {
  const file = join(dir, 'object.json');
  writeFileSync(file, JSON.stringify(object));
  const { findings } = await lint([file]);
  return findings.filter((f) => f.severity === 'error' && !(f.ruleId in ERRORS_THAT_ARE_NOT_REFUSALS));
}

export interface Comparison {
  /** Each undocumented difference, one line each: a false error or a missed refusal. */
  problems: string[];
  /** The id of the documented difference the case falls under, if any. */
  deliberate?: string;
}

/**
 * Every kubeplan refusal must meet an API server error on a related field (a false error is the
 * worst bug kubeplan can ship); every API server error kubeplan misses must be documented.
 */
export function compareValidation(
  object: Record<string, unknown>,
  upstream: OracleValidation,
  ours: Finding[],
): Comparison {
  const theirs = upstream.errors ?? [];
  const problems: string[] = [];
  const fieldsOf = (f: Finding) => {
    const fields = FIELD_ALIASES[f.ruleId]?.(fieldPathOf(f.pointer), object.kind) ?? [fieldPathOf(f.pointer)];
    // A message in the API server's words names its field first (kubeplan may point at a neighbour).
    const named = /^([\w.[\]/-]+): /.exec(f.message)?.[1];
    return named && f.ruleId === 'schema-invalid' ? [...fields, named] : fields;
  };
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
  const documented = (m: MissedRefusal, e: { field: string; message: string }) =>
    m.field.test(e.field) && m.message.test(e.message) && (m.when?.(object, e.field) ?? true);
  for (const e of missed.filter((e) => !MISSED_REFUSALS.some((m) => documented(m, e))))
    problems.push(`missed refusal: ${e.field}: ${e.message}`);
  const reason = MISSED_REFUSALS.find((m) => missed.some((e) => documented(m, e)));
  return reason && !problems.length ? { problems, deliberate: reason.id } : { problems };
}

/** KUBEPLAN_ORACLE_SURVEY=1: every kind of disagreement of a run, counted, instead of failing on the first. */
export class Survey {
  private readonly seen = new Map<string, { count: number; example: string }>();
  static readonly enabled = Boolean(process.env.KUBEPLAN_ORACLE_SURVEY);

  add(problems: readonly string[], example: string): void {
    for (const p of problems) this.seen.set(p, { count: (this.seen.get(p)?.count ?? 0) + 1, example });
  }

  print(): void {
    if (!this.seen.size) return;
    console.log(
      [...this.seen]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([p, { count, example }]) => `${count} × ${p}\n    e.g. ${example}`)
        .join('\n'),
    );
  }
}

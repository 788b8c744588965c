import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { fromFieldsV1, toFieldsV1 } from '../../../src/diff/apply/server-side/field-set.js';
import { managerIdentity } from '../../../src/diff/apply/server-side/managers.js';
import { lastAppliedOf } from '../../../src/diff/apply/predict-applied.js';
import { predictServerSide } from '../../../src/diff/apply/server-side/predict-server-side.js';
import type { KubeObject } from '../../../src/model/manifest.js';
import { askOracle, oracleBinary } from '../../helpers/oracle.js';
import { type ServerSideCase, serverSideCases } from './server-side-cases.js';

type Obj = Record<string, any>;

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** The annotation is kubectl's record, which the diff leaves out. */
function withoutLastApplied(metadata: Obj): Obj {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _last, ...annotations } = metadata.annotations ?? {};
  const { annotations: _a, ...rest } = metadata;
  return Object.keys(annotations).length ? { ...rest, annotations } : rest;
}

/** What an apply leaves: the object without managedFields, and who owns what (canonical fieldsV1). */
function outcomeOfOracle(result: Obj): { object: unknown; owners: Record<string, unknown> } {
  const { managedFields = [], ...metadata } = withoutLastApplied(result.metadata);
  const owners: Record<string, unknown> = {};
  for (const entry of managedFields as Obj[]) owners[managerIdentity(entry)] = toFieldsV1(fromFieldsV1(entry.fieldsV1));
  return { object: withoutNulls({ ...result, metadata }), owners };
}

function outcomeOfKubeplan(c: ServerSideCase): { object?: unknown; owners?: Record<string, unknown>; error?: string } {
  const predicted = predictServerSide(
    c.live as KubeObject,
    c.manifest as KubeObject,
    lastAppliedOf(c.live as KubeObject),
    {
      manager: 'kubectl',
      force: c.force,
    },
  );
  if (predicted.refused) return { error: predicted.refused };
  const { managedFields: _m, ...metadata } = withoutLastApplied(predicted.object.metadata as Obj);
  const owners: Record<string, unknown> = {};
  for (const [id, set] of predicted.owners ?? []) if (!set.isEmpty()) owners[id] = toFieldsV1(set);
  return { object: withoutNulls({ ...predicted.object, metadata }), owners };
}

describe('server-side apply against the API server field manager (oracle)', () => {
  const oracle = oracleBinary();
  (oracle ? it : it.skip)('predicts the same object, ownership and conflicts on 400 seeded pairs', () => {
    const cases = serverSideCases(400, 7);
    const answers = askOracle(
      oracle!,
      cases.map((c) => ({
        op: 'server-side-apply',
        current: c.live,
        modified: c.manifest,
        manager: 'kubectl',
        force: c.force,
      })),
    );
    const disagreements: string[] = [];
    cases.forEach((c, i) => {
      const answer = answers[i]!;
      const ours = outcomeOfKubeplan(c);
      const theirs = answer.error !== undefined ? { error: answer.error } : outcomeOfOracle(answer.result as Obj);
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(ours)), theirs))
        disagreements.push(
          `case ${i}:\n${JSON.stringify(c)}\nkubeplan: ${JSON.stringify(ours)}\noracle:   ${JSON.stringify(theirs)}`,
        );
    });
    if (process.env.SSA_DUMP) writeFileSync(process.env.SSA_DUMP, disagreements.join('\n=====\n'));
    // The pairs cover what matters: refusals for conflicts, and conflicts a last client-side apply allows.
    const refused = answers.filter((a) => a.error?.startsWith('Apply failed with')).length;
    const allowed = cases.filter((c) => {
      const options = { manager: 'kubectl', force: false };
      const last = lastAppliedOf(c.live as KubeObject);
      return (
        last &&
        predictServerSide(c.live as KubeObject, c.manifest as KubeObject, undefined, options).refused &&
        !predictServerSide(c.live as KubeObject, c.manifest as KubeObject, last, options).refused
      );
    }).length;
    console.log(
      `server-side apply: ${cases.length} pairs, ${refused} refused for conflicts, ${allowed} allowed by the last client-side apply`,
    );
    expect(refused).toBeGreaterThan(40);
    expect(allowed).toBeGreaterThan(5);
    expect(disagreements.slice(0, 1)).toEqual([]);
    expect(disagreements).toHaveLength(0);
  });
});

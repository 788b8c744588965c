import type { DiffResult } from '../commands/diff.js';
import type { ObjectChange } from '../diff/types.js';
import type { Manifest } from '../model/manifest.js';
import type { ObjectRef } from '../model/object-ref.js';
import { findingToJson, summaryJson } from './json.js';

function refToJson(ref: ObjectRef): Record<string, unknown> {
  return { apiVersion: ref.apiVersion, kind: ref.kind, namespace: ref.namespace ?? null, name: ref.name };
}

function where(manifest: Manifest | undefined): Record<string, unknown> | null {
  return manifest ? { file: manifest.source.file, line: manifest.locate('').line } : null;
}

function changeToJson(change: ObjectChange): Record<string, unknown> {
  return {
    action: change.action,
    object: refToJson(change.ref),
    desired: where(change.desired),
    current: where(change.current),
    refused: change.refused ?? null,
    patch: change.patch,
    text: change.text,
  };
}

/** The changes (each with its patch and text) and the consequences, as `diff` and `check` print them. */
export function diffSectionsJson(result: Pick<DiffResult, 'changes' | 'consequences'>): {
  changes: unknown[];
  consequences: unknown;
} {
  const c = result.consequences;
  return {
    changes: result.changes.map(changeToJson),
    consequences: c
      ? {
          workloads: c.workloads.map((w) => ({ ...w, ref: refToJson(w.ref) })),
          configs: c.configs.map((k) => ({
            config: refToJson(k.config),
            keys: k.keys,
            readers: k.readers.map((r) => ({ ...r, workload: refToJson(r.workload) })),
          })),
          endpoints: c.endpoints.map((e) => ({ ...e, service: refToJson(e.service) })),
          routes: c.routes.map((r) => ({
            ingress: refToJson(r.ingress),
            host: r.host,
            path: r.path,
            before: r.before ?? null,
            after: r.after ?? null,
          })),
        }
      : null,
  };
}

/** The change counts, then the usual summary. */
function diffSummaryJson(s: DiffResult['summary']): Record<string, unknown> {
  return { ...s.changes, generated: s.generated, outside: s.outside, ...summaryJson(s) };
}

/**
 * The diff as one JSON document (docs/diff.md): every object with its action, where each side
 * is written, its RFC 6902 patch (from the normalized current object to the normalized desired
 * one, Secret values masked) and its unified text; the consequences; the findings; the summary.
 * Keys are always present, in this order.
 */
export function formatDiffJson(result: DiffResult, currentSource = ''): string {
  const document = {
    current: currentSource,
    ...diffSectionsJson(result),
    findings: result.findings.map(findingToJson),
    summary: diffSummaryJson(result.summary),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

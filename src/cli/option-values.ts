import { kubeReleaseProblem } from '../config/kube-release.js';
import { dns1123Label } from '../model/name-validation.js';
import { parseSize } from './parse-size.js';

/**
 * A command line that cannot run: the CLI prints its message on one line and exits with code 2.
 * Option parsers throw it; commander passes anything it does not know on, and `cli` catches it.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--context`: a whole number of lines, 0 or more (and one a number can hold exactly). */
export function parseLines(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`--context: invalid number of lines "${value}" (0 or more)`);
  return Number(value);
}

/** `--max-file-size`: `10MiB`, `500kb`, `2000000` (parse-size.ts). */
export function parseMaxFileSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new UsageError(`--max-file-size: invalid size "${value}" (use e.g. 500KiB, 20MiB)`);
  return bytes;
}

/** `--now`: RFC 3339 with a zone (`2026-03-01T12:00:00Z`, `...+02:00`), normalized to UTC. */
export function parseNow(value: string): string {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--now: invalid time "${value}" (use RFC 3339, e.g. 2026-03-01T12:00:00Z)`);
  }
  return new Date(value).toISOString().replace('.000Z', 'Z');
}

/** `--headroom-limit`: a whole number of pods from 1 to 10,000. */
export function parseHeadroomLimit(value: string): number {
  const pods = Number(value);
  if (!/^\d+$/.test(value) || pods < 1 || pods > 10_000)
    throw new UsageError(`--headroom-limit: invalid headroom "${value}" (a number of pods from 1 to 10000)`);
  return pods;
}

/** `-n`: a namespace name, which the API server wants to be a DNS-1123 label. */
export function parseNamespace(value: string): string {
  const problems = dns1123Label(value);
  if (problems.length) throw new UsageError(`--namespace: invalid namespace "${value}": ${problems.join('; ')}`);
  return value;
}

/** `--kube-version`: a release kubeplan supports (kube-release.ts), kept as written. */
export function parseKubeRelease(value: string): string {
  const problem = kubeReleaseProblem(value);
  if (problem) throw new UsageError(`--kube-version ${problem}`);
  return value;
}

/**
 * Standard input is one stream: the manifests or the `--cluster` nodes can come from it, not
 * both (a Node among the manifests would be an object to apply, not a node to plan on).
 */
export function checkStdinUse(paths: readonly string[], cluster: readonly string[]): void {
  if (paths.includes('-') && cluster.includes('-'))
    throw new UsageError(
      '--cluster -: standard input already holds the manifests; give the nodes as a file (--cluster nodes.yaml)',
    );
}

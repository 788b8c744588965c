import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../model/finding.js';
import type { RuleDescriptor } from '../model/rule-descriptor.js';
import type { Severity } from '../model/severity.js';
import { findingFingerprint } from './fingerprint.js';

export interface SarifOptions {
  /** Every check that can produce a finding; findings of unknown checks still get a rule entry. */
  rules: readonly RuleDescriptor[];
  toolVersion: string;
  /** The repository's root: file paths become relative to it. */
  repositoryRoot?: string;
  /** The directory relative file paths of findings start from (default: the repository root). */
  cwd?: string;
}

/** GitHub code scanning accepts at most this many results per run. */
export const MAX_SARIF_RESULTS = 25_000;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Where a finding's file is: the path fingerprints use, and its SARIF artifact location. */
interface Artifact {
  /** Relative to the repository root, `/`-separated; absolute for a file outside it. */
  path: string;
  location: { uri: string; uriBaseId?: string };
}

/**
 * A finding's file as SARIF wants it: relative to the repository (`%SRCROOT%`), `/`-separated
 * and URI-encoded, however it was spelt (`./deploy/x.yaml`, `/repo/deploy/x.yaml`, or
 * `x.yaml` run from `deploy/`). A file outside the repository is an absolute `file://` URI
 * without a base: a base with an absolute path is not a valid SARIF location.
 */
function artifactOf(file: string, root: string | undefined, cwd: string | undefined): Artifact {
  const base = root ?? cwd;
  const given = toPosix(file);
  if (base === undefined && !posix.isAbsolute(given)) {
    // No base to resolve against: the path as given, with its spelling normalized.
    const path = posix.normalize(given);
    return { path, location: { uri: encodePath(path), uriBaseId: SRCROOT } };
  }
  const absolute = posix.resolve(toPosix(cwd ?? base ?? '/'), given);
  const relativePath = base === undefined ? '..' : posix.relative(toPosix(root ?? base), absolute);
  if (relativePath === '..' || relativePath.startsWith('../') || posix.isAbsolute(relativePath)) {
    return { path: absolute, location: { uri: pathToFileURL(absolute).href } };
  }
  return { path: relativePath, location: { uri: encodePath(relativePath), uriBaseId: SRCROOT } };
}

const SRCROOT = '%SRCROOT%';

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}

function ruleEntry(rule: RuleDescriptor): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.help.split('\n\n')[0] ?? rule.description },
    help: { text: rule.help, markdown: rule.help },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: [...(rule.tags ?? [])] },
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: every known rule in `tool.driver.rules`, one result per
 * finding with a 1-based region, paths relative to the repository root and stable
 * `partialFingerprints` so an alert keeps its identity when lines move.
 */
export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
  const rules = [...options.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const known = new Set(rules.map((r) => r.id));
  for (const f of findings) {
    if (!known.has(f.ruleId)) {
      known.add(f.ruleId);
      rules.push({
        id: f.ruleId,
        description: f.ruleId,
        help: f.remediation ?? f.ruleId,
        defaultSeverity: f.severity,
        ...(f.docsUrl ? { docsUrl: f.docsUrl } : {}),
      });
    }
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const kept = findings.slice(0, MAX_SARIF_RESULTS);
  const results: Result[] = kept.map((f) => {
    const artifact = artifactOf(f.file, options.repositoryRoot, options.cwd);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: LEVEL[f.severity],
      message: { text: f.remediation ? `${f.message}\n${f.remediation}` : f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact.location,
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine ?? f.line,
              endColumn: Math.max(f.endColumn ?? f.column, f.column),
            },
          },
        },
      ],
      // By the path in the repository, not as spelt on the command line: the same problem keeps
      // its fingerprint whatever directory kubeplan ran from.
      partialFingerprints: { 'kubeplan/v2': findingFingerprint({ ...f, file: artifact.path }) },
    };
  });
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubeplan',
            version: options.toolVersion,
            rules: rules.map(ruleEntry),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications:
              findings.length > kept.length
                ? [
                    {
                      level: 'warning',
                      message: {
                        text: `${findings.length - kept.length} of ${findings.length} findings were left out: code scanning accepts at most ${MAX_SARIF_RESULTS} results per run.`,
                      },
                    },
                  ]
                : [],
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

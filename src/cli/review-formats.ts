import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { BUILTIN_RULES } from '../../rules/index.js';
import { ruleDescriptors } from '../lint/rule-descriptors.js';
import type { Finding } from '../model/finding.js';
import type { ObjectRef } from '../model/object-ref.js';
import { plural } from '../model/plural.js';
import type { FailOn } from '../model/severity.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { formatSarif } from '../report/sarif.js';
import { CORE_CHECKS } from '../validate/core-checks.js';
import { kubeplanVersion } from '../version.js';
import type { CliIo } from './io.js';

/** Formats for the tools where reviews happen: code scanning, GitHub Actions logs, CI test reports. */
export const REVIEW_FORMATS = ['sarif', 'github', 'junit'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export function isReviewFormat(format: string): format is ReviewFormat {
  return (REVIEW_FORMATS as readonly string[]).includes(format);
}

/** The repository the working directory is in, for SARIF paths; the working directory outside one. */
function repositoryRoot(cwd: string): string {
  try {
    return (
      execFileSync('git', ['rev-parse', '--show-toplevel'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || cwd
    );
  } catch {
    return cwd;
  }
}

export interface ReviewInput {
  findings: readonly Finding[];
  objects: ReadonlyArray<{ file: string; ref: ObjectRef }>;
  failOn: FailOn;
}

/**
 * Writes a report for a review tool. `github` prints workflow commands and, in a GitHub Actions
 * job, appends the findings that did not fit as annotations to the job summary.
 */
export function writeReviewFormat(io: CliIo, format: ReviewFormat, input: ReviewInput): void {
  const cwd = io.cwd ?? process.cwd();
  if (format === 'sarif') {
    io.stdout.write(
      formatSarif(input.findings, {
        rules: [...ruleDescriptors(BUILTIN_RULES), ...CORE_CHECKS],
        toolVersion: kubeplanVersion(),
        repositoryRoot: repositoryRoot(cwd),
        cwd,
      }),
    );
  } else if (format === 'junit') {
    io.stdout.write(formatJunit(input, { failOn: input.failOn }));
  } else {
    writeGithub(io, input.findings);
  }
}

/**
 * Workflow commands, and the findings that do not fit as annotations: in the job summary when
 * there is one (a line of the log says so), else in the log itself. None is dropped unsaid.
 */
function writeGithub(io: CliIo, findings: readonly Finding[]): void {
  const out = formatGithub(findings);
  io.stdout.write(out.commands);
  if (!out.overflow) return;
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && appendSummary(summaryFile, out.summary)) {
    io.stdout.write(
      `kubeplan: ${plural(out.overflow, 'more finding')} did not fit as annotations; the job summary lists them\n`,
    );
  } else {
    io.stdout.write(out.log);
  }
}

/** Appends to the job summary; false when it cannot be written (the findings then go to the log). */
function appendSummary(file: string, text: string): boolean {
  try {
    appendFileSync(file, text);
    return true;
  } catch {
    return false;
  }
}

import type { Finding } from '../model/finding.js';
import { severityRank } from '../model/severity.js';
import { findingFingerprint } from '../report/fingerprint.js';
import type { CommentableLines } from './diff-lines.js';
import { findingMarker } from './markers.js';

/** reviewdog's proven limit: more comments than this in one review bury the discussion. */
export const MAX_REVIEW_COMMENTS = 30;

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  body: string;
}

export interface ReviewPlan {
  /** New comments for one review, at most MAX_REVIEW_COMMENTS, none repeating an earlier one. */
  comments: ReviewComment[];
  /** Findings that get no review comment (outside the diff, or over the limit): annotate them. */
  elsewhere: Finding[];
  /** Findings already commented on by an earlier run. */
  alreadyPosted: number;
}

function commentBody(f: Finding): string {
  const icon = f.severity === 'error' ? '**error**' : f.severity === 'warning' ? '**warning**' : 'info';
  const fix = f.remediation ? `\n\n${f.remediation}` : '';
  return `${findingMarker(findingFingerprint(f))}\n${icon} \`${f.ruleId}\`: ${f.message}${fix}`;
}

/**
 * Decides which findings become review comments: those on lines inside the pull request's diff,
 * most severe first, skipping any an earlier run already posted (same fingerprint), at most 30.
 * `pathOf` maps a finding's file to its path in the repository.
 */
export function planReview(
  findings: readonly Finding[],
  lines: CommentableLines,
  postedFingerprints: ReadonlySet<string>,
  pathOf: (file: string) => string,
): ReviewPlan {
  const ordered = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const comments: ReviewComment[] = [];
  const elsewhere: Finding[] = [];
  const seen = new Set<string>();
  let alreadyPosted = 0;
  for (const f of ordered) {
    const path = pathOf(f.file);
    const fingerprint = findingFingerprint(f);
    if (!lines.get(path)?.has(f.line)) {
      elsewhere.push(f);
    } else if (postedFingerprints.has(fingerprint) || seen.has(fingerprint)) {
      alreadyPosted++;
    } else if (comments.length >= MAX_REVIEW_COMMENTS) {
      elsewhere.push(f);
    } else {
      seen.add(fingerprint);
      comments.push({ path, line: f.line, side: 'RIGHT', body: commentBody(f) });
    }
  }
  comments.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return { comments, elsewhere, alreadyPosted };
}

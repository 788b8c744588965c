import type { GithubClient } from './github-client.js';
import type { PullRequestFile } from './diff-lines.js';
import { fingerprintInBody, SUMMARY_MARKER } from './markers.js';
import type { ReviewComment } from './review-plan.js';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** The head commit the review comments attach to. */
  headSha: string;
}

export async function changedFiles(client: GithubClient, pr: PullRequestRef): Promise<PullRequestFile[]> {
  return client.paginate(client.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
}

/** Fingerprints of the findings earlier runs commented on in this pull request. */
export async function postedFingerprints(client: GithubClient, pr: PullRequestRef): Promise<Set<string>> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const out = new Set<string>();
  for (const c of comments) {
    const fingerprint = fingerprintInBody(c.body);
    if (fingerprint) out.add(fingerprint);
  }
  return out;
}

/** Posts one review with the given comments (none: nothing is posted). */
export async function postReview(
  client: GithubClient,
  pr: PullRequestRef,
  comments: readonly ReviewComment[],
  body: string,
): Promise<void> {
  if (!comments.length) return;
  await client.rest.pulls.createReview({
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    commit_id: pr.headSha,
    event: 'COMMENT',
    body,
    comments: comments.map((c) => ({ path: c.path, line: c.line, side: c.side, body: c.body })),
  });
}

/**
 * Keeps exactly one kubeplan summary comment on the pull request: the one carrying the hidden
 * marker is updated (extra ones, from concurrent runs, are deleted); without one it is created.
 */
export async function upsertSummaryComment(
  client: GithubClient,
  pr: PullRequestRef,
  body: string,
): Promise<'created' | 'updated'> {
  const marked = `${SUMMARY_MARKER}\n${body}`;
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  const ours = comments.filter((c) => c.body?.startsWith(SUMMARY_MARKER)).sort((a, b) => a.id - b.id);
  const [keep, ...extra] = ours;
  if (!keep) {
    await client.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: marked });
    return 'created';
  }
  if (keep.body !== marked)
    await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: keep.id, body: marked });
  for (const c of extra) await client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: c.id });
  return 'updated';
}

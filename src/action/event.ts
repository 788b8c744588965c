import { readFileSync } from 'node:fs';
import type { PullRequestRef } from './pull-request.js';

export interface PullRequestEvent extends PullRequestRef {
  /** The base commit: the default current state to diff against. */
  baseSha: string;
}

/**
 * The pull request the workflow runs for (events `pull_request` and `pull_request_target`), read
 * from the event payload GitHub writes to GITHUB_EVENT_PATH; undefined for other events.
 */
export function pullRequestOf(env: Record<string, string | undefined>): PullRequestEvent | undefined {
  const path = env.GITHUB_EVENT_PATH;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!path || !owner || !repo) return undefined;
  let event: { pull_request?: { number?: number; head?: { sha?: string }; base?: { sha?: string } } };
  try {
    event = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  const pr = event.pull_request;
  if (!pr?.number || !pr.head?.sha || !pr.base?.sha) return undefined;
  return { owner, repo, number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha };
}

import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export type GithubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, or a GitHub Enterprise Server. */
  baseUrl: string;
  log: (message: string) => void;
}

const ClientWithRetries = Octokit.plugin(retry, throttling);

/** How many times a rate-limited request is tried again before the error is reported. */
const RATE_LIMIT_RETRIES = 2;

/**
 * A REST client that retries server errors (with back-off) and waits out primary and secondary
 * rate limits a couple of times before giving up, logging each wait.
 */
export function createGithubClient(options: ClientOptions): GithubClient {
  return new ClientWithRetries({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'kubeplan-action',
    log: { debug: () => {}, info: () => {}, warn: options.log, error: options.log },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      onRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        options.log(`GitHub rate limit reached for ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < RATE_LIMIT_RETRIES;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        options.log(`GitHub secondary rate limit for ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return retryCount < RATE_LIMIT_RETRIES;
      },
    },
  }) as unknown as GithubClient;
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A token that may read but not write (pull requests from forks get one): GitHub answers 403
 * "Resource not accessible by integration". Such a run falls back to annotations.
 */
export function isReadOnlyToken(error: unknown): boolean {
  return statusOf(error) === 403;
}

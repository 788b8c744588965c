import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fitComment } from '../../src/action/comment-size.js';
import { createGithubClient, isReadOnlyToken } from '../../src/action/github-client.js';
import { changedFiles, postedFingerprints, postReview, upsertSummaryComment } from '../../src/action/pull-request.js';
import { FakeGithub, READ_TOKEN, WRITE_TOKEN } from './fake-github.js';

const PR = { owner: 'shop', repo: 'deploy', number: 7, headSha: 'abc123' };

describe('pull request calls against GitHub rules', () => {
  let github: FakeGithub;
  let url: string;
  const logs: string[] = [];
  const client = (token = WRITE_TOKEN) => createGithubClient({ token, baseUrl: url, log: (m) => logs.push(m) });

  beforeEach(async () => {
    github = new FakeGithub('shop/deploy', 7, [
      { filename: 'a.yaml', status: 'modified', patch: '@@ -1,2 +1,3 @@\n a: 1\n+b: 2\n c: 3' },
    ]);
    url = await github.start();
    logs.length = 0;
  });
  afterEach(() => github.stop());

  it('keeps one summary comment across runs, updating it in place', async () => {
    expect(await upsertSummaryComment(client(), PR, 'first')).toBe('created');
    expect(await upsertSummaryComment(client(), PR, 'second')).toBe('updated');
    expect(github.issueComments.map((c) => c.body)).toEqual(['<!-- kubeplan:summary -->\nsecond']);
  });

  it('removes duplicate summary comments left by concurrent runs', async () => {
    github.issueComments.push(
      { id: 1, body: '<!-- kubeplan:summary -->\nold a', user: { login: 'bot' } },
      { id: 2, body: 'a human comment', user: { login: 'dev' } },
      { id: 3, body: '<!-- kubeplan:summary -->\nold b', user: { login: 'bot' } },
    );
    await upsertSummaryComment(client(), PR, 'new');
    expect(github.issueComments.map((c) => `${c.id}:${c.body}`)).toEqual([
      '1:<!-- kubeplan:summary -->\nnew',
      '2:a human comment',
    ]);
  });

  it('pages through long comment lists', async () => {
    for (let i = 0; i < 250; i++)
      github.issueComments.push({ id: i + 1, body: `comment ${i}`, user: { login: 'dev' } });
    github.issueComments.push({ id: 999, body: '<!-- kubeplan:summary -->\nold', user: { login: 'bot' } });
    expect(await upsertSummaryComment(client(), PR, 'new')).toBe('updated');
    // 251 comments at 100 a page: three pages; the summary, on the last, updated in place.
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/shop/deploy/issues/7/comments',
      'GET /repos/shop/deploy/issues/7/comments',
      'GET /repos/shop/deploy/issues/7/comments',
      'PATCH /repos/shop/deploy/issues/comments/999',
    ]);
    expect(github.issueComments).toHaveLength(251);
    expect(github.issueComments[250]).toEqual({
      id: 999,
      body: '<!-- kubeplan:summary -->\nnew',
      user: { login: 'bot' },
    });
    expect(github.issueComments[249]!.body).toBe('comment 249');
  });

  it('reads review comment fingerprints from every page, whoever wrote them', async () => {
    for (let i = 0; i < 150; i++)
      github.reviewComments.push({ id: i + 1, body: `nit ${i}`, user: { login: 'dev' }, path: 'a.yaml', line: 2 });
    github.reviewComments.push(
      { id: 500, body: '<!-- kubeplan:finding:00ff -->\nx', user: { login: 'bot' }, path: 'a.yaml' },
      { id: 501, body: '<!-- other:finding:11 -->\n<!-- kubeplan:finding:beef -->', user: { login: 'dev' } },
    );
    expect([...(await postedFingerprints(client(), PR))]).toEqual(['00ff', 'beef']);
    expect(github.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('sends review comments GitHub accepts, and reads back their fingerprints', async () => {
    await postReview(
      client(),
      PR,
      [{ path: 'a.yaml', line: 2, side: 'RIGHT', body: '<!-- kubeplan:finding:abc -->\nx' }],
      'review',
    );
    expect(github.reviews).toHaveLength(1);
    expect([...(await postedFingerprints(client(), PR))]).toEqual(['abc']);
    expect((await changedFiles(client(), PR)).map((f) => f.filename)).toEqual(['a.yaml']);
  });

  it("surfaces GitHub's 422 for a comment outside the diff", async () => {
    await expect(
      postReview(client(), PR, [{ path: 'a.yaml', line: 9, side: 'RIGHT', body: 'x' }], 'review'),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('gets 422 for a body over 65,536 characters, and fits a cut summary', async () => {
    const huge = `${'- a finding line that repeats\n'.repeat(4000)}`;
    await expect(upsertSummaryComment(client(), PR, huge)).rejects.toMatchObject({ status: 422 });
    expect(await upsertSummaryComment(client(), PR, fitComment(huge))).toBe('created');
    expect(github.issueComments[0]!.body.length).toBeLessThanOrEqual(65_536);
  });

  it('recognises a read-only token', async () => {
    const error = await upsertSummaryComment(client(READ_TOKEN), PR, 'x').catch((e: unknown) => e);
    expect(isReadOnlyToken(error)).toBe(true);
  });

  it('retries a server error and waits out a rate limit', async () => {
    github.faults.set('GET /repos/shop/deploy/issues/7/comments', [
      { status: 500, message: 'boom' },
      {
        status: 403,
        message: 'API rate limit exceeded',
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1) },
      },
    ]);
    expect(await upsertSummaryComment(client(), PR, 'after retries')).toBe('created');
    expect(github.requests.filter((r) => r.path.endsWith('/issues/7/comments') && r.method === 'GET')).toHaveLength(3);
    expect(logs.some((l) => l.startsWith('GitHub rate limit reached for GET'))).toBe(true);
  }, 30_000);
});

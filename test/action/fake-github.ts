import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server implementing the GitHub REST endpoints the Action calls, with GitHub's own
 * rules: 422 for a review comment outside the diff, 422 for a body over 65,536 characters,
 * 403 "Resource not accessible by integration" for writes with a read-only token, Link-header
 * pagination. It records every request, and can answer a request with a server error or a
 * rate-limit response first to exercise retries.
 */
export const WRITE_TOKEN = 'ghs_write';
export const READ_TOKEN = 'ghs_read';
const MAX_BODY = 65_536;

export interface FakeFile {
  filename: string;
  status: string;
  patch?: string;
}
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string };
  path?: string;
  line?: number;
}
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/** The new-side lines a patch shows, written independently of the Action's own parser. */
function rightSideLines(patch: string): number[] {
  const out: number[] = [];
  let line = -1;
  for (const row of patch.split('\n')) {
    const header = row.match(/^@@ -[0-9,]+ \+([0-9]+)/);
    if (header) line = Number(header[1]);
    else if (line >= 0 && row !== '' && row[0] !== '-' && row[0] !== '\\') out.push(line++);
  }
  return out;
}

export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  readonly issueComments: FakeComment[] = [];
  readonly reviewComments: FakeComment[] = [];
  readonly reviews: Array<{ body: string; event: string; commit_id: string; comments: unknown[] }> = [];
  /** Responses to give before the real one, per "METHOD path" (e.g. a 500, then a rate limit). */
  readonly faults = new Map<string, Array<{ status: number; headers?: Record<string, string>; message: string }>>();
  private nextId = 1000;
  private server: Server | undefined;

  constructor(
    readonly repo: string,
    readonly pullNumber: number,
    readonly files: FakeFile[],
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => this.send(res, 500, { message: error.message }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(status === 204 ? '' : JSON.stringify(body));
  }

  private page<T>(req: IncomingMessage, res: ServerResponse, items: T[]): void {
    const url = new URL(req.url!, 'http://x');
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      url.searchParams.set('page', String(page + 1));
      headers.link = `<http://${req.headers.host}${url.pathname}${url.search}>; rel="next", <http://${req.headers.host}${url.pathname}?per_page=${perPage}&page=${last}>; rel="last"`;
    }
    this.send(res, 200, items.slice((page - 1) * perPage, page * perPage), headers);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const path = new URL(req.url!, 'http://x').pathname;
    const method = req.method!;
    this.requests.push({ method, path, body });

    const fault = this.faults.get(`${method} ${path}`)?.shift();
    if (fault) return this.send(res, fault.status, { message: fault.message }, fault.headers);

    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    if (token !== WRITE_TOKEN && token !== READ_TOKEN) return this.send(res, 401, { message: 'Bad credentials' });
    if (method !== 'GET' && token === READ_TOKEN)
      return this.send(res, 403, { message: 'Resource not accessible by integration' });

    const base = `/repos/${this.repo}`;
    const pr = `${base}/pulls/${this.pullNumber}`;
    const issue = `${base}/issues/${this.pullNumber}`;
    const tooLong = (s: unknown) => typeof s === 'string' && s.length > MAX_BODY;

    if (method === 'GET' && path === `${pr}/files`) return this.page(req, res, this.files);
    if (method === 'GET' && path === `${pr}/comments`) return this.page(req, res, this.reviewComments);
    if (method === 'GET' && path === `${issue}/comments`) return this.page(req, res, this.issueComments);

    if (method === 'POST' && path === `${issue}/comments`) {
      if (tooLong(body?.body))
        return this.send(res, 422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: 'body is too long (maximum is 65536 characters)',
            },
          ],
        });
      const comment = { id: this.nextId++, body: String(body?.body), user: { login: 'github-actions[bot]' } };
      this.issueComments.push(comment);
      return this.send(res, 201, comment);
    }
    const commentPath = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path);
    if (commentPath) {
      const index = this.issueComments.findIndex((c) => c.id === Number(commentPath[1]));
      if (index < 0) return this.send(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        if (tooLong(body?.body)) return this.send(res, 422, { message: 'Validation Failed' });
        this.issueComments[index]!.body = String(body?.body);
        return this.send(res, 200, this.issueComments[index]);
      }
      if (method === 'DELETE') {
        this.issueComments.splice(index, 1);
        return this.send(res, 204, null);
      }
    }
    if (method === 'POST' && path === `${pr}/reviews`) {
      const comments = (body?.comments as Array<{ path: string; line: number; body: string }>) ?? [];
      if (tooLong(body?.body) || comments.some((c) => tooLong(c.body)))
        return this.send(res, 422, { message: 'Validation Failed' });
      for (const c of comments) {
        const file = this.files.find((f) => f.filename === c.path);
        if (!file?.patch || !rightSideLines(file.patch).includes(c.line)) {
          return this.send(res, 422, {
            message: 'Unprocessable Entity',
            errors: ['Pull request review thread line must be part of the diff'],
          });
        }
      }
      this.reviews.push({
        body: String(body?.body ?? ''),
        event: String(body?.event),
        commit_id: String(body?.commit_id),
        comments,
      });
      for (const c of comments)
        this.reviewComments.push({
          id: this.nextId++,
          body: c.body,
          path: c.path,
          line: c.line,
          user: { login: 'github-actions[bot]' },
        });
      return this.send(res, 200, { id: this.nextId++ });
    }
    return this.send(res, 404, { message: `Not Found: ${method} ${path}` });
  }
}

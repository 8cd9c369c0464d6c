/**
 * Test support: a scripted HTTP server on 127.0.0.1 (an ephemeral port), so source tests never touch the
 * internet. Each path has a queue of canned answers (the last one repeats); every request is recorded.
 * Answers can be delayed (timeouts), cut off mid-body (truncation), or carry any status and headers.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Wait this long before sending headers, ms. */
  readonly delayMs?: number;
  /** Send only this many bytes of the body (with the full Content-Length), then destroy the socket. */
  readonly truncateAfterBytes?: number;
  /** Computes the answer from the request instead (e.g. conditional GETs, logins). */
  readonly respond?: (request: RecordedRequest) => CannedAnswer;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Sets the queue of answers for a path (path + query, exactly as requested). */
  route(pathAndQuery: string, ...answers: CannedAnswer[]): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  const routes = new Map<string, CannedAnswer[]>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const queue = routes.get(recorded.path);
      let answer: CannedAnswer = queue === undefined || queue.length === 0 ? { status: 404, body: 'no route' } : queue.length > 1 ? queue.shift()! : queue[0]!;
      if (answer.respond !== undefined) answer = answer.respond(recorded);
      const send = (): void => {
        const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : Buffer.from(answer.body ?? new Uint8Array(0));
        res.writeHead(answer.status ?? 200, { 'content-length': String(body.byteLength), ...answer.headers });
        if (answer.truncateAfterBytes !== undefined) {
          res.write(body.subarray(0, answer.truncateAfterBytes));
          setTimeout(() => res.socket?.destroy(), 20);
        } else {
          res.end(body);
        }
      };
      if (answer.delayMs !== undefined) {
        const timer = setTimeout(send, answer.delayMs);
        res.on('close', () => clearTimeout(timer));
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route(pathAndQuery, ...answers) {
      routes.set(pathAndQuery, answers);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

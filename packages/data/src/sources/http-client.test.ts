import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, parseRetryAfterMs, type HttpEvent } from './http-client.js';
import { SourceError, redactUrl } from './errors.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

/** A client whose back-off sleeps are recorded instead of waited, so retry tests take milliseconds. */
function client(extra: ConstructorParameters<typeof HttpClient>[0] = {}): { http: HttpClient; sleeps: number[]; events: HttpEvent[] } {
  const sleeps: number[] = [];
  const events: HttpEvent[] = [];
  const http = new HttpClient({
    timeoutMs: 2_000,
    retries: 2,
    minHostIntervalMs: 0,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { http, sleeps, events };
}

async function failure(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('expected a SourceError');
}

describe('HttpClient', () => {
  it('sends a User-Agent and returns body, ETag and Last-Modified', async () => {
    server.route('/ok', { body: 'hello', headers: { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' } });
    const { http } = client({ userAgent: 'stationkeeper-test/1' });
    const r = await http.request(`${server.baseUrl}/ok`);
    expect(r.body).toBe('hello');
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    expect(r.attempts).toBe(1);
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('stationkeeper-test/1');
  });

  it('sends conditional headers and reports 304 Not Modified with an empty body', async () => {
    server.route('/cond', {
      respond: (req) => (req.headers['if-none-match'] === '"v7"' ? { status: 304 } : { body: 'fresh', headers: { etag: '"v7"' } }),
    });
    const { http } = client();
    const first = await http.request(`${server.baseUrl}/cond`);
    expect(first.notModified).toBe(false);
    const second = await http.request(`${server.baseUrl}/cond`, { etag: first.etag! });
    expect(second.notModified).toBe(true);
    expect(second.body).toBe('');
    expect(second.status).toBe(304);
  });

  it('retries a 500 with exponential back-off and succeeds', async () => {
    server.route('/flaky', { status: 500 }, { status: 503 }, { body: 'done' });
    const { http, sleeps, events } = client({ baseDelayMs: 100 });
    const r = await http.request(`${server.baseUrl}/flaky`);
    expect(r.body).toBe('done');
    expect(r.attempts).toBe(3);
    // equal jitter with random() = 0.5: 0.75 · base · 2^(n−1)
    expect(sleeps).toEqual([75, 150]);
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(2);
  });

  it('gives up on persistent 500s with a message naming the status and the attempts', async () => {
    server.route('/down', { status: 500 });
    const { http } = client();
    const e = await failure(http.request(`${server.baseUrl}/down`));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(500);
    expect(e.attempts).toBe(3);
    expect(e.message).toContain('HTTP 500');
    expect(e.message).toContain('after 3 attempts');
  });

  it('honours Retry-After on 429', async () => {
    server.route('/busy', { status: 429, headers: { 'retry-after': '7' } }, { body: 'ok' });
    const { http, sleeps } = client({ baseDelayMs: 10 });
    const r = await http.request(`${server.baseUrl}/busy`);
    expect(r.body).toBe('ok');
    expect(sleeps).toEqual([7_000]);
  });

  it('refuses to wait for a Retry-After beyond its limit, and says so', async () => {
    server.route('/later', { status: 429, headers: { 'retry-after': '3600' } });
    const { http, sleeps } = client();
    const e = await failure(http.request(`${server.baseUrl}/later`));
    expect(e.status).toBe(429);
    expect(e.message).toContain('retry after 3600 s');
    expect(sleeps).toEqual([]);
  });

  it('does not retry a 404', async () => {
    server.route('/missing', { status: 404 });
    const { http, sleeps } = client();
    const e = await failure(http.request(`${server.baseUrl}/missing`));
    expect(e.kind).toBe('http');
    expect(e.attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a server that does not answer, per attempt', async () => {
    server.route('/slow', { delayMs: 1_000, body: 'late' });
    const { http } = client({ timeoutMs: 100, retries: 1 });
    const e = await failure(http.request(`${server.baseUrl}/slow`));
    expect(e.kind).toBe('timeout');
    expect(e.message).toContain('0.1 s');
    expect(e.attempts).toBe(2);
  });

  it('detects a body cut off before its Content-Length', async () => {
    server.route('/cut', { body: 'x'.repeat(5_000), truncateAfterBytes: 1_000 });
    const { http } = client({ retries: 1 });
    const e = await failure(http.request(`${server.baseUrl}/cut`));
    expect(e.kind).toBe('truncated');
    expect(e.message).toContain('truncated body');
  });

  it('reports an unreachable host as offline without retrying', async () => {
    // A port that was just free: nothing listens there.
    const tmp = await startLoopbackServer();
    const url = `${tmp.baseUrl}/x`;
    await tmp.close();
    const { http, sleeps } = client();
    const e = await failure(http.request(url));
    expect(e.kind).toBe('offline');
    expect(e.message).toContain('ECONNREFUSED');
    expect(sleeps).toEqual([]);
  });

  it('stops when the caller aborts', async () => {
    server.route('/slow2', { delayMs: 1_000, body: 'late' });
    const { http } = client();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e = await failure(http.request(`${server.baseUrl}/slow2`, { signal: ac.signal }));
    expect(e.kind).toBe('aborted');
  });

  it('spaces requests to one host by minHostIntervalMs', async () => {
    server.route('/spaced', { body: 'x' });
    let now = 1_000_000;
    const sleeps: number[] = [];
    const http = new HttpClient({
      minHostIntervalMs: 1_000,
      clock: () => now,
      sleep: (ms) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    });
    await http.request(`${server.baseUrl}/spaced`);
    now += 300;
    await http.request(`${server.baseUrl}/spaced`);
    expect(sleeps).toEqual([700]);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds and HTTP-dates', () => {
    expect(parseRetryAfterMs('120', 0)).toBe(120_000);
    expect(parseRetryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(30_000);
    expect(parseRetryAfterMs('soon', 0)).toBeUndefined();
    expect(parseRetryAfterMs(null, 0)).toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('removes user-info and secret query values', () => {
    expect(redactUrl('https://bob:hunter2@example.org/q?password=hunter2&GROUP=stations')).toBe(
      'https://example.org/q?password=***&GROUP=stations',
    );
  });
});

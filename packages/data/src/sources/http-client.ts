/**
 * A small, polite HTTP client on Node's global `fetch` (undici) for the online data sources.
 *
 * - Timeouts: every attempt (headers *and* body) runs under `AbortSignal.timeout(timeoutMs)`, combined with
 *   the caller's signal.
 * - Retries: network errors, truncated bodies, timeouts, HTTP 408/429/5xx are retried up to `retries` times
 *   with exponential back-off and jitter ("equal jitter": half the delay fixed, half random — AWS Architecture
 *   Blog, "Exponential Backoff and Jitter", 2015). A `Retry-After` header (RFC 9110 §10.2.3: delta-seconds or
 *   an HTTP-date) is honoured; one longer than `maxRetryAfterMs` ends the request with a message instead of
 *   hanging the user's terminal.
 * - Unreachable hosts (DNS failure, connection refused, no route) fail at once as `offline`: retrying cannot
 *   help and the CLI should say "offline" quickly.
 * - Conditional requests: `If-None-Match` / `If-Modified-Since` from a previous answer (RFC 9110 §13.1); a
 *   304 comes back as `notModified: true` with an empty body.
 * - Politeness: a clear `User-Agent`, and at least `minHostIntervalMs` between two requests to one host.
 * - Integrity: a body shorter than its `Content-Length`, or cut off by the peer, is `truncated`.
 */
import { SourceError, redactUrl } from './errors.js';

export const DEFAULT_USER_AGENT = 'stationkeeper/0.1.0 (open-source ISS tracker; Node.js fetch)';

export type HttpEvent =
  | { readonly type: 'request'; readonly url: string; readonly attempt: number }
  | { readonly type: 'response'; readonly url: string; readonly status: number; readonly bytes: number }
  | { readonly type: 'retry'; readonly url: string; readonly attempt: number; readonly delayMs: number; readonly reason: string };

export interface HttpClientOptions {
  /** Sent with every request. */
  readonly userAgent?: string;
  /** Limit for one attempt, headers and body together, ms. Default 30 000. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  /** First back-off delay, ms; doubles per retry. Default 1 000. */
  readonly baseDelayMs?: number;
  /** Cap on one back-off delay, ms. Default 30 000. */
  readonly maxDelayMs?: number;
  /** Longest `Retry-After` honoured, ms; a longer one fails the request. Default 120 000. */
  readonly maxRetryAfterMs?: number;
  /** Minimum spacing between two requests to the same host, ms. Default 1 000. */
  readonly minHostIntervalMs?: number;
  /** Largest body accepted, bytes. Default 128 MiB. */
  readonly maxBytes?: number;
  /** Injected for tests. */
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly clock?: () => number;
  /** Progress and diagnostics; never receives credentials. */
  readonly onEvent?: (event: HttpEvent) => void;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** Request body (form-encoded or JSON); never included in any message or event. */
  readonly body?: string;
  /** Validators from an earlier answer for a conditional GET. */
  readonly etag?: string;
  readonly lastModified?: string;
  readonly signal?: AbortSignal;
}

export interface HttpResult {
  /** The URL asked for (redacted for display). */
  readonly url: string;
  readonly status: number;
  /** True for 304 Not Modified: `body` is empty and the earlier copy is still current. */
  readonly notModified: boolean;
  readonly body: string;
  readonly bytes: number;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly contentType?: string;
  readonly headers: Headers;
  readonly attempts: number;
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);

/** Error codes anywhere in an error's cause chain (undici nests them; AggregateError lists several). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const out: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.push(code);
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested)) for (const e of nested) out.push(...errorCodes(e, depth + 1));
  out.push(...errorCodes((error as { cause?: unknown }).cause, depth + 1));
  return out;
}

/** Parses a Retry-After value (delta-seconds or HTTP-date) into ms from `nowMs`; undefined when absent/invalid. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface AttemptFailure {
  readonly kind: 'offline' | 'network' | 'timeout' | 'http' | 'truncated' | 'auth' | 'aborted';
  readonly message: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

export class HttpClient {
  readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly minHostIntervalMs: number;
  private readonly maxBytes: number;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly clock: () => number;
  private readonly onEvent: ((event: HttpEvent) => void) | undefined;
  /** When the last request to each host started (ms on `clock`), for the per-host spacing. */
  private readonly lastRequestAt = new Map<string, number>();

  constructor(options: HttpClientOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.minHostIntervalMs = options.minHostIntervalMs ?? 1_000;
    this.maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
    for (const [name, v] of [
      ['timeoutMs', this.timeoutMs],
      ['retries', this.retries],
      ['baseDelayMs', this.baseDelayMs],
      ['maxDelayMs', this.maxDelayMs],
      ['maxRetryAfterMs', this.maxRetryAfterMs],
      ['minHostIntervalMs', this.minHostIntervalMs],
      ['maxBytes', this.maxBytes],
    ] as const) {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`HttpClient ${name} must be a finite number ≥ 0, got ${v}`);
    }
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.clock = options.clock ?? Date.now;
    this.onEvent = options.onEvent;
  }

  /** Back-off before retry number `retry` (1-based): equal jitter on base·2^(retry−1), capped. */
  backoffMs(retry: number): number {
    const d = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (retry - 1));
    return d / 2 + this.random() * (d / 2);
  }

  /**
   * Performs the request with retries. Resolves to the answer for 2xx and 304; throws `SourceError` for
   * everything else, after retries where retrying makes sense.
   */
  async request(url: string, req: HttpRequest = {}): Promise<HttpResult> {
    const shown = redactUrl(url);
    let host: string;
    try {
      host = new URL(url).host;
    } catch (cause) {
      throw new SourceError('invalid-body', url, `not a valid URL`, { cause });
    }
    let attempt = 0;
    for (;;) {
      attempt += 1;
      await this.spaceRequests(host, req.signal);
      this.onEvent?.({ type: 'request', url: shown, attempt });
      const outcome = await this.attempt(url, req);
      if ('result' in outcome) return { ...outcome.result, attempts: attempt };
      const failure = outcome.failure;
      if (!failure.retryable || attempt > this.retries) {
        const tries = attempt === 1 ? '' : ` after ${attempt} attempts`;
        throw new SourceError(failure.kind, url, `${failure.message}${tries}`, {
          attempts: attempt,
          ...(failure.status === undefined ? {} : { status: failure.status }),
          ...(failure.cause === undefined ? {} : { cause: failure.cause }),
        });
      }
      let delayMs = this.backoffMs(attempt);
      if (failure.retryAfterMs !== undefined) {
        if (failure.retryAfterMs > this.maxRetryAfterMs) {
          throw new SourceError(
            failure.kind,
            url,
            `${failure.message}; the server asks to retry after ${Math.round(failure.retryAfterMs / 1000)} s, longer than the ${Math.round(this.maxRetryAfterMs / 1000)} s this client waits — try again later`,
            { attempts: attempt, ...(failure.status === undefined ? {} : { status: failure.status }) },
          );
        }
        delayMs = Math.max(delayMs, failure.retryAfterMs);
      }
      this.onEvent?.({ type: 'retry', url: shown, attempt, delayMs, reason: failure.message });
      try {
        await this.sleep(delayMs, req.signal);
      } catch (cause) {
        throw new SourceError('aborted', url, 'request cancelled', { attempts: attempt, cause });
      }
    }
  }

  private async spaceRequests(host: string, signal: AbortSignal | undefined): Promise<void> {
    const last = this.lastRequestAt.get(host);
    const now = this.clock();
    if (last !== undefined && this.minHostIntervalMs > 0) {
      const wait = last + this.minHostIntervalMs - now;
      if (wait > 0) {
        try {
          await this.sleep(wait, signal);
        } catch (cause) {
          throw new SourceError('aborted', `https://${host}/`, 'request cancelled', { cause });
        }
      }
    }
    this.lastRequestAt.set(host, this.clock());
  }

  private async attempt(url: string, req: HttpRequest): Promise<{ result: Omit<HttpResult, 'attempts'> } | { failure: AttemptFailure }> {
    if (req.signal?.aborted === true) return { failure: { kind: 'aborted', message: 'request cancelled', retryable: false } };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = req.signal === undefined ? timeout : AbortSignal.any([req.signal, timeout]);
    const headers: Record<string, string> = { 'user-agent': this.userAgent, 'accept-encoding': 'gzip, deflate', ...req.headers };
    if (req.etag !== undefined) headers['if-none-match'] = req.etag;
    if (req.lastModified !== undefined) headers['if-modified-since'] = req.lastModified;
    const classify = (cause: unknown, during: string): AttemptFailure => {
      if (req.signal?.aborted === true) return { kind: 'aborted', message: 'request cancelled', retryable: false, cause };
      if (timeout.aborted) {
        return { kind: 'timeout', message: `no complete answer within ${this.timeoutMs / 1000} s (${during})`, retryable: true, cause };
      }
      const codes = errorCodes(cause);
      const offline = codes.find((c) => OFFLINE_CODES.has(c));
      if (offline !== undefined) {
        return { kind: 'offline', message: `cannot reach the server (${offline}) — are you offline?`, retryable: false, cause };
      }
      if (during === 'reading the body') {
        return { kind: 'truncated', message: 'the connection closed before the whole body arrived (truncated body)', retryable: true, cause };
      }
      const detail = codes[0] ?? (cause instanceof Error ? cause.message : String(cause));
      return { kind: 'network', message: `network error (${detail})`, retryable: true, cause };
    };

    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: req.method ?? 'GET',
        headers,
        signal,
        redirect: 'follow',
        ...(req.body === undefined ? {} : { body: req.body }),
      });
    } catch (cause) {
      return { failure: classify(cause, 'waiting for the answer') };
    }

    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { result: this.result(url, res, '', 0, true) };
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfterMs(res.headers.get('retry-after'), this.clock());
      const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
      const what =
        res.status === 429 ? 'rate limited by the server (HTTP 429 Too Many Requests)' : `HTTP ${res.status}${res.statusText === '' ? '' : ` ${res.statusText}`}`;
      const kind = res.status === 401 || res.status === 403 ? 'auth' : 'http';
      return { failure: { kind, message: what, retryable, status: res.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } };
    }

    let bytes: Uint8Array;
    try {
      bytes = await this.readCapped(res);
    } catch (cause) {
      if (cause instanceof SourceError) return { failure: { kind: 'http', message: cause.message, retryable: false } };
      return { failure: classify(cause, 'reading the body') };
    }
    const declared = res.headers.get('content-length');
    const encoded = res.headers.get('content-encoding');
    if (declared !== null && (encoded === null || encoded === 'identity') && Number(declared) !== bytes.byteLength) {
      return {
        failure: {
          kind: 'truncated',
          message: `body has ${bytes.byteLength} bytes but Content-Length says ${declared} (truncated body)`,
          retryable: true,
        },
      };
    }
    const body = new TextDecoder('utf-8').decode(bytes);
    this.onEvent?.({ type: 'response', url: redactUrl(url), status: res.status, bytes: bytes.byteLength });
    return { result: this.result(url, res, body, bytes.byteLength, false) };
  }

  private async readCapped(res: Response): Promise<Uint8Array> {
    if (res.body === null) return new Uint8Array(0);
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new SourceError('http', res.url, `body larger than the ${this.maxBytes} bytes accepted`);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  private result(url: string, res: Response, body: string, bytes: number, notModified: boolean): Omit<HttpResult, 'attempts'> {
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    const contentType = res.headers.get('content-type');
    return {
      url: redactUrl(url),
      status: res.status,
      notModified,
      body,
      bytes,
      headers: res.headers,
      ...(etag === null ? {} : { etag }),
      ...(lastModified === null ? {} : { lastModified }),
      ...(contentType === null ? {} : { contentType }),
    };
  }
}

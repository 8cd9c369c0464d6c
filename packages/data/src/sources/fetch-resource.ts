/**
 * One polite, validated download: ledger lookup → politeness check → conditional GET → body validation.
 * Nothing is written anywhere here. The caller stores the validated body, and only after its store
 * transaction committed calls `commit()` to record validators and timestamps in the ledger.
 */
import { createHash } from 'node:crypto';
import type { FetchLedger, FetchRecord } from './fetch-ledger.js';
import type { HttpClient } from './http-client.js';

export interface ResourceRequest<S> {
  /** Short name for progress lines, e.g. `CelesTrak GP 25544 (OMM JSON)`. */
  readonly label: string;
  readonly url: string;
  /** Politeness: no request for this URL within this many seconds of the last one (unless `force`). */
  readonly minIntervalS: number;
  /** Throws `SourceError` when the body is not what was asked for; returns a summary otherwise. */
  readonly validate: (url: string, body: string) => S;
  readonly headers?: Readonly<Record<string, string>>;
  /** Runs after the politeness check, before the request (e.g. a login); its headers are added. */
  readonly prepare?: () => Promise<Readonly<Record<string, string>>>;
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

export type ResourceOutcome<S> =
  | {
      /** Asked too recently: no request made (politeness). */
      readonly status: 'skipped';
      readonly label: string;
      readonly url: string;
      readonly lastCheckedAtMs: number;
      readonly nextAllowedAtMs: number;
    }
  | {
      /** 304, or a 200 whose body hashes to the stored copy: nothing new to store. */
      readonly status: 'not-modified';
      readonly label: string;
      readonly url: string;
      commit(): Promise<void>;
    }
  | {
      readonly status: 'downloaded';
      readonly label: string;
      readonly url: string;
      readonly body: string;
      readonly summary: S;
      readonly sha256: string;
      readonly bytes: number;
      commit(): Promise<void>;
    };

export interface FetchContext {
  readonly http: HttpClient;
  readonly ledger: FetchLedger;
  /** Wall clock, ms since 1970 (injected: tests fix it). */
  readonly now: () => number;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function fetchResource<S>(ctx: FetchContext, req: ResourceRequest<S>): Promise<ResourceOutcome<S>> {
  const previous = await ctx.ledger.get(req.url);
  const startedAt = ctx.now();
  if (previous !== undefined && req.force !== true) {
    const nextAllowedAtMs = previous.checkedAtMs + req.minIntervalS * 1000;
    if (startedAt < nextAllowedAtMs) {
      return { status: 'skipped', label: req.label, url: req.url, lastCheckedAtMs: previous.checkedAtMs, nextAllowedAtMs };
    }
  }
  // Validators are only worth sending when the ledger also knows a stored copy exists.
  const conditional = previous?.downloadedAtMs !== undefined;
  const prepared = req.prepare === undefined ? {} : await req.prepare();
  const res = await ctx.http.request(req.url, {
    headers: { ...req.headers, ...prepared },
    ...(req.signal === undefined ? {} : { signal: req.signal }),
    ...(conditional && previous.etag !== undefined ? { etag: previous.etag } : {}),
    ...(conditional && previous.lastModified !== undefined ? { lastModified: previous.lastModified } : {}),
  });
  const checked = (extra: Partial<FetchRecord>): FetchRecord => {
    const base: FetchRecord = { ...(previous ?? { url: req.url }), url: req.url, checkedAtMs: startedAt };
    return { ...base, ...extra } as FetchRecord;
  };
  if (res.notModified) {
    return { status: 'not-modified', label: req.label, url: req.url, commit: () => ctx.ledger.put(checked({})) };
  }
  const summary = req.validate(req.url, res.body);
  const sha256 = sha256Hex(res.body);
  const validators: Partial<FetchRecord> = {
    ...(res.etag === undefined ? {} : { etag: res.etag }),
    ...(res.lastModified === undefined ? {} : { lastModified: res.lastModified }),
  };
  if (previous?.sha256 === sha256 && previous.downloadedAtMs !== undefined) {
    return { status: 'not-modified', label: req.label, url: req.url, commit: () => ctx.ledger.put(checked(validators)) };
  }
  return {
    status: 'downloaded',
    label: req.label,
    url: req.url,
    body: res.body,
    summary,
    sha256,
    bytes: res.bytes,
    commit: () => {
      const base: FetchRecord = { url: req.url, checkedAtMs: startedAt, downloadedAtMs: startedAt, sha256, bytes: res.bytes };
      return ctx.ledger.put({ ...base, ...validators } as FetchRecord);
    },
  };
}

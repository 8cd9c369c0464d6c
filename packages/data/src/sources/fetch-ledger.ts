/**
 * The fetch ledger: per URL, what the server last told us (ETag, Last-Modified), when we last asked and
 * when we last downloaded, and a hash of the last body. It makes requests conditional (RFC 9110 §13.1)
 * and enforces the sources' politeness intervals (CelesTrak asks that the same data be downloaded at most
 * once per update cycle).
 *
 * The ledger is written only AFTER the data from a download has been committed to the store, so it never
 * claims a copy the store does not have; a lost ledger only costs one unconditional download (imports are
 * idempotent). Keys are URLs without credentials (no source here puts secrets in a URL).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface FetchRecord {
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the server was last asked (200 or 304), ms since 1970 (Unix). */
  readonly checkedAtMs: number;
  /** When a body was last downloaded and stored, ms since 1970. */
  readonly downloadedAtMs?: number;
  /** SHA-256 (hex) of the last stored body. */
  readonly sha256?: string;
  readonly bytes?: number;
}

export interface FetchLedger {
  get(url: string): Promise<FetchRecord | undefined>;
  put(record: FetchRecord): Promise<void>;
}

/** An in-memory ledger (tests, one-shot runs). */
export class MemoryLedger implements FetchLedger {
  readonly records = new Map<string, FetchRecord>();
  get(url: string): Promise<FetchRecord | undefined> {
    return Promise.resolve(this.records.get(url));
  }
  put(record: FetchRecord): Promise<void> {
    this.records.set(record.url, record);
    return Promise.resolve();
  }
}

function isRecord(value: unknown): value is FetchRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r['url'] === 'string' && typeof r['checkedAtMs'] === 'number' && Number.isFinite(r['checkedAtMs']);
}

/**
 * A ledger kept as a small JSON file (by default `http-cache.json` beside the SQLite database), written
 * atomically (temporary file + rename). A missing or unreadable file is an empty ledger: the cost is one
 * unconditional request per source, never wrong data.
 */
export class JsonFileLedger implements FetchLedger {
  readonly path: string;
  private cache: Map<string, FetchRecord> | undefined;

  constructor(path: string) {
    this.path = path;
  }

  private async load(): Promise<Map<string, FetchRecord>> {
    if (this.cache !== undefined) return this.cache;
    const map = new Map<string, FetchRecord>();
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      const list = (parsed as { records?: unknown }).records;
      if (Array.isArray(list)) for (const r of list) if (isRecord(r)) map.set(r.url, r);
    } catch {
      // absent or damaged: start empty (see class comment)
    }
    this.cache = map;
    return map;
  }

  async get(url: string): Promise<FetchRecord | undefined> {
    return (await this.load()).get(url);
  }

  async put(record: FetchRecord): Promise<void> {
    const map = await this.load();
    map.set(record.url, record);
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    const text = `${JSON.stringify({ note: 'stationkeeper HTTP cache: validators and politeness timestamps per URL; safe to delete', records: [...map.values()] }, null, 1)}\n`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, this.path);
  }
}

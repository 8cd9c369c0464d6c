/**
 * The `Store` implementation shared by SQLite and PostgreSQL: one connection, every operation
 * serialised, every ingest one transaction (ingest_log row included), deduplication as documented in
 * docs/data.md. Dialect differences live in the drivers and in `migrations.ts` only.
 */
import type { ElementSet } from '@stationkeeper/astro/elements';
import { createEopTable, type EopRow, type EopTable } from '@stationkeeper/astro/time';
import type { SpaceWeatherRecord } from '../formats/space-weather-record.js';
import { ELEMENT_COLUMNS, elementContentHash, elementRowValues, storedElementFromRow, validateElementSet } from './element-rows.js';
import { currentSchemaVersion, migrate } from './migrations.js';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.js';
import type {
  IngestCounts,
  IngestKind,
  IngestLogEntry,
  IngestMeta,
  IngestProgress,
  IngestSummary,
  IngestWriter,
  StoredElementSet,
  StoredObject,
  Store,
  StoreInfo,
  TimeRangeUtcMjd,
} from './types.js';
import {
  EOP_COLUMNS,
  SPACE_WEATHER_COLUMNS,
  eopFromRow,
  eopRank,
  eopValues,
  sameValues,
  spaceWeatherFromRow,
  spaceWeatherRank,
  spaceWeatherValues,
} from './weather-eop-rows.js';

/** Most parameters per statement we emit (SQLite allows 32 766, PostgreSQL 65 535). */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_STATEMENT = 500;
const MAX_REASONS = 100;
const ZERO: IngestCounts = { accepted: 0, updated: 0, duplicate: 0, rejected: 0 };

export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly driver: SqlDriver,
    readonly location: string,
  ) {
    this.kind = driver.dialect;
  }

  /** Wraps a connected driver, bringing the schema up to date (idempotent). */
  static async open(driver: SqlDriver, location: string, at: Date): Promise<SqlStore> {
    try {
      await migrate(driver, at);
    } catch (error) {
      await driver.close();
      throw error;
    }
    return new SqlStore(driver, location);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`store ${this.location} is closed`));
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  ingest(meta: IngestMeta, write: (writer: IngestWriter) => Promise<void>): Promise<IngestSummary> {
    if (!(meta.at instanceof Date) || Number.isNaN(meta.at.getTime())) throw new RangeError('ingest time `at` must be a valid Date');
    return this.serial(async () => {
      const d = this.driver;
      await d.begin();
      let open = true;
      try {
        const rejected = meta.rejected ?? [];
        const inserted = await d.query(
          `INSERT INTO ingest_log (at, kind, source, format, content_sha256, accepted, updated, duplicate, rejected, status, reasons)
           VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?) RETURNING id`,
          [meta.at.toISOString(), meta.kind, meta.source, meta.format, meta.contentSha256 ?? null, rejected.length, 'ok', '[]'],
        );
        const ingestId = Number(inserted[0]?.['id']);
        let totals: IngestCounts = { ...ZERO, rejected: rejected.length };
        const add = (c: IngestCounts): IngestCounts => {
          totals = {
            accepted: totals.accepted + c.accepted,
            updated: totals.updated + c.updated,
            duplicate: totals.duplicate + c.duplicate,
            rejected: totals.rejected + c.rejected,
          };
          return c;
        };
        const guard = (): void => {
          if (!open) throw new Error('IngestWriter used after its ingest finished');
        };
        const writer: IngestWriter = {
          addElementSets: async (sets, onProgress) => (guard(), add(await this.writeElements(ingestId, sets, onProgress))),
          addSpaceWeather: async (records, onProgress) => (guard(), add(await this.writeSpaceWeather(ingestId, records, onProgress))),
          addEop: async (rows, onProgress) => (guard(), add(await this.writeEop(ingestId, rows, onProgress))),
        };
        await write(writer);
        open = false;
        const status = totals.rejected > 0 ? 'partial' : 'ok';
        const reasons = rejected.slice(0, MAX_REASONS).map((r) => `line ${r.line}${r.column !== undefined ? `:${r.column}` : ''}: ${r.reason}`);
        await d.run('UPDATE ingest_log SET accepted = ?, updated = ?, duplicate = ?, rejected = ?, status = ?, reasons = ? WHERE id = ?', [
          totals.accepted,
          totals.updated,
          totals.duplicate,
          totals.rejected,
          status,
          JSON.stringify(reasons),
          ingestId,
        ]);
        await d.commit();
        return { ingestId, status, ...totals };
      } catch (error) {
        open = false;
        await d.rollback();
        throw error;
      }
    });
  }

  /** Multi-row INSERT in statements of at most MAX_ROWS_PER_STATEMENT rows; returns rows changed. */
  private async insertMany(
    table: string,
    columns: readonly string[],
    rows: readonly SqlValue[][],
    tail: string,
    onProgress?: IngestProgress,
  ): Promise<number> {
    const per = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length)));
    const one = `(${columns.map(() => '?').join(', ')})`;
    let changed = 0;
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')} ${tail}`;
      changed += await this.driver.run(sql, chunk.flat());
      onProgress?.(Math.min(i + per, rows.length), rows.length);
    }
    return changed;
  }

  private async writeElements(ingestId: number, sets: readonly ElementSet[], onProgress?: IngestProgress): Promise<IngestCounts> {
    const unique = new Map<string, { set: ElementSet; hash: string }>();
    for (const set of sets) {
      validateElementSet(set);
      const hash = elementContentHash(set);
      const key = `${set.noradId}:${hash}`;
      if (!unique.has(key)) unique.set(key, { set, hash });
    }
    // The newest set of each object names it (3LE title lines and designators change over time).
    const newest = new Map<number, ElementSet>();
    for (const { set } of unique.values()) {
      const have = newest.get(set.noradId);
      if (have === undefined || epochKey(set) >= epochKey(have)) newest.set(set.noradId, set);
    }
    const objectRows = [...newest.values()].map((s): SqlValue[] => [
      s.noradId,
      s.name ?? null,
      s.intlDesignator === '' ? null : s.intlDesignator,
      epochKey(s),
      ingestId,
    ]);
    await this.insertMany(
      'objects',
      ['norad_id', 'name', 'intl_designator', 'name_epoch_utc_mjd', 'first_ingest_id'],
      objectRows,
      `ON CONFLICT (norad_id) DO UPDATE SET
         name = COALESCE(excluded.name, objects.name),
         intl_designator = COALESCE(excluded.intl_designator, objects.intl_designator),
         name_epoch_utc_mjd = excluded.name_epoch_utc_mjd
       WHERE excluded.name_epoch_utc_mjd >= objects.name_epoch_utc_mjd
         AND (COALESCE(excluded.name, objects.name) IS DISTINCT FROM objects.name
           OR COALESCE(excluded.intl_designator, objects.intl_designator) IS DISTINCT FROM objects.intl_designator
           OR excluded.name_epoch_utc_mjd IS DISTINCT FROM objects.name_epoch_utc_mjd)`,
    );
    const rows = [...unique.values()].map(({ set, hash }) => elementRowValues(set, hash, ingestId));
    const accepted = await this.insertMany('element_sets', ELEMENT_COLUMNS, rows, 'ON CONFLICT (norad_id, content_hash) DO NOTHING', onProgress);
    return { accepted, updated: 0, duplicate: sets.length - accepted, rejected: 0 };
  }

  /** Shared upsert for the two day-keyed tables (space_weather, eop). */
  private async writeDaily<T>(
    table: 'space_weather' | 'eop',
    columns: readonly string[],
    ingestId: number,
    records: readonly T[],
    dayOf: (r: T) => number,
    values: (r: T) => SqlValue[],
    fromRow: (row: SqlRow) => T,
    rank: (r: T) => number,
    onProgress?: IngestProgress,
  ): Promise<IngestCounts> {
    if (records.length === 0) return ZERO;
    const best = new Map<number, T>();
    for (const r of records) {
      const day = dayOf(r);
      if (!Number.isInteger(day)) throw new RangeError(`${table}: day MJD must be an integer, got ${day}`);
      const have = best.get(day);
      if (have === undefined || rank(r) >= rank(have)) best.set(day, r);
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const day of best.keys()) {
      lo = Math.min(lo, day);
      hi = Math.max(hi, day);
    }
    const existing = new Map<number, T>();
    for (const row of await this.driver.query(`SELECT * FROM ${table} WHERE mjd >= ? AND mjd <= ?`, [lo, hi])) {
      const r = fromRow(row);
      existing.set(dayOf(r), r);
    }
    let accepted = 0;
    let updated = 0;
    const writes: SqlValue[][] = [];
    for (const r of best.values()) {
      const have = existing.get(dayOf(r));
      const v = values(r);
      if (have === undefined) accepted += 1;
      else if (rank(have) > rank(r) || sameValues(values(have), v)) continue;
      else updated += 1;
      writes.push([...v, ingestId]);
    }
    const set = [...columns.slice(1), 'ingest_id'].map((c) => `${c} = excluded.${c}`).join(', ');
    await this.insertMany(table, [...columns, 'ingest_id'], writes, `ON CONFLICT (mjd) DO UPDATE SET ${set}`, onProgress);
    return { accepted, updated, duplicate: records.length - accepted - updated, rejected: 0 };
  }

  private writeSpaceWeather(ingestId: number, records: readonly SpaceWeatherRecord[], onProgress?: IngestProgress): Promise<IngestCounts> {
    return this.writeDaily('space_weather', SPACE_WEATHER_COLUMNS, ingestId, records, (r) => r.mjd, spaceWeatherValues, spaceWeatherFromRow, spaceWeatherRank, onProgress);
  }

  private writeEop(ingestId: number, rows: readonly EopRow[], onProgress?: IngestProgress): Promise<IngestCounts> {
    return this.writeDaily('eop', EOP_COLUMNS, ingestId, rows, (r) => r.mjdUtc, eopValues, eopFromRow, eopRank, onProgress);
  }

  elementHistory(noradId: number, range: TimeRangeUtcMjd = {}): Promise<StoredElementSet[]> {
    return this.serial(async () => {
      const { where, params } = rangeClause('epoch_utc_mjd', range);
      const rows = await this.driver.query(
        `SELECT * FROM element_sets WHERE norad_id = ?${where} ORDER BY epoch_utc_mjd, id`,
        [noradId, ...params],
      );
      return rows.map(storedElementFromRow);
    });
  }

  latestElementSet(noradId: number, atUtcMjd?: number): Promise<StoredElementSet | undefined> {
    if (atUtcMjd !== undefined && !Number.isFinite(atUtcMjd)) throw new RangeError(`atUtcMjd must be finite, got ${atUtcMjd}`);
    return this.serial(async () => {
      const rows = await this.driver.query(
        `SELECT * FROM element_sets WHERE norad_id = ?${atUtcMjd !== undefined ? ' AND epoch_utc_mjd <= ?' : ''}
         ORDER BY epoch_utc_mjd DESC, id DESC LIMIT 1`,
        atUtcMjd !== undefined ? [noradId, atUtcMjd] : [noradId],
      );
      return rows[0] !== undefined ? storedElementFromRow(rows[0]) : undefined;
    });
  }

  firstElementSet(noradId: number, atUtcMjd?: number): Promise<StoredElementSet | undefined> {
    if (atUtcMjd !== undefined && !Number.isFinite(atUtcMjd)) throw new RangeError(`atUtcMjd must be finite, got ${atUtcMjd}`);
    return this.serial(async () => {
      const rows = await this.driver.query(
        `SELECT * FROM element_sets WHERE norad_id = ?${atUtcMjd !== undefined ? ' AND epoch_utc_mjd >= ?' : ''}
         ORDER BY epoch_utc_mjd, id LIMIT 1`,
        atUtcMjd !== undefined ? [noradId, atUtcMjd] : [noradId],
      );
      return rows[0] !== undefined ? storedElementFromRow(rows[0]) : undefined;
    });
  }

  objects(noradIds?: readonly number[]): Promise<StoredObject[]> {
    return this.serial(async () => {
      const filter = noradIds !== undefined && noradIds.length > 0 ? `WHERE o.norad_id IN (${noradIds.map(() => '?').join(', ')})` : '';
      const rows = await this.driver.query(
        `SELECT o.norad_id, o.name, o.intl_designator, CAST(COUNT(e.id) AS INTEGER) AS n,
                MIN(e.epoch_utc_mjd) AS first_epoch, MAX(e.epoch_utc_mjd) AS last_epoch
           FROM objects o LEFT JOIN element_sets e ON e.norad_id = o.norad_id
           ${filter} GROUP BY o.norad_id, o.name, o.intl_designator ORDER BY o.norad_id`,
        noradIds ?? [],
      );
      return rows.map((r) => ({
        noradId: Number(r['norad_id']),
        name: r['name'] === null ? null : String(r['name']),
        intlDesignator: r['intl_designator'] === null ? null : String(r['intl_designator']),
        elementSetCount: Number(r['n']),
        firstEpochUtcMjd: r['first_epoch'] === null ? null : Number(r['first_epoch']),
        lastEpochUtcMjd: r['last_epoch'] === null ? null : Number(r['last_epoch']),
      }));
    });
  }

  spaceWeatherRecords(range: TimeRangeUtcMjd = {}): Promise<SpaceWeatherRecord[]> {
    return this.serial(async () => {
      const { where, params } = rangeClause('mjd', range);
      const rows = await this.driver.query(`SELECT * FROM space_weather WHERE 1 = 1${where} ORDER BY mjd`, params);
      return rows.map(spaceWeatherFromRow);
    });
  }

  eopRows(range: TimeRangeUtcMjd = {}): Promise<EopRow[]> {
    return this.serial(async () => {
      const { where, params } = rangeClause('mjd', range);
      const rows = await this.driver.query(`SELECT * FROM eop WHERE 1 = 1${where} ORDER BY mjd`, params);
      return rows.map(eopFromRow);
    });
  }

  async eopTable(range: TimeRangeUtcMjd = {}): Promise<EopTable | undefined> {
    const rows = await this.eopRows(range);
    return rows.length === 0 ? undefined : createEopTable(rows, `stationkeeper store ${this.location}`, 'dXdY');
  }

  ingestLog(limit = 20): Promise<IngestLogEntry[]> {
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
    return this.serial(async () => {
      const rows = await this.driver.query('SELECT * FROM ingest_log ORDER BY id DESC LIMIT ?', [limit]);
      return rows.map(logFromRow);
    });
  }

  async info(lastIngests = 5): Promise<StoreInfo> {
    const tables = ['objects', 'element_sets', 'space_weather', 'eop', 'ingest_log'] as const;
    const counts = await this.serial(async () => {
      const out: Record<string, number> = {};
      for (const t of tables) {
        const r = await this.driver.query(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${t}`);
        out[t] = Number(r[0]?.['n'] ?? 0);
      }
      return out as StoreInfo['rowCounts'];
    });
    return {
      kind: this.kind,
      location: this.location,
      schemaVersion: await this.schemaVersion(),
      rowCounts: counts,
      lastIngests: await this.ingestLog(lastIngests),
    };
  }

  schemaVersion(): Promise<number> {
    return this.serial(() => currentSchemaVersion(this.driver));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.serial(() => this.driver.close());
    this.closed = true;
  }
}

function epochKey(s: ElementSet): number {
  return s.epochUtc.jd1 - 2_400_000.5 + s.epochUtc.jd2;
}

function rangeClause(column: string, range: TimeRangeUtcMjd): { where: string; params: number[] } {
  let where = '';
  const params: number[] = [];
  for (const [op, v, name] of [
    ['>=', range.fromUtcMjd, 'fromUtcMjd'],
    ['<=', range.toUtcMjd, 'toUtcMjd'],
  ] as const) {
    if (v === undefined) continue;
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite UTC MJD, got ${String(v)}`);
    where += ` AND ${column} ${op} ?`;
    params.push(v);
  }
  return { where, params };
}

function logFromRow(r: SqlRow): IngestLogEntry {
  let reasons: string[] = [];
  try {
    const parsed: unknown = JSON.parse(String(r['reasons']));
    if (Array.isArray(parsed)) reasons = parsed.map(String);
  } catch {
    reasons = [];
  }
  return {
    id: Number(r['id']),
    at: String(r['at']),
    kind: String(r['kind']) as IngestKind,
    source: String(r['source']),
    format: String(r['format']),
    contentSha256: r['content_sha256'] === null ? null : String(r['content_sha256']),
    accepted: Number(r['accepted']),
    updated: Number(r['updated']),
    duplicate: Number(r['duplicate']),
    rejected: Number(r['rejected']),
    status: r['status'] === 'partial' ? 'partial' : 'ok',
    reasons,
  };
}

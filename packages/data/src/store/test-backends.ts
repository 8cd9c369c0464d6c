/**
 * Test support: the store backends the parametrised suites run against. SQLite always (a fresh file in
 * a temp directory); PostgreSQL when `STATIONKEEPER_TEST_PG_URL` is set (a fresh schema per store,
 * dropped on cleanup), and `storeContents` to compare everything a store holds before and after an operation.
 * Not part of the public API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from './open.js';
import type { EopRow, IngestLogEntry, Store, StoreInfo, StoredElementSet, StoredObject, StoreLocation } from './types.js';
import type { SpaceWeatherRecord } from '../formats/space-weather-record.js';

export const TEST_PG_URL = process.env['STATIONKEEPER_TEST_PG_URL'] ?? '';
export const FIXED_AT = new Date('2026-01-02T03:04:05.000Z');

export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  /** A fresh, empty location (call `cleanup` when done). */
  fresh(): Promise<{ location: StoreLocation; cleanup: () => Promise<void> }>;
}

let counter = 0;

export const sqliteBackend: TestBackend = {
  name: 'sqlite',
  available: true,
  fresh: () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-store-'));
    return Promise.resolve({
      location: { kind: 'sqlite', path: join(dir, 'test.sqlite') },
      cleanup: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

export const postgresBackend: TestBackend = {
  name: 'postgres',
  available: TEST_PG_URL !== '',
  fresh: async () => {
    const schema = `sk_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      location: { kind: 'postgres', url: url.toString() },
      cleanup: async () => {
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  },
};

export const BACKENDS: readonly TestBackend[] = [sqliteBackend, postgresBackend];

/** Opens a fresh store on a backend; returns it with a disposer that closes and removes it. */
export async function freshStore(backend: TestBackend): Promise<{ store: Store; location: StoreLocation; dispose: () => Promise<void> }> {
  const { location, cleanup } = await backend.fresh();
  const store = await openStore(location, { at: FIXED_AT });
  return {
    store,
    location,
    dispose: async () => {
      await store.close();
      await cleanup();
    },
  };
}

/** Everything a store holds, as read back through its public API (for "the store is untouched" checks). */
export interface StoreContents {
  readonly schemaVersion: number;
  /** Row counts of every data table (`schema_version` is covered by `schemaVersion`). */
  readonly rowCounts: StoreInfo['rowCounts'];
  readonly objects: readonly StoredObject[];
  /** Every stored element set of every object, by catalog number then epoch. */
  readonly elementSets: readonly StoredElementSet[];
  readonly spaceWeather: readonly SpaceWeatherRecord[];
  readonly eop: readonly EopRow[];
  /** The whole ingest log, newest first. */
  readonly ingestLog: readonly IngestLogEntry[];
}

/** Reads every row of every table of `store` (compare two of these with `toEqual`). */
export async function storeContents(store: Store): Promise<StoreContents> {
  const info = await store.info(0);
  const objects = await store.objects();
  const elementSets: StoredElementSet[] = [];
  for (const o of objects) elementSets.push(...(await store.elementHistory(o.noradId)));
  return {
    schemaVersion: info.schemaVersion,
    rowCounts: info.rowCounts,
    objects,
    elementSets,
    spaceWeather: await store.spaceWeatherRecords(),
    eop: await store.eopRows(),
    ingestLog: await store.ingestLog(info.rowCounts.ingest_log + 1),
  };
}

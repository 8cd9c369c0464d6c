/**
 * Test support: the store backends the parametrised suites run against. SQLite always (a fresh file in
 * a temp directory); PostgreSQL when `STATIONKEEPER_TEST_PG_URL` is set (a fresh schema per store,
 * dropped on cleanup). Not part of the public API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from './open.js';
import type { Store, StoreLocation } from './types.js';

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

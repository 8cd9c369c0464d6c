/**
 * `stationkeeper update` against a loopback HTTP server (never the internet), on every store backend:
 * SQLite always, PostgreSQL when STATIONKEEPER_TEST_PG_URL is set (tools/ci-postgres.sh prints one; a fresh
 * schema per test), otherwise the PostgreSQL half is reported as skipped. A failing source must leave the
 * store's contents (every table's rows, the ingest log) as they were.
 */
import { hasShared, readSharedText } from '#testing';
// Test support of the sources and store modules (not part of their public API).
import { startLoopbackServer, type LoopbackServer } from '../../../../packages/data/src/sources/loopback-server.js';
import { swTxtToCsv } from '../../../../packages/data/src/sources/test-fixtures.js';
import { BACKENDS, freshStore, storeContents } from '../../../../packages/data/src/store/test-backends.js';
import type { Store, StoreLocation } from '@stationkeeper/data/store';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../main.js';
import { cliRuntime } from '../util/index.js';
import { updateCommand } from './update.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sk-update-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(env: Record<string, string> = {}): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { HOME: dir, ...env }, cwd: dir },
    out: () => out,
    err: () => err,
  };
}

/** `--db` for a location: the SQLite path or the postgres:// URL. */
function dbArg(location: StoreLocation): string {
  return location.kind === 'sqlite' ? location.path : location.url;
}

/** Where the command keeps its fetch ledger for this store (beside a SQLite file; in the data directory for PostgreSQL). */
async function ledgerPath(location: StoreLocation): Promise<string> {
  return (await cliRuntime(capture().io, { db: dbArg(location) })).ledgerPath;
}

/** Every file under `root`, as raw bytes read as latin1 (so any byte sequence is searchable). */
async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.push((await readFile(join(e.parentPath, e.name))).toString('latin1'));
  }
  return out;
}

describe('stationkeeper update', () => {
  it('says which Space-Track variable is missing, without any request', async () => {
    const db = join(dir, 'st.sqlite');
    const c = capture({ SPACETRACK_USER: 'me@example.org' });
    const before = server.requests.length;
    const code = await main(
      ['update', '--db', db, '--no-space-weather', '--no-eop', '--celestrak-url', `${server.baseUrl}/nothing`, '--history-from', '2021-01-01', '--history-to', '2021-01-02', '--space-track-url', server.baseUrl, '--retries', '0'],
      c.io,
      [updateCommand],
    );
    expect(code).toBe(1);
    expect(c.out()).toMatch(/Space-Track gp_history.*FAILED.*set SPACETRACK_PASSWORD/);
    expect(server.requests.filter((r) => r.path.startsWith('/ajaxauth')).length).toBe(0);
    expect(server.requests.length - before).toBe(1); // only the (404) CelesTrak request
  });

  it('rejects a bad --norad with exit 2', async () => {
    const c = capture();
    expect(await main(['update', '--norad', '0'], c.io, [updateCommand])).toBe(2);
    expect(c.err()).toContain('NORAD catalog numbers');
  });
});


for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`stationkeeper update into a ${backend.name} store`, () => {
    let store: Store;
    let location: StoreLocation;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, location, dispose } = await freshStore(backend));
    });
    afterEach(async () => {
      await dispose();
    });

    it('reports offline with exit 3 and writes nothing', async () => {
      const gone = await startLoopbackServer();
      const base = gone.baseUrl;
      await gone.close();
      const before = await storeContents(store);
      const c = capture();
      const code = await main(['update', '--db', dbArg(location), '--celestrak-url', base, '--iers-url', `${base}/finals2000A.all`], c.io, [updateCommand]);
      expect(code).toBe(3);
      expect(c.out()).toContain('Offline: no source could be reached. Nothing was written');
      expect(c.err()).toContain('are you offline?');
      expect(await storeContents(store)).toEqual(before);
      expect(Object.values(before.rowCounts).reduce((a, b) => a + b, 0)).toBe(0);
    });

    it.skipIf(!hasShared)('Space-Track credentials reach only the login POST: never stdout, stderr, the ledger or the store', async () => {
      const USER = 'cli.keeper@example.org';
      const PASSWORD = 'Cli-Pa55word-n0t-logged';
      const history = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz').split(/\r?\n/).slice(0, 30).join('\n');
      // The first login attempt fails with a 503, so the retry message on stderr is exercised too.
      server.route(
        '/ajaxauth/login',
        { status: 503 },
        { respond: (r) => (new URLSearchParams(r.body).get('password') === PASSWORD ? { body: '""', headers: { 'set-cookie': 'chocolatechip=cli; path=/' } } : { body: '{"Login":"Failed"}' }) },
      );
      server.route('/basicspacedata/query/class/gp_history/NORAD_CAT_ID/25544/EPOCH/2021-01-01--2021-01-03/orderby/EPOCH%20asc/format/3le/emptyresult/show', {
        respond: (r) => (r.headers.cookie === 'chocolatechip=cli' ? { body: history } : { status: 401 }),
      });
      const c = capture({ SPACETRACK_USER: USER, SPACETRACK_PASSWORD: PASSWORD });
      const code = await main(
        ['update', '--db', dbArg(location), '--no-space-weather', '--no-eop', '--celestrak-url', `${server.baseUrl}/nothing`, '--history-from', '2021-01-01', '--history-to', '2021-01-03', '--space-track-url', server.baseUrl, '--retries', '1', '--timeout', '2'],
        c.io,
        [updateCommand],
      );
      expect(code).toBe(1); // the CelesTrak GP step fails (404); the Space-Track step is stored
      expect(c.out()).toMatch(/element history 25544 \(Space-Track gp_history 2021-01-01\.\.2021-01-03\)\s+stored\s+2 KiB: 10 new/);
      expect(c.err()).toMatch(/retrying in .*HTTP 503/);
      const contents = await storeContents(store);
      expect(contents.rowCounts.element_sets).toBe(10);
      // Everything the command wrote: its output, the HTTP ledger, every row of the store, and for SQLite the
      // database file and its WAL (raw bytes).
      const written = [c.out(), c.err(), JSON.stringify(contents)];
      for (const d of location.kind === 'sqlite' ? [dir, dirname(location.path)] : [dir]) written.push(...(await filesUnder(d)));
      expect(written.length).toBeGreaterThanOrEqual(location.kind === 'sqlite' ? 6 : 4); // + the ledger (+ the SQLite file, its WAL and shm)
      expect(written).toContain(await readFile(await ledgerPath(location), 'latin1')); // the ledger was among them
      for (const text of written) {
        for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), USER, encodeURIComponent(USER)]) expect(text).not.toContain(secret);
      }
    });

    it.skipIf(!hasShared)('stores the ISS and an extra object, stays polite on a second run, and a failing forced run changes nothing', async () => {
      const omm = JSON.parse(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')) as Record<string, unknown>[];
      const iss = omm.at(-1)!;
      const ISS_GP = '/NORAD/elements/gp.php?CATNR=25544&FORMAT=json';
      const OTHER_GP = '/NORAD/elements/gp.php?CATNR=49044&FORMAT=json';
      server.route(ISS_GP, { body: JSON.stringify([iss]) });
      server.route(OTHER_GP, { body: JSON.stringify([{ ...iss, NORAD_CAT_ID: 49044, OBJECT_NAME: 'TEST OBJECT', OBJECT_ID: '2021-066A' }]) });
      // Space weather and EOP that reach "today" depend on the run date: here they fail (an old table, a 503);
      // their success path is tested in packages/data/src/sources/update.test.ts at a fixed clock.
      const old = swTxtToCsv(readSharedText('data', 'space-weather', 'sw19571001.txt.gz'), 5).split('\n').slice(0, 6).join('\n');
      server.route('/SpaceData/SW-All.csv', { body: old });
      server.route('/finals2000A.all', { status: 503 });
      const args = ['update', '--db', dbArg(location), '--norad', '49044', '--celestrak-url', server.baseUrl, '--iers-url', `${server.baseUrl}/finals2000A.all`, '--timeout', '2', '--retries', '0'];
      const c = capture();
      const code = await main(args, c.io, [updateCommand]);
      expect(code).toBe(1);
      expect(c.out()).toMatch(/elements 25544 \(CelesTrak GP\)\s+stored/);
      expect(c.out()).toMatch(/elements 49044 \(CelesTrak GP\)\s+stored/);
      expect(c.out()).toMatch(/space weather .*FAILED .*before today/);
      expect(c.out()).toMatch(/Earth orientation .*FAILED .*HTTP 503/);
      expect(c.out()).toContain('2 of 4 sources failed; they left the store unchanged');
      const stored = await storeContents(store);
      expect(stored.rowCounts).toEqual({ objects: 2, element_sets: 2, space_weather: 0, eop: 0, ingest_log: 2 });
      expect(stored.ingestLog.map((l) => l.source).sort()).toEqual([`${server.baseUrl}${ISS_GP}`, `${server.baseUrl}${OTHER_GP}`]);
      const ledger = JSON.parse(await readFile(await ledgerPath(location), 'utf8')) as { records: { url: string }[] };
      expect(ledger.records.map((r) => r.url).sort()).toEqual([`${server.baseUrl}${ISS_GP}`, `${server.baseUrl}${OTHER_GP}`]);

      const before = server.requests.filter((r) => r.path.startsWith('/NORAD')).length;
      const d = capture();
      await main(args, d.io, [updateCommand]);
      expect(d.out()).toMatch(/elements 25544 \(CelesTrak GP\)\s+fresh\s+checked recently/);
      expect(server.requests.filter((r) => r.path.startsWith('/NORAD')).length).toBe(before);
      expect(await storeContents(store)).toEqual(stored);

      // Every source now fails in a different way (HTML page, truncated body, 500, empty answer): nothing changes.
      server.route(ISS_GP, { body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>' });
      server.route(OTHER_GP, { body: 'x'.repeat(4000), truncateAfterBytes: 100 });
      server.route('/SpaceData/SW-All.csv', { status: 500 });
      server.route('/finals2000A.all', { body: '[]' });
      const e = capture();
      expect(await main([...args, '--force'], e.io, [updateCommand])).toBe(1);
      expect(e.out()).toMatch(/elements 25544 \(CelesTrak GP\)\s+FAILED .*HTML page \("502 Bad Gateway"\)/);
      expect(e.out()).toMatch(/elements 49044 \(CelesTrak GP\)\s+FAILED .*truncated body/);
      expect(e.out()).toMatch(/space weather .*FAILED .*HTTP 500/);
      expect(e.out()).toMatch(/Earth orientation .*FAILED .*not an IERS finals2000A file/);
      expect(e.out()).toContain('4 of 4 sources failed; they left the store unchanged');
      expect(await storeContents(store)).toEqual(stored);
    });
  });
  if (!backend.available) {
    it.skip(`stationkeeper update into a ${backend.name} store skipped: set STATIONKEEPER_TEST_PG_URL (see tools/ci-postgres.sh)`, () => undefined);
  }
}

/**
 * runUpdate against a loopback HTTP server (never the internet) on every store backend: SQLite always,
 * PostgreSQL when STATIONKEEPER_TEST_PG_URL is set (tools/ci-postgres.sh prints one; a fresh schema per
 * test), otherwise the PostgreSQL half is reported as skipped. Every failure must leave the store's
 * contents — every table's rows and the ingest log — exactly as they were.
 */
import { hasShared, readSharedText } from '#testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { BACKENDS, freshStore, storeContents } from '../store/test-backends.js';
import { MemoryLedger } from './fetch-ledger.js';
import type { FetchContext } from './fetch-resource.js';
import { HttpClient } from './http-client.js';
import { startLoopbackServer, type CannedAnswer, type LoopbackServer } from './loopback-server.js';
import { swTxtToCsv } from './test-fixtures.js';
import { runUpdate, type UpdatePlan } from './update.js';

/** 2026-08-22T12:00Z: inside the shared SW-All (observed to 2026-08-21) and finals2000A (to 2027-08) coverage. */
const T0 = Date.UTC(2026, 7, 22, 12);
const GP = '/NORAD/elements/gp.php?CATNR=25544&FORMAT=json';
const SW = '/SpaceData/SW-All.csv';
const EOP = '/finals2000A.all';

let server: LoopbackServer;
let gpBody = '';
let swBody = '';
let eopBody = '';
let omm: Record<string, unknown>[] = [];
beforeAll(async () => {
  server = await startLoopbackServer();
  if (!hasShared) return;
  omm = JSON.parse(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')) as Record<string, unknown>[];
  gpBody = JSON.stringify(omm.slice(-1));
  swBody = swTxtToCsv(readSharedText('data', 'space-weather', 'sw19571001.txt.gz'), 1_000, '2026-08-01');
  const lines = readSharedText('data', 'eop', 'finals2000A.all.gz').split('\n').filter((l) => l !== '');
  eopBody = `${lines.slice(-420).join('\n')}\n`;
});
afterAll(async () => {
  await server.close();
});

function ctx(ledger = new MemoryLedger(), timeoutMs = 2_000): FetchContext & { ledger: MemoryLedger } {
  return { http: new HttpClient({ minHostIntervalMs: 0, retries: 1, baseDelayMs: 1, timeoutMs, maxRetryAfterMs: 5_000 }), ledger, now: () => T0 };
}

function plan(extra: Partial<UpdatePlan> = {}): UpdatePlan {
  return { celestrakBaseUrl: server.baseUrl, iersFinalsUrl: `${server.baseUrl}${EOP}`, ...extra };
}

function serveAll(): void {
  server.route(GP, { body: gpBody, headers: { etag: '"gp"' } });
  server.route(SW, { body: swBody });
  server.route(EOP, { body: eopBody });
}

for (const backend of BACKENDS) {
  describe.skipIf(!hasShared || !backend.available)(`runUpdate against a loopback server and a real ${backend.name} store`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await freshStore(backend));
    });
    afterEach(async () => {
      await dispose();
    });

    /** A store that already holds one successful update of every source (so "untouched" has rows to lose). */
    async function seeded(): Promise<void> {
      serveAll();
      const steps = await runUpdate(store, ctx(), plan(), { at: new Date(T0 - 86_400_000) });
      expect(steps.map((s) => s.status)).toEqual(['stored', 'stored', 'stored']);
    }

    it('stores elements, space weather and EOP, each in one logged transaction', async () => {
      serveAll();
      const c = ctx();
      const steps = await runUpdate(store, c, plan(), { at: new Date(T0) });
      expect(steps.map((s) => s.status)).toEqual(['stored', 'stored', 'stored']);
      const info = await store.info(10);
      expect(info.rowCounts.element_sets).toBe(1);
      // 21 observed days (2026-08-01..21) + 45 daily + 180 monthly predictions, as served
      expect(info.rowCounts.space_weather).toBe(21 + 45 + 180);
      expect(info.rowCounts.eop).toBeGreaterThan(300); // rows with UT1 among the last 420 (trailing date-only rows are skipped by the parser)
      expect(info.rowCounts.ingest_log).toBe(3);
      expect(info.lastIngests.map((l) => l.source)).toContain(`${server.baseUrl}${GP}`);
      expect(c.ledger.records.size).toBe(3);
    });

    it('a second run within the update cycle makes no request and changes nothing', async () => {
      serveAll();
      const c = ctx();
      await runUpdate(store, c, plan(), { at: new Date(T0) });
      const before = await storeContents(store);
      const requests = server.requests.length;
      const steps = await runUpdate(store, c, plan(), { at: new Date(T0) });
      expect(steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
      expect(server.requests.length).toBe(requests);
      expect(await storeContents(store)).toEqual(before);
    });

    it('a forced re-run gets 304 or the same bytes and writes nothing', async () => {
      server.route(GP, { respond: (r) => (r.headers['if-none-match'] === '"gp"' ? { status: 304 } : { body: gpBody, headers: { etag: '"gp"' } }) });
      server.route(SW, { body: swBody });
      server.route(EOP, { body: eopBody });
      const c = ctx();
      await runUpdate(store, c, plan(), { at: new Date(T0) });
      const before = await storeContents(store);
      const steps = await runUpdate(store, c, plan({ force: true }), { at: new Date(T0) });
      expect(steps.map((s) => s.status)).toEqual(['not-modified', 'not-modified', 'not-modified']);
      expect(await storeContents(store)).toEqual(before);
    });

    const failures: [string, CannedAnswer, RegExp][] = [
      ['a timeout', { delayMs: 1_500, body: '[]' }, /no complete answer within 0\.3 s/],
      ['HTTP 500', { status: 500 }, /HTTP 500/],
      ['429 with a long Retry-After', { status: 429, headers: { 'retry-after': '600' } }, /retry after 600 s/],
      ['a truncated body', { body: 'x'.repeat(4000), truncateAfterBytes: 100 }, /truncated body/],
      ['an HTML error page', { body: '<html><head><title>Service Unavailable</title></head><body></body></html>' }, /HTML page \("Service Unavailable"\)/],
      // '[]' is an empty GP answer; for the space-weather and EOP URLs it is simply not their format.
      ['an empty JSON array', { body: '[]' }, /empty array|not CelesTrak SW-All\.csv|not an IERS finals2000A file/],
    ];
    for (const [what, answer, message] of failures) {
      it(`leaves the store untouched on ${what} and says what went wrong`, async () => {
        await seeded();
        server.route(GP, answer);
        server.route(SW, answer);
        server.route(EOP, answer);
        const c = ctx(new MemoryLedger(), 300);
        const before = await storeContents(store);
        expect(before.rowCounts.element_sets).toBe(1);
        expect(before.rowCounts.ingest_log).toBe(3);
        const steps = await runUpdate(store, c, plan(), { at: new Date(T0) });
        expect(steps.map((s) => s.status)).toEqual(['failed', 'failed', 'failed']);
        for (const s of steps) {
          expect(s.message).toMatch(message);
          expect(s.message).toContain('nothing was stored');
        }
        expect(await storeContents(store)).toEqual(before);
        expect(c.ledger.records.size).toBe(0);
      });
    }

    // Regression: these answers validate as GP data; SQLite stored them while PostgreSQL failed the whole step
    // with a bare driver error ("value \"3000000000\" is out of range for type integer", "invalid byte
    // sequence for encoding \"UTF8\": 0x00"). Now both reject the set with its line and field.
    const unstorable: [string, Record<string, unknown>, RegExp][] = [
      ['a revolution number beyond 32 bits', { REV_AT_EPOCH: 3_000_000_000 }, /line 1: element set 25544: revNumber must be an integer in -2147483648\.\.2147483647/],
      ['a NUL in the object name', { OBJECT_NAME: 'ISS\u0000(ZARYA)' }, /line 1: element set 25544: name contains a NUL character/],
    ];
    for (const [what, over, message] of unstorable) {
      it(`refuses a GP answer with ${what} alike on every backend, naming the field, and leaves the store untouched`, async () => {
        await seeded();
        server.route(GP, { body: JSON.stringify([{ ...omm.at(-2), ...over }]) });
        const before = await storeContents(store);
        const c = ctx();
        const steps = await runUpdate(store, c, plan({ spaceWeather: false, eop: false }), { at: new Date(T0) });
        expect(steps.map((s) => s.status)).toEqual(['failed']);
        expect(steps[0]?.message).toMatch(message);
        expect(steps[0]?.message).toContain('nothing was stored');
        expect(await storeContents(store)).toEqual(before);
        expect(c.ledger.records.size).toBe(0);
      });
    }

    it('stores the good sets of a GP answer and rejects the one the store cannot hold, alike on every backend', async () => {
      await seeded();
      server.route(GP, { body: JSON.stringify([omm.at(-2), { ...omm.at(-3), REV_AT_EPOCH: 3_000_000_000 }]) });
      const before = await storeContents(store);
      const steps = await runUpdate(store, ctx(), plan({ spaceWeather: false, eop: false }), { at: new Date(T0) });
      expect(steps.map((s) => s.status)).toEqual(['stored']);
      expect(steps[0]?.ingest).toMatchObject({ accepted: 1, rejected: 1, status: 'partial' });
      const after = await storeContents(store);
      const added = after.elementSets.filter((e) => !before.elementSets.some((o) => o.id === e.id));
      expect(after.elementSets.filter((e) => !added.includes(e))).toEqual(before.elementSets);
      expect(added.map((e) => e.elementSet.revNumber)).toEqual([omm.at(-2)?.['REV_AT_EPOCH']]);
      expect(after.ingestLog.slice(1)).toEqual(before.ingestLog);
      expect(after.ingestLog[0]).toMatchObject({ status: 'partial', accepted: 1, rejected: 1, reasons: ['line 1:1: range'] });
    });

    it('keeps the sources independent: one failure does not stop the others, and leaves its own rows untouched', async () => {
      await seeded();
      const before = await storeContents(store);
      serveAll();
      server.route(SW, { status: 503 });
      const steps = await runUpdate(store, ctx(), plan(), { at: new Date(T0) });
      expect(steps.map((s) => s.status)).toEqual(['stored', 'failed', 'stored']);
      expect(steps[1]?.message).toMatch(/HTTP 503.*nothing was stored/);
      const after = await storeContents(store);
      expect(after.spaceWeather).toEqual(before.spaceWeather);
      expect(after.rowCounts.space_weather).toBe(before.rowCounts.space_weather);
      // Two new log entries (elements, EOP: all duplicates), none for space weather; the old ones as they were.
      expect(after.ingestLog.slice(2)).toEqual(before.ingestLog);
      expect(after.ingestLog.slice(0, 2).map((l) => l.source)).toEqual([`${server.baseUrl}${EOP}`, `${server.baseUrl}${GP}`]);
    });

    it('reports offline for every source when nothing listens, leaving the store untouched', async () => {
      const gone = await startLoopbackServer();
      const base = gone.baseUrl;
      await gone.close();
      await seeded();
      const before = await storeContents(store);
      const steps = await runUpdate(store, ctx(), { celestrakBaseUrl: base, iersFinalsUrl: `${base}${EOP}` }, { at: new Date(T0) });
      expect(steps.map((s) => s.error !== undefined && 'kind' in s.error ? s.error.kind : s.status)).toEqual(['offline', 'offline', 'offline']);
      expect(await storeContents(store)).toEqual(before);
    });

    it('fetches Space-Track gp_history with credentials from the environment, which never reach the store', async () => {
      const PASSWORD = 'Pa55-never-stored';
      server.route('/ajaxauth/login', {
        respond: (r) => (new URLSearchParams(r.body).get('password') === PASSWORD ? { body: '""', headers: { 'set-cookie': 'chocolatechip=xyz; path=/' } } : { body: '{"Login":"Failed"}' }),
      });
      const history = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz').split(/\r?\n/).slice(0, 30).join('\n');
      server.route('/basicspacedata/query/class/gp_history/NORAD_CAT_ID/25544/EPOCH/2021-01-01--2021-01-03/orderby/EPOCH%20asc/format/3le/emptyresult/show', {
        respond: (r) => (r.headers.cookie === 'chocolatechip=xyz' ? { body: history } : { status: 401 }),
      });
      serveAll();
      const steps = await runUpdate(
        store,
        ctx(),
        plan({ spaceWeather: false, eop: false, spaceTrackHistory: { fromDay: '2021-01-01', toDay: '2021-01-03', baseUrl: server.baseUrl }, env: { SPACETRACK_USER: 'me@example.org', SPACETRACK_PASSWORD: PASSWORD } }),
        { at: new Date(T0) },
      );
      expect(steps.map((s) => s.status)).toEqual(['stored', 'stored']);
      expect(steps[1]?.ingest?.accepted).toBe(10);
      const dump = JSON.stringify(await storeContents(store));
      expect(dump).not.toContain(PASSWORD);
      expect(dump).not.toContain('me@example.org');
    });
  });
  if (!backend.available) {
    it.skip(`runUpdate against a loopback server (${backend.name}) skipped: set STATIONKEEPER_TEST_PG_URL (see tools/ci-postgres.sh)`, () => undefined);
  }
}

import { hasShared, readSharedText } from '#testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
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
beforeAll(async () => {
  server = await startLoopbackServer();
  if (!hasShared) return;
  const omm = JSON.parse(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')) as unknown[];
  gpBody = JSON.stringify(omm.slice(-1));
  swBody = swTxtToCsv(readSharedText('data', 'space-weather', 'sw19571001.txt.gz'), 1_000, '2026-08-01');
  const lines = readSharedText('data', 'eop', 'finals2000A.all.gz').split('\n').filter((l) => l !== '');
  eopBody = `${lines.slice(-420).join('\n')}\n`;
});
afterAll(async () => {
  await server.close();
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sk-update-'));
  store = await openStore({ kind: 'sqlite', path: join(dir, 'u.sqlite') }, { at: new Date(T0) });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function ctx(ledger = new MemoryLedger(), timeoutMs = 2_000): FetchContext & { ledger: MemoryLedger } {
  return { http: new HttpClient({ minHostIntervalMs: 0, retries: 1, baseDelayMs: 1, timeoutMs, maxRetryAfterMs: 5_000 }), ledger, now: () => T0 };
}

function plan(extra: Partial<UpdatePlan> = {}): UpdatePlan {
  return { celestrakBaseUrl: server.baseUrl, iersFinalsUrl: `${server.baseUrl}${EOP}`, ...extra };
}

/** Everything a failed download could have touched: row counts and the ingest log. */
async function snapshot(s: Store): Promise<string> {
  const info = await s.info(100);
  return JSON.stringify({ counts: info.rowCounts, log: info.lastIngests });
}

function serveAll(): void {
  server.route(GP, { body: gpBody, headers: { etag: '"gp"' } });
  server.route(SW, { body: swBody });
  server.route(EOP, { body: eopBody });
}

describe.skipIf(!hasShared)('runUpdate against a loopback server and a real SQLite store', () => {
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
    const before = await snapshot(store);
    const requests = server.requests.length;
    const steps = await runUpdate(store, c, plan(), { at: new Date(T0) });
    expect(steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(server.requests.length).toBe(requests);
    expect(await snapshot(store)).toBe(before);
  });

  it('a forced re-run gets 304 or the same bytes and writes nothing', async () => {
    server.route(GP, { respond: (r) => (r.headers['if-none-match'] === '"gp"' ? { status: 304 } : { body: gpBody, headers: { etag: '"gp"' } }) });
    server.route(SW, { body: swBody });
    server.route(EOP, { body: eopBody });
    const c = ctx();
    await runUpdate(store, c, plan(), { at: new Date(T0) });
    const before = await snapshot(store);
    const steps = await runUpdate(store, c, plan({ force: true }), { at: new Date(T0) });
    expect(steps.map((s) => s.status)).toEqual(['not-modified', 'not-modified', 'not-modified']);
    expect(await snapshot(store)).toBe(before);
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
      server.route(GP, answer);
      server.route(SW, answer);
      server.route(EOP, answer);
      const c = ctx(new MemoryLedger(), 300);
      const before = await snapshot(store);
      const steps = await runUpdate(store, c, plan(), { at: new Date(T0) });
      expect(steps.every((s) => s.status === 'failed')).toBe(true);
      for (const s of steps) {
        expect(s.message).toMatch(message);
        expect(s.message).toContain('nothing was stored');
      }
      expect(await snapshot(store)).toBe(before);
      expect(c.ledger.records.size).toBe(0);
    });
  }

  it('keeps the sources independent: one failure does not stop the others', async () => {
    serveAll();
    server.route(SW, { status: 503 });
    const steps = await runUpdate(store, ctx(), plan(), { at: new Date(T0) });
    expect(steps.map((s) => s.status)).toEqual(['stored', 'failed', 'stored']);
  });

  it('reports offline for every source when nothing listens, leaving the store untouched', async () => {
    const gone = await startLoopbackServer();
    const base = gone.baseUrl;
    await gone.close();
    const before = await snapshot(store);
    const steps = await runUpdate(store, ctx(), { celestrakBaseUrl: base, iersFinalsUrl: `${base}${EOP}` }, { at: new Date(T0) });
    expect(steps.map((s) => s.error !== undefined && 'kind' in s.error ? s.error.kind : s.status)).toEqual(['offline', 'offline', 'offline']);
    expect(await snapshot(store)).toBe(before);
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
    const dump = JSON.stringify(await store.info(100)) + JSON.stringify(await store.elementHistory(25544));
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain('me@example.org');
  });
});

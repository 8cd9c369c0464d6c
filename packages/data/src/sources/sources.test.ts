import { hasShared, readSharedText } from '#testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELESTRAK_GP_MIN_INTERVAL_S, celestrakGpUrl, fetchCelestrakGp, fetchCelestrakSpaceWeather } from './celestrak.js';
import { SourceError } from './errors.js';
import { JsonFileLedger, MemoryLedger } from './fetch-ledger.js';
import type { FetchContext } from './fetch-resource.js';
import { HttpClient, type HttpEvent } from './http-client.js';
import { fetchIersFinals2000A } from './iers.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { fetchSpaceTrackGpHistory, spaceTrackGpHistoryUrl } from './space-track.js';
import { swTxtSlice, swTxtToCsv } from './test-fixtures.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server.close();
});

/** 2026-08-22T12:00Z: inside the coverage of the shared SW-All (observed to 2026-08-21) and finals2000A (to 2027-08). */
const T0 = Date.UTC(2026, 7, 22, 12);

function context(now = { ms: T0 }, events: HttpEvent[] = []): FetchContext & { ledger: MemoryLedger } {
  return {
    http: new HttpClient({ minHostIntervalMs: 0, retries: 1, baseDelayMs: 1, timeoutMs: 2_000, onEvent: (e) => events.push(e) }),
    ledger: new MemoryLedger(),
    now: () => now.ms,
  };
}

async function error(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('expected a SourceError');
}

function ommRecords(): unknown[] {
  if (!hasShared) return []; // collected (not run) when ../shared is absent
  return JSON.parse(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')) as unknown[];
}

function last3le(n: number): string {
  const lines = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz').split(/\r?\n/).filter((l) => l !== '');
  return `${lines.slice(-3 * n).join('\r\n')}\r\n`;
}

const gpPath = (q: string): string => new URL(celestrakGpUrl({ catnr: Number(q) }, 'json', server.baseUrl)).pathname + `?CATNR=${q}&FORMAT=json`;

describe.skipIf(!hasShared)('CelesTrak GP through a loopback server', () => {
  it('downloads, validates, and after commit() sends If-None-Match once the 2 h cycle has passed', async () => {
    const body = JSON.stringify([ommRecords()[39]]);
    server.route(gpPath('25544'), {
      respond: (req) => (req.headers['if-none-match'] === '"gp-1"' ? { status: 304 } : { body, headers: { etag: '"gp-1"', 'content-type': 'application/json' } }),
    });
    const now = { ms: T0 };
    const ctx = context(now);
    const first = await fetchCelestrakGp(ctx, { catnr: 25544 }, 'json', { baseUrl: server.baseUrl });
    expect(first.status).toBe('downloaded');
    if (first.status !== 'downloaded') return;
    expect(first.summary.records).toBe(1);
    expect(first.body).toBe(body);
    expect(ctx.ledger.records.size).toBe(0); // nothing recorded before the caller commits
    await first.commit();
    expect(ctx.ledger.records.get(first.url)?.etag).toBe('"gp-1"');

    const before = server.requests.length;
    now.ms += 30 * 60_000;
    const polite = await fetchCelestrakGp(ctx, { catnr: 25544 }, 'json', { baseUrl: server.baseUrl });
    expect(polite.status).toBe('skipped');
    if (polite.status === 'skipped') expect(polite.nextAllowedAtMs).toBe(T0 + CELESTRAK_GP_MIN_INTERVAL_S * 1000);
    expect(server.requests.length).toBe(before); // no request at all within the update cycle

    now.ms = T0 + CELESTRAK_GP_MIN_INTERVAL_S * 1000 + 1;
    const again = await fetchCelestrakGp(ctx, { catnr: 25544 }, 'json', { baseUrl: server.baseUrl });
    expect(again.status).toBe('not-modified');
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"gp-1"');
  });

  it('treats a 200 with the same bytes as not modified (servers without validators)', async () => {
    const body = JSON.stringify([ommRecords()[38]]);
    server.route(gpPath('25545'), { body: body.replace('25544', '25545') });
    const now = { ms: T0 };
    const ctx = context(now);
    const first = await fetchCelestrakGp(ctx, { catnr: 25545 }, 'json', { baseUrl: server.baseUrl });
    expect(first.status).toBe('downloaded');
    if (first.status === 'downloaded') await first.commit();
    now.ms += 3 * 3600_000;
    expect((await fetchCelestrakGp(ctx, { catnr: 25545 }, 'json', { baseUrl: server.baseUrl })).status).toBe('not-modified');
  });

  it('accepts 3LE for a catalog number', async () => {
    server.route(`/NORAD/elements/gp.php?CATNR=25544&FORMAT=3le`, { body: last3le(1) });
    const r = await fetchCelestrakGp(context(), { catnr: 25544 }, '3le', { baseUrl: server.baseUrl });
    expect(r.status).toBe('downloaded');
  });

  it('accepts a GROUP query with many objects', async () => {
    server.route(`/NORAD/elements/gp.php?GROUP=stations&FORMAT=3le`, { body: last3le(5) });
    const r = await fetchCelestrakGp(context(), { group: 'stations' }, '3le', { baseUrl: server.baseUrl });
    expect(r.status === 'downloaded' && r.summary.records).toBe(5);
  });

  const bad: [string, string, RegExp][] = [
    ['an HTML error page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>', /HTML page \("502 Bad Gateway"\)/],
    ['an empty JSON array', '[]', /empty array/],
    ['CelesTrak\'s "No GP data found"', 'No GP data found', /No GP data found/],
    ['a truncated JSON body', '[{"NORAD_CAT_ID": 25544, "EPOCH": "2024-', /truncated body/],
    ['another object than asked for', JSON.stringify([{ ...(ommRecords()[0] as object), NORAD_CAT_ID: 99999 }]), /asked for catalog number 25544/],
  ];
  for (const [what, body, message] of bad) {
    it(`rejects ${what} and records nothing`, async () => {
      server.route(gpPath('25544'), { body });
      const ctx = context();
      const e = await error(fetchCelestrakGp(ctx, { catnr: 25544 }, 'json', { baseUrl: server.baseUrl, force: true }));
      expect(e.message).toMatch(message);
      expect(ctx.ledger.records.size).toBe(0);
    });
  }

  it('rejects out-of-range catalog numbers and odd group names before any request', () => {
    expect(() => celestrakGpUrl({ catnr: 0 }, 'json')).toThrow(RangeError);
    expect(() => celestrakGpUrl({ group: 'a&b=c' }, 'json')).toThrow(/GROUP/);
  });
});

describe.skipIf(!hasShared)('CelesTrak space weather through a loopback server', () => {
  it('accepts SW-All.csv and SW-All.txt slices that reach today', async () => {
    const txt = readSharedText('data', 'space-weather', 'sw19571001.txt.gz');
    server.route('/SpaceData/SW-All.csv', { body: swTxtToCsv(txt, 1_000, '2026-08-01') });
    server.route('/SpaceData/SW-All.txt', { body: swTxtSlice(txt, '2026-08-01') });
    const ctx = context();
    const csv = await fetchCelestrakSpaceWeather(ctx, 'csv', { baseUrl: server.baseUrl });
    const tx = await fetchCelestrakSpaceWeather(ctx, 'txt', { baseUrl: server.baseUrl });
    expect(csv.status === 'downloaded' && csv.summary.firstDay).toBe('2026-08-01');
    expect(tx.status === 'downloaded' && tx.summary.rows).toBe(21 + 45 + 180);
  });

  it('rejects a table that stops before today as truncated or stale', async () => {
    const txt = readSharedText('data', 'space-weather', 'sw19571001.txt.gz');
    const csv = swTxtToCsv(txt, 1_000, '2026-08-01').split('\n').slice(0, 10).join('\n');
    server.route('/SpaceData/SW-All.csv', { body: csv });
    const e = await error(fetchCelestrakSpaceWeather(context(), 'csv', { baseUrl: server.baseUrl }));
    expect(e.kind).toBe('truncated');
    expect(e.message).toContain('ends on 2026-08-09, before today (2026-08-22)');
  });
});

describe.skipIf(!hasShared)('IERS finals2000A through a loopback server', () => {
  it('accepts the last 400 days of finals2000A.all and rejects a cut one', async () => {
    const lines = readSharedText('data', 'eop', 'finals2000A.all.gz').split('\n').filter((l) => l !== '');
    const body = `${lines.slice(-400).join('\n')}\n`;
    server.route('/finals2000A.all', { body }, { body: body.slice(0, body.length - 1000) });
    const url = `${server.baseUrl}/finals2000A.all`;
    const ok = await fetchIersFinals2000A(context(), { url });
    expect(ok.status === 'downloaded' && ok.summary.rows).toBe(400);
    const e = await error(fetchIersFinals2000A(context(), { url }));
    expect(e.kind).toBe('truncated');
  });

  it('rejects 500s after retrying, naming the status', async () => {
    server.route('/finals-down', { status: 500 });
    const e = await error(fetchIersFinals2000A(context(), { url: `${server.baseUrl}/finals-down` }));
    expect(e.message).toMatch(/HTTP 500.*after 2 attempts/);
  });
});

describe.skipIf(!hasShared)('Space-Track gp_history through a loopback server', () => {
  const USER = 'orbit.keeper@example.org';
  const PASSWORD = 'S3cret-Hunter2!';
  const env = { SPACETRACK_USER: USER, SPACETRACK_PASSWORD: PASSWORD };
  const query = { noradIds: [25544], fromDay: '2022-03-01', toDay: '2022-03-03' } as const;
  const queryPath = (): string => new URL(spaceTrackGpHistoryUrl(query, server.baseUrl)).pathname;

  function loginRoute(): void {
    server.route('/ajaxauth/login', {
      respond: (req) => {
        const form = new URLSearchParams(req.body);
        return form.get('identity') === USER && form.get('password') === PASSWORD
          ? { body: '""', headers: { 'set-cookie': 'chocolatechip=abc123; path=/; HttpOnly' } }
          : { body: '{"Login":"Failed"}' };
      },
    });
  }

  it('logs in with a POST body, queries with the session cookie, and keeps the password out of URLs, events and the ledger', async () => {
    loginRoute();
    server.route(queryPath(), { respond: (req) => (req.headers.cookie === 'chocolatechip=abc123' ? { body: last3le(4) } : { status: 401 }) });
    const events: HttpEvent[] = [];
    const ctx = context({ ms: T0 }, events);
    const r = await fetchSpaceTrackGpHistory(ctx, query, { baseUrl: server.baseUrl, env });
    expect(r.status === 'downloaded' && r.summary.records).toBe(4);
    if (r.status === 'downloaded') await r.commit();
    const login = server.requests.find((q) => q.path === '/ajaxauth/login');
    expect(login?.method).toBe('POST');
    expect(server.requests.every((q) => !q.path.includes(PASSWORD) && !q.path.includes(encodeURIComponent(PASSWORD)))).toBe(true);
    const everythingShown = JSON.stringify(events) + JSON.stringify([...ctx.ledger.records.values()]);
    expect(everythingShown).not.toContain(PASSWORD);
    expect(everythingShown).not.toContain(encodeURIComponent(PASSWORD));
  });

  it('keeps the password out of a file ledger too', async () => {
    loginRoute();
    server.route(queryPath(), { body: last3le(2) });
    const dir = await mkdtemp(join(tmpdir(), 'sk-ledger-'));
    try {
      const ledger = new JsonFileLedger(join(dir, 'http-cache.json'));
      const ctx: FetchContext = { ...context(), ledger };
      const r = await fetchSpaceTrackGpHistory(ctx, query, { baseUrl: server.baseUrl, env });
      if (r.status === 'downloaded') await r.commit();
      const text = await readFile(ledger.path, 'utf8');
      expect(text).toContain('gp_history');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(USER);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a refused login without echoing the credentials', async () => {
    loginRoute();
    const e = await error(fetchSpaceTrackGpHistory(context(), query, { baseUrl: server.baseUrl, env: { ...env, SPACETRACK_PASSWORD: 'wrong-Pa55' } }));
    expect(e.kind).toBe('auth');
    expect(e.message).toContain('SPACETRACK_PASSWORD');
    expect(e.message).not.toContain('wrong-Pa55');
    expect(String(e.stack)).not.toContain('wrong-Pa55');
  });

  it('names the missing environment variables, and makes no request', async () => {
    const before = server.requests.length;
    const e = await error(Promise.resolve().then(() => fetchSpaceTrackGpHistory(context(), query, { baseUrl: server.baseUrl, env: { SPACETRACK_USER: USER } })));
    expect(e.kind).toBe('auth');
    expect(e.message).toContain('set SPACETRACK_PASSWORD');
    expect(server.requests.length).toBe(before);
  });

  it('rejects an empty result', async () => {
    loginRoute();
    server.route(queryPath(), { body: 'NO RESULTS RETURNED' });
    const e = await error(fetchSpaceTrackGpHistory(context(), query, { baseUrl: server.baseUrl, env }));
    expect(e.message).toContain('empty result');
  });
});

import { hasShared, readSharedText } from '#testing';
// Test support of the sources package (not part of its public API).
import { startLoopbackServer, type LoopbackServer } from '../../../../packages/data/src/sources/loopback-server.js';
import { swTxtToCsv } from '../../../../packages/data/src/sources/test-fixtures.js';
import { openStore } from '@stationkeeper/data/store';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../main.js';
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

async function counts(db: string): Promise<Record<string, number>> {
  const s = await openStore({ kind: 'sqlite', path: db }, { at: new Date() });
  try {
    return { ...(await s.info()).rowCounts };
  } finally {
    await s.close();
  }
}

describe('stationkeeper update', () => {
  it('reports offline with exit 3 and writes nothing', async () => {
    const gone = await startLoopbackServer();
    const base = gone.baseUrl;
    await gone.close();
    const db = join(dir, 'off.sqlite');
    const c = capture();
    const code = await main(['update', '--db', db, '--celestrak-url', base, '--iers-url', `${base}/finals2000A.all`], c.io, [updateCommand]);
    expect(code).toBe(3);
    expect(c.out()).toContain('Offline: no source could be reached. Nothing was written');
    expect(c.err()).toContain('are you offline?');
    const n = await counts(db);
    expect(Object.values(n).reduce((a, b) => a + b, 0)).toBe(0);
  });

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

  it.skipIf(!hasShared)('Space-Track credentials reach only the login POST: never stdout, stderr, the ledger or the database file', async () => {
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
    const db = join(dir, 'creds.sqlite');
    const c = capture({ SPACETRACK_USER: USER, SPACETRACK_PASSWORD: PASSWORD });
    const code = await main(
      ['update', '--db', db, '--no-space-weather', '--no-eop', '--celestrak-url', `${server.baseUrl}/nothing`, '--history-from', '2021-01-01', '--history-to', '2021-01-03', '--space-track-url', server.baseUrl, '--retries', '1', '--timeout', '2'],
      c.io,
      [updateCommand],
    );
    expect(code).toBe(1); // the CelesTrak GP step fails (404); the Space-Track step is stored
    expect(c.out()).toMatch(/element history 25544 \(Space-Track gp_history 2021-01-01\.\.2021-01-03\)\s+stored\s+2 KiB: 10 new/);
    expect(c.err()).toMatch(/retrying in .*HTTP 503/);
    expect((await counts(db))['element_sets']).toBe(10);
    // Everything the command wrote: its output, the HTTP ledger, the SQLite file and its WAL (raw bytes).
    const { readdir } = await import('node:fs/promises');
    const written = [c.out(), c.err()];
    for (const f of await readdir(dir)) written.push((await readFile(join(dir, f))).toString('latin1'));
    expect(written.length).toBeGreaterThanOrEqual(4);
    for (const text of written) {
      for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), USER, encodeURIComponent(USER)]) expect(text).not.toContain(secret);
    }
  });

  it('rejects a bad --norad with exit 2', async () => {
    const c = capture();
    expect(await main(['update', '--norad', '0'], c.io, [updateCommand])).toBe(2);
    expect(c.err()).toContain('NORAD catalog numbers');
  });

  it.skipIf(!hasShared)('stores the ISS and an extra object, then stays polite on a second run', async () => {
    const omm = JSON.parse(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')) as Record<string, unknown>[];
    const iss = omm.at(-1)!;
    server.route('/NORAD/elements/gp.php?CATNR=25544&FORMAT=json', { body: JSON.stringify([iss]) });
    server.route('/NORAD/elements/gp.php?CATNR=49044&FORMAT=json', { body: JSON.stringify([{ ...iss, NORAD_CAT_ID: 49044, OBJECT_NAME: 'TEST OBJECT', OBJECT_ID: '2021-066A' }]) });
    // Space weather and EOP that reach "today" depend on the run date: here they fail (an old table, a 503);
    // their success path is tested in packages/data/src/sources/update.test.ts at a fixed clock.
    const old = swTxtToCsv(readSharedText('data', 'space-weather', 'sw19571001.txt.gz'), 5).split('\n').slice(0, 6).join('\n');
    server.route('/SpaceData/SW-All.csv', { body: old });
    server.route('/finals2000A.all', { status: 503 });
    const db = join(dir, 'on.sqlite');
    const args = ['update', '--db', db, '--norad', '49044', '--celestrak-url', server.baseUrl, '--iers-url', `${server.baseUrl}/finals2000A.all`, '--timeout', '2', '--retries', '0'];
    const c = capture();
    const code = await main(args, c.io, [updateCommand]);
    expect(code).toBe(1);
    expect(c.out()).toMatch(/elements 25544 \(CelesTrak GP\)\s+stored/);
    expect(c.out()).toMatch(/elements 49044 \(CelesTrak GP\)\s+stored/);
    expect(c.out()).toMatch(/space weather .*FAILED .*before today/);
    expect(c.out()).toMatch(/Earth orientation .*FAILED .*HTTP 503/);
    expect(c.out()).toContain('2 of 4 sources failed; they left the store unchanged');
    expect((await counts(db))['element_sets']).toBe(2);
    const ledger = JSON.parse(await readFile(join(dir, 'http-cache.json'), 'utf8')) as { records: { url: string }[] };
    expect(ledger.records.map((r) => r.url).sort()).toEqual([
      `${server.baseUrl}/NORAD/elements/gp.php?CATNR=25544&FORMAT=json`,
      `${server.baseUrl}/NORAD/elements/gp.php?CATNR=49044&FORMAT=json`,
    ]);

    const before = server.requests.filter((r) => r.path.startsWith('/NORAD')).length;
    const d = capture();
    await main(args, d.io, [updateCommand]);
    expect(d.out()).toMatch(/elements 25544 \(CelesTrak GP\)\s+fresh\s+checked recently/);
    expect(server.requests.filter((r) => r.path.startsWith('/NORAD')).length).toBe(before);
  });
});

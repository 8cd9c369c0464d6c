/**
 * `import`, `history` and `db info` end to end, in process, against a SQLite store in a temp directory
 * (and PostgreSQL when STATIONKEEPER_TEST_PG_URL is set), on the shared ISS history.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasShared, readSharedText, sharedPath } from '#testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIssSampleIfEmpty } from '@stationkeeper/data/sample';
import { openStore } from '@stationkeeper/data/store';
import { main, type CliIo } from '../main.js';

const ISS_3LE = sharedPath.bind(null, 'data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz');

function run(argv: string[], env: Record<string, string>, cwd: string, tty = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: tty },
    env: { HOME: cwd, XDG_CONFIG_HOME: join(cwd, 'config'), ...env },
    cwd,
  };
  return main(argv, io).then((code) => ({ code, out, err }));
}

const dir = mkdtempSync(join(tmpdir(), 'sk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pg = process.env['STATIONKEEPER_TEST_PG_URL'] ?? '';
const targets = [
  { name: 'sqlite', env: { STATIONKEEPER_DB: join(dir, 'cli.sqlite') } },
  ...(pg !== '' ? [{ name: 'postgres', env: { STATIONKEEPER_DATABASE_URL: pg } }] : []),
];

for (const target of targets) {
  describe.skipIf(!hasShared)(`import / history / db info (${target.name})`, () => {
    let firstImport: { code: number; out: string; err: string };
    beforeAll(async () => {
      if (target.name === 'postgres') {
        const { default: pgLib } = await import('pg');
        const c = new pgLib.Client({ connectionString: pg });
        await c.connect();
        await c.query('DROP TABLE IF EXISTS element_sets, objects, space_weather, eop, ingest_log, schema_version CASCADE');
        await c.end();
      }
      firstImport = await run(['import', ISS_3LE()], target.env, dir);
    });

    it('import prints accepted / duplicate / rejected per file; a second import adds nothing', async () => {
      expect(firstImport.code).toBe(0);
      expect(firstImport.out).toMatch(/3le, 2096 records — 2056 accepted, 0 updated, 40 duplicate, 0 rejected\n$/);
      const again = await run(['import', ISS_3LE()], target.env, dir);
      expect(again.out).toMatch(/2096 records — 0 accepted, 0 updated, 2096 duplicate, 0 rejected/);
    });

    it('history --format csv: every 2021 set, mean altitude 400–430 km, reboosts as jumps > 0.5 km', async () => {
      const r = await run(['history', '--norad', '25544', '--from', '2021-01-01', '--to', '2022-01-01', '--format', 'csv'], target.env, dir);
      expect(r.code).toBe(0);
      const lines = r.out.trim().split('\n');
      expect(lines[0]).toBe('epoch_utc,mean_altitude_km,perigee_altitude_km,apogee_altitude_km,mean_motion_rev_per_day,bstar_per_earth_radius');
      // Expected: distinct sets of the file with a 2021 epoch (independent count on the text).
      const text = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz').split('\r\n');
      const pairs = new Set<string>();
      for (let i = 0; i + 2 < text.length; i += 3) if ((text[i + 1] ?? '').slice(18, 20) === '21') pairs.add(`${text[i + 1]}${text[i + 2]}`);
      expect(lines.length - 1).toBe(pairs.size);
      const alt = lines.slice(1).map((l) => Number(l.split(',')[1]));
      expect(Math.min(...alt)).toBeGreaterThan(400);
      expect(Math.max(...alt)).toBeLessThan(430);
      expect(alt.slice(1).filter((a, i) => a - (alt[i] ?? a) > 0.5).length).toBeGreaterThanOrEqual(4);
      for (const l of lines.slice(1)) {
        const [epoch, mean, perigee, apogee] = l.split(',');
        expect(epoch).toMatch(/^2021-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(Number(perigee)).toBeLessThanOrEqual(Number(mean));
        expect(Number(apogee)).toBeGreaterThanOrEqual(Number(mean));
      }
    });

    it('history --format json and table; --plot writes an SVG with one point per set', async () => {
      const svgPath = join(dir, `iss-${target.name}.svg`);
      const j = await run(['history', '--norad', '25544', '--from', '2021-06-01', '--to', '2021-07-01T00:00:00Z', '--format', 'json', '--plot', svgPath], target.env, dir);
      expect(j.code).toBe(0);
      const doc = JSON.parse(j.out) as { noradId: number; name: string; rows: { meanAltitudeKm: number; epochIso: string }[]; altitudeReference: string };
      expect(doc).toMatchObject({ noradId: 25544, name: 'ISS (ZARYA)' });
      expect(doc.altitudeReference).toContain('6378.137');
      expect(doc.rows.every((r) => r.epochIso.startsWith('2021-06'))).toBe(true);
      const svg = readFileSync(svgPath, 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(/points="([^"]+)"/.exec(svg)?.[1]?.split(' ').length).toBe(doc.rows.length);
      expect(svg).toContain('2021-06');
      const t = await run(['history', '--norad', '25544', '--from', '2021-06-01', '--to', '2021-06-02'], target.env, dir);
      expect(t.out).toContain('ISS (ZARYA) (25544)');
      expect(t.out).toContain('mean altitude km');
    });

    it('history --plot for 2021 draws the six reboosts as steps at their dates, and nothing else as one', async () => {
      const svgPath = join(dir, `iss-2021-${target.name}.svg`);
      const r = await run(['history', '--norad', '25544', '--from', '2021-01-01', '--to', '2022-01-01', '--format', 'csv', '--plot', svgPath], target.env, dir);
      expect(r.code).toBe(0);
      expect(r.err).not.toContain('SAMPLE'); // real history: no sample warning
      // The data: set-to-set rises of the mean altitude ≥ 0.9 km (the reboosts of 2021 in the shared history; the
      // largest other rise is 0.48 km, 2021-05-21, so 0.7 km separates them).
      const rows = r.out.trim().split('\n').slice(1).map((l) => l.split(','));
      const rises = rows.slice(1).flatMap((row, i) => (Number(row[1]) - Number(rows[i]?.[1]) > 0.7 ? [(row[0] ?? '').slice(0, 10)] : []));
      expect(rises).toEqual(['2021-01-21', '2021-06-24', '2021-08-21', '2021-09-12', '2021-10-12', '2021-11-11']);

      // The chart, read back through its own axes: y from two altitude tick labels, x from two month tick labels.
      const svg = readFileSync(svgPath, 'utf8');
      const tickY = (km: number): number => Number(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>${km}</text>`).exec(svg)?.[1]);
      const tickX = (month: string): number => Number(new RegExp(`<text x="([\\d.]+)" y="[\\d.]+"[^>]*>${month}</text>`).exec(svg)?.[1]);
      const pxPerKm = (tickY(418) - tickY(422)) / 4; // SVG y grows downwards
      const pxPerDay = (tickX('2021-12') - tickX('2021-02')) / 303; // 2021-02-01 → 2021-12-01
      expect(pxPerKm).toBeGreaterThan(10);
      expect(pxPerDay).toBeGreaterThan(1);
      const points = (/points="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map((p) => p.split(',').map(Number) as [number, number]);
      expect(points.length).toBe(rows.length);
      // A step: a segment that rises ≥ 0.7 km while advancing less than one day.
      const steps = points.slice(1).flatMap(([x, y], i) => {
        const [x0, y0] = points[i]!;
        if (!((y0 - y) / pxPerKm >= 0.7 && (x - x0) / pxPerDay < 1)) return [];
        const day = new Date(Date.UTC(2021, 1, 1) + ((x - tickX('2021-02')) / pxPerDay) * 86_400_000);
        return [day.toISOString().slice(0, 10)];
      });
      // Dates read off the chart's x axis: within the day of the step (the rounding of 2-decimal pixels is ~0.01 day).
      expect(steps).toEqual(rises);
    });

    it('db info shows the store, schema version, row counts and the last ingests', async () => {
      const r = await run(['db', 'info'], target.env, dir);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`store:          ${target.name}`);
      expect(r.out).toContain('schema version: 1');
      expect(r.out).toContain('element_sets 2056');
      expect(r.out).toMatch(/#2 .* elements\s+3le\s+0 accepted, 0 updated, 2096 duplicate/);
      if (target.name === 'postgres') expect(r.out).not.toContain(':stationkeeper@'); // password masked
      const j = JSON.parse((await run(['db', 'info', '--json'], target.env, dir)).out) as { rowCounts: { objects: number } };
      expect(j.rowCounts.objects).toBe(1);
    });
  });
}

describe('import / history usage and failures', () => {
  const env = { STATIONKEEPER_DB: join(dir, 'errors.sqlite') };
  it('a missing or unrecognisable file fails (exit 1) and says why; other files still import', async () => {
    writeFileSync(join(dir, 'junk.txt'), 'this is not a data file\n');
    writeFileSync(
      join(dir, 'one.tle'),
      '1 25544U 98067A   21001.22196045  .00001488  00000-0  34854-4 0  9992\n2 25544  51.6464  88.5894 0001153 173.6665  39.5832 15.49246091262713\n1 25544U 98067A   21001.5 bad\n',
    );
    const r = await run(['import', 'missing.tle', 'junk.txt', 'one.tle'], env, dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.tle');
    expect(r.err).toContain('junk.txt: not a supported format');
    expect(r.out).toContain('one.tle: tle, 1 records — 1 accepted, 0 updated, 0 duplicate, 1 rejected (partial)');
    expect(r.err).toMatch(/one\.tle:4:1: missing-line-2/);
  });

  it('usage errors exit 2', async () => {
    expect((await run(['import'], env, dir)).code).toBe(2);
    expect((await run(['history'], env, dir)).code).toBe(2);
    expect((await run(['history', '--norad', 'ISS'], env, dir)).code).toBe(2);
    expect((await run(['history', '--norad', '25544', '--from', '2021-13-01'], env, dir)).code).toBe(2);
    expect((await run(['history', '--norad', '25544', '--format', 'xml'], env, dir)).code).toBe(2);
    expect((await run(['db'], env, dir)).code).toBe(2);
  });

  it('regression: history of a store seeded with the bundled sample warns that it is a stale sample and how to update', async () => {
    const db = join(dir, 'seeded.sqlite');
    const store = await openStore({ kind: 'sqlite', path: db }, { at: new Date('2026-01-01T00:00:00Z') });
    try {
      await seedIssSampleIfEmpty(store, new Date('2026-01-01T00:00:00Z'));
    } finally {
      await store.close();
    }
    for (const format of ['table', 'csv', 'json']) {
      const r = await run(['history', '--norad', '25544', '--format', format], { STATIONKEEPER_DB: db }, dir);
      expect(r.code).toBe(0);
      expect(r.out).toContain('2008-09-20T12:25:40.104'); // the sample's epoch
      // It used to print the 2008 set like any other, without a word (the issue: every output that uses it warns).
      expect(r.err, format).toContain('WARNING: using the bundled SAMPLE element set for the ISS (epoch 2008-09-20T12:25:40.104Z');
      expect(r.err, format).toContain("Run 'stationkeeper update'");
    }
  });

  it('history of an unknown object exits 1 and says how to get data', async () => {
    const r = await run(['history', '--norad', '99999'], env, dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain("stationkeeper import FILE");
  });

  it.skipIf(!hasShared)('draws a progress bar only when stderr is a terminal and the file is large', async () => {
    const lines = readSharedText('data', 'space-weather', 'sw19571001.txt.gz');
    writeFileSync(join(dir, 'sw.txt'), lines);
    const tty = await run(['import', 'sw.txt'], { STATIONKEEPER_DB: join(dir, 'tty.sqlite') }, dir, true);
    expect(tty.err).toContain('100% 25387/25387');
    const pipe = await run(['import', 'sw.txt'], { STATIONKEEPER_DB: join(dir, 'pipe.sqlite') }, dir, false);
    expect(pipe.err).toBe('');
    expect(pipe.out).toContain('25387 accepted');
  });
});

import { openStore, type Store } from '@stationkeeper/data/store';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../main.js';
import { readFlags } from '../util/index.js';
import { formatNowTable, nowCommand, nowFromStore } from './now.js';

const WALL = new Date('2026-08-22T12:00:00Z');
let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sk-now-'));
  store = await openStore({ kind: 'sqlite', path: join(dir, 'now.sqlite') }, { at: WALL });
});
afterEach(async () => {
  await store.close();
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

// The numbers themselves (sub-satellite point, passes, look angles) are checked against Skyfield / python-sgp4
// beside the shared implementation: packages/analysis/src/now/now.test.ts. Here: what the command adds — the
// store (seeding, element-set choice, EOP note), the flags and the output contract.
describe('nowFromStore', () => {
  it('seeds the bundled sample into an empty store and says so first, then the missing-EOP note', async () => {
    const r = await nowFromStore(store, { noradId: 25544, atIso: '2008-09-20T12:30:00Z', passCount: 0, searchDays: 1 }, WALL);
    expect(r.elements).toMatchObject({ sample: true, stale: true, epoch: '2008-09-20T12:25:40.104192Z' });
    expect(r.warnings).toEqual([expect.stringContaining('bundled SAMPLE'), expect.stringMatching(/^no Earth-orientation data in the store/)]);
    expect(r.passes).toBeNull();
    expect((await store.latestElementSet(25544))?.epochIso).toBe('2008-09-20T12:25:40.104192Z');
  });

  it('gives an answer (marked stale) far from the sample epoch, as on a fresh clone', async () => {
    const r = await nowFromStore(store, { noradId: 25544, passCount: 0, searchDays: 1 }, WALL);
    expect(r.time.startsWith('2026-08-22T12:00:00')).toBe(true);
    expect(r.elements.ageDays).toBeGreaterThan(6000);
    expect(r.warnings[0]).toMatch(/SAMPLE.*stale.*stationkeeper update/s);
    expect(Number.isFinite(r.latitudeDeg) && Math.abs(r.latitudeDeg) <= 90).toBe(true);
  });

  it('refuses an object the store does not know, saying how to get it', async () => {
    await expect(nowFromStore(store, { noradId: 48274, passCount: 0, searchDays: 1 }, WALL)).rejects.toThrow(/stationkeeper update --norad 48274/);
  });
});

describe('stationkeeper now (command)', () => {
  it('prints JSON with the stale-sample warning on stderr, on an empty store', async () => {
    await store.close();
    const c = capture();
    const code = await main(['now', '--db', join(dir, 'cli.sqlite'), '--at', '2008-09-20T12:30:00Z', '--format', 'json'], c.io, [nowCommand]);
    expect(c.err()).toContain('WARNING: using the bundled SAMPLE');
    expect(code).toBe(0);
    const r = JSON.parse(c.out()) as { noradId: number; passes: unknown; warnings: string[]; elements: object };
    // The JSON contract of `now --format json`: these keys in this order, no `look`, and no `elements.stale`.
    expect(Object.keys(r)).toEqual(['noradId', 'name', 'time', 'latitudeDeg', 'longitudeDeg', 'altitudeKm', 'speedKmS', 'sunlit', 'sunlitFraction', 'elements', 'observer', 'passes', 'warnings']);
    expect(Object.keys(r.elements)).toEqual(['epoch', 'ageDays', 'sample', 'source']);
    expect(r.noradId).toBe(25544);
    expect(r.passes).toBeNull();
    expect(r.warnings[0]).toContain('SAMPLE');
    store = await openStore({ kind: 'sqlite', path: join(dir, 'now.sqlite') }, { at: WALL });
  });

  it('uses the home location from the config file, and flags override it', async () => {
    const cfg = join(dir, 'config.json');
    await writeFile(cfg, JSON.stringify({ home: { latitudeDeg: 52.52, longitudeDeg: 13.405, heightM: 34, name: 'Berlin' } }));
    const c = capture({ STATIONKEEPER_CONFIG: cfg });
    expect(await main(['now', '--db', join(dir, 'cli2.sqlite'), '--at', '2008-09-20T12:30:00Z'], c.io, [nowCommand])).toBe(0);
    expect(c.out()).toContain('Next passes over Berlin');
    const d = capture({ STATIONKEEPER_CONFIG: cfg });
    expect(await main(['now', '--db', join(dir, 'cli2.sqlite'), '--at', '2008-09-20T12:30:00Z', '--lat', '-33.87', '--lon', '151.21', '--format', 'json'], d.io, [nowCommand])).toBe(0);
    expect((JSON.parse(d.out()) as { observer: { latitudeDeg: number } }).observer.latitudeDeg).toBe(-33.87);
  });

  it('says how to get passes when no location is known', async () => {
    const c = capture();
    expect(await main(['now', '--db', join(dir, 'cli3.sqlite'), '--at', '2008-09-20T12:30:00Z'], c.io, [nowCommand])).toBe(0);
    expect(c.out()).toContain('Passes: no location');
  });

  const usage: [string[], RegExp][] = [
    [['--lat', '52'], /both --lat and --lon/],
    [['--format', 'xml'], /--format must be table or json/],
    [['--norad', 'abc'], /needs a number/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--at', 'yesterday'], /--at needs an ISO-8601 UTC time/],
  ];
  for (const [args, message] of usage) {
    it(`rejects ${args.join(' ')} with exit 2`, async () => {
      const c = capture();
      expect(await main(['now', '--db', join(dir, 'u.sqlite'), ...args], c.io, [nowCommand])).toBe(2);
      expect(c.err()).toMatch(message);
    });
  }

  it('rejects a latitude out of range naming the quantity', async () => {
    const c = capture();
    expect(await main(['now', '--db', join(dir, 'u.sqlite'), '--lat', '95', '--lon', '0'], c.io, [nowCommand])).toBe(1);
    expect(c.err()).toMatch(/RangeError: latitude must be in \[-90, 90\] deg, got 95/);
  });
});

describe('readFlags', () => {
  it('reads values, = forms, booleans and repeated catalog lists', () => {
    expect(readFlags(['--norad', '25544', '--norad=48274,20580', '--force', '--at=2024-01-01T00:00:00Z'], { norad: 'numbers', force: 'boolean', at: 'string' })).toEqual({
      norad: [25544, 48274, 20580],
      force: true,
      at: '2024-01-01T00:00:00Z',
    });
  });
});

describe('formatNowTable', () => {
  it('writes hemispheres and units', async () => {
    const r = await nowFromStore(store, { noradId: 25544, atIso: '2008-09-20T12:30:00Z', passCount: 0, searchDays: 1 }, WALL);
    const t = formatNowTable(r);
    expect(t).toMatch(/46\.\d{4}° N, 175\.\d{4}° W/);
    expect(t).toContain('km (above the WGS-84 ellipsoid)');
    expect(t).toContain('km/s (inertial, TEME)');
  });
});

describe('element-set choice', () => {
  it('takes the set closest in time, not an older one before the instant (regression: sample chosen over a newer set)', async () => {
    const { parseElementFile } = await import('@stationkeeper/astro/elements');
    const { seedIssSampleIfEmpty } = await import('@stationkeeper/data/sample');
    await seedIssSampleIfEmpty(store, WALL);
    const later = parseElementFile(
      '1 25544U 98067A   21001.22196045  .00001488  00000-0  34854-4 0  9992\n2 25544  51.6464  88.5894 0001153 173.6665  39.5832 15.49246091262713\n',
    ).records;
    await store.ingest({ kind: 'elements', source: 'test', format: 'tle', at: WALL }, async (w) => {
      await w.addElementSets(later);
    });
    const r = await nowFromStore(store, { noradId: 25544, atIso: '2020-12-31T00:00:00Z', passCount: 0, searchDays: 1 }, WALL);
    expect(r.elements.sample).toBe(false);
    expect(r.elements.epoch.startsWith('2021-01-01T05:19')).toBe(true);
    // 1.2 days after the instant: nearer than the 2008 sample, not stale, no warning about it.
    expect(r.elements.stale).toBe(false);
    expect(r.warnings.some((w) => w.startsWith('WARNING'))).toBe(false);
  });

  it('regression: an instant months before the whole stored history takes the earliest set, not the newest', async () => {
    // It used to fall back to the newest set overall (2022), years from a 2019 instant, so SGP4 refused to answer.
    const { parseElementFile } = await import('@stationkeeper/astro/elements');
    const sets = parseElementFile(
      [
        '1 25544U 98067A   21001.22196045  .00001488  00000-0  34854-4 0  9992',
        '2 25544  51.6464  88.5894 0001153 173.6665  39.5832 15.49246091262713',
        '1 25544U 98067A   22062.70831162  .00012390  00000-0  22581-3 0  9996',
        '2 25544  51.6426 139.5834 0005893 256.7553 217.2592 15.49667547328619',
      ].join('\n') + '\n',
    ).records;
    expect(sets).toHaveLength(2);
    await store.ingest({ kind: 'elements', source: 'test', format: 'tle', at: WALL }, async (w) => {
      await w.addElementSets(sets);
    });
    const r = await nowFromStore(store, { noradId: 25544, atIso: '2020-06-01T00:00:00Z', passCount: 0, searchDays: 1 }, WALL);
    expect(r.elements.epoch.startsWith('2021-01-01T05:19')).toBe(true);
    expect(r.elements.stale).toBe(true);
    expect(Number.isFinite(r.altitudeKm)).toBe(true);
  });
});

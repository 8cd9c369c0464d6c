/**
 * File import against the real files of ../shared/data, on every store backend (PostgreSQL when
 * STATIONKEEPER_TEST_PG_URL is set). Expected counts are derived here from the files themselves, by a
 * reading independent of the parsers (and agree with the numbers in each PROVENANCE.md, see docs/data.md).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasShared, readSharedJson, readSharedText, repoRoot, sharedPath } from '#testing';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToUtcMjd } from '../formats/utc-mjd.js';
import { historyRow } from '../store/history-row.js';
import { openStore } from '../store/open.js';
import { BACKENDS, FIXED_AT, freshStore, postgresBackend } from '../store/test-backends.js';
import type { Store } from '../store/types.js';
import { ImportError, importFile, importText, type ImportResult } from './import-file.js';

const ISS_3LE = ['data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz'] as const;
const ISS_OMM = ['data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json'] as const;
const SW = ['data', 'space-weather', 'sw19571001.txt.gz'] as const;
const FINALS = ['data', 'eop', 'finals2000A.all.gz'] as const;
const CATALOG = ['data', 'catalog', 'spacetrack_full_catalog_3le_2022-07-15.txt.gz'] as const;

/** Independent reading of a 3LE file: distinct (line 1, line 2) pairs and distinct catalog numbers. */
function threeLeCounts(text: string): { sets: number; distinctPairs: number; objects: number } {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const pairs = new Set<string>();
  const objects = new Set<string>();
  let sets = 0;
  for (let i = 0; i < lines.length; i++) {
    const l1 = lines[i] ?? '';
    if (!l1.startsWith('1 ')) continue;
    sets += 1;
    pairs.add(`${l1}\n${lines[i + 1] ?? ''}`);
    // The catalog field as printed (Alpha-5 `T0288` kept as text; `    5` and `00005` are the same object).
    objects.add(l1.slice(2, 7).trim().replace(/^0+(?=.)/, ''));
  }
  return { sets, distinctPairs: pairs.size, objects: objects.size };
}

/**
 * Starts importing the 2022 catalog into the store at `location` (a SQLite path or a postgres:// URL) in a child
 * process, and SIGKILLs it once the first batch is written inside the open transaction.
 */
async function killImportMidTransaction(location: string): Promise<{ signal: string | null; out: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'packages/data/src/import/kill-child.fixture.mjs'), repoRoot, location, sharedPath(...CATALOG)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  await new Promise<void>((res, rej) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('IN_TRANSACTION')) res();
    });
    void exited.then(() => rej(new Error(`child exited before the transaction: ${out} ${err}`)));
  });
  child.kill('SIGKILL');
  return { signal: (await exited).signal, out };
}

const ctx = { dir: '' };
beforeAll(() => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'sk-import-'));
});
afterAll(() => rmSync(ctx.dir, { recursive: true, force: true }));

for (const backend of BACKENDS) {
  describe.skipIf(!hasShared || !backend.available)(`import of the shared data files (${backend.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const first: Record<string, ImportResult> = {};
    beforeAll(async () => {
      ({ store, dispose } = await freshStore(backend));
      for (const [key, parts] of Object.entries({ iss: ISS_3LE, omm: ISS_OMM, sw: SW, finals: FINALS, catalog: CATALOG })) {
        first[key] = await importFile(store, sharedPath(...parts), { at: FIXED_AT });
      }
    });
    afterAll(async () => {
      await dispose();
    });

    it('ISS gp_history 3LE: one row per distinct set (2,056 of 2,096; 40 exact repeats are duplicates)', () => {
      const c = threeLeCounts(readSharedText(...ISS_3LE));
      expect([c.sets, c.distinctPairs]).toEqual([2096, 2056]); // PROVENANCE.md
      expect(first['iss']?.summary).toMatchObject({ accepted: c.distinctPairs, duplicate: c.sets - c.distinctPairs, rejected: 0, status: 'ok' });
      expect(first['iss']?.format).toBe('3le');
    });

    it('CelesTrak OMM JSON sample: 40 distinct epochs, 40 rows', () => {
      const epochs = new Set(readSharedJson<{ EPOCH: string }[]>(...ISS_OMM).map((r) => r.EPOCH));
      expect(first['omm']?.summary).toMatchObject({ accepted: epochs.size, duplicate: 0, rejected: 0 });
      expect(epochs.size).toBe(40);
    });

    it('sw19571001.txt: one row per day of every section (25,162 + 45 + 180)', () => {
      const lines = readSharedText(...SW).split(/\r?\n/);
      const days = new Set(lines.filter((l) => /^\d{4} \d\d \d\d /.test(l)).map((l) => l.slice(0, 10)));
      expect(days.size).toBe(25_387);
      expect(first['sw']?.summary).toMatchObject({ accepted: days.size, updated: 0, duplicate: 0, rejected: 0 });
    });

    it('finals2000A.all: one row per day with a UT1−UTC value (19,955 = 19,582 I + 373 P; 50 date-only rows skipped)', () => {
      const lines = readSharedText(...FINALS).split(/\r?\n/).filter((l) => l.trim() !== '');
      const withUt1 = lines.filter((l) => l.slice(58, 68).trim() !== '');
      expect([lines.length, withUt1.length]).toEqual([20_005, 19_955]);
      expect(first['finals']?.summary).toMatchObject({ accepted: withUt1.length, rejected: 0 });
    });

    it('2022-07-15 full catalog: 24,132 objects, one set each', async () => {
      const c = threeLeCounts(readSharedText(...CATALOG));
      expect(c.objects).toBe(24_132);
      expect(first['catalog']?.summary).toMatchObject({ accepted: c.distinctPairs, rejected: 0 });
      const info = await store.info();
      // The ISS (25544) is in the catalog too: objects = catalog objects (the ISS files add no new object).
      expect(info.rowCounts.objects).toBe(c.objects);
      expect(info.rowCounts.element_sets).toBe(2056 + 40 + c.distinctPairs);
      expect(info.rowCounts.space_weather).toBe(25_387);
      expect(info.rowCounts.eop).toBe(19_955);
      expect(info.rowCounts.ingest_log).toBe(5);
    });

    it('importing every file a second time changes nothing: all duplicates, same row counts', async () => {
      const before = (await store.info()).rowCounts;
      // Every file of the first import, the catalog included (it was left out of this check before).
      for (const [key, parts] of Object.entries({ iss: ISS_3LE, omm: ISS_OMM, sw: SW, finals: FINALS, catalog: CATALOG })) {
        const again = await importFile(store, sharedPath(...parts), { at: FIXED_AT });
        expect(again.summary, key).toMatchObject({ accepted: 0, updated: 0, duplicate: again.records, rejected: 0 });
      }
      const after = (await store.info()).rowCounts;
      expect({ ...after, ingest_log: 0 }).toEqual({ ...before, ingest_log: 0 });
      expect(after.ingest_log).toBe(before.ingest_log + 5);
    });

    it('history reproduces the ISS altitude record of 2021: 400–430 km mean altitude, reboosts as jumps > 0.5 km', async () => {
      const sets = await store.elementHistory(25544, { fromUtcMjd: isoToUtcMjd('2021-01-01'), toUtcMjd: isoToUtcMjd('2022-01-01') });
      const rows = sets.map(historyRow);
      expect(rows.length).toBeGreaterThan(1700);
      for (const r of rows) {
        expect(r.meanAltitudeKm).toBeGreaterThan(400);
        expect(r.meanAltitudeKm).toBeLessThan(430);
      }
      const jumps = rows.slice(1).map((r, i) => r.meanAltitudeKm - (rows[i]?.meanAltitudeKm ?? 0));
      // 2021 reboosts (Progress/Zvezda burns) raise the mean orbit by 1–4 km within one set-to-set step.
      expect(jumps.filter((j) => j > 0.5).length).toBeGreaterThanOrEqual(4);
      // Between reboosts drag lowers it slowly: the median step is a small decrease.
      const sorted = [...jumps].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(0);
      expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(-0.2);
    });
  });
}

describe.skipIf(!hasShared)('import faults (sqlite)', () => {
  it('corrupted lines are reported with their line numbers; the rest imports as a partial ingest', async () => {
    const { store, dispose } = await freshStore(BACKENDS[0]!);
    try {
      const lines = readSharedText(...ISS_3LE).split('\r\n').slice(0, 300); // 100 sets
      lines[4] = (lines[4] ?? '').slice(0, 68) + '0'; // line 5 (line 2 of set 2): wrong checksum
      lines[100] = (lines[100] ?? '').replace('25544', '2x544'); // line 101 (line 2 of set 34): bad field
      const c = threeLeCounts(lines.join('\n'));
      const r = await importText(store, lines.join('\r\n'), { at: FIXED_AT, source: 'corrupt.3le' });
      expect(r.rejected.map((x) => x.line)).toEqual([5, 101]);
      expect(r.summary).toMatchObject({ status: 'partial', rejected: 2, accepted: c.distinctPairs - 2 });
      const [log] = await store.ingestLog(1);
      expect(log?.reasons.map((s) => s.split(':')[0])).toEqual(['line 5', 'line 101']);
    } finally {
      await dispose();
    }
  });

  it('corrupted finals2000A lines are reported with their line numbers; every other day still imports', async () => {
    const { store, dispose } = await freshStore(BACKENDS[0]!);
    try {
      // The first 200 days of finals2000A.all (1973-01-02 …), every one with IERS values (flag I).
      const lines = readSharedText(...FINALS).split(/\r?\n/).slice(0, 200);
      expect(lines.every((l) => l.slice(57, 58) === 'I' && l.slice(58, 68).trim() !== '')).toBe(true);
      lines[9] = `${(lines[9] ?? '').slice(0, 58)} 0.80x4178${(lines[9] ?? '').slice(68)}`; // line 10: UT1−UTC not a number
      lines[120] = `${(lines[120] ?? '').slice(0, 7)}4x804.00${(lines[120] ?? '').slice(15)}`; // line 121: MJD not a number
      lines[150] = lines[149] ?? ''; // line 151: repeats the day of line 150 (out of order)
      const r = await importText(store, `${lines.join('\n')}\n`, { at: FIXED_AT, source: 'corrupt-finals.all' });
      expect(r.format).toBe('finals2000a');
      expect(r.rejected.map((x) => x.line)).toEqual([10, 121, 151]);
      expect(r.summary).toMatchObject({ status: 'partial', accepted: 197, rejected: 3 });
      // The days around the bad lines are kept, with their published values (line 11: 1973-01-12).
      const rows = await store.eopRows();
      expect(rows).toHaveLength(197);
      const day11 = rows.find((row) => row.mjdUtc === Number((lines[10] ?? '').slice(7, 15)));
      expect(day11?.ut1MinusUtcS).toBe(Number((lines[10] ?? '').slice(58, 68)));
      const [log] = await store.ingestLog(1);
      expect(log?.reasons.map((s) => s.split(':')[0])).toEqual(['line 10', 'line 121', 'line 151']);
    } finally {
      await dispose();
    }
  });

  it('an unrecognisable or all-bad file is an ImportError and leaves the store exactly as it was', async () => {
    const { store, dispose } = await freshStore(BACKENDS[0]!);
    try {
      await importText(store, readSharedText(...ISS_3LE).split('\r\n').slice(0, 30).join('\n'), { at: FIXED_AT, source: 'ok.3le' });
      const before = await store.info();
      await expect(importText(store, '<html>502 Bad Gateway</html>\n', { at: FIXED_AT, source: 'x' })).rejects.toThrow(ImportError);
      await expect(importText(store, 'hello\nworld\n', { at: FIXED_AT, source: 'y' })).rejects.toThrow(ImportError);
      const bad = '1 25544U 98067A   21001.22196045  .00001488  00000-0  34854-4 0  9990\n2 25544  51.6464  88.5894 0001153 173.6665  39.5832 15.49246091262710\n';
      await expect(importText(store, bad, { at: FIXED_AT, source: 'z' })).rejects.toThrow(/all 1 records were rejected/);
      const after = await store.info();
      expect(after).toEqual(before);
    } finally {
      await dispose();
    }
  });

  it('a SIGKILLed import (mid-transaction) leaves the store consistent and as it was; the next import succeeds', async () => {
    const dbPath = join(ctx.dir, 'killed.sqlite');
    const setup = await openStore({ kind: 'sqlite', path: dbPath }, { at: FIXED_AT });
    await importFile(setup, sharedPath(...ISS_3LE), { at: FIXED_AT });
    const before = await setup.info();
    await setup.close();

    const { signal, out } = await killImportMidTransaction(dbPath);
    expect(signal).toBe('SIGKILL');
    expect(out).not.toContain('COMMITTED');

    const raw = new Database(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const reopened = await openStore({ kind: 'sqlite', path: dbPath }, { at: FIXED_AT });
    try {
      expect(await reopened.info()).toEqual(before);
      const again = await importFile(reopened, sharedPath(...ISS_OMM), { at: FIXED_AT });
      expect(again.summary.accepted).toBe(40);
    } finally {
      await reopened.close();
    }
  });

  it('imports CelesTrak SW-All.csv by content; its observed days then replace the stored predictions', async () => {
    const { store, dispose } = await freshStore(BACKENDS[0]!);
    try {
      // 2026-08-22 as sw19571001.txt predicts it (daily prediction), in the CSV layout; then the same day observed.
      const header = 'DATE,BSRN,ND,KP1,KP2,KP3,KP4,KP5,KP6,KP7,KP8,KP_SUM,AP1,AP2,AP3,AP4,AP5,AP6,AP7,AP8,AP_AVG,CP,C9,ISN,F10.7_OBS,F10.7_ADJ,F10.7_DATA_TYPE,F10.7_OBS_CENTER81,F10.7_OBS_LAST81,F10.7_ADJ_CENTER81,F10.7_ADJ_LAST81';
      const prd = '2026-08-22,2632,17,7,24,24,24,24,24,24,24,178,3,10,10,10,10,10,10,10,9,0.5,2,86,117.3,120.0,PRD,115.0,130.9,117.5,135.0';
      const first = await importText(store, `${header}\n${prd}\n`, { at: FIXED_AT, source: 'SW-Last5Years.csv' });
      expect([first.format, first.kind, first.summary.accepted]).toEqual(['sw-csv', 'space-weather', 1]);
      const obs = prd.replace('PRD', 'OBS').replace('117.3,120.0', '118.0,121.0');
      const second = await importText(store, `${header}\n${obs}\n`, { at: FIXED_AT, source: 'SW-Last5Years.csv' });
      expect(second.summary).toMatchObject({ accepted: 0, updated: 1 });
      const [day] = await store.spaceWeatherRecords();
      expect(day).toMatchObject({ kind: 'observed', f107ObsSfu: 118, f107DataType: 'OBS' });
    } finally {
      await dispose();
    }
  });

  it('detects formats by content, not by name', async () => {
    const { store, dispose } = await freshStore(BACKENDS[0]!);
    try {
      const p = join(ctx.dir, 'weather.dat');
      writeFileSync(p, readSharedText(...SW).split('\n').slice(0, 60).join('\n'));
      const r = await importFile(store, p, { at: FIXED_AT });
      expect([r.format, r.kind, r.summary.accepted]).toEqual(['sw-txt', 'space-weather', 60 - 17]); // 17 header lines
    } finally {
      await dispose();
    }
  });
});

describe.skipIf(!hasShared || !postgresBackend.available)('import faults (postgres)', () => {
  it('a SIGKILLed import (mid-transaction) leaves the PostgreSQL store as it was; the next import succeeds', async () => {
    const { location, cleanup } = await postgresBackend.fresh();
    if (location.kind !== 'postgres') throw new Error('expected a PostgreSQL location');
    try {
      const setup = await openStore(location, { at: FIXED_AT });
      await importFile(setup, sharedPath(...ISS_3LE), { at: FIXED_AT });
      const before = await setup.info();
      await setup.close();

      const { signal, out } = await killImportMidTransaction(location.url);
      expect(signal).toBe('SIGKILL');
      expect(out).not.toContain('COMMITTED');

      // The server rolls the dead client's transaction back; nothing of it is visible and its locks are gone
      // (the next import writes the same tables; it would wait on a lock otherwise).
      const reopened = await openStore(location, { at: FIXED_AT });
      try {
        expect(await reopened.info()).toEqual(before);
        const again = await importFile(reopened, sharedPath(...ISS_OMM), { at: FIXED_AT });
        expect(again.summary.accepted).toBe(40);
        expect((await reopened.info()).rowCounts).toMatchObject({ element_sets: 2056 + 40, objects: 1, ingest_log: 2 });
      } finally {
        await reopened.close();
      }
    } finally {
      await cleanup();
    }
  });
});

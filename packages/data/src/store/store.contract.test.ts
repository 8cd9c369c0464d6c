/**
 * The Store contract, run against every backend: SQLite always, PostgreSQL when
 * STATIONKEEPER_TEST_PG_URL is set (tools/ci-postgres.sh prints one); otherwise the PostgreSQL half is
 * reported as skipped.
 */
import type { ElementSet } from '@stationkeeper/astro/elements';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpaceWeatherRecord } from '../formats/space-weather-record.js';
import { LATEST_SCHEMA_VERSION } from './migrations.js';
import { openStore } from './open.js';
import { BACKENDS, FIXED_AT, freshStore, storeContents } from './test-backends.js';
import type { EopRow, Store, StoreLocation } from './types.js';

const RAD = Math.PI / 180;

/** An ISS-like set (values of the 2021-01-01 gp_history set, rounded as a TLE prints them). */
function makeSet(over: Partial<ElementSet> = {}): ElementSet {
  const epochYear = over.epochYear ?? 2021;
  const epochDayOfYear = over.epochDayOfYear ?? 1.22196759;
  const jan0 = 2459214.5 + (epochYear - 2021) * 365; // 2021 Jan 0.0 = JD 2459214.5 (test years avoid leap days)
  return {
    noradId: 25544,
    name: 'ISS (ZARYA)',
    classification: 'U',
    intlDesignator: '98067A',
    epochYear,
    epochDayOfYear,
    epochUtc: { jd1: jan0, jd2: epochDayOfYear },
    meanMotionRevPerDay: 15.49217137,
    meanMotionDot: 0.00001529,
    meanMotionDdot: 0,
    bstar: 0.35361e-4,
    inclinationRad: 51.6456 * RAD,
    raanRad: 81.4367 * RAD,
    eccentricity: 0.0001395,
    argPerigeeRad: 63.1004 * RAD,
    meanAnomalyRad: 24.3553 * RAD,
    ephemerisType: 0,
    elementSetNo: 999,
    revNumber: 26234,
    source: { format: '3le', text: '0 ISS (ZARYA)\n1 25544U ...\n2 25544 ...', line: 1 },
    ...over,
  };
}

function weather(mjd: number, kind: SpaceWeatherRecord['kind'], f107: number): SpaceWeatherRecord {
  const monthly = kind === 'monthly-predicted';
  return {
    mjd,
    kind,
    bartelsRotation: 2560,
    bartelsDay: 3,
    kp3hTenths: monthly ? [] : [3, 7, 10, 13, 17, 20, 23, 27],
    kpSumTenths: monthly ? null : 120,
    ap3h: monthly ? [] : [2, 3, 4, 5, 6, 7, 9, 12],
    apDaily: monthly ? null : 6,
    cp: monthly ? null : 0.3,
    c9: monthly ? null : 1,
    isn: 80,
    f107ObsSfu: f107,
    f107AdjSfu: f107 + 2,
    f107ObsCenter81Sfu: 100.5,
    f107ObsLast81Sfu: 99.5,
    f107AdjCenter81Sfu: 101.5,
    f107AdjLast81Sfu: null,
    f107Qualifier: kind === 'observed' ? 0 : null,
    f107DataType: null,
  };
}

const RAD_PER_ARCSEC = Math.PI / 648_000;
function eop(mjdUtc: number, flag: 'I' | 'P', ut1: number): EopRow {
  // Angles chosen as exact binary fractions of an arcsecond / mas so the ″ ↔ rad round trip is exact.
  return {
    mjdUtc,
    ut1MinusUtcS: ut1,
    xpRad: 0.125 * RAD_PER_ARCSEC,
    ypRad: 0.25 * RAD_PER_ARCSEC,
    poleOffset1Rad: 0.5e-3 * RAD_PER_ARCSEC,
    poleOffset2Rad: -0.25e-3 * RAD_PER_ARCSEC,
    ut1Predicted: flag === 'P',
    polarMotionPredicted: flag === 'P',
  };
}

const meta = (kind: 'elements' | 'space-weather' | 'eop', source = 'test') => ({ kind, source, format: 'test', at: FIXED_AT });

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`Store contract (${backend.name})`, () => {
    let store: Store;
    let location: StoreLocation;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, location, dispose } = await freshStore(backend));
    });
    afterEach(async () => {
      await dispose();
    });

    it('migrates a fresh database to the latest version, and reopening applies nothing again', async () => {
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      await store.close();
      store = await openStore(location, { at: new Date('2030-01-01T00:00:00Z') });
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      const info = await store.info();
      expect(info.rowCounts).toEqual({ objects: 0, element_sets: 0, space_weather: 0, eop: 0, ingest_log: 0 });
    });

    it('stores element sets once (dedup by object + canonical content), keeps raw text, round-trips exactly', async () => {
      const a = makeSet();
      const b = makeSet({ epochDayOfYear: 1.5, revNumber: 26238 });
      const s1 = await store.ingest(meta('elements', 'a.3le'), (w) => w.addElementSets([a, b, a]).then(() => undefined));
      expect(s1).toMatchObject({ accepted: 2, duplicate: 1, rejected: 0, updated: 0, status: 'ok' });
      const s2 = await store.ingest(meta('elements', 'a.3le'), (w) => w.addElementSets([a, b]).then(() => undefined));
      expect(s2).toMatchObject({ accepted: 0, duplicate: 2 });
      const history = await store.elementHistory(25544);
      expect(history.map((h) => h.elementSet)).toEqual([a, b]);
      expect(history[0]?.epochIso).toBe('2021-01-01T05:19:37.999776Z');
      expect(history[0]?.ingestId).toBe(s1.ingestId);
      const info = await store.info();
      expect(info.rowCounts.element_sets).toBe(2);
      expect(info.rowCounts.ingest_log).toBe(2);
    });

    it('dedups the same set read from a TLE and from an OMM (different text, same content)', async () => {
      const tle = makeSet();
      const omm = makeSet({ name: 'ISS', intlDesignator: '1998-067A', source: { format: 'omm-json', text: '{"OBJECT_NAME":"ISS"}' } });
      const s = await store.ingest(meta('elements'), async (w) => {
        await w.addElementSets([tle]);
        await w.addElementSets([omm]);
      });
      expect(s).toMatchObject({ accepted: 1, duplicate: 1 });
    });

    it('answers history ranges, the latest set at or before and the first set at or after an instant', async () => {
      const days = [1.25, 2.25, 3.25, 4.25];
      await store.ingest(meta('elements'), (w) => w.addElementSets(days.map((d) => makeSet({ epochDayOfYear: d }))).then(() => undefined));
      const mjd = (doy: number) => 59214 + doy; // 2021 Jan 0.0 = MJD 59214
      const ranged = await store.elementHistory(25544, { fromUtcMjd: mjd(2), toUtcMjd: mjd(3.5) });
      expect(ranged.map((r) => r.elementSet.epochDayOfYear)).toEqual([2.25, 3.25]);
      expect((await store.latestElementSet(25544, mjd(3.0)))?.elementSet.epochDayOfYear).toBe(2.25);
      expect((await store.latestElementSet(25544, mjd(2.25)))?.elementSet.epochDayOfYear).toBe(2.25);
      expect((await store.latestElementSet(25544))?.elementSet.epochDayOfYear).toBe(4.25);
      expect(await store.latestElementSet(25544, mjd(0.5))).toBeUndefined();
      expect(await store.latestElementSet(99999)).toBeUndefined();
      expect((await store.firstElementSet(25544, mjd(3.0)))?.elementSet.epochDayOfYear).toBe(3.25);
      expect((await store.firstElementSet(25544, mjd(2.25)))?.elementSet.epochDayOfYear).toBe(2.25);
      expect((await store.firstElementSet(25544))?.elementSet.epochDayOfYear).toBe(1.25);
      expect(await store.firstElementSet(25544, mjd(5))).toBeUndefined();
      await expect(async () => store.firstElementSet(25544, Number.NaN)).rejects.toThrow(RangeError);
      const [obj] = await store.objects([25544]);
      expect(obj).toMatchObject({ noradId: 25544, name: 'ISS (ZARYA)', intlDesignator: '98067A', elementSetCount: 4 });
      expect(obj?.lastEpochUtcMjd).toBe(mjd(4.25));
    });

    it('names an object after its newest set, and a set without a name keeps the old one', async () => {
      await store.ingest(meta('elements'), (w) => w.addElementSets([makeSet({ epochDayOfYear: 5.5, name: 'ISS' })]).then(() => undefined));
      await store.ingest(meta('elements'), (w) => w.addElementSets([makeSet({ epochDayOfYear: 2.5, name: 'OLD NAME' })]).then(() => undefined));
      expect((await store.objects())[0]?.name).toBe('ISS');
      const { name: _drop, ...unnamed } = makeSet({ epochDayOfYear: 9.5 });
      await store.ingest(meta('elements'), (w) => w.addElementSets([unnamed]).then(() => undefined));
      expect((await store.objects())[0]?.name).toBe('ISS');
    });

    it('rolls back everything — data and log — when the writer throws', async () => {
      await store.ingest(meta('elements'), (w) => w.addElementSets([makeSet()]).then(() => undefined));
      const before = await store.info();
      await expect(
        store.ingest(meta('space-weather'), async (w) => {
          await w.addElementSets([makeSet({ epochDayOfYear: 7.5 })]);
          await w.addSpaceWeather([weather(59300, 'observed', 90)]);
          throw new Error('disk on fire');
        }),
      ).rejects.toThrow('disk on fire');
      const after = await store.info();
      expect(after.rowCounts).toEqual(before.rowCounts);
      expect(after.lastIngests).toEqual(before.lastIngests);
    });

    it('rejects a non-finite element value with a RangeError and leaves the store as it was', async () => {
      await expect(
        store.ingest(meta('elements'), (w) => w.addElementSets([makeSet(), makeSet({ epochDayOfYear: 3, bstar: Number.NaN })]).then(() => undefined)),
      ).rejects.toThrow(RangeError);
      expect((await store.info()).rowCounts.element_sets).toBe(0);
    });

    // Regression: SQLite stored these while PostgreSQL failed mid-transaction with a bare driver error
    // ("value … is out of range for type integer", "invalid byte sequence … 0x00"); both now refuse them alike.
    const unstorable: [string, Partial<ElementSet>, RegExp][] = [
      ['a revolution number beyond 32 bits', { revNumber: 3_000_000_000 }, /revNumber must be an integer in -2147483648\.\.2147483647/],
      ['an element-set number beyond 32 bits', { elementSetNo: 2 ** 31 }, /elementSetNo must be an integer/],
      ['an ephemeris type beyond 32 bits', { ephemerisType: -(2 ** 31) - 1 }, /ephemerisType must be an integer/],
      ['a NUL in the name', { name: 'ISS\u0000(ZARYA)' }, /name contains a NUL character/],
      ['a NUL in the raw text', { source: { format: '3le', text: '0 ISS\u0000', line: 1 } }, /source\.text contains a NUL character/],
      ['a lone surrogate in the name', { name: 'ISS \ud800' }, /name is not well-formed Unicode/],
    ];
    for (const [what, over, message] of unstorable) {
      it(`refuses an element set with ${what} with a RangeError on every backend, storing nothing`, async () => {
        await store.ingest(meta('elements'), (w) => w.addElementSets([makeSet()]).then(() => undefined));
        const before = await storeContents(store);
        const attempt = store.ingest(meta('elements'), (w) => w.addElementSets([makeSet({ epochDayOfYear: 3 }), makeSet({ epochDayOfYear: 4, ...over })]).then(() => undefined));
        await expect(attempt).rejects.toThrow(RangeError);
        await expect(attempt).rejects.toThrow(message);
        expect(await storeContents(store)).toEqual(before);
      });
    }
    it('stores the 32-bit extremes and a well-formed surrogate pair exactly', async () => {
      const edge = makeSet({ revNumber: 2 ** 31 - 1, elementSetNo: 0, name: 'ISS \ud83d\ude80' });
      await store.ingest(meta('elements'), (w) => w.addElementSets([edge]).then(() => undefined));
      expect((await store.elementHistory(25544)).map((h) => h.elementSet)).toEqual([edge]);
    });

    it('records rejected records as a partial ingest with line numbers', async () => {
      const s = await store.ingest(
        { ...meta('elements', 'bad.tle'), rejected: [{ line: 7, column: 69, reason: 'checksum' }, { line: 12, reason: 'field' }] },
        (w) => w.addElementSets([makeSet()]).then(() => undefined),
      );
      expect(s).toMatchObject({ status: 'partial', accepted: 1, rejected: 2 });
      const [log] = await store.ingestLog(1);
      expect(log).toMatchObject({ source: 'bad.tle', status: 'partial', rejected: 2, accepted: 1, at: FIXED_AT.toISOString() });
      expect(log?.reasons).toEqual(['line 7:69: checksum', 'line 12: field']);
    });

    it('space weather: observed replaces predicted, never the reverse; identical rows are duplicates', async () => {
      const first = await store.ingest(meta('space-weather'), (w) =>
        w.addSpaceWeather([weather(60000, 'observed', 90), weather(60001, 'daily-predicted', 95), weather(60031, 'monthly-predicted', 97)]).then(() => undefined),
      );
      expect(first).toMatchObject({ accepted: 3, updated: 0, duplicate: 0 });
      const second = await store.ingest(meta('space-weather'), (w) =>
        w
          .addSpaceWeather([
            weather(60000, 'daily-predicted', 91), // outranked by the stored observation
            weather(60001, 'observed', 96), // replaces the prediction
            weather(60031, 'monthly-predicted', 97), // identical
            weather(60002, 'daily-predicted', 99), // new
          ])
          .then(() => undefined),
      );
      expect(second).toMatchObject({ accepted: 1, updated: 1, duplicate: 2 });
      const rows = await store.spaceWeatherRecords({ fromUtcMjd: 60000, toUtcMjd: 60002 });
      expect(rows.map((r) => [r.mjd, r.kind, r.f107ObsSfu])).toEqual([
        [60000, 'observed', 90],
        [60001, 'observed', 96],
        [60002, 'daily-predicted', 99],
      ]);
      expect(rows[0]).toEqual(weather(60000, 'observed', 90));
      const monthly = await store.spaceWeatherRecords({ fromUtcMjd: 60031 });
      expect(monthly).toEqual([weather(60031, 'monthly-predicted', 97)]);
    });

    it('EOP: IERS values replace predictions, predictions never replace IERS values', async () => {
      await store.ingest(meta('eop'), (w) => w.addEop([eop(60000, 'I', -0.1), eop(60001, 'P', -0.2)]).then(() => undefined));
      const s = await store.ingest(meta('eop'), (w) => w.addEop([eop(60000, 'P', -0.15), eop(60001, 'I', -0.21), eop(60002, 'P', -0.3)]).then(() => undefined));
      expect(s).toMatchObject({ accepted: 1, updated: 1, duplicate: 1 });
      const rows = await store.eopRows();
      const want = [eop(60000, 'I', -0.1), eop(60001, 'I', -0.21), eop(60002, 'P', -0.3)];
      expect(rows.map((r) => [r.mjdUtc, r.ut1MinusUtcS, r.ut1Predicted, r.polarMotionPredicted])).toEqual(
        want.map((r) => [r.mjdUtc, r.ut1MinusUtcS, r.ut1Predicted, r.polarMotionPredicted]),
      );
      // Angles pass through arcsec/mas storage: equal to 1e-15 relative (a few ulp of the unit conversion).
      for (const [i, r] of rows.entries()) {
        const w = want[i];
        expect(Math.abs(r.xpRad - (w?.xpRad ?? NaN))).toBeLessThan(1e-15 * Math.abs(w?.xpRad ?? 1));
        expect(Math.abs((r.poleOffset2Rad ?? NaN) - (w?.poleOffset2Rad ?? NaN))).toBeLessThan(1e-15 * Math.abs(w?.poleOffset2Rad ?? 1));
      }
      const table = await store.eopTable({ fromUtcMjd: 60001 });
      expect(table && Array.from(table.mjdUtc)).toEqual([60001, 60002]);
      expect(table && Array.from(table.ut1Predicted)).toEqual([0, 1]);
      expect(await store.eopTable({ fromUtcMjd: 70000 })).toBeUndefined();
    });

    it('serialises concurrent ingests (each one transaction) and rejects a writer used late', async () => {
      let leaked: { addEop: (rows: EopRow[]) => Promise<unknown> } | undefined;
      const results = await Promise.all([
        store.ingest(meta('eop'), (w) => w.addEop([eop(60010, 'I', 0.1)]).then(() => undefined)),
        store.ingest(meta('eop'), async (w) => {
          leaked = w;
          await w.addEop([eop(60011, 'I', 0.1)]);
        }),
      ]);
      expect(results.map((r) => r.accepted)).toEqual([1, 1]);
      await expect(leaked?.addEop([eop(60012, 'I', 0.1)])).rejects.toThrow('after its ingest finished');
      expect((await store.eopRows()).length).toBe(2);
    });
  });
  if (!backend.available) {
    it.skip(`Store contract (${backend.name}) skipped: set STATIONKEEPER_TEST_PG_URL (see tools/ci-postgres.sh)`, () => undefined);
  }
}

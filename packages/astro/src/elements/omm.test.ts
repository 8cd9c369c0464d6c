import { describe, expect, it } from 'vitest';
import { hasShared, readSharedText } from '#testing';
import { RAD_PER_DEG } from '../units/index.js';
import type { ElementSet } from './element-set.js';
import { parseElementFile } from './element-file.js';
import { ommToTle, tleToOmm } from './convert.js';
import { elementSetToOmm, ommRecordToElementSet, radToDegShortest } from './omm.js';
import { formatOmmCsv, parseOmmCsv } from './omm-csv.js';
import { formatOmmJson, parseOmmJson } from './omm-json.js';
import { formatOmmKvn, parseOmmKvn } from './omm-kvn.js';
import { formatOmmXml, parseOmmXml } from './omm-xml.js';

const L1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const L2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

/** The values of a set, without provenance and printing facts. */
function values(es: ElementSet): Omit<ElementSet, 'source' | 'tleFormat'> {
  const { source: _s, tleFormat: _t, ...v } = es;
  return v;
}

describe('OMM ↔ TLE', () => {
  it('tleToOmm gives CelesTrak field values; ommToTle gives the TLE back', () => {
    const omm = tleToOmm(L1, L2, 'ISS (ZARYA)');
    expect(omm).toEqual({
      OBJECT_NAME: 'ISS (ZARYA)', OBJECT_ID: '1998-067A', EPOCH: '2008-09-20T12:25:40.104192',
      MEAN_MOTION: 15.72125391, ECCENTRICITY: 0.0006703, INCLINATION: 51.6416, RA_OF_ASC_NODE: 247.4627,
      ARG_OF_PERICENTER: 130.536, MEAN_ANOMALY: 325.0288, EPHEMERIS_TYPE: 0, CLASSIFICATION_TYPE: 'U',
      NORAD_CAT_ID: 25544, ELEMENT_SET_NO: 292, REV_AT_EPOCH: 56353, BSTAR: -0.000011606,
      MEAN_MOTION_DOT: -0.00002182, MEAN_MOTION_DDOT: 0,
    });
    expect(ommToTle(omm)).toEqual([L1, L2]);
  });
  it('ommToTle refuses what a TLE cannot hold', () => {
    const omm = tleToOmm(L1, L2);
    expect(() => ommToTle({ ...omm, NORAD_CAT_ID: 340_000 })).toThrow(RangeError);
    expect(() => ommToTle({ ...omm, MEAN_MOTION: 123.4 })).toThrow(RangeError);
    expect(() => ommToTle({ ...omm, OBJECT_ID: 'UNKNOWN' })).toThrow(RangeError);
    expect(() => ommToTle({ ...omm, EPOCH: '2060-01-01T00:00:00' })).toThrow(RangeError);
    expect(() => ommToTle({ ...omm, EPOCH: 'yesterday' })).toThrow(RangeError);
    expect(() => ommRecordToElementSet({ ...omm, ECCENTRICITY: 1.2 })).toThrow(RangeError);
  });
  it('degrees come back as the decimals that were read', () => {
    for (const d of [51.6416, 247.4627, 0.0001, 359.9999, 130.536]) expect(radToDegShortest(d * RAD_PER_DEG)).toBe(d);
  });
});

describe('OMM text formats', () => {
  const es = parseElementFile(`0 ISS (ZARYA)\n${L1}\n${L2}\n`).records[0] as ElementSet;
  const odd: ElementSet = { ...es, name: 'A, "quoted" <&> name', noradId: 412_345, objectId: '2026-999 TBD', intlDesignator: '' };
  const writers = {
    json: [(s: ElementSet[]) => formatOmmJson(s, 1), parseOmmJson],
    xml: [(s: ElementSet[]) => formatOmmXml(s, { creationDate: '2026-01-01T00:00:00' }), parseOmmXml],
    kvn: [(s: ElementSet[]) => formatOmmKvn(s), parseOmmKvn],
    csv: [(s: ElementSet[]) => formatOmmCsv(s), parseOmmCsv],
  } as const;
  for (const [kind, [write, read]] of Object.entries(writers)) {
    it(`${kind}: write → read gives the same values, also for names needing escapes and 6-digit catalog numbers`, () => {
      const text = write([es, odd]);
      const { records, rejected } = parseElementFile(text);
      expect(rejected).toEqual([]);
      expect(records.length).toBe(2);
      expect(read(text).records.length).toBe(2);
      expect(records[0]?.source?.format).toBe(`omm-${kind}`);
      expect(values(records[0] as ElementSet)).toEqual({ ...values(es), objectId: '1998-067A' });
      expect(values(records[1] as ElementSet)).toEqual(values(odd));
      expect(ommToTle(records[0] as ElementSet)).toEqual([L1, L2]);
      expect(() => ommToTle(records[1] as ElementSet)).toThrow(RangeError);
    });
  }

  it('rejects bad records alone with field positions and reasons', () => {
    const good = elementSetToOmm(es);
    const json = JSON.stringify([good, { ...good, EPOCH: '2008-13-01T00:00:00' }, { ...good, MEAN_MOTION: 'fast' }, 7, { ...good, REF_FRAME: 'GCRF' }], null, 1);
    const r = parseOmmJson(json);
    expect(r.records.length).toBe(1);
    expect(r.rejected.map((x) => x.reason)).toEqual(['epoch', 'field', 'field', 'unsupported']);
    expect(r.rejected[0]?.line).toBe(21); // the second object starts on line 21 of the 1-space-indented array
    const csv = formatOmmCsv([es, es]).replace(/15\.72125391/, '').split('\r\n');
    const c = parseOmmCsv(csv.join('\n'));
    expect(c.records.length).toBe(1);
    expect([c.rejected[0]?.line, c.rejected[0]?.column, c.rejected[0]?.reason]).toEqual([2, 50, 'missing-field']);
    const kvn = formatOmmKvn([es, es]).replace('ECCENTRICITY = 0.0006703', 'ECCENTRICITY = 0.0006703.1');
    const k = parseOmmKvn(kvn);
    expect(k.records.length).toBe(1);
    expect([k.rejected[0]?.line, k.rejected[0]?.column, k.rejected[0]?.reason]).toEqual([13, 16, 'field']);
    const x = parseOmmXml(formatOmmXml([es]).replace('<INCLINATION>51.6416', '<INCLINATION>251.6416'));
    expect([x.records.length, x.rejected[0]?.reason]).toEqual([0, 'range']);
    const two = formatOmmXml([es, es]);
    const cut = two.lastIndexOf('</meanElements>');
    const broken = parseOmmXml(`${two.slice(0, cut)}</meanElement>${two.slice(cut + 15)}`);
    expect(broken.records.length).toBe(1);
    expect(broken.rejected[0]?.reason).toBe('xml');
    expect(parseOmmJson('[{"EPOCH": ').rejected[0]?.reason).toBe('json');
  });

  it('reads KVN with units, comments and Space-Track string-valued JSON', () => {
    const kvn = formatOmmKvn([es]).replace('INCLINATION = 51.6416', 'INCLINATION = 51.6416 [deg]').replace('OBJECT_NAME', 'COMMENT from a test\nOBJECT_NAME');
    expect(values(parseOmmKvn(kvn).records[0] as ElementSet)).toEqual({ ...values(es), objectId: '1998-067A' });
    const strings = Object.fromEntries(Object.entries(elementSetToOmm(es)).map(([k, v]) => [k, String(v)]));
    expect(values(parseOmmJson(JSON.stringify(strings)).records[0] as ElementSet)).toEqual({ ...values(es), objectId: '1998-067A' });
  });
});

describe('CCSDS 502.0 OMM example (GOES 9, NOAA/USA) in CelesTrak-style KVN', () => {
  // Values of the OMM example in CCSDS 502.0-B-2/-3 (GOES 9), with units and aligned keys as agencies write
  // them; the expected TLE is the one a third-party TLE library's test pairs with this OMM (GitHub
  // "tleapi" TestTwoLineElementSet: 1 23581U 95025A 07064.44075725 …), and its checksums verify on parsing.
  const KVN = [
    'CCSDS_OMM_VERS = 2.0', 'CREATION_DATE  = 2007-065T16:00:00', 'ORIGINATOR     = NOAA/USA', '',
    'COMMENT  the GOES 9 example', 'OBJECT_NAME    = GOES 9', 'OBJECT_ID      = 1995-025A', 'CENTER_NAME    = EARTH',
    'REF_FRAME      = TEME', 'TIME_SYSTEM    = UTC', 'MEAN_ELEMENT_THEORY = SGP/SGP4', '',
    'EPOCH          = 2007-064T10:34:41.4264', 'MEAN_MOTION    = 1.00273272 [rev/day]', 'ECCENTRICITY   = 0.0005013',
    'INCLINATION    = 3.0539 [deg]', 'RA_OF_ASC_NODE = 81.7939 [deg]', 'ARG_OF_PERICENTER = 249.2363 [deg]',
    'MEAN_ANOMALY   = 150.1602 [deg]', 'GM             = 398600.8 [km**3/s**2]', '',
    'EPHEMERIS_TYPE = 0', 'CLASSIFICATION_TYPE = U', 'NORAD_CAT_ID   = 23581', 'ELEMENT_SET_NO = 0925',
    'REV_AT_EPOCH   = 4316', 'BSTAR          = 0.0001 [1/ER]', 'MEAN_MOTION_DOT = -0.00000113 [rev/day**2]',
    'MEAN_MOTION_DDOT = 0.0 [rev/day**3]', '',
  ].join('\n');
  const TLE: [string, string] = [
    '1 23581U 95025A   07064.44075725 -.00000113  00000-0  10000-3 0  9250',
    '2 23581   3.0539  81.7939 0005013 249.2363 150.1602  1.00273272 43169',
  ];
  it('reads (day-of-year epoch, units, SGP/SGP4, GM ignored) and converts to the published TLE', () => {
    const { records, rejected } = parseElementFile(KVN);
    expect(rejected).toEqual([]);
    const es = records[0] as ElementSet;
    expect([es.name, es.objectId, es.intlDesignator, es.noradId, es.elementSetNo, es.revNumber]).toEqual(['GOES 9', '1995-025A', '95025A', 23581, 925, 4316]);
    expect(ommToTle(es)).toEqual(TLE);
    // reading the TLE back gives the OMM's values; only the epoch is rounded to the TLE's 1e-8 day
    const { name: _n, objectId: _o, epochDayOfYear, epochUtc: _e, ...rest } = values(es);
    const back = values(parseElementFile(TLE.join('\n')).records[0] as ElementSet);
    expect(back).toMatchObject(rest);
    // 10:34:41.4264 = day 64.440757250: exact in 8 decimals, so the difference is double rounding only (1e-12 day)
    expect(Math.abs((back['epochDayOfYear'] as number) - epochDayOfYear)).toBeLessThan(1e-12);
  });
  it('refuses SGP4-XP and non-TEME frames as unsupported', () => {
    expect(parseOmmKvn(KVN.replace('SGP/SGP4', 'SGP4-XP')).rejected[0]?.reason).toBe('unsupported');
    expect(parseOmmKvn(KVN.replace('= TEME', '= GCRF')).rejected[0]?.line).toBe(9);
  });
});

describe.skipIf(!hasShared)('ISS OMM JSON through every format', () => {
  it('JSON → XML, KVN, CSV, TLE → the same 40 element sets', () => {
    const sets = parseOmmJson(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')).records;
    expect(sets.length).toBe(40);
    for (const text of [formatOmmXml(sets), formatOmmKvn(sets), formatOmmCsv(sets), formatOmmJson(sets)]) {
      const back = parseElementFile(text).records;
      expect(back.map(values)).toEqual(sets.map(values));
    }
    for (const s of sets) {
      const back = parseElementFile(ommToTle(s).join('\n')).records[0] as ElementSet;
      // EPOCH microseconds → TLE 1e-8 day → microseconds: CelesTrak derived the OMM from the TLE, so exact
      expect(elementSetToOmm({ ...back, name: 'ISS (ZARYA)', objectId: '1998-067A' })).toEqual(elementSetToOmm(s));
    }
  });
});

/**
 * fast-check round-trip properties. TLE: any element set at TLE precision, with any printing facts, formats,
 * parses back to identical values and formats to identical text. OMM (JSON/XML/KVN/CSV): any OMM — finite
 * doubles at full precision, names with quotes, commas, brackets and markup characters — is read back to
 * identical values (angles given in degrees, as an OMM gives them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAD_PER_DEG } from '../units/index.js';
import type { ElementSet, TleFormat } from './element-set.js';
import { daysInYear, epochUtcFromDayOfYear, parseEpochIso } from './epoch.js';
import { parseElementFile } from './element-file.js';
import { formatOmmCsv } from './omm-csv.js';
import { formatOmmJson } from './omm-json.js';
import { formatOmmKvn } from './omm-kvn.js';
import { formatOmmXml } from './omm-xml.js';
import { format3le, formatTle } from './tle-format.js';
import { parseTle } from './tle-parse.js';

const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const sign = fc.constantFrom<' ' | '+' | '-'>(' ', '+', '-');
const signed = (s: ' ' | '+' | '-', text: string): number => Number(`${s === '-' ? '-' : ''}${text}`);
const letters = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), maxLength: 3 });
const decimal = (maxInt: number, frac: number): fc.Arbitrary<number> =>
  fc.tuple(fc.integer({ min: 0, max: maxInt }), digits(frac)).map(([i, f]) => Number(`${i}.${f}`));

/** An element set with TLE-precision values and random printing facts. */
const tleSet: fc.Arbitrary<ElementSet> = fc.record({
  noradId: fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 100_000, max: 339_999 })),
  classification: fc.constantFrom('U', 'C', 'S'),
  intl: fc.oneof(fc.constant(''), fc.tuple(digits(5), letters).map(([d, l]) => d + l)),
  year: fc.integer({ min: 1957, max: 2056 }),
  dayInt: fc.integer({ min: 1, max: 366 }),
  dayFrac: digits(8),
  ndot: fc.tuple(sign, digits(8)),
  nddot: fc.tuple(sign, digits(5), fc.constantFrom('-', '+'), fc.integer({ min: 0, max: 9 })),
  bstar: fc.tuple(sign, digits(5), fc.constantFrom('-', '+'), fc.integer({ min: 0, max: 9 })),
  incDeg: decimal(179, 4),
  raanDeg: decimal(359, 4),
  argpDeg: decimal(359, 4),
  maDeg: decimal(359, 4),
  ecc: digits(7),
  mm: fc.tuple(fc.integer({ min: 0, max: 99 }), digits(8)).map(([i, f]) => Number(`${i}.${f}`)).filter((v) => v > 0),
  ephemerisType: fc.integer({ min: 0, max: 9 }),
  elementSetNo: fc.integer({ min: 0, max: 9999 }),
  revNumber: fc.integer({ min: 0, max: 99_999 }),
  catalogPad: fc.constantFrom<'0' | ' '>('0', ' '),
  zero: fc.boolean(),
  name: fc.option(fc.string({ unit: fc.constantFrom(...'ABC XYZ-()/&0129'), minLength: 1, maxLength: 24 }).filter((s) => s.trim() === s && s !== ''), { nil: undefined }),
}).map((r) => {
  const day = Math.min(r.dayInt, daysInYear(r.year));
  const epochDayOfYear = Number(`${day}.${r.dayFrac}`);
  const exp = (t: [' ' | '+' | '-', string, string, number]): { value: number; e: string } =>
    ({ value: signed(t[0], `0.${t[1]}e${t[2]}${t[3]}`), e: `${t[2]}${t[3]}` });
  const nddot = exp(r.nddot);
  const bstar = exp(r.bstar);
  const tleFormat: TleFormat = {
    catalogPad: r.catalogPad, ndotSign: r.ndot[0], nddotSign: r.nddot[0], nddotExponent: nddot.e,
    bstarSign: r.bstar[0], bstarExponent: bstar.e, ...(r.zero ? { line2ZeroPadded: true } : {}),
  };
  return {
    noradId: r.noradId,
    ...(r.name === undefined ? {} : { name: r.name }),
    classification: r.classification,
    intlDesignator: r.intl,
    epochYear: r.year,
    epochDayOfYear,
    epochUtc: epochUtcFromDayOfYear(r.year, epochDayOfYear),
    meanMotionRevPerDay: r.mm,
    meanMotionDot: signed(r.ndot[0], `0.${r.ndot[1]}`),
    meanMotionDdot: nddot.value,
    bstar: bstar.value,
    inclinationRad: r.incDeg * RAD_PER_DEG,
    raanRad: r.raanDeg * RAD_PER_DEG,
    eccentricity: Number(`0.${r.ecc}`),
    argPerigeeRad: r.argpDeg * RAD_PER_DEG,
    meanAnomalyRad: r.maDeg * RAD_PER_DEG,
    ephemerisType: r.ephemerisType,
    elementSetNo: r.elementSetNo,
    revNumber: r.revNumber,
    tleFormat,
  };
});

function values(es: ElementSet): Record<string, unknown> {
  const { source: _s, tleFormat: _t, ...v } = es;
  return v;
}

describe('TLE round-trip properties', () => {
  it('format → parse gives the same values to the bit, and format again gives the same text', () => {
    fc.assert(
      fc.property(tleSet, (es) => {
        const [l1, l2] = formatTle(es);
        expect(l1.length).toBe(69);
        expect(l2.length).toBe(69);
        const back = parseTle(l1, l2, es.name);
        // a -0 derivative prints as "-.00000000" and reads back as -0; compare with Object.is semantics
        expect(values(back)).toEqual(values(es));
        expect(formatTle(back)).toEqual([l1, l2]);
      }),
      { numRuns: 3000 },
    );
  });
  it('3LE files of many sets parse back record for record', () => {
    fc.assert(
      fc.property(fc.array(tleSet, { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (sets, eol) => {
        const text = sets.map((s) => (s.name === undefined ? formatTle(s) : format3le(s)).join(eol)).join(eol) + eol;
        const { records, rejected } = parseElementFile(text);
        expect(rejected).toEqual([]);
        expect(records.map(values)).toEqual(sets.map(values));
      }),
      { numRuns: 300 },
    );
  });
});

/** An OMM-derived set: full-precision doubles, angles from degrees, epoch from ISO text with microseconds. */
const ommSet: fc.Arbitrary<ElementSet> = fc.record({
  noradId: fc.integer({ min: 0, max: 999_999_999 }),
  name: fc.string({ minLength: 1, maxLength: 30 }).map((s) => Array.from(s, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? '?' : c)).join('').trim()).filter((s) => s !== ''),
  objectId: fc.oneof(fc.constant(''), fc.tuple(fc.integer({ min: 1957, max: 2099 }), digits(3), letters).map(([y, n, l]) => `${y}-${n}${l}`)),
  epoch: fc.tuple(fc.date({ min: new Date('1957-10-04T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), digits(3))
    .map(([d, us]) => d.toISOString().slice(0, 23) + us),
  mm: fc.double({ min: 1e-6, max: 20, noNaN: true }),
  ecc: fc.double({ min: 0, max: 0.999, noNaN: true }),
  inc: fc.double({ min: 0, max: 180, noNaN: true }),
  raan: fc.double({ min: 0, max: 360, noNaN: true }),
  argp: fc.double({ min: 0, max: 360, noNaN: true }),
  ma: fc.double({ min: 0, max: 360, noNaN: true }),
  bstar: fc.double({ min: -1, max: 1, noNaN: true }),
  ndot: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  nddot: fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
  classification: fc.constantFrom('U', 'C', 'S'),
  ephemerisType: fc.integer({ min: 0, max: 9 }),
  elementSetNo: fc.integer({ min: 0, max: 9999 }),
  revNumber: fc.integer({ min: 0, max: 999_999 }),
}).map((r) => {
  const ep = parseEpochIso(r.epoch);
  if (ep === undefined) throw new Error(`generator produced a bad epoch ${r.epoch}`);
  const plain = (v: number): number => (Object.is(v, -0) ? 0 : v); // OMM text has no negative zero
  const intl = /^(\d{4})-(\d{3})([A-Z]{0,3})$/.exec(r.objectId);
  return {
    noradId: r.noradId,
    name: r.name,
    classification: r.classification,
    intlDesignator: intl !== null && Number(intl[1]) <= 2056 ? `${(intl[1] ?? '').slice(2)}${intl[2] ?? ''}${intl[3] ?? ''}` : '',
    epochYear: ep.year,
    epochDayOfYear: ep.dayOfYear,
    epochUtc: epochUtcFromDayOfYear(ep.year, ep.dayOfYear),
    meanMotionRevPerDay: r.mm,
    meanMotionDot: plain(r.ndot),
    meanMotionDdot: plain(r.nddot),
    bstar: plain(r.bstar),
    inclinationRad: plain(r.inc) * RAD_PER_DEG,
    raanRad: plain(r.raan) * RAD_PER_DEG,
    eccentricity: plain(r.ecc),
    argPerigeeRad: plain(r.argp) * RAD_PER_DEG,
    meanAnomalyRad: plain(r.ma) * RAD_PER_DEG,
    ephemerisType: r.ephemerisType,
    elementSetNo: r.elementSetNo,
    revNumber: r.revNumber,
    ...(r.objectId === '' ? {} : { objectId: r.objectId }),
  };
});

describe('OMM round-trip properties', () => {
  const formats: [string, (s: ElementSet[]) => string][] = [
    ['json', (s) => formatOmmJson(s)],
    ['xml', (s) => formatOmmXml(s)],
    ['kvn', (s) => formatOmmKvn(s)],
    ['csv', (s) => formatOmmCsv(s)],
  ];
  for (const [kind, write] of formats) {
    it(`${kind}: write → read gives identical values`, () => {
      fc.assert(
        fc.property(fc.array(ommSet, { minLength: 1, maxLength: 5 }), (sets) => {
          const { records, rejected } = parseElementFile(write(sets));
          expect(rejected).toEqual([]);
          expect(records.map(values)).toEqual(sets.map(values));
        }),
        { numRuns: 400 },
      );
    });
  }
});

import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/index.js';
import { DEG_PER_RAD } from '../units/index.js';
import { tleChecksum } from './checksum.js';
import { format3le, formatTle } from './tle-format.js';
import { parseTle } from './tle-parse.js';

// CelesTrak's "NORAD Two-Line Element Set Format" ISS example; field values as that page explains them.
const L1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const L2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';

/** Replaces columns [from, from+text.length) (1-based `from`) and fixes the checksum. */
function edit(line: string, fromCol: number, text: string, fixChecksum = true): string {
  const s = line.slice(0, fromCol - 1) + text + line.slice(fromCol - 1 + text.length);
  return fixChecksum ? s.slice(0, 68) + String(tleChecksum(s)) : s;
}

function parseError(f: () => unknown): ParseError {
  try {
    f();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('expected a ParseError');
}

describe('parseTle', () => {
  it('reads every field of the CelesTrak example', () => {
    const es = parseTle(L1, L2, 'ISS (ZARYA)');
    expect(es.noradId).toBe(25544);
    expect(es.name).toBe('ISS (ZARYA)');
    expect(es.classification).toBe('U');
    expect(es.intlDesignator).toBe('98067A');
    expect(es.epochYear).toBe(2008);
    expect(es.epochDayOfYear).toBe(264.51782528);
    // 2008 Jan 0.0 = JD 2454465.5 (Meeus ch. 7)
    expect(es.epochUtc).toEqual({ jd1: 2_454_465.5, jd2: 264.51782528 });
    expect(es.meanMotionDot).toBe(-0.00002182);
    expect(es.meanMotionDdot).toBe(0);
    expect(es.bstar).toBe(-0.11606e-4);
    expect(es.ephemerisType).toBe(0);
    expect(es.elementSetNo).toBe(292);
    // degrees back from radians: 1e-12 deg is far below the 1e-4 deg printed resolution
    expect(Math.abs(es.inclinationRad * DEG_PER_RAD - 51.6416)).toBeLessThan(1e-12);
    expect(Math.abs(es.raanRad * DEG_PER_RAD - 247.4627)).toBeLessThan(1e-12);
    expect(es.eccentricity).toBe(0.0006703);
    expect(Math.abs(es.argPerigeeRad * DEG_PER_RAD - 130.536)).toBeLessThan(1e-12);
    expect(Math.abs(es.meanAnomalyRad * DEG_PER_RAD - 325.0288)).toBeLessThan(1e-12);
    expect(es.meanMotionRevPerDay).toBe(15.72125391);
    expect(es.revNumber).toBe(56353);
    expect(formatTle(es)).toEqual([L1, L2]);
  });

  it('ignores a trailing CR (lines of a CRLF file split on LF)', () => {
    expect(formatTle(parseTle(`${L1}\r`, `${L2}\r`))).toEqual([L1, L2]);
  });

  it('keeps Space-Track quirks so formatting reproduces them: blank-padded catalog numbers, + signs, +0 exponents', () => {
    const a = edit(edit(edit(L1, 3, '    5'), 34, '+.00002182'), 45, '+00000+0');
    const b = edit(L2, 3, '    5');
    const es = parseTle(a, b);
    expect(es.noradId).toBe(5);
    expect(es.tleFormat?.catalogPad).toBe(' ');
    expect(es.meanMotionDot).toBe(0.00002182);
    expect(formatTle(es)).toEqual([a, b]);
  });

  it('keeps a negative zero derivative and zero-padded line-2 fields', () => {
    const a = edit(L1, 34, '-.00000000');
    const b = edit(edit(edit(L2, 9, '051.6416'), 44, '025.0288'), 53, '01.72125391');
    const es = parseTle(a, b);
    expect(Object.is(es.meanMotionDot, -0)).toBe(true);
    expect(es.tleFormat?.line2ZeroPadded).toBe(true);
    expect(formatTle(es)).toEqual([a, b]);
    // JSON loses -0 but not the printed sign
    expect(formatTle(JSON.parse(JSON.stringify(es)) as typeof es)).toEqual([a, b]);
  });

  it('decodes Alpha-5 catalog numbers and writes them back', () => {
    const a = edit(L1, 3, 'T0000');
    const b = edit(L2, 3, 'T0000');
    const es = parseTle(a, b);
    expect(es.noradId).toBe(270_000);
    expect(formatTle(es)).toEqual([a, b]);
  });

  const cases: [string, () => unknown, number, number, string][] = [
    ['wrong checksum', () => parseTle(L1.slice(0, 68) + '8', L2), 1, 69, 'checksum'],
    ['short line 2', () => parseTle(L1, L2.slice(0, 68)), 2, 69, 'length'],
    ['long line 1', () => parseTle(L1 + ' ', L2), 1, 70, 'length'],
    ['swapped lines', () => parseTle(L2, L1), 1, 1, 'line-number'],
    ['I in Alpha-5', () => parseTle(edit(L1, 3, 'I0000'), edit(L2, 3, 'I0000')), 1, 3, 'alpha5'],
    ['catalog mismatch', () => parseTle(L1, edit(L2, 3, '25545')), 2, 3, 'catalog-mismatch'],
    ['inclination > 180', () => parseTle(L1, edit(L2, 9, '181.0000')), 2, 9, 'range'],
    ['RAAN > 360', () => parseTle(L1, edit(L2, 18, '360.0001')), 2, 18, 'range'],
    ['day 366 of 2021', () => parseTle(edit(L1, 19, '21366.50000000'), L2), 1, 21, 'range'],
    ['day 0', () => parseTle(edit(L1, 19, '21000.50000000'), L2), 1, 21, 'range'],
    ['zero mean motion', () => parseTle(L1, edit(L2, 53, ' 0.00000000')), 2, 53, 'range'],
    ['classification X', () => parseTle(edit(L1, 8, 'X'), L2), 1, 8, 'field'],
    ['column shift in the epoch', () => parseTle(edit(L1, 19, ' 08264.5178252'), L2), 1, 19, 'field'],
    ['missing exponent sign', () => parseTle(edit(L1, 51, ' 0'), L2), 1, 51, 'field'],
    ['letter in eccentricity', () => parseTle(L1, edit(L2, 27, '00O6703')), 2, 29, 'field'],
    ['missing blank separator', () => parseTle(L1, edit(L2, 17, '1')), 2, 17, 'layout'],
    ['bad international designator', () => parseTle(edit(L1, 10, '98-67A  '), L2), 1, 10, 'field'],
  ];
  for (const [what, f, line, column, reason] of cases) {
    it(`rejects ${what} with ParseError ${reason} at line ${line}, column ${column}`, () => {
      const e = parseError(f);
      expect(e).toBeInstanceOf(SyntaxError);
      expect([e.line, e.column, e.reason]).toEqual([line, column, reason]);
    });
  }

  it('Vallado-style input: unchecked checksums, blank ephemeris type and text after column 69 on request', () => {
    const a = edit(L1, 63, ' ', false).slice(0, 68) + '0';
    const b = `${L2}      0.0      1440.0        360.00`;
    expect(parseError(() => parseTle(a, b)).reason).toBe('checksum');
    const es = parseTle(a, b, undefined, { verifyChecksum: false, trailingText: 'ignore' });
    expect(es.ephemerisType).toBe(0);
    expect(es.tleFormat?.ephemerisTypeBlank).toBe(true);
    expect(formatTle(es)[0].slice(0, 68)).toBe(a.slice(0, 68));
  });
});

describe('formatTle', () => {
  const base = parseTle(L1, L2);
  const { tleFormat: _ignored, ...plain } = base;
  it('writes canonical text for sets without printing facts', () => {
    expect(formatTle(plain)).toEqual([L1, L2]);
  });
  it('writes a 3LE title line', () => {
    expect(format3le({ ...plain, name: 'ISS (ZARYA)' })[0]).toBe('0 ISS (ZARYA)');
  });
  it('normalises exponents and wraps angles that are the same element', () => {
    const [a, b] = formatTle({ ...plain, bstar: 1.5e-5, meanMotionDdot: -1.23456e-7, raanRad: -Math.PI / 2 });
    expect(a.slice(44, 61)).toBe('-12346-6  15000-4');
    expect(b.slice(17, 25)).toBe('270.0000');
  });
  it('throws RangeError for values that do not fit the columns', () => {
    const bad: [string, Partial<typeof plain>][] = [
      ['catalog', { noradId: 340_000 }], ['mean motion', { meanMotionRevPerDay: 100 }], ['ndot', { meanMotionDot: 1 }],
      ['bstar', { bstar: 1e10 }], ['inclination', { inclinationRad: 3.2 }], ['eccentricity', { eccentricity: 1 }],
      ['NaN', { bstar: Number.NaN }], ['year', { epochYear: 2057 }], ['rev', { revNumber: 100_000 }],
      ['elset', { elementSetNo: 10_000 }], ['intl', { intlDesignator: '1998067ABC' }], ['class', { classification: 'UU' }],
    ];
    for (const [what, change] of bad) expect(() => formatTle({ ...plain, ...change }), what).toThrow(RangeError);
  });
});

import { hasShared, readSharedText } from '#testing';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/index.js';
import { mjdFromCalendar } from './calendar.js';
import { parseLeapSecondDat, parseLeapSecondsList, parseTaiUtcDat } from './leap-second-files.js';
import { builtinLeapSeconds, type LeapSecondTable, taiMinusUtcAt } from './leap-seconds.js';

/** TAI−UTC of each table at 0h and 12h of every UTC day of a range (s). */
function sameOffsets(a: LeapSecondTable, b: LeapSecondTable, fromMjd: number, toMjd: number): number {
  let worst = 0;
  for (let mjd = fromMjd; mjd <= toMjd; mjd++) {
    for (const sod of [0, 43_200, 86_399]) worst = Math.max(worst, Math.abs(taiMinusUtcAt(a, mjd, sod) - taiMinusUtcAt(b, mjd, sod)));
  }
  return worst;
}

describe.skipIf(!hasShared)('the three published leap-second files (../shared/data/eop)', () => {
  const dat = hasShared ? parseLeapSecondDat(readSharedText('data', 'eop', 'Leap_Second.dat')) : undefined;
  const list = hasShared ? parseLeapSecondsList(readSharedText('data', 'eop', 'leap-seconds.list')) : undefined;
  const taiUtc = hasShared ? parseTaiUtcDat(readSharedText('data', 'eop', 'tai-utc.dat')) : undefined;
  const builtin = builtinLeapSeconds();

  it('parse to 28 steps (41 rows in tai-utc.dat) with the stated expiries', () => {
    expect(dat?.entries.length).toBe(28);
    expect(list?.entries.length).toBe(28);
    expect(taiUtc?.entries.length).toBe(41);
    expect(dat?.expiresMjd).toBe(mjdFromCalendar(2027, 6, 28)); // "File expires on 28 June 2027"
    expect(list?.expiresMjd).toBe(mjdFromCalendar(2026, 6, 28)); // #@ 3991593600
    expect(taiUtc?.expiresMjd).toBeUndefined();
    expect(builtin.expiresMjd).toBe(dat?.expiresMjd);
  });

  it('agree exactly with each other and with the built-in table, 1972–2030 (whole seconds: exact)', () => {
    const from = mjdFromCalendar(1972, 1, 1);
    const to = mjdFromCalendar(2030, 1, 1);
    if (!dat || !list || !taiUtc) throw new Error('unreachable');
    expect(sameOffsets(dat, builtin, from, to)).toBe(0);
    expect(sameOffsets(list, builtin, from, to)).toBe(0);
    expect(sameOffsets(taiUtc, builtin, from, to)).toBe(0);
  });

  it('tai-utc.dat and the built-in table agree on the 1961–1971 drift formulae (to 1e-12 s: same constants)', () => {
    if (!taiUtc) throw new Error('unreachable');
    expect(sameOffsets(taiUtc, builtin, mjdFromCalendar(1961, 1, 1), mjdFromCalendar(1972, 1, 1))).toBeLessThan(1e-12);
    // Spot value from the Explanatory Supplement: 1968-02-01 TAI−UTC = 4.2131700 + (39887 − 39126)·0.002592 = 6.185682 s.
    expect(Math.abs(taiMinusUtcAt(builtin, 39_887, 0) - 6.185_682)).toBeLessThan(1e-9);
  });
});

describe('leap-second parsers report line and column', () => {
  const expectParseError = (fn: () => unknown, line: number, column: number): void => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      const p = e as ParseError;
      expect([p.line, p.column]).toEqual([line, column]);
      return;
    }
    throw new Error('expected a ParseError');
  };

  it('Leap_Second.dat', () => {
    const good = '#  File expires on 28 June 2027\n    41317.0    1  1 1972       10\n    41499.0    1  7 1972       11\n';
    expect(parseLeapSecondDat(good).entries.map((e) => e.offsetS)).toEqual([10, 11]);
    expectParseError(() => parseLeapSecondDat('    41317.0    1  1 1972       1x\n'), 1, 32);
    expectParseError(() => parseLeapSecondDat('    41318.0    1  1 1972       10\n'), 1, 5); // MJD ≠ date
    expectParseError(() => parseLeapSecondDat('    41499.0    1  7 1972       11\n    41317.0    1  1 1972       10\n'), 2, 5);
    expectParseError(() => parseLeapSecondDat('# nothing\n'), 1, 1);
  });

  it('leap-seconds.list', () => {
    const good = '#@\t3991593600\n2272060800\t10\t# 1 Jan 1972\n2287785600\t11\t# 1 Jul 1972\n';
    const t = parseLeapSecondsList(good);
    expect(t.entries.map((e) => e.mjd)).toEqual([41_317, 41_499]);
    expect(t.expiresMjd).toBe(61_219);
    expectParseError(() => parseLeapSecondsList('2272060801\t10\n'), 1, 1); // not a whole day
    expectParseError(() => parseLeapSecondsList('#@\tsoon\n2272060800\t10\n'), 1, 4);
  });

  it('tai-utc.dat', () => {
    const good = ' 1972 JAN  1 =JD 2441317.5  TAI-UTC=  10.0       S + (MJD - 41317.) X 0.0      S\n';
    expect(parseTaiUtcDat(good).entries[0]?.offsetS).toBe(10);
    expectParseError(() => parseTaiUtcDat(' 1972 JAX  1 =JD 2441317.5  TAI-UTC=  10.0       S + (MJD - 41317.) X 0.0      S\n'), 1, 7);
    expectParseError(() => parseTaiUtcDat(' 1972 JAN  1 =JD 2441318.5  TAI-UTC=  10.0       S + (MJD - 41317.) X 0.0      S\n'), 1, 14);
  });
});

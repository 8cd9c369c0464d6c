import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/index.js';
import { createEopTable } from './eop.js';
import { Instant } from './instant.js';
import { builtinLeapSeconds, createLeapSecondTable } from './leap-seconds.js';
import { createTimeScales, TimeScales } from './time-scales.js';

const ts = createTimeScales();
/** Seconds between two instants must match to 1e-9 s: the two-part JD resolves ~1e-11 s, so any larger gap is a bug. */
const NS = 1e-9;

describe('TimeScales: UTC with leap seconds', () => {
  it('counts the leap second 2016-12-31T23:59:60 (Bulletin C 52) as a real SI second', () => {
    const before = ts.fromUtcIso('2016-12-31T23:59:59.5Z');
    const leap = ts.fromUtcIso('2016-12-31T23:59:60.5Z');
    const after = ts.fromUtcIso('2017-01-01T00:00:00.5Z');
    expect(Math.abs(leap.secondsSince(before) - 1)).toBeLessThan(NS);
    expect(Math.abs(after.secondsSince(leap) - 1)).toBeLessThan(NS);
    expect(ts.toIsoUtc(leap)).toBe('2016-12-31T23:59:60.500Z');
    expect(ts.taiMinusUtcS(leap)).toBe(36); // the old value is in force during the leap second (ERFA eraDat)
    expect(ts.taiMinusUtcS(after)).toBe(37);
    const f = ts.utcFields(leap);
    expect([f.year, f.month, f.day, f.hour, f.minute]).toEqual([2016, 12, 31, 23, 59]);
    expect(Math.abs(f.second - 60.5)).toBeLessThan(NS);
  });

  it('TAI is UTC + 37 s after 2017 (TT = TAI + 32.184 s)', () => {
    const t = ts.fromUtc(2020, 1, 1, 0, 0, 0);
    const tai = Instant.fromTai(2_458_849.5, 37 / 86_400);
    expect(Math.abs(t.secondsSince(tai))).toBeLessThan(NS);
  });

  it('rejects a second 60 where there is no leap second, and impossible fields, with RangeError', () => {
    expect(() => ts.fromUtcIso('2017-12-31T23:59:60Z')).toThrow(RangeError);
    expect(() => ts.fromUtcIso('2016-12-31T23:58:60Z')).toThrow(RangeError);
    expect(() => ts.fromUtcIso('2016-02-30T00:00:00Z')).toThrow(RangeError);
    expect(() => ts.fromUtcIso('2016-01-01T24:00:00Z')).toThrow(RangeError);
    expect(() => ts.fromUtc(2016, 12, 31, 23, 59, 61)).toThrow(RangeError);
    expect(() => ts.fromUtc(2016, 12, 31, 23, 59, Number.NaN)).toThrow(RangeError);
  });

  it('handles zone offsets, including a leap second written in local time', () => {
    const leap = ts.fromUtcIso('2016-12-31T23:59:60.25Z');
    expect(ts.fromUtcIso('2017-01-01T05:29:60.25+05:30').equals(leap)).toBe(true);
    expect(ts.fromUtcIso('2016-12-31T18:59:60.25-05:00').equals(leap)).toBe(true);
    expect(ts.fromUtcIso('2017-01-01T12:44:60.25+1245').equals(leap)).toBe(true); // Chatham summer time
    expect(() => ts.fromUtcIso('2016-12-31T23:59:60.25+01:00')).toThrow(RangeError); // 22:59:60 UTC
  });

  it('accepts the RFC 3339 variants and rejects malformed text with ParseError at the right column', () => {
    const ref = ts.fromUtcIso('2024-03-01T12:34:56.789Z');
    for (const s of ['2024-03-01t12:34:56.789z', '2024-03-01 12:34:56,789', '2024-03-01T12:34:56.789000000+00:00', '2024-03-01T14:34:56.789+02']) {
      expect(Math.abs(ts.fromUtcIso(s).secondsSince(ref)), s).toBeLessThan(NS);
    }
    expect(ts.fromUtcIso('2024-03-01').equals(ts.fromUtc(2024, 3, 1))).toBe(true);
    expect(ts.fromUtcIso('2024-03-01T12:34Z').equals(ts.fromUtc(2024, 3, 1, 12, 34, 0))).toBe(true);
    const cases: [string, number][] = [['2024-3-01', 7], ['2024-03-01T12:34:56.Z', 21], ['2024-03-01T12:34:56Zx', 21], ['x', 1], ['', 1], [' 2024-03-01', 1]];
    for (const [text, column] of cases) {
      try {
        ts.fromUtcIso(text);
        throw new Error(`accepted ${text}`);
      } catch (e) {
        expect(e, text).toBeInstanceOf(ParseError);
        expect((e as ParseError).column, text).toBe(column);
        expect((e as ParseError).line).toBe(1);
      }
    }
  });

  it('keeps microseconds: fromUtcIso ↔ toIsoUtc(…, 6)', () => {
    const t = ts.fromUtcIso('1999-12-31T23:59:59.999999Z');
    expect(ts.toIsoUtc(t, 6)).toBe('1999-12-31T23:59:59.999999Z');
    expect(ts.toIsoUtc(t, 3)).toBe('2000-01-01T00:00:00.000Z'); // rounding carries into the next day
    expect(ts.toIsoUtc(ts.fromUtcIso('2016-12-31T23:59:59.9996Z'), 3)).toBe('2016-12-31T23:59:60.000Z'); // …into the leap second
    expect(ts.toIsoUtc(ts.fromUtcIso('2016-12-31T23:59:60.9996Z'), 3)).toBe('2017-01-01T00:00:00.000Z');
    expect(ts.toIsoUtc(t, 0)).toBe('2000-01-01T00:00:00Z');
    expect(() => ts.toIsoUtc(t, 10)).toThrow(RangeError);
  });

  it('fromUtcJd reads both the TLE convention and the leap-second form that utc(t) writes', () => {
    const leap = ts.fromUtcIso('2016-12-31T23:59:60.5Z');
    const jd = ts.utc(leap);
    expect(jd.jd1).toBe(2_457_753.5);
    expect(jd.jd2).toBeGreaterThan(1);
    expect(Math.abs(ts.fromUtcJd(jd.jd1, jd.jd2).secondsSince(leap))).toBeLessThan(NS); // jd2·86 400 rounds by ~1e-11 s
    const noon = ts.fromUtc(2024, 6, 1, 12, 0, 0);
    for (const [a, b] of [[2_460_463, 0], [2_460_463.0, 0], [2_460_462.5, 0.5], [0, 2_460_463], [2_460_400, 63]] as const) {
      expect(Math.abs(ts.fromUtcJd(a, b).secondsSince(noon)), `${a}+${b}`).toBeLessThan(1e-6); // single-double JD resolves 4e-5 s only when one part is large; here parts are exact
    }
  });

  it('fromDate / fromUnixSeconds follow POSIX and are independent of the local zone', () => {
    const t = ts.fromDate(new Date(Date.UTC(2021, 6, 4, 1, 2, 3, 456)));
    expect(ts.toIsoUtc(t)).toBe('2021-07-04T01:02:03.456Z');
    expect(ts.fromUnixSeconds(0).equals(ts.fromUtc(1970, 1, 1))).toBe(true);
    expect(ts.fromUnixSeconds(1_483_228_800).equals(ts.fromUtcIso('2017-01-01T00:00:00Z'))).toBe(true);
    expect(ts.toUnixSeconds(ts.fromUtcIso('2017-01-01T00:00:00Z'))).toBe(1_483_228_800);
    expect(ts.toDate(t).toISOString()).toBe('2021-07-04T01:02:03.456Z');
    expect(() => ts.fromDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => ts.fromUnixSeconds(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('handles the 1961–1971 drift era (TAI−UTC = A + (MJD − B)·C, Explanatory Supplement)', () => {
    // 1965-09-01 (MJD 39 004): 3.8401300 + (39 004.5 − 38 761)·0.001296 s at noon.
    const t = ts.fromUtc(1965, 9, 1, 12, 0, 0);
    expect(Math.abs(ts.taiMinusUtcS(t) - (3.84013 + (39_004.5 - 38_761) * 0.001_296))).toBeLessThan(1e-9);
    expect(ts.toIsoUtc(t, 6)).toBe('1965-09-01T12:00:00.000000Z');
    // 1961-07-31 is 0.05 s short (TAI−UTC fell by 0.05 s at 1961-08-01): 23:59:59.96 does not exist.
    expect(() => ts.fromUtcIso('1961-07-31T23:59:59.96Z')).toThrow(RangeError);
    const end = ts.fromUtcIso('1961-07-31T23:59:59.94Z');
    expect(ts.toIsoUtc(end.plusSeconds(0.02), 2)).toBe('1961-08-01T00:00:00.01Z'); // 0.01 s to the end of the short day, 0.01 s into the next
  });
});

describe('TimeScales: warnings, EOP absence and coverage', () => {
  it('warns once past the leap-second expiry and once for missing EOP; UT1 = UTC then', () => {
    const warnings: string[] = [];
    const scales = createTimeScales({ onWarning: (m) => warnings.push(m) });
    const t = scales.fromUtcIso('2030-01-01T00:00:00Z');
    scales.fromUtcIso('2031-01-01T00:00:00Z');
    expect(warnings.filter((w) => w.includes('expiry'))).toHaveLength(1);
    expect(scales.ut1MinusUtcS(t)).toBe(0);
    expect(scales.polarMotion(t)).toEqual({ xpRad: 0, ypRad: 0 });
    expect(warnings.filter((w) => w.includes('no EOP'))).toHaveLength(1);
    const utc = scales.utc(t);
    const ut1 = scales.ut1(t);
    expect(Math.abs(utc.jd1 - ut1.jd1 + (utc.jd2 - ut1.jd2)) * 86_400).toBeLessThan(1e-9);
  });

  it('interpolates UT1−TAI linearly across a leap second and holds the end rows outside the table', () => {
    const leap = builtinLeapSeconds();
    // Synthetic rows around the 2016-12-31 leap second: UT1−UTC jumps from −0.4 to +0.6 s.
    const eop = createEopTable(
      [
        { mjdUtc: 57_753, ut1MinusUtcS: -0.4, xpRad: 1e-6, ypRad: 2e-6, ut1Predicted: false, polarMotionPredicted: false, poleOffset1Rad: 1e-9, poleOffset2Rad: 2e-9 },
        { mjdUtc: 57_754, ut1MinusUtcS: 0.598, xpRad: 3e-6, ypRad: 4e-6, ut1Predicted: true, polarMotionPredicted: true, poleOffset1Rad: 3e-9, poleOffset2Rad: 4e-9 },
      ],
      'synthetic',
      'dXdY',
    );
    const warnings: string[] = [];
    const scales = new TimeScales({ leapSeconds: leap, eop, onWarning: (m) => warnings.push(m) });
    // UT1−TAI: −36.4 s at row 1, −36.402 s at row 2 (one TAI day + 1 s later). Half-way in TAI:
    const mid = scales.fromUtcIso('2016-12-31T12:00:00Z').plusSeconds(0.5);
    expect(Math.abs(scales.ut1MinusTaiS(mid) - -36.401)).toBeLessThan(1e-12);
    expect(Math.abs(scales.ut1MinusUtcS(mid) - (-36.401 + 36))).toBeLessThan(1e-12); // about −0.4 s, not +0.1 s
    expect(Math.abs(scales.polarMotion(mid).xpRad - 2e-6)).toBeLessThan(1e-18);
    expect(scales.celestialPoleOffsets(mid)?.offset1Rad).toBeCloseTo(2e-9, 20);
    expect(scales.isUt1Predicted(mid)).toBe(true);
    const later = scales.fromUtcIso('2017-03-01T00:00:00Z');
    expect(Math.abs(scales.ut1MinusUtcS(later) - 0.598)).toBeLessThan(1e-12); // held UT1−UTC, via UT1−TAI and back
    expect(warnings.some((w) => w.includes('after the EOP table'))).toBe(true);
  });

  it('validates tables', () => {
    expect(() => createLeapSecondTable([], 'x')).toThrow(RangeError);
    expect(() => createLeapSecondTable([{ mjd: 2, offsetS: 1, refMjd: 0, driftSPerDay: 0 }, { mjd: 1, offsetS: 1, refMjd: 0, driftSPerDay: 0 }], 'x')).toThrow(RangeError);
    expect(() => createEopTable([], 'x', 'none')).toThrow(RangeError);
    expect(() =>
      createEopTable([{ mjdUtc: 1, ut1MinusUtcS: Number.NaN, xpRad: 0, ypRad: 0, ut1Predicted: false, polarMotionPredicted: false }], 'x', 'none'),
    ).toThrow(RangeError);
  });
});

describe('regressions', () => {
  it('an instant 6e-12 s before the end of a leap second does not round onto a non-existent 23:59:61', () => {
    const t = Instant.fromTai(2_445_151, 0.500_243_055_555_555_5); // 1982-06-30T23:59:60.99999999999 UTC
    // It was reported as 1982-06-30 + 86 401 s; within the 1 ns slack it is now the new day's first instant.
    expect(ts.utcDaySeconds(t)).toEqual({ mjd: 45_151, sodS: 0 });
    expect(ts.toIsoUtc(t, 6)).toBe('1982-07-01T00:00:00.000000Z');
  });

  it('utc(t) just before midnight does not read back as a leap second', () => {
    const t = Instant.fromTai(2_442_048, 0.500_150_462_962_963); // TAI−UTC 13 s from 1974: UTC ≈ 1973-12-31T23:59:59.99999999999
    const jd = ts.utc(t);
    expect(Math.abs(ts.fromUtcJd(jd.jd1, jd.jd2).secondsSince(t))).toBeLessThan(1e-10); // was 1 s off
  });

  it('fromUtc(…, 60.99999999999999) inside a leap second is accepted, not rounded onto the next day', () => {
    const t = ts.fromUtc(2016, 12, 31, 23, 59, 60.999_999_999_999_99);
    // 1e-14 s is below the two-part JD's ~1e-11 s resolution: the instant is the next midnight, and says so.
    expect(ts.toIsoUtc(t, 9)).toBe('2017-01-01T00:00:00.000000000Z');
    // Was a RangeError ("86400 s is past the end of that day"): 59 + 0.99999999999999999 rounded to 60 before the check.
    const late = ts.fromUtcIso('2017-12-31T23:59:59.99999999999999999999Z');
    expect(Math.abs(late.secondsSince(ts.fromUtcIso('2018-01-01T00:00:00Z')))).toBeLessThan(1e-10);
  });
});

describe('no local time anywhere', () => {
  it('gives identical results with TZ set to America/St_Johns (−03:30) and Pacific/Chatham (+12:45/+13:45)', () => {
    const run = (): string[] => {
      const scales = createTimeScales();
      const t = scales.fromDate(new Date(Date.UTC(2016, 11, 31, 23, 59, 59, 500)));
      return [
        scales.toIsoUtc(t.plusSeconds(1), 3),
        scales.toIsoUtc(scales.fromUtcIso('2024-03-10T02:30:00'), 3), // a DST gap in North America: irrelevant to UTC
        String(scales.toUnixSeconds(scales.fromUtc(2024, 4, 7, 2, 45, 0))), // a DST overlap at Chatham
        scales.toDate(t).toISOString(),
      ];
    };
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const reference = run();
      for (const zone of ['America/St_Johns', 'Pacific/Chatham']) {
        process.env['TZ'] = zone;
        expect(run(), zone).toEqual(reference);
      }
      expect(reference[0]).toBe('2016-12-31T23:59:60.500Z');
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});

describe('tables other than the built-in one', () => {
  const base = builtinLeapSeconds();
  const withStep = (offsetS: number): TimeScales =>
    new TimeScales({
      leapSeconds: createLeapSecondTable([...base.entries, { mjd: 62_502, offsetS, refMjd: 62_502, driftSPerDay: 0 }], 'test', 62_700),
    }); // MJD 62 502 = 2030-01-01

  it('a future positive leap second from a loaded table is honoured (2029-12-31T23:59:60)', () => {
    const s = withStep(38);
    const leap = s.fromUtcIso('2029-12-31T23:59:60.5Z');
    expect(s.toIsoUtc(leap)).toBe('2029-12-31T23:59:60.500Z');
    expect(Math.abs(s.fromUtcIso('2030-01-01T00:00:00.5Z').secondsSince(leap) - 1)).toBeLessThan(NS);
    expect(() => ts.fromUtcIso('2029-12-31T23:59:60.5Z')).toThrow(RangeError); // not in the built-in table
  });

  it('a negative leap second (TAI−UTC 37 → 36) removes 23:59:59 from the day', () => {
    const s = withStep(36);
    const before = s.fromUtcIso('2029-12-31T23:59:58.5Z');
    expect(s.toIsoUtc(before.plusSeconds(1))).toBe('2030-01-01T00:00:00.500Z');
    expect(() => s.fromUtcIso('2029-12-31T23:59:59.2Z')).toThrow(RangeError);
    expect(s.taiMinusUtcS(before.plusSeconds(1))).toBe(36);
    expect(s.toIsoUtc(s.fromUtcIso('2029-12-31T23:59:58.9996Z'), 3)).toBe('2030-01-01T00:00:00.000Z'); // rounding carries over the short day's end
  });
});

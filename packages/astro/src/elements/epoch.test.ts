import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInYear, epochUtcFromDayOfYear, formatEpochIso, julianDateOfYearStart, parseEpochIso, tleFourDigitYear,
} from './epoch.js';

const jd = (year: number, doy: number): number => {
  const e = epochUtcFromDayOfYear(year, doy);
  return e.jd1 + e.jd2;
};

describe('element-set epochs', () => {
  it('TLE two-digit years pivot at 57', () => {
    expect(tleFourDigitYear(57)).toBe(1957);
    expect(tleFourDigitYear(99)).toBe(1999);
    expect(tleFourDigitYear(0)).toBe(2000);
    expect(tleFourDigitYear(56)).toBe(2056);
  });
  it('Julian dates match Meeus (Astronomical Algorithms, ch. 7) exactly', () => {
    // J2000.0 = 2000 Jan 1.5 = JD 2451545.0
    expect(jd(2000, 1.5)).toBe(2_451_545.0);
    // Meeus example 7.a: Sputnik 1957 Oct 4.81 = JD 2436116.31 (Oct 4 = day 277); 1e-9 day: the sum's rounding
    expect(Math.abs(jd(1957, 277.81) - 2_436_116.31)).toBeLessThan(1e-9);
    // Meeus table 7.a: 1987 Jan 27.0 = 2446822.5, 1988 Jun 19.5 = 2447332.0, 1600 Jan 1.0 = 2305447.5
    expect(jd(1987, 27)).toBe(2_446_822.5);
    expect(jd(1988, 171.5)).toBe(2_447_332.0);
    expect(jd(1600, 1)).toBe(2_305_447.5);
    expect(julianDateOfYearStart(2022)).toBe(2_459_579.5);
  });
  it('leap years by the Gregorian rule', () => {
    expect([1900, 2000, 2020, 2021, 2100].map(daysInYear)).toEqual([365, 366, 366, 365, 365]);
  });
  it('parses CCSDS calendar and day-of-year forms', () => {
    expect(parseEpochIso('2020-10-13T04:52:48.472320')).toEqual({ year: 2020, dayOfYear: 287 + (4 * 3600 + 52 * 60 + 48.47232) / 86400 });
    expect(parseEpochIso('2020-287T04:52:48.472320Z')).toEqual(parseEpochIso('2020-10-13T04:52:48.472320'));
    for (const bad of ['2021-02-29T00:00:00', '2020-13-01T00:00:00', '2020-01-01T24:00:00', '2020-01-01 00:00:00', '2020-367T00:00:00', 'x']) {
      expect(parseEpochIso(bad), bad).toBeUndefined();
    }
    // a leap second at the end of a year counts into the next (calendar arithmetic, no leap seconds)
    expect(parseEpochIso('2016-12-31T23:59:60.5')).toEqual({ year: 2017, dayOfYear: 1 + 0.5 / 86400 });
  });
  it('formats with rounding that carries across day and year ends', () => {
    expect(formatEpochIso(2024, 259.04041302)).toBe('2024-09-15T00:58:11.684928');
    expect(formatEpochIso(2021, 365.9999999999999)).toBe('2022-01-01T00:00:00.000000');
    expect(() => formatEpochIso(2021, 366.5)).toThrow(RangeError);
    expect(() => formatEpochIso(2021, Number.NaN)).toThrow(RangeError);
  });
  it('property: ISO text with microseconds round-trips exactly', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1957-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }), (d, us) => {
        const iso = d.toISOString().slice(0, 23) + String(us).padStart(3, '0');
        const p = parseEpochIso(iso);
        expect(p).toBeDefined();
        if (p !== undefined) expect(formatEpochIso(p.year, p.dayOfYear, 6)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });
});

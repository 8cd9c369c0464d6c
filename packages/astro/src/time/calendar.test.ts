import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarFromMjd, daysInMonth, mjdFromCalendar, MJD_UNIX_EPOCH } from './calendar.js';

describe('calendar', () => {
  it('matches published MJD anchors (Explanatory Supplement / IERS)', () => {
    expect(mjdFromCalendar(1858, 11, 17)).toBe(0);
    expect(mjdFromCalendar(1970, 1, 1)).toBe(MJD_UNIX_EPOCH);
    expect(mjdFromCalendar(2000, 1, 1)).toBe(51_544);
    expect(mjdFromCalendar(1972, 1, 1)).toBe(41_317); // Leap_Second.dat first row
    expect(mjdFromCalendar(2017, 1, 1)).toBe(57_754); // Leap_Second.dat last row
    expect(mjdFromCalendar(2000, 3, 1)).toBe(51_604); // 2000 is a leap year
    expect(mjdFromCalendar(1900, 3, 1)).toBe(15_079); // 1900 is not
  });

  it('agrees with the POSIX day count of JavaScript Date.UTC (an independent implementation)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -678_000, max: 2_900_000 }), (mjd) => {
        const { year, month, day } = calendarFromMjd(mjd);
        const viaDate = Date.UTC(year, month - 1, day) / 86_400_000 + MJD_UNIX_EPOCH;
        // Date.UTC maps years 0–99 to 1900–1999; those are outside this range check.
        if (year >= 100) expect(viaDate).toBe(mjd);
        expect(mjdFromCalendar(year, month, day)).toBe(mjd);
      }),
      { numRuns: 20_000 },
    );
  });

  it('rejects dates that do not exist with RangeError', () => {
    expect(() => mjdFromCalendar(2023, 2, 29)).toThrow(RangeError);
    expect(() => mjdFromCalendar(2023, 13, 1)).toThrow(RangeError);
    expect(() => mjdFromCalendar(2023, 1, 0)).toThrow(RangeError);
    expect(() => mjdFromCalendar(0, 1, 1)).toThrow(RangeError);
    expect(() => calendarFromMjd(0.5)).toThrow(RangeError);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(() => daysInMonth(2024, 0)).toThrow(RangeError);
  });
});

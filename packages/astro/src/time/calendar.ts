/**
 * Proleptic Gregorian calendar ↔ Modified Julian Day number, in exact integer arithmetic.
 *
 * The day-count algorithm is the "days from civil" construction (March-based years, 400-year eras) described by
 * H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013), equivalent to Fliegel & Van Flandern,
 * Comm. ACM 11(10), 657 (1968) and to ERFA `eraCal2jd`/`eraJd2cal` for the Gregorian calendar.
 * MJD 0 is 1858-11-17; MJD 40587 is 1970-01-01 (the POSIX epoch); MJD 51544 is 2000-01-01.
 */

/** A civil (Gregorian) calendar date. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** MJD of 1970-01-01 (POSIX epoch). */
export const MJD_UNIX_EPOCH = 40_587;

/** Days between 0000-03-01 (the origin of the days-from-civil count) and MJD 0. */
const CIVIL_TO_MJD = 678_881;

export function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isGregorianLeapYear(year) ? 29 : 28;
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) throw new RangeError(`month must be 1–12, got ${month}`);
  return days;
}

/**
 * MJD (integer day number, 0h of that day) of a Gregorian calendar date. Throws RangeError for a date that does
 * not exist (month 13, 30 February, non-integer fields) or a year outside 1–9999.
 */
export function mjdFromCalendar(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year must be an integer 1–9999, got ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be an integer 1–12, got ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`day must be an integer 1–${daysInMonth(year, month)} for ${year}-${month}, got ${day}`);
  }
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * 146_097 + doe - CIVIL_TO_MJD;
}

/** Gregorian calendar date of an integer MJD. Throws RangeError for a non-integer day number. */
export function calendarFromMjd(mjd: number): CalendarDate {
  if (!Number.isInteger(mjd)) throw new RangeError(`MJD day number must be an integer, got ${mjd}`);
  const z = mjd + CIVIL_TO_MJD;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

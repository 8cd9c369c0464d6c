/**
 * Element-set epochs by pure proleptic-Gregorian calendar arithmetic (no leap seconds: a TLE/OMM epoch is a
 * UTC calendar label, and SGP4 counts from it in days of 86 400 s, as Vallado et al. 2006 "Revisiting
 * Spacetrack Report #3" (AIAA 2006-6753) do in `days2mdhms`/`jday`). Day-of-year counting: 1.0 = Jan 1 00:00.
 * Julian day numbers from the civil-date algorithm of Fliegel & Van Flandern (1968) in the days-from-civil
 * form of H. Hinnant ("chrono-Compatible Low-Level Date Algorithms").
 */
import type { JulianDate } from '../time/julian-date.js';

/** TLE two-digit year → four-digit year: 57–99 → 1957–1999, 00–56 → 2000–2056 (Space-Track convention). */
export function tleFourDigitYear(twoDigitYear: number): number {
  return twoDigitYear >= 57 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days from 1970-01-01 to the given proleptic-Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Julian date of 1970-01-01T00:00. */
const JD_UNIX_EPOCH = 2_440_587.5;

/** Julian date of the year's "January 0.0" (= Dec 31 of the year before, 00:00), a half-integer. */
export function julianDateOfYearStart(year: number): number {
  return JD_UNIX_EPOCH + daysFromCivil(year, 1, 1) - 1;
}

/** The epoch as a two-part UTC Julian date: jd1 = JD of Jan 0.0, jd2 = day of year (with fraction). */
export function epochUtcFromDayOfYear(year: number, dayOfYear: number): JulianDate {
  return { jd1: julianDateOfYearStart(year), jd2: dayOfYear };
}

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day of year (1-based integer) of a calendar date. */
export function dayOfYearOf(year: number, month: number, day: number): number {
  return (CUMULATIVE_DAYS[month - 1] ?? 0) + day + (month > 2 && isLeapYear(year) ? 1 : 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Calendar month and day of a 1-based integer day of year. */
export function monthDayOf(year: number, dayOfYear: number): { month: number; day: number } {
  let month = 1;
  let rest = dayOfYear;
  while (month < 12 && rest > daysInMonth(year, month)) {
    rest -= daysInMonth(year, month);
    month++;
  }
  return { month, day: rest };
}

const two = (n: number): string => (n < 10 ? '0' : '') + String(n);

/**
 * ISO-8601 UTC text (`YYYY-MM-DDTHH:MM:SS.ffffff`, no zone letter, as CelesTrak and Space-Track print OMM
 * epochs) of a year and fractional day of year, rounded to `fractionDigits` (0–9) digits of the second.
 * Throws RangeError for a day outside the year or a non-finite value.
 */
export function formatEpochIso(year: number, dayOfYear: number, fractionDigits = 6): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`epoch year must be 1–9999, got ${year}`);
  if (!Number.isFinite(dayOfYear) || dayOfYear < 1 || dayOfYear >= daysInYear(year) + 1) {
    throw new RangeError(`epoch day of year must be in [1, ${daysInYear(year) + 1}), got ${dayOfYear}`);
  }
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 9) {
    throw new RangeError(`fraction digits must be 0–9, got ${fractionDigits}`);
  }
  const unitsPerDay = 86_400 * 10 ** fractionDigits;
  let whole = Math.floor(dayOfYear);
  let units = Math.round((dayOfYear - whole) * unitsPerDay);
  let y = year;
  if (units >= unitsPerDay) {
    units -= unitsPerDay;
    whole += 1;
    if (whole > daysInYear(y)) {
      whole = 1;
      y += 1;
    }
  }
  const { month, day } = monthDayOf(y, whole);
  const scale = 10 ** fractionDigits;
  const secondsOfDay = Math.floor(units / scale);
  const frac = units - secondsOfDay * scale;
  const h = Math.floor(secondsOfDay / 3600);
  const mi = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  const head = `${String(y).padStart(4, '0')}-${two(month)}-${two(day)}T${two(h)}:${two(mi)}:${two(s)}`;
  return fractionDigits === 0 ? head : `${head}.${String(frac).padStart(fractionDigits, '0')}`;
}

const ISO_RE = /^(\d{4})-(?:(\d{2})-(\d{2})|(\d{3}))T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)Z?$/;

/**
 * Parses an OMM epoch (CCSDS 502.0-B-3 §6.7.9 / 7.5.10 time formats `YYYY-MM-DDThh:mm:ss[.d…][Z]` and
 * `YYYY-DDDThh:mm:ss[.d…][Z]`, UTC) into year and fractional day of year. Returns undefined when the text
 * is not such a time or a component is out of range (a second of 60 is accepted and counted by calendar
 * arithmetic, i.e. as the first second of the next day).
 */
export function parseEpochIso(text: string): { year: number; dayOfYear: number } | undefined {
  const m = ISO_RE.exec(text.trim());
  if (m === null) return undefined;
  const year = Number(m[1]);
  let doy: number;
  if (m[4] !== undefined) {
    doy = Number(m[4]);
    if (doy < 1 || doy > daysInYear(year)) return undefined;
  } else {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    doy = dayOfYearOf(year, month, day);
  }
  const h = Number(m[5]);
  const mi = Number(m[6]);
  const s = Number(m[7]);
  if (h > 23 || mi > 59 || !(s < 61)) return undefined;
  if (year < 1) return undefined;
  const secondsOfDay = h * 3600 + mi * 60 + s;
  // a leap second at the last second of the year counts into the next year's day 1
  if (doy === daysInYear(year) && secondsOfDay >= 86_400) return { year: year + 1, dayOfYear: 1 + (secondsOfDay - 86_400) / 86_400 };
  return { year, dayOfYear: doy + secondsOfDay / 86_400 };
}

/**
 * UTC calendar ↔ Modified Julian Date (days), the day count the store and the data files use.
 * MJD = JD − 2 400 000.5 (IAU 1997 resolution B1); calendar arithmetic is proleptic Gregorian, counting
 * 86 400 s per UTC day (a leap second 23:59:60 maps onto the next day's 00:00, as in TLE/OMM epochs).
 * Reference: Meeus, "Astronomical Algorithms", 2nd ed. (1998), ch. 7; `Date.UTC` does the same arithmetic.
 */

const MS_PER_DAY = 86_400_000;
/** Unix epoch 1970-01-01T00:00Z as an MJD. */
const MJD_UNIX_EPOCH = 40_587;

/** MJD of 00:00 UTC on a calendar date (month 1–12). Throws RangeError for an impossible date. */
export function calendarToMjd(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new RangeError(`calendar date must be integers, got ${year}-${month}-${day}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such calendar date ${year}-${month}-${day}`);
  }
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC maps years 0–99 to 1900–1999; correct for that explicitly.
  const fixed = year >= 0 && year < 100 ? new Date(ms).setUTCFullYear(year) : ms;
  return fixed / MS_PER_DAY + MJD_UNIX_EPOCH;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]00:?00)?$/;

/**
 * Parses an ISO-8601 UTC date or date-time (`2021-01-01`, `2021-01-01T05:19:37.5Z`; no offset other
 * than Z/+00:00) into a UTC MJD. Throws RangeError naming the input when it is not such a time.
 */
export function isoToUtcMjd(iso: string): number {
  const m = ISO_RE.exec(iso.trim());
  if (m === null) throw new RangeError(`not an ISO-8601 UTC time (YYYY-MM-DD[THH:MM[:SS[.fff]]][Z]): '${iso}'`);
  const [, y, mo, d, h, mi, s, frac] = m;
  const mjd0 = calendarToMjd(Number(y), Number(mo), Number(d));
  const hours = h === undefined ? 0 : Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = (s === undefined ? 0 : Number(s)) + (frac === undefined ? 0 : Number(frac));
  if (hours > 24 || minutes > 59 || seconds >= 61 || (hours === 24 && (minutes > 0 || seconds > 0))) {
    throw new RangeError(`time of day out of range in '${iso}'`);
  }
  return mjd0 + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** Formats a UTC MJD as ISO-8601 with `digits` (0–6) decimals of seconds and a `Z`. */
export function utcMjdToIso(mjd: number, digits = 6): string {
  if (!Number.isFinite(mjd)) throw new RangeError(`MJD must be finite, got ${String(mjd)}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new RangeError(`digits must be 0–6, got ${digits}`);
  let day = Math.floor(mjd);
  const unit = 10 ** (6 - digits);
  let micros = Math.round(((mjd - day) * 86_400e6) / unit) * unit;
  if (micros >= 86_400e6) {
    day += 1;
    micros -= 86_400e6;
  }
  const date = new Date((day - MJD_UNIX_EPOCH) * MS_PER_DAY);
  const ymd = `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const totalSeconds = Math.floor(micros / 1e6);
  const sub = micros - totalSeconds * 1e6;
  const hms = `${pad2(Math.floor(totalSeconds / 3600))}:${pad2(Math.floor(totalSeconds / 60) % 60)}:${pad2(totalSeconds % 60)}`;
  const fraction = digits > 0 ? `.${String(Math.round(sub / unit)).padStart(digits, '0')}` : '';
  return `${ymd}T${hms}${fraction}Z`;
}

/** UTC MJD of an element-set epoch given as year and day-of-year with fraction (1.0 = Jan 1 00:00). */
export function yearDayToUtcMjd(year: number, dayOfYear: number): number {
  return calendarToMjd(year, 1, 1) - 1 + dayOfYear;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * ISO-8601 (microseconds, `Z`) of a year + day-of-year epoch, computed from the day fraction directly so
 * the printed TLE precision (1e-8 day) is kept exactly.
 */
export function yearDayToIso(year: number, dayOfYear: number): string {
  if (!Number.isFinite(dayOfYear) || dayOfYear < 1 || dayOfYear >= 367) {
    throw new RangeError(`day of year must be in [1, 367), got ${String(dayOfYear)}`);
  }
  const whole = Math.floor(dayOfYear);
  const micros = Math.round((dayOfYear - whole) * 86_400e6);
  const mjd0 = calendarToMjd(year, 1, 1) - 1 + whole;
  return isoOf(mjd0, micros);
}

function isoOf(dayMjd: number, micros: number): string {
  let day = dayMjd;
  let us = micros;
  if (us >= 86_400e6) {
    day += 1;
    us -= 86_400e6;
  }
  const date = new Date((day - MJD_UNIX_EPOCH) * MS_PER_DAY);
  const s = Math.floor(us / 1e6);
  const frac = us - s * 1e6;
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}.${String(frac).padStart(6, '0')}Z`;
}

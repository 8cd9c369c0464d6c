/**
 * UTC ↔ TAI given a leap-second table. UTC is held as a calendar day number and seconds of that day
 * (`{ mjd, sodS }`, 0 ≤ sodS < day length), so a leap second is simply `sodS ≥ 86 400` on the day before a step,
 * and nothing is lost to a single large floating-point number (a day's seconds resolve 1.5e-11 s).
 * The algorithm follows ERFA `eraUtctai`/`eraTaiutc` (IAU SOFA), but without ERFA's quasi-JD day stretching:
 * a UTC second label maps one-to-one to TAI.
 */
import { Instant } from './instant.js';
import { MJD_OFFSET } from './julian-date.js';
import { type LeapSecondTable, entryOffsetS, leapEntryAt, utcDayLengthS } from './leap-seconds.js';

/** A UTC moment as a calendar day (MJD) and UTC seconds since 0h of that day (≥ 86 400 only inside a leap second). */
export interface UtcDaySeconds {
  readonly mjd: number;
  readonly sodS: number;
}

const DAY_S = 86_400;

/**
 * The instant of UTC day `mjd` + `baseS` + `extraS` seconds (the split lets callers pass whole minutes and the
 * seconds separately, so that 23:59:60.99999999999999 is not rounded onto the next day before it is checked).
 * Throws RangeError unless 0 ≤ baseS + extraS < that day's length.
 */
export function instantFromUtc(table: LeapSecondTable, mjd: number, baseS: number, extraS = 0): Instant {
  if (!Number.isInteger(mjd)) throw new RangeError(`UTC day number (MJD) must be an integer, got ${mjd}`);
  if (!Number.isFinite(baseS) || !Number.isFinite(extraS) || baseS < 0 || extraS < 0) {
    throw new RangeError(`UTC seconds of day must be finite and ≥ 0, got ${baseS} + ${extraS}`);
  }
  const dayLengthS = utcDayLengthS(table, mjd);
  if (extraS >= dayLengthS - baseS) {
    throw new RangeError(`UTC seconds of day ${baseS + extraS} s is past the end of that day (${dayLengthS} s long: no leap second there)`);
  }
  const sodS = baseS + extraS;
  const dat = entryOffsetS(leapEntryAt(table, mjd), mjd, sodS);
  // Whole seconds and offset first (exact), then the fraction: keeps the sum as exact as the inputs allow.
  return Instant.fromTai(mjd + MJD_OFFSET, (baseS + dat) / DAY_S + extraS / DAY_S);
}

/** TAI as MJD day number + TAI seconds of day, exactly from the instant's two-part JD. */
export function taiDaySeconds(t: Instant): UtcDaySeconds {
  // taiJd1 is a whole (noon-based) JD, taiJd2 in [0, 1): MJD = taiJd1 − 2 400 001 + (taiJd2 + 0.5).
  let mjd = t.taiJd1 - 2_400_001;
  let frac = t.taiJd2 + 0.5;
  if (frac >= 1) {
    frac -= 1;
    mjd += 1;
  }
  return { mjd, sodS: frac * DAY_S };
}

/** The UTC day and seconds of day of an instant (inside a leap second, sodS ≥ 86 400 on the earlier day). */
export function utcFromInstant(table: LeapSecondTable, t: Instant): UtcDaySeconds {
  const tai = taiDaySeconds(t);
  // Find the entry in force: the last whose start (in TAI) is not after t. The start of entry e is
  // UTC 0h of e.mjd, i.e. TAI e.mjd + offset(e.mjd, 0).
  const entries = table.entries;
  let index = entries.length - 1;
  for (; index >= 0; index--) {
    const e = entries[index];
    if (e === undefined) continue;
    const startOffsetS = entryOffsetS(e, e.mjd, 0);
    // 1 ns of slack: a UTC label converted to TAI and back may land 1e-11 s short of an entry's start, because
    // the fractional TAI−UTC of 1961–1971 is not exact in binary; such instants belong to the new entry.
    if ((tai.mjd - e.mjd) * DAY_S + (tai.sodS - startOffsetS) >= -1e-9) break;
  }
  const entry = index >= 0 ? entries[index] : undefined;
  const next = entries[index + 1];
  // Solve utc = tai − dat(utc) by fixed-point iteration (dat drifts at most 3e-8 s per s: two passes are exact).
  let mjd = tai.mjd;
  let sodS = tai.sodS;
  for (let pass = 0; pass < 3; pass++) {
    const dat = entryOffsetS(entry, mjd, sodS);
    mjd = tai.mjd;
    sodS = tai.sodS - dat;
    while (sodS < 0) {
      sodS += DAY_S;
      mjd -= 1;
    }
    // Past the start of the next entry in UTC labels: this is the jump (leap) second(s) of the previous day.
    if (next !== undefined && mjd >= next.mjd) {
      mjd -= 1;
      sodS += DAY_S;
    }
    if (entry === undefined || entry.driftSPerDay === 0) break;
  }
  if (entry !== undefined && mjd < entry.mjd) {
    // Within the 1 ns slack before the entry's start: that start itself.
    mjd = entry.mjd;
    sodS = 0;
  }
  // Adding 86 400 to a value a few 1e-12 s short of a whole second can round up onto the day's end, which is
  // the next day's first instant (or a non-existent leap second): stay just below it (error < 2e-11 s).
  const dayLengthS = utcDayLengthS(table, mjd);
  if (sodS >= dayLengthS) sodS = dayLengthS - dayLengthS * 2 ** -52;
  return { mjd, sodS };
}

/** TAI−UTC (s) at an instant (inside a leap second: the value still in force, as ERFA `eraDat`). */
export function taiMinusUtcAtInstant(table: LeapSecondTable, t: Instant): number {
  const utc = utcFromInstant(table, t);
  return entryOffsetS(leapEntryAt(table, utc.mjd), utc.mjd, utc.sodS);
}

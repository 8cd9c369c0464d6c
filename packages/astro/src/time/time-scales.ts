/**
 * UTC and UT1 — the time scales that need data — built from an injected `TimeData` (no singleton, no clock).
 *
 * UTC ↔ TAI by the leap-second table (see utc.ts, leap-seconds.ts); UT1 from EOP as UT1−TAI interpolated
 * linearly on the TAI axis (eop.ts). Without EOP data, UT1 = UTC: the error is |UT1−UTC| < 0.9 s (the IERS
 * keeps it so since 1972), i.e. up to 6.6e-5 rad of Earth rotation (≈ 420 m at the equator), and polar motion is
 * taken as zero (|x_p|, |y_p| < 0.6″ ≈ 20 m at the surface).
 *
 * Warnings (once per kind per TimeScales) go to `onWarning`: instants past the leap-second table's expiry,
 * before 1961 (no UTC), and outside EOP coverage (the nearest row is then held).
 */
import { type CalendarDate, calendarFromMjd, mjdFromCalendar, MJD_UNIX_EPOCH } from './calendar.js';
import { EopInterpolator, type EopSample, type EopTable } from './eop.js';
import type { Instant } from './instant.js';
import { pad, parseIsoDateTime } from './iso.js';
import { MJD_OFFSET, type JulianDate } from './julian-date.js';
import { builtinLeapSeconds, entryOffsetS, leapEntryAt, type LeapSecondTable, utcDayLengthS } from './leap-seconds.js';
import { instantFromUtc, taiDaySeconds, type UtcDaySeconds, utcFromInstant } from './utc.js';

/** Everything time conversions depend on, passed in explicitly. */
export interface TimeData {
  readonly leapSeconds: LeapSecondTable;
  readonly eop?: EopTable;
  readonly onWarning?: (message: string) => void;
}

/** UTC broken down into calendar fields (second may be ≥ 60 only inside a leap second). */
export interface UtcFields extends CalendarDate {
  readonly hour: number;
  readonly minute: number;
  /** Seconds with fraction; 60 ≤ second < 61 inside a positive leap second. */
  readonly second: number;
}

/** Polar motion coordinates of the CIP in the ITRS (IERS Conventions 2010 §5.4.1), radians. */
export interface PolarMotion {
  readonly xpRad: number;
  readonly ypRad: number;
}

/** Celestial-pole offsets from EOP: dX, dY w.r.t. IAU 2006/2000A (or dψ, dε w.r.t. IAU 1980 for finals.all). */
export interface CelestialPoleOffsets {
  readonly kind: 'dXdY' | 'dPsiDEps';
  readonly offset1Rad: number;
  readonly offset2Rad: number;
}

const DAY_S = 86_400;
/** Earliest UTC day with a defined UTC (1961-01-01). */
const UTC_START_MJD = 37_300;

export class TimeScales {
  readonly leapSeconds: LeapSecondTable;
  readonly eop: EopTable | undefined;
  private readonly interpolator: EopInterpolator | undefined;
  private readonly onWarning: ((message: string) => void) | undefined;
  private readonly warned = new Set<string>();

  constructor(data: TimeData) {
    this.leapSeconds = data.leapSeconds;
    this.eop = data.eop;
    this.interpolator = data.eop === undefined ? undefined : new EopInterpolator(data.eop, data.leapSeconds);
    this.onWarning = data.onWarning;
  }

  // ---------------------------------------------------------------- constructors of instants

  /** From UTC calendar fields; `second` may be 60.x inside a leap second. RangeError for impossible values. */
  fromUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Instant {
    const mjd = mjdFromCalendar(year, month, day);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour must be an integer 0–23, got ${hour}`);
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`minute must be an integer 0–59, got ${minute}`);
    if (!Number.isFinite(second) || second < 0 || second >= 61) throw new RangeError(`second must be in [0, 61), got ${second}`);
    if (second >= 60 && (hour !== 23 || minute !== 59)) {
      throw new RangeError(`second ${second} is only valid at 23:59 of a day with a leap second`);
    }
    const whole = Math.floor(second);
    return this.fromUtcDay(mjd, hour * 3600 + minute * 60 + whole, second - whole);
  }

  /** From ISO 8601 text (see iso.ts): `2016-12-31T23:59:60.5Z`, `2024-03-01T12:00:00+05:30`, … */
  fromUtcIso(text: string): Instant {
    const f = parseIsoDateTime(text);
    let mjd = mjdFromCalendar(f.year, f.month, f.day);
    // Shift the local minute of day to UTC, then add the seconds (which may be 60.x).
    let minuteOfDay = f.hour * 60 + f.minute - f.offsetMinutes;
    const dayShift = Math.floor(minuteOfDay / 1440);
    mjd += dayShift;
    minuteOfDay -= dayShift * 1440;
    if (f.second >= 60 && minuteOfDay !== 1439) {
      throw new RangeError(`second ${f.second} in ${text}: a leap second can only be 23:59:60 UTC`);
    }
    return this.fromUtcDay(mjd, minuteOfDay * 60 + f.second, f.fractionS);
  }

  /**
   * From a two-part UTC Julian date. When `jd1` is the JD of a UTC midnight (ending in .5) and `jd2 · 86 400` is a valid
   * second of that day, the pair is read literally (this is how `utc(t)` writes a leap second: jd2 ≥ 1). Otherwise
   * the sum is split into day and fraction at UTC midnight (the usual "JD of UTC" convention of TLE epochs).
   */
  fromUtcJd(jd1: number, jd2 = 0): Instant {
    if (!Number.isFinite(jd1) || !Number.isFinite(jd2)) throw new RangeError(`UTC Julian date must be finite, got ${jd1} + ${jd2}`);
    const m1 = jd1 - MJD_OFFSET;
    if (Number.isInteger(m1) && jd2 >= 0 && jd2 * DAY_S < utcDayLengthS(this.leapSeconds, m1)) {
      return this.fromUtcDay(m1, jd2 * DAY_S);
    }
    // Split exactly: whole days of each part, then the sum of the two fractions (JD days start at noon).
    const w1 = Math.floor(jd1);
    const w2 = Math.floor(jd2);
    let fraction = jd1 - w1 + (jd2 - w2) + 0.5; // now counts from midnight
    let mjd = w1 + w2 - 2_400_001;
    const extra = Math.floor(fraction);
    mjd += extra;
    fraction -= extra;
    return this.fromUtcDay(mjd, fraction * DAY_S);
  }

  /** From a JavaScript Date (POSIX milliseconds: every day 86 400 s, a leap second not representable). */
  fromDate(date: Date): Instant {
    const ms = date.getTime();
    if (!Number.isFinite(ms)) throw new RangeError('Date is invalid');
    return this.fromUnixSeconds(ms / 1000);
  }

  /** From POSIX seconds since 1970-01-01T00:00:00Z (days of exactly 86 400 s; leap seconds are not counted). */
  fromUnixSeconds(seconds: number): Instant {
    if (!Number.isFinite(seconds)) throw new RangeError(`Unix seconds must be finite, got ${seconds}`);
    const days = Math.floor(seconds / DAY_S);
    return this.fromUtcDay(MJD_UNIX_EPOCH + days, seconds - days * DAY_S);
  }

  /** From a UTC day number (MJD) and UTC seconds of that day (optionally split as whole part + rest). */
  fromUtcDay(mjd: number, sodS: number, extraS = 0): Instant {
    this.checkLeapCoverage(mjd);
    return instantFromUtc(this.leapSeconds, mjd, sodS, extraS);
  }

  // ---------------------------------------------------------------- views

  /** UTC day number (MJD) and seconds of day; inside a leap second sodS ≥ 86 400 on the earlier day. */
  utcDaySeconds(t: Instant): UtcDaySeconds {
    const utc = utcFromInstant(this.leapSeconds, t);
    this.checkLeapCoverage(utc.mjd);
    return utc;
  }

  /**
   * UTC as a two-part JD: jd1 the JD of that UTC day's 0h (ends in .5), jd2 = seconds of day / 86 400, which
   * reaches [1, 1 + 1/86 400) only inside a leap second (so the pair stays unambiguous; `fromUtcJd` reads it back).
   */
  utc(t: Instant): JulianDate {
    const u = this.utcDaySeconds(t);
    const jd2 = u.sodS / DAY_S;
    // Just before midnight the quotient can round to 1, which would read back as a leap second: stay below 1.
    return { jd1: u.mjd + MJD_OFFSET, jd2: u.sodS < DAY_S && jd2 >= 1 ? 1 - 2 ** -53 : jd2 };
  }

  /** UTC calendar fields. */
  utcFields(t: Instant): UtcFields {
    const u = this.utcDaySeconds(t);
    return { ...calendarFromMjd(u.mjd), ...splitSecondsOfDay(u.sodS) };
  }

  /** TAI−UTC in seconds (inside a leap second: the value still in force, as ERFA `eraDat`). */
  taiMinusUtcS(t: Instant): number {
    const u = this.utcDaySeconds(t);
    return entryOffsetS(leapEntryAt(this.leapSeconds, u.mjd), u.mjd, u.sodS);
  }

  /** UT1−UTC in seconds (EOP interpolated as UT1−TAI; 0 without EOP, error < 0.9 s). */
  ut1MinusUtcS(t: Instant): number {
    return this.ut1MinusTaiS(t) + this.taiMinusUtcS(t);
  }

  /** UT1−TAI in seconds (continuous across leap seconds). */
  ut1MinusTaiS(t: Instant): number {
    const s = this.eopSample(t);
    return s === undefined ? -this.taiMinusUtcS(t) : s.ut1MinusTaiS;
  }

  /** UT1 as a two-part JD (jd1 the same whole day as TAI). */
  ut1(t: Instant): JulianDate {
    return normalizeFrom(t.taiJd1, t.taiJd2 + this.ut1MinusTaiS(t) / DAY_S);
  }

  /** Polar motion x_p, y_p (radians); zeros without EOP (error < 0.6″). */
  polarMotion(t: Instant): PolarMotion {
    const s = this.eopSample(t);
    return s === undefined ? { xpRad: 0, ypRad: 0 } : { xpRad: s.xpRad, ypRad: s.ypRad };
  }

  /** Celestial-pole offsets (dX, dY or dψ, dε), or undefined when the EOP table has none at this instant. */
  celestialPoleOffsets(t: Instant): CelestialPoleOffsets | undefined {
    const kind = this.eop?.poleOffsetKind;
    if (kind === undefined || kind === 'none') return undefined;
    const s = this.eopSample(t);
    if (s?.poleOffset1Rad === undefined || s.poleOffset2Rad === undefined) return undefined;
    return { kind, offset1Rad: s.poleOffset1Rad, offset2Rad: s.poleOffset2Rad };
  }

  /**
   * The UTC days (MJD) the EOP table covers, and the last day whose UT1 is an IERS value rather than a
   * prediction; undefined without EOP.
   */
  eopCoverage(): { firstMjdUtc: number; lastMjdUtc: number; lastObservedMjdUtc: number | undefined } | undefined {
    const eop = this.eop;
    if (eop === undefined) return undefined;
    const n = eop.mjdUtc.length;
    let lastObserved: number | undefined;
    for (let i = n - 1; i >= 0; i--) {
      if (eop.ut1Predicted[i] === 0) {
        lastObserved = eop.mjdUtc[i];
        break;
      }
    }
    return { firstMjdUtc: eop.mjdUtc[0] ?? 0, lastMjdUtc: eop.mjdUtc[n - 1] ?? 0, lastObservedMjdUtc: lastObserved };
  }

  /** True when UT1 at `t` rests on IERS predictions (or is held beyond the table's end). */
  isUt1Predicted(t: Instant): boolean {
    const s = this.eopSample(t);
    return s === undefined || s.predicted || s.coverage !== 'inside';
  }

  /**
   * ISO 8601 UTC text `YYYY-MM-DDTHH:MM:SS.fffZ`, rounded to `fractionDigits` (0–9) decimals; a leap second prints
   * as `23:59:60.xxx`. `fromUtcIso(toIsoUtc(t, d))` returns t to within half a unit of the last digit.
   */
  toIsoUtc(t: Instant, fractionDigits = 3): string {
    if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 9) {
      throw new RangeError(`fractionDigits must be an integer 0–9, got ${fractionDigits}`);
    }
    const u = this.utcDaySeconds(t);
    const scale = 10 ** fractionDigits;
    let mjd = u.mjd;
    let units = Math.round(u.sodS * scale);
    const dayUnits = Math.round(utcDayLengthS(this.leapSeconds, mjd) * scale);
    if (units >= dayUnits) {
      units -= dayUnits;
      mjd += 1;
    }
    const wholeS = Math.floor(units / scale);
    const fracUnits = units - wholeS * scale;
    const { hour, minute, second } = splitSecondsOfDay(wholeS);
    const { year, month, day } = calendarFromMjd(mjd);
    const fraction = fractionDigits > 0 ? `.${pad(fracUnits, fractionDigits)}` : '';
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction}Z`;
  }

  /** POSIX seconds (a leap second 23:59:60.x maps onto 00:00:00.x of the next day, as POSIX's formula does). */
  toUnixSeconds(t: Instant): number {
    const u = this.utcDaySeconds(t);
    return (u.mjd - MJD_UNIX_EPOCH) * DAY_S + u.sodS;
  }

  /** A JavaScript Date (millisecond resolution, POSIX convention as `toUnixSeconds`). */
  toDate(t: Instant): Date {
    return new Date(Math.round(this.toUnixSeconds(t) * 1000));
  }

  // ---------------------------------------------------------------- internals

  private eopSample(t: Instant): EopSample | undefined {
    const interpolator = this.interpolator;
    if (interpolator === undefined) {
      this.warnOnce('no-eop', 'no EOP data: UT1 taken equal to UTC (error < 0.9 s) and polar motion zero (error < 0.6″)');
      return undefined;
    }
    const tai = taiDaySeconds(t);
    const sample = interpolator.sample(tai.mjd + tai.sodS / DAY_S, () => this.taiMinusUtcS(t));
    if (sample.coverage !== 'inside') {
      this.warnOnce(
        `eop-${sample.coverage}`,
        `instant ${this.toIsoUtc(t)} is ${sample.coverage} the EOP table (MJD ${interpolator.firstMjdUtc}–${interpolator.lastMjdUtc}): ` +
          'holding the nearest row (UT1−UTC and polar motion constant)',
      );
    }
    return sample;
  }

  private checkLeapCoverage(mjd: number): void {
    const expires = this.leapSeconds.expiresMjd;
    if (expires !== undefined && mjd >= expires) {
      const d = calendarFromMjd(expires);
      this.warnOnce(
        'leap-expired',
        `UTC date is past the leap-second table's expiry (${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}, ${this.leapSeconds.source}): ` +
          'a leap second announced since may be missing',
      );
    }
    if (mjd < UTC_START_MJD) {
      this.warnOnce('pre-utc', 'UTC is undefined before 1961-01-01: TAI−UTC taken as 0 there (ERFA convention)');
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.onWarning === undefined || this.warned.has(key)) return;
    this.warned.add(key);
    this.onWarning(message);
  }
}

function splitSecondsOfDay(sodS: number): { hour: number; minute: number; second: number } {
  if (sodS >= DAY_S - 60) {
    // The last minute of the day, which holds the leap second when sodS ≥ 86 400.
    return { hour: 23, minute: 59, second: sodS - (DAY_S - 60) };
  }
  const hour = Math.floor(sodS / 3600);
  const minute = Math.floor((sodS - hour * 3600) / 60);
  return { hour, minute, second: sodS - hour * 3600 - minute * 60 };
}

function normalizeFrom(jd1: number, jd2: number): JulianDate {
  const whole = Math.floor(jd2);
  return { jd1: jd1 + whole, jd2: jd2 - whole };
}

/** A TimeScales on the given data, or on the built-in leap-second table (no EOP) when none is given. */
export function createTimeScales(data?: Partial<TimeData>): TimeScales {
  const leapSeconds = data?.leapSeconds ?? builtinLeapSeconds();
  const full: TimeData = {
    leapSeconds,
    ...(data?.eop === undefined ? {} : { eop: data.eop }),
    ...(data?.onWarning === undefined ? {} : { onWarning: data.onWarning }),
  };
  return new TimeScales(full);
}

import { type JulianDate } from './julian-date.js';
import { tdbMinusTtS } from './tdb.js';

const SECONDS_PER_DAY = 86_400;
/** TT − TAI, seconds (exact by definition, IAU 1991). */
export const TT_MINUS_TAI_S = 32.184;

/** Renormalises a two-part JD so that jd1 is a whole or half day and 0 ≤ jd2 < 1 (precision-preserving). */
export function normalizeJulianDate(jd1: number, jd2: number): JulianDate {
  const whole1 = Math.floor(jd1);
  let frac = jd1 - whole1 + jd2;
  const whole2 = Math.floor(frac);
  frac -= whole2;
  return { jd1: whole1 + whole2, jd2: frac };
}

/**
 * One moment in time. Stored as a two-part TAI Julian date (whole days + fraction), which keeps
 * better than 1 µs resolution over 1950–2100 (a day fraction in a double resolves ~1e-11 s).
 * Views that need no external data (TAI, TT) are here; UTC and UT1 views need leap seconds and
 * Earth-orientation data and live on `TimeScales`.
 */
export class Instant {
  /** TAI two-part Julian date: `taiJd1` a whole day, `taiJd2` in [0, 1). */
  readonly taiJd1: number;
  readonly taiJd2: number;

  private constructor(jd: JulianDate) {
    this.taiJd1 = jd.jd1;
    this.taiJd2 = jd.jd2;
  }

  /** From a two-part TAI Julian date. */
  static fromTai(jd1: number, jd2 = 0): Instant {
    if (!Number.isFinite(jd1) || !Number.isFinite(jd2)) throw new RangeError(`TAI Julian date must be finite, got ${jd1} + ${jd2}`);
    return new Instant(normalizeJulianDate(jd1, jd2));
  }

  /** From a two-part TT Julian date. */
  static fromTt(jd1: number, jd2 = 0): Instant {
    return Instant.fromTai(jd1, jd2 - TT_MINUS_TAI_S / SECONDS_PER_DAY);
  }

  get tai(): JulianDate {
    return { jd1: this.taiJd1, jd2: this.taiJd2 };
  }

  get tt(): JulianDate {
    return normalizeJulianDate(this.taiJd1, this.taiJd2 + TT_MINUS_TAI_S / SECONDS_PER_DAY);
  }

  /**
   * TDB (Barycentric Dynamical Time) as a two-part JD: TT + (TDB − TT) from the Fairhead & Bretagnon short
   * series of USNO Circular 179 eq. 2.6 (error < 10 µs, 1600–2200; see tdb.ts).
   */
  get tdb(): JulianDate {
    const jd2 = this.taiJd2 + TT_MINUS_TAI_S / SECONDS_PER_DAY;
    return normalizeJulianDate(this.taiJd1, jd2 + tdbMinusTtS(this.taiJd1, jd2) / SECONDS_PER_DAY);
  }

  /** From a two-part TDB Julian date (inverts the `tdb` view by fixed-point iteration). */
  static fromTdb(jd1: number, jd2 = 0): Instant {
    // Solve TT = TDB − f(TT): f changes by < 3.3e-10 s per s, so two fixed-point passes leave < 1e-18 s.
    const ttJd2 = jd2 - tdbMinusTtS(jd1, jd2) / SECONDS_PER_DAY;
    return Instant.fromTt(jd1, jd2 - tdbMinusTtS(jd1, ttJd2) / SECONDS_PER_DAY);
  }

  /** A new instant `seconds` (SI) later. */
  plusSeconds(seconds: number): Instant {
    if (!Number.isFinite(seconds)) throw new RangeError(`seconds must be finite, got ${seconds}`);
    return new Instant(normalizeJulianDate(this.taiJd1, this.taiJd2 + seconds / SECONDS_PER_DAY));
  }

  /** SI seconds from `other` to this instant (positive when this is later). */
  secondsSince(other: Instant): number {
    return ((this.taiJd1 - other.taiJd1) + (this.taiJd2 - other.taiJd2)) * SECONDS_PER_DAY;
  }

  /** −1, 0 or 1 as this instant is before, equal to or after `other`. */
  compare(other: Instant): -1 | 0 | 1 {
    const d = this.taiJd1 - other.taiJd1 || this.taiJd2 - other.taiJd2;
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }

  equals(other: Instant): boolean {
    return this.taiJd1 === other.taiJd1 && this.taiJd2 === other.taiJd2;
  }
}

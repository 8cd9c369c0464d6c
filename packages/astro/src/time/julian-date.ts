/**
 * A two-part Julian date: the moment is `jd1 + jd2` days, split so that precision survives
 * (jd1 usually a whole day or half day, jd2 the fraction). Which time scale it counts in is named
 * by whoever holds it (`epochUtc`, `tt`, …).
 */
export interface JulianDate {
  readonly jd1: number;
  readonly jd2: number;
}

/** Modified Julian Date offset: MJD = JD − 2 400 000.5. */
export const MJD_OFFSET = 2_400_000.5;
/** JD of J2000.0 (2000-01-01T12:00 TT). */
export const J2000_JD = 2_451_545.0;
/** Days per Julian century. */
export const DAYS_PER_JULIAN_CENTURY = 36_525;

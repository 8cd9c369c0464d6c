/**
 * Earth-rotation angles used by the frame transformations, as pure functions of two-part Julian dates:
 * - Earth Rotation Angle, IERS Conventions 2010 eq. 5.15 (Capitaine, Guinot & McCarthy 2000), as ERFA era00.c;
 * - GMST IAU-82 (Aoki et al. 1982), the SGP4 TEME→PEF angle of Vallado, Crawford, Hujsak & Kelso 2006,
 *   "Revisiting Spacetrack Report #3" (AIAA 2006-6753) App. C, evaluated two-part as ERFA gmst82.c;
 * - GAST consistent with IAU 2006/2000A, GAST = ERA − EO (IERS Conventions 2010 eq. 5.31; ERFA gst06a.c).
 *
 * ERA and GMST-82 duplicate what `time/sidereal.ts` provides so that frames does not depend on its schedule;
 * both are tested against the same authorities (ERFA, Skyfield) and are not re-exported from the frames index.
 */
import { DAYS_PER_JULIAN_CENTURY, J2000_JD, type JulianDate } from '../time/julian-date.js';
import { TWO_PI, wrapTwoPi } from '../units/index.js';
import { cipXys06a, equationOfOriginsRad } from './cio.js';

/** Nominal Earth rotation rate dERA/dt, rad/s of UT1 (IERS Conventions 2010 eq. 5.15: 2π·1.00273781191135448/86400). */
export const EARTH_ROTATION_RATE_RAD_S = (TWO_PI * 1.002_737_811_911_354_5) / 86_400;

/** Julian centuries TT since J2000.0. */
export const julianCenturiesTt = (tt: JulianDate): number => (tt.jd1 - J2000_JD + tt.jd2) / DAYS_PER_JULIAN_CENTURY;

/** Earth Rotation Angle of a UT1 two-part JD, radians in [0, 2π). */
export function earthRotationAngleRad(ut1: JulianDate): number {
  const t = ut1.jd1 - J2000_JD + ut1.jd2;
  const f = (ut1.jd1 % 1) + (ut1.jd2 % 1);
  return wrapTwoPi(TWO_PI * (f + 0.779_057_273_264 + 0.002_737_811_911_354_48 * t));
}

/** GMST IAU-82 of a UT1 two-part JD (SGP4's TEME→PEF angle), radians in [0, 2π). */
export function gmst82TemeRad(ut1: JulianDate): number {
  // ERFA gmst82: GMST at 0h UT1 polynomial (with the 12h offset folded into A) plus the UT1 day fraction.
  const A = 24_110.548_41 - 86_400 / 2;
  const B = 8_640_184.812_866;
  const C = 0.093_104;
  const D = -6.2e-6;
  const [d1, d2] = ut1.jd1 < ut1.jd2 ? [ut1.jd1, ut1.jd2] : [ut1.jd2, ut1.jd1];
  const t = (d1 + (d2 - J2000_JD)) / DAYS_PER_JULIAN_CENTURY;
  const f = 86_400 * ((d1 % 1) + (d2 % 1));
  return wrapTwoPi((TWO_PI / 86_400) * ((A + (B + (C + D * t) * t) * t) + f));
}

/**
 * Greenwich apparent sidereal time, IAU 2006/2000A, CIO-based: GAST = ERA(UT1) − EO(TT) (ERFA gst06a),
 * radians in [0, 2π). The equation of the origins uses the full IAU 2000A nutation, so GAST and the frame
 * transformation of this module agree exactly.
 */
export function gastRad(ut1: JulianDate, tt: JulianDate): number {
  const xys = cipXys06a(julianCenturiesTt(tt));
  return wrapTwoPi(earthRotationAngleRad(ut1) - equationOfOriginsRad(xys.npb, xys.sRad));
}

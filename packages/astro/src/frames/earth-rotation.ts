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

/**
 * Earth's nominal mean angular velocity ω = 7.292115e-5 rad/s (WGS-84 defining parameter, NGA.STND.0036 2014;
 * GRS80; IERS Conventions 2010 Table 1.1), used for the ω × r velocity terms. The ERA rate (7.2921151467e-5) and
 * the GMST-82 rate (7.2921158553e-5, which includes precession) differ from it by 1.5e-13 and 7.1e-12 rad/s —
 * the same order as the real rate's LOD variation (~1e-12 rad/s per ms of LOD); at LEO 7.1e-12 rad/s is 5e-8 km/s.
 * Skyfield (the reference) uses this value; Vallado's teme2ecef uses the ERA rate.
 */
export const EARTH_ANGULAR_VELOCITY_RAD_S = 7.292_115e-5;

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

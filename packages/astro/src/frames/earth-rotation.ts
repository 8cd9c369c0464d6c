/**
 * Earth-rotation quantities of the frame transformations, as pure functions of two-part Julian dates:
 * - Earth's nominal angular velocity for the ω × r terms;
 * - GAST consistent with IAU 2006/2000A, GAST = ERA − EO (IERS Conventions 2010 eq. 5.31; ERFA gst06a.c).
 *
 * ERA and GMST-82 themselves come from `time/sidereal.ts` (eraRad, gmst82Rad); frames tests re-check them
 * against ERFA because every transformation here rests on them.
 */
import { DAYS_PER_JULIAN_CENTURY, J2000_JD, type JulianDate } from '../time/julian-date.js';
import { eraRad } from '../time/sidereal.js';
import { wrapTwoPi } from '../units/index.js';
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

/**
 * Greenwich apparent sidereal time, IAU 2006/2000A, CIO-based: GAST = ERA(UT1) − EO(TT) (ERFA gst06a),
 * radians in [0, 2π). The equation of the origins uses the full IAU 2000A nutation, so GAST and the frame
 * transformation of this module agree exactly.
 */
export function gastRad(ut1: JulianDate, tt: JulianDate): number {
  const xys = cipXys06a(julianCenturiesTt(tt));
  return wrapTwoPi(eraRad(ut1) - equationOfOriginsRad(xys.npb, xys.sRad));
}

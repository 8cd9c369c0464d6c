/**
 * Earth rotation angles.
 * - `gmst82Rad`: Greenwich Mean Sidereal Time, IAU 1982 (Aoki et al. 1982), the angle SGP4 uses to rotate TEME
 *   to the pseudo-Earth-fixed frame: Vallado, Crawford, Hujsak & Kelso (2006) "Revisiting Spacetrack Report #3",
 *   AIAA 2006-6753, App. C, function `gstime`. Same polynomial; evaluated in two parts so that the whole days of
 *   the Julian date do not swamp the fraction (one-double `gstime` loses up to ~1.5e-9 rad to rounding).
 * - `eraRad`: Earth Rotation Angle, IERS Conventions 2010 eq. 5.15 (Capitaine et al. 2000), evaluated as ERFA
 *   `eraEra00` does.
 * - `gmst06Rad`: GMST consistent with IAU 2006 precession, IERS Conventions 2010 eq. 5.32 (Capitaine et al. 2003),
 *   as ERFA `eraGmst06`: ERA(UT1) + a polynomial in TT centuries.
 * All return radians in [0, 2π).
 */
import { TWO_PI, RAD_PER_ARCSEC, wrapTwoPi } from '../units/index.js';
import { DAYS_PER_JULIAN_CENTURY, J2000_JD, type JulianDate } from './julian-date.js';

const frac = (x: number): number => x - Math.floor(x);

/** IAU-82 GMST of a UT1 Julian date, radians in [0, 2π) (SGP4 / Vallado `gstime`). */
export function gmst82Rad(ut1: JulianDate): number {
  return gmst82RadOf(ut1.jd1, ut1.jd2);
}

/** `gmst82Rad` of a two-part UT1 Julian date given as numbers: the allocation-free form for hot loops. */
export function gmst82RadOf(ut1Jd1: number, ut1Jd2: number): number {
  const t = (ut1Jd1 - J2000_JD + ut1Jd2) / DAYS_PER_JULIAN_CENTURY;
  // gstime: θ[s] = 67310.54841 + (876600 h·3600 + 8640184.812866)·T + 0.093104·T² − 6.2e-6·T³.
  // The 876600·3600·T term is a whole number of turns plus the day fraction of (JD − 2451545.0), added exactly.
  const seconds = 67_310.548_41 + (8_640_184.812_866 + (0.093_104 - 6.2e-6 * t) * t) * t;
  return wrapTwoPi(TWO_PI * frac(frac(ut1Jd1) + frac(ut1Jd2) + seconds / 86_400));
}

/** Rate of IAU-82 GMST, rad/s of UT1: the derivative of the `gmst82Rad` polynomial (≈ 7.2921158e-5). */
export function gmst82RateRadS(ut1Jd1: number, ut1Jd2: number): number {
  const t = (ut1Jd1 - J2000_JD + ut1Jd2) / DAYS_PER_JULIAN_CENTURY;
  const dSecondsDt = 8_640_184.812_866 + (2 * 0.093_104 - 3 * 6.2e-6 * t) * t;
  return ((1 + dSecondsDt / (86_400 * DAYS_PER_JULIAN_CENTURY)) * TWO_PI) / 86_400;
}

/** Earth Rotation Angle of a UT1 Julian date (IERS 2010 eq. 5.15), radians in [0, 2π). */
export function eraRad(ut1: JulianDate): number {
  const t = ut1.jd1 - J2000_JD + ut1.jd2;
  const f = (ut1.jd1 % 1) + (ut1.jd2 % 1);
  return wrapTwoPi(TWO_PI * (f + 0.779_057_273_264 + 0.002_737_811_911_354_48 * t));
}

/** IAU 2006 GMST (IERS 2010 eq. 5.32) from UT1 (for the ERA) and TT (for precession), radians in [0, 2π). */
export function gmst06Rad(ut1: JulianDate, tt: JulianDate): number {
  const t = (tt.jd1 - J2000_JD + tt.jd2) / DAYS_PER_JULIAN_CENTURY;
  const arcsec =
    0.014_506 + (4_612.156_534 + (1.391_581_7 + (-0.000_000_44 + (-0.000_029_956 - 0.000_000_036_8 * t) * t) * t) * t) * t;
  return wrapTwoPi(eraRad(ut1) + arcsec * RAD_PER_ARCSEC);
}

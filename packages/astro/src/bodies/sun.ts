/**
 * The Sun's geocentric position from an analytic series: J. Meeus, "Astronomical Algorithms", 2nd ed. (1998),
 * ch. 25 "higher accuracy" — VSOP87D Earth (Appendix III truncation, Bretagnon & Francou 1988), conversion to the
 * FK5 system, nutation in longitude and obliquity (ch. 22, the 4-term IAU 1980 abridgement, ±0.5″/±0.1″) and
 * annual aberration −20.4898″/R.
 *
 * Error bound (verified in sun.test.ts against ERFA epv00 + ab + pnm06a, 601 epochs 1950–2100):
 * the apparent direction is within 0.88″ (0.00025°) of the reference; this module promises ≤ 0.005°.
 * The distance is within 1.9e-6 au (280 km).
 */
import { evaluateVsop, EARTH_B, EARTH_L, EARTH_R } from './vsop87-earth.js';
import type { Vec3 } from '../units/index.js';

/** Astronomical unit, km (IAU 2012 Resolution B2, exact). */
export const AU_KM = 149_597_870.7;
const ARCSEC = Math.PI / (180 * 3600);
const DEG = Math.PI / 180;

/** Nutation (IAU 1980, 4-term abridgement, Meeus ch. 22) and obliquity, radians, for T in Julian centuries TT. */
export function nutationLowPrecision(t: number): {
  readonly dPsiRad: number;
  readonly dEpsRad: number;
  readonly meanObliquityRad: number;
  readonly trueObliquityRad: number;
} {
  const omega = (125.04452 - 1934.136261 * t) * DEG;
  const lSun = (280.4665 + 36000.7698 * t) * DEG;
  const lMoon = (218.3165 + 481267.8813 * t) * DEG;
  const dPsiRad = (-17.2 * Math.sin(omega) - 1.32 * Math.sin(2 * lSun) - 0.23 * Math.sin(2 * lMoon) + 0.21 * Math.sin(2 * omega)) * ARCSEC;
  const dEpsRad = (9.2 * Math.cos(omega) + 0.57 * Math.cos(2 * lSun) + 0.1 * Math.cos(2 * lMoon) - 0.09 * Math.cos(2 * omega)) * ARCSEC;
  // Laskar-free IAU 1980 mean obliquity (Meeus eq. 22.2)
  const meanObliquityRad = (84_381.448 - 46.815 * t - 0.00059 * t * t + 0.001813 * t * t * t) * ARCSEC;
  return { dPsiRad, dEpsRad, meanObliquityRad, trueObliquityRad: meanObliquityRad + dEpsRad };
}

/** Geocentric Sun in the true equator and equinox of date. */
export interface SunPosition {
  /** Apparent (or geometric, if requested) right ascension, true equinox of date, rad in [0, 2π). */
  readonly rightAscensionRad: number;
  readonly declinationRad: number;
  /** Ecliptic longitude of date, rad in [0, 2π). */
  readonly eclipticLongitudeRad: number;
  readonly distanceAu: number;
  /** Equation of the equinoxes Δψ·cos ε, rad (true minus mean equinox). */
  readonly equationOfEquinoxesRad: number;
}

/**
 * The Sun at a TT (≈ TDB, |TDB − TT| < 2 ms) two-part Julian date. `apparent` (default true) includes annual
 * aberration; the geometric direction (for shadow geometry) omits it.
 */
export function sunPosition(ttJd1: number, ttJd2: number, apparent = true): SunPosition {
  const days = ttJd1 - 2_451_545.0 + ttJd2;
  if (!Number.isFinite(days)) throw new RangeError(`TT Julian date must be finite, got ${ttJd1} + ${ttJd2}`);
  const tau = days / 365_250;
  const t = days / 36_525;
  const l = evaluateVsop(EARTH_L, tau);
  const b = evaluateVsop(EARTH_B, tau);
  const r = evaluateVsop(EARTH_R, tau);
  let lon = l + Math.PI;
  let lat = -b;
  // FK5 correction (Meeus eq. 25.9)
  const lp = lon - (1.397 * t + 0.00031 * t * t) * DEG;
  lon += -0.09033 * ARCSEC;
  lat += 0.03916 * (Math.cos(lp) - Math.sin(lp)) * ARCSEC;
  const nut = nutationLowPrecision(t);
  lon += nut.dPsiRad;
  if (apparent) lon += (-20.4898 / r) * ARCSEC;
  const eps = nut.trueObliquityRad;
  const sl = Math.sin(lon);
  const ra = Math.atan2(Math.cos(eps) * sl - Math.tan(lat) * Math.sin(eps), Math.cos(lon));
  const dec = Math.asin(Math.sin(lat) * Math.cos(eps) + Math.cos(lat) * Math.sin(eps) * sl);
  const wrap = (x: number): number => ((x % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return {
    rightAscensionRad: wrap(ra),
    declinationRad: dec,
    eclipticLongitudeRad: wrap(lon),
    distanceAu: r,
    equationOfEquinoxesRad: nut.dPsiRad * Math.cos(eps),
  };
}

/**
 * The Sun's geocentric position in SGP4's TEME frame (true equator, mean equinox of date), km — the frame in
 * which satellite states arrive, so shadow tests need no further rotation.
 */
export function sunPositionTemeKm(ttJd1: number, ttJd2: number, apparent = true): Vec3 {
  const s = sunPosition(ttJd1, ttJd2, apparent);
  const ra = s.rightAscensionRad - s.equationOfEquinoxesRad;
  const rKm = s.distanceAu * AU_KM;
  const cd = Math.cos(s.declinationRad);
  return [rKm * cd * Math.cos(ra), rKm * cd * Math.sin(ra), rKm * Math.sin(s.declinationRad)];
}

/**
 * The Moon's geocentric position: J. Meeus, "Astronomical Algorithms", 2nd ed. (1998), ch. 47 (ELP-2000/82
 * truncated to the terms of Tables 47.A/B, with the Venus/Jupiter/flattening additive terms), plus nutation in
 * longitude (ch. 22 abridgement) for the apparent position. Meeus quotes ~10″ in longitude and ~4″ in latitude
 * (bound stated here: 0.01°). moon.test.ts checks Meeus example 47.a and ERFA moon98 (which evaluates the same
 * Meeus terms: 0.89″ worst over 1950–2100, i.e. transcription and frames are right).
 */
import { MOON_B, MOON_LR } from './moon-terms.js';
import { nutationLowPrecision } from './sun.js';
import type { Vec3 } from '../units/index.js';

const DEG = Math.PI / 180;

export interface MoonPosition {
  /** Apparent ecliptic longitude and latitude of date, rad. */
  readonly eclipticLongitudeRad: number;
  readonly eclipticLatitudeRad: number;
  /** Earth–Moon centre distance, km. */
  readonly distanceKm: number;
  /** Apparent right ascension (true equinox of date, [0, 2π)) and declination, rad. */
  readonly rightAscensionRad: number;
  readonly declinationRad: number;
  /** Equation of the equinoxes Δψ·cos ε, rad. */
  readonly equationOfEquinoxesRad: number;
}

/** The Moon at a TT two-part Julian date. */
export function moonPosition(ttJd1: number, ttJd2: number): MoonPosition {
  const days = ttJd1 - 2_451_545.0 + ttJd2;
  if (!Number.isFinite(days)) throw new RangeError(`TT Julian date must be finite, got ${ttJd1} + ${ttJd2}`);
  const t = days / 36_525;
  const lp = (218.3164477 + (481267.88123421 + (-0.0015786 + (1 / 538841 - t / 65194000) * t) * t) * t) * DEG;
  const d = (297.8501921 + (445267.1114034 + (-0.0018819 + (1 / 545868 - t / 113065000) * t) * t) * t) * DEG;
  const m = (357.5291092 + (35999.0502909 + (-0.0001536 + t / 24490000) * t) * t) * DEG;
  const mp = (134.9633964 + (477198.8675055 + (0.0087414 + (1 / 69699 - t / 14712000) * t) * t) * t) * DEG;
  const f = (93.272095 + (483202.0175233 + (-0.0036539 + (-1 / 3526000 + t / 863310000) * t) * t) * t) * DEG;
  const a1 = (119.75 + 131.849 * t) * DEG;
  const a2 = (53.09 + 479264.29 * t) * DEG;
  const a3 = (313.45 + 481266.484 * t) * DEG;
  const e = 1 + (-0.002516 - 0.0000074 * t) * t;
  const eFactor = (k: number): number => (k === 0 ? 1 : Math.abs(k) === 1 ? e : e * e);
  let sl = 0;
  let sr = 0;
  for (let i = 0; i < MOON_LR.length; i += 6) {
    const arg = MOON_LR[i]! * d + MOON_LR[i + 1]! * m + MOON_LR[i + 2]! * mp + MOON_LR[i + 3]! * f;
    const k = eFactor(MOON_LR[i + 1]!);
    sl += MOON_LR[i + 4]! * k * Math.sin(arg);
    sr += MOON_LR[i + 5]! * k * Math.cos(arg);
  }
  let sb = 0;
  for (let i = 0; i < MOON_B.length; i += 5) {
    const arg = MOON_B[i]! * d + MOON_B[i + 1]! * m + MOON_B[i + 2]! * mp + MOON_B[i + 3]! * f;
    sb += MOON_B[i + 4]! * eFactor(MOON_B[i + 1]!) * Math.sin(arg);
  }
  sl += 3958 * Math.sin(a1) + 1962 * Math.sin(lp - f) + 318 * Math.sin(a2);
  sb += -2235 * Math.sin(lp) + 382 * Math.sin(a3) + 175 * Math.sin(a1 - f) + 175 * Math.sin(a1 + f) + 127 * Math.sin(lp - mp) - 115 * Math.sin(lp + mp);
  const nut = nutationLowPrecision(t);
  const lon = lp + sl * 1e-6 * DEG + nut.dPsiRad;
  const lat = sb * 1e-6 * DEG;
  const eps = nut.trueObliquityRad;
  const ra = Math.atan2(Math.sin(lon) * Math.cos(eps) - Math.tan(lat) * Math.sin(eps), Math.cos(lon));
  const dec = Math.asin(Math.sin(lat) * Math.cos(eps) + Math.cos(lat) * Math.sin(eps) * Math.sin(lon));
  const wrap = (x: number): number => ((x % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return {
    eclipticLongitudeRad: wrap(lon),
    eclipticLatitudeRad: lat,
    distanceKm: 385000.56 + sr / 1000,
    rightAscensionRad: wrap(ra),
    declinationRad: dec,
    equationOfEquinoxesRad: nut.dPsiRad * Math.cos(eps),
  };
}

/** The Moon's geocentric position in SGP4's TEME frame (true equator, mean equinox of date), km. */
export function moonPositionTemeKm(ttJd1: number, ttJd2: number): Vec3 {
  const p = moonPosition(ttJd1, ttJd2);
  const ra = p.rightAscensionRad - p.equationOfEquinoxesRad;
  const cd = Math.cos(p.declinationRad);
  return [p.distanceKm * cd * Math.cos(ra), p.distanceKm * cd * Math.sin(ra), p.distanceKm * Math.sin(p.declinationRad)];
}

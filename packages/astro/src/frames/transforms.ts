/**
 * Frame conversions of `StateVector`s, with the frame in the parameter type (passing the wrong frame does not
 * compile). Earth orientation comes from a `TimeScales` (anything with `ut1`, `polarMotion` and optionally
 * `celestialPoleOffsets`), so the library never reaches for data itself.
 *
 *   TEME ──R₃(GMST82), ω×r──▶ PEF ──W(x_p, y_p, s′)──▶ ITRF ──(W, ERA, Q(X, Y, s))ᵀ──▶ GCRF
 *
 * Models: SGP4 TEME per Vallado et al. 2006 (AIAA 2006-6753) App. C; IAU 2006/2000A CIO-based celestial
 * transformation per IERS Conventions 2010 ch. 5 (see celestial.ts, terrestrial.ts, docs/frames.md).
 */
import type { Instant } from '../time/instant.js';
import type { JulianDate } from '../time/julian-date.js';
import { gmst82Rad } from '../time/sidereal.js';
import {
  celestialTerrestrialRotation, type EarthOrientationInputs, gcrfToItrfWith, gcrfToTemeWith, itrfToGcrfWith,
  temeToGcrfWith,
} from './celestial.js';
import { EARTH_ANGULAR_VELOCITY_RAD_S, julianCenturiesTt } from './earth-rotation.js';
import { polarMotionMatrix, tioLocatorRad } from './polar-motion.js';
import type { FrameName, StateVector } from './state-vector.js';
import { type PosVel, rotateItrfToPef, rotatePefToItrf, rotatePefToTeme, rotateTemeToPef } from './terrestrial.js';

/** What the frame conversions need from time: the `TimeScales` of `@stationkeeper/astro/time` satisfies it. */
export interface EarthOrientationSource {
  ut1(t: Instant): JulianDate;
  polarMotion(t: Instant): { readonly xpRad: number; readonly ypRad: number };
  celestialPoleOffsets?(t: Instant): {
    readonly kind: 'dXdY' | 'dPsiDEps';
    readonly offset1Rad: number;
    readonly offset2Rad: number;
  } | undefined;
}

export interface FrameOptions {
  /** Apply polar motion (default true). Off: ITRF ≡ PEF, an error of ≲ 20 m at LEO, ≲ 0.1 km at GEO. */
  readonly polarMotion?: boolean;
  /** Include the TIO locator s′ in W (default true; ≲ 0.05 mas ≈ 2 mm at LEO before 2100). */
  readonly sPrime?: boolean;
  /**
   * Apply EOP celestial-pole offsets dX, dY (default true) in ITRF ↔ GCRF. Only offsets w.r.t. IAU 2006/2000A
   * (`kind: 'dXdY'`, finals2000A) are meaningful for this model; dψ, dε w.r.t. IAU 1980 (finals.all) are ignored.
   */
  readonly poleOffsets?: boolean;
  /** Earth angular velocity for the ω × r terms, rad/s (default WGS-84 7.292115e-5). */
  readonly omegaRadS?: number;
}

/** The explicit Earth-orientation inputs of instant `t` drawn from `eop` under `options`. */
export function earthOrientationAt(t: Instant, eop: EarthOrientationSource, options: FrameOptions = {}): EarthOrientationInputs {
  const pm = options.polarMotion === false ? { xpRad: 0, ypRad: 0 } : eop.polarMotion(t);
  const off = options.poleOffsets === false ? undefined : eop.celestialPoleOffsets?.(t);
  const dxdy = off?.kind === 'dXdY' ? { dXRad: off.offset1Rad, dYRad: off.offset2Rad } : {};
  return {
    ut1: eop.ut1(t), tt: t.tt, xpRad: pm.xpRad, ypRad: pm.ypRad, ...dxdy,
    ...(options.sPrime === false ? { includeSPrime: false } : {}),
  };
}

function state<F extends FrameName>(frame: F, instant: Instant, pv: PosVel): StateVector<F> {
  return { frame, instant, positionKm: pv.positionKm, velocityKmS: pv.velocityKmS };
}

function polarMatrixAt(t: Instant, eop: EarthOrientationSource, options: FrameOptions): Float64Array {
  if (options.polarMotion === false) return polarMotionMatrix(0, 0, 0);
  const pm = eop.polarMotion(t);
  const sp = options.sPrime === false ? 0 : tioLocatorRad(julianCenturiesTt(t.tt));
  return polarMotionMatrix(pm.xpRad, pm.ypRad, sp);
}

/** TEME (SGP4 output) → PEF: GMST-82 rotation and the Earth-rotation velocity term. */
export function temeToPef(s: StateVector<'TEME'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'PEF'> {
  return state('PEF', s.instant, rotateTemeToPef(s, gmst82Rad(eop.ut1(s.instant)), options.omegaRadS ?? EARTH_ANGULAR_VELOCITY_RAD_S));
}

/** PEF → TEME. */
export function pefToTeme(s: StateVector<'PEF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'TEME'> {
  return state('TEME', s.instant, rotatePefToTeme(s, gmst82Rad(eop.ut1(s.instant)), options.omegaRadS ?? EARTH_ANGULAR_VELOCITY_RAD_S));
}

/** PEF → ITRF (polar motion). */
export function pefToItrf(s: StateVector<'PEF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'ITRF'> {
  return state('ITRF', s.instant, rotatePefToItrf(s, polarMatrixAt(s.instant, eop, options)));
}

/** ITRF → PEF. */
export function itrfToPef(s: StateVector<'ITRF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'PEF'> {
  return state('PEF', s.instant, rotateItrfToPef(s, polarMatrixAt(s.instant, eop, options)));
}

/** TEME → ITRF (Vallado teme2ecef): GMST-82, ω × r about the CIP, then polar motion. */
export function temeToItrf(s: StateVector<'TEME'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'ITRF'> {
  const pef = rotateTemeToPef(s, gmst82Rad(eop.ut1(s.instant)), options.omegaRadS ?? EARTH_ANGULAR_VELOCITY_RAD_S);
  return state('ITRF', s.instant, rotatePefToItrf(pef, polarMatrixAt(s.instant, eop, options)));
}

/** ITRF → TEME (Vallado ecef2teme), the inverse of `temeToItrf`. */
export function itrfToTeme(s: StateVector<'ITRF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'TEME'> {
  const pef = rotateItrfToPef(s, polarMatrixAt(s.instant, eop, options));
  return state('TEME', s.instant, rotatePefToTeme(pef, gmst82Rad(eop.ut1(s.instant)), options.omegaRadS ?? EARTH_ANGULAR_VELOCITY_RAD_S));
}

/** ITRF → GCRF, IAU 2006/2000A CIO-based, with polar motion, s′ and dX/dY from `eop`. */
export function itrfToGcrf(s: StateVector<'ITRF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'GCRF'> {
  const rot = celestialTerrestrialRotation(earthOrientationAt(s.instant, eop, options));
  return state('GCRF', s.instant, itrfToGcrfWith(rot, s, options.omegaRadS ?? EARTH_ANGULAR_VELOCITY_RAD_S));
}

/** GCRF → ITRF, the inverse of `itrfToGcrf`. */
export function gcrfToItrf(s: StateVector<'GCRF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'ITRF'> {
  const rot = celestialTerrestrialRotation(earthOrientationAt(s.instant, eop, options));
  return state('ITRF', s.instant, gcrfToItrfWith(rot, s, options.omegaRadS ?? EARTH_ANGULAR_VELOCITY_RAD_S));
}

/**
 * TEME → GCRF: r_GCRF = Qᵀ R₃(−ERA) R₃(GMST82) r_TEME, velocities rotated alike (both frames quasi-inertial).
 * Needs UT1 (GMST-82 and ERA both move with it, so UT1 errors largely cancel) and dX/dY; not polar motion.
 */
export function temeToGcrf(s: StateVector<'TEME'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'GCRF'> {
  const e = earthOrientationAt(s.instant, eop, { ...options, polarMotion: false });
  return state('GCRF', s.instant, temeToGcrfWith(celestialTerrestrialRotation(e), gmst82Rad(e.ut1), s));
}

/** GCRF → TEME, the inverse of `temeToGcrf`. */
export function gcrfToTeme(s: StateVector<'GCRF'>, eop: EarthOrientationSource, options: FrameOptions = {}): StateVector<'TEME'> {
  const e = earthOrientationAt(s.instant, eop, { ...options, polarMotion: false });
  return state('TEME', s.instant, gcrfToTemeWith(celestialTerrestrialRotation(e), gmst82Rad(e.ut1), s));
}

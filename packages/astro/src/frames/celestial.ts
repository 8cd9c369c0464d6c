/**
 * ITRF ↔ GCRF, IAU 2006/2000A, CIO based (IERS Conventions 2010 §5.4, eq. 5.1; SOFA/ERFA c2t06a.c):
 *
 *   r_ITRS = W · R₃(ERA) · Q · r_GCRS,     Q = c2ixys(X + dX, Y + dY, s)
 *
 * with X, Y from the IAU 2006 precession + IAU 2000A nutation (cio.ts), s from the s06 series, ERA of UT1 and
 * W the polar motion with s′. dX, dY are the IERS celestial-pole offsets (w.r.t. IAU 2006/2000A) when given.
 * Velocities add the Earth-rotation term in the TIRS: v_TIRS = R₃(ERA)·Q·v_GCRS − ω⊕ × r_TIRS.
 *
 * TEME ↔ GCRF goes through the same CIRS without UT1 or polar motion entering except via the frame angles:
 * r_GCRS = Qᵀ R₃(−ERA) R₃(θ_GMST82) r_TEME — TEME and GCRS are both treated as inertial, so velocities are
 * rotated only (as Vallado et al. 2006 teme2eci and Skyfield do; the neglected rate of the mean equinox along
 * the equator, ~7e-12 rad/s, is ≤ 3e-7 km/s at GEO).
 */
import type { JulianDate } from '../time/julian-date.js';
import { celestialToIntermediate, cipXys06a } from './cio.js';
import { eraRad, gmst82Rad } from '../time/sidereal.js';
import { EARTH_ANGULAR_VELOCITY_RAD_S, julianCenturiesTt } from './earth-rotation.js';
import { type Mat3, mat3MulVec, mat3TransposeMulVec } from './mat3.js';
import { polarMotionMatrix, tioLocatorRad } from './polar-motion.js';
import type { PosVel } from './terrestrial.js';

/** Explicit Earth-orientation inputs for one instant. */
export interface EarthOrientationInputs {
  /** UT1 two-part Julian date. */
  readonly ut1: JulianDate;
  /** TT two-part Julian date. */
  readonly tt: JulianDate;
  /** Polar motion, radians (0 when unknown: ≲ 0.6″, ≲ 20 m at LEO). */
  readonly xpRad: number;
  readonly ypRad: number;
  /** Celestial-pole offsets dX, dY w.r.t. IAU 2006/2000A, radians (0 when unknown: ≲ 0.5 mas, ≲ 2 cm at LEO). */
  readonly dXRad?: number;
  readonly dYRad?: number;
  /** Include the TIO locator s′ (default true; ≲ 0.05 mas until 2100). */
  readonly includeSPrime?: boolean;
}

/** The rotations of one instant: GCRS → CIRS (Q), ERA, and TIRS → ITRS (W). */
export interface CelestialTerrestrialRotation {
  readonly q: Mat3;
  readonly eraRad: number;
  readonly w: Mat3;
}

/** Builds Q, ERA and W for one instant (evaluates the ~1400-term nutation series once). */
export function celestialTerrestrialRotation(e: EarthOrientationInputs): CelestialTerrestrialRotation {
  const t = julianCenturiesTt(e.tt);
  const xys = cipXys06a(t);
  const q = celestialToIntermediate(xys.xRad + (e.dXRad ?? 0), xys.yRad + (e.dYRad ?? 0), xys.sRad);
  const sp = e.includeSPrime === false ? 0 : tioLocatorRad(t);
  return { q, eraRad: eraRad(e.ut1), w: polarMotionMatrix(e.xpRad, e.ypRad, sp) };
}

/** GCRS-axes vector → TIRS: R₃(era)·Q·v. */
function toTirs(q: Mat3, c: number, s: number, v: readonly [number, number, number]): [number, number, number] {
  const [x, y, z] = mat3MulVec(q, v);
  return [c * x + s * y, -s * x + c * y, z];
}

/** TIRS → GCRS axes: Qᵀ·R₃(−era)·v. */
function fromTirs(q: Mat3, c: number, s: number, v: readonly [number, number, number]): [number, number, number] {
  const [x, y, z] = v;
  return mat3TransposeMulVec(q, [c * x - s * y, s * x + c * y, z]) as [number, number, number];
}

/** GCRF → ITRF with the rotations of one instant. */
export function gcrfToItrfWith(rot: CelestialTerrestrialRotation, gcrf: PosVel, omegaRadS = EARTH_ANGULAR_VELOCITY_RAD_S): PosVel {
  const c = Math.cos(rot.eraRad), s = Math.sin(rot.eraRad);
  const r = toTirs(rot.q, c, s, gcrf.positionKm);
  const v = toTirs(rot.q, c, s, gcrf.velocityKmS);
  v[0] += omegaRadS * r[1];
  v[1] -= omegaRadS * r[0];
  return { positionKm: mat3MulVec(rot.w, r), velocityKmS: mat3MulVec(rot.w, v) };
}

/** ITRF → GCRF with the rotations of one instant (exact inverse of `gcrfToItrfWith`). */
export function itrfToGcrfWith(rot: CelestialTerrestrialRotation, itrf: PosVel, omegaRadS = EARTH_ANGULAR_VELOCITY_RAD_S): PosVel {
  const c = Math.cos(rot.eraRad), s = Math.sin(rot.eraRad);
  const r = mat3TransposeMulVec(rot.w, itrf.positionKm);
  const v = mat3TransposeMulVec(rot.w, itrf.velocityKmS);
  const vi: [number, number, number] = [v[0] - omegaRadS * r[1], v[1] + omegaRadS * r[0], v[2]];
  return { positionKm: fromTirs(rot.q, c, s, r), velocityKmS: fromTirs(rot.q, c, s, vi) };
}

/** TEME → GCRF (rotation only; see the header). Polar motion does not enter. */
export function temeToGcrfWith(rot: CelestialTerrestrialRotation, gmst82Rad: number, teme: PosVel): PosVel {
  // TEME → CIRS is R₃(−(ERA − θ82)); then Qᵀ.
  const a = gmst82Rad - rot.eraRad;
  const c = Math.cos(a), s = Math.sin(a);
  const rot3 = (v: readonly [number, number, number]): [number, number, number] => [c * v[0] + s * v[1], -s * v[0] + c * v[1], v[2]];
  return {
    positionKm: mat3TransposeMulVec(rot.q, rot3(teme.positionKm)),
    velocityKmS: mat3TransposeMulVec(rot.q, rot3(teme.velocityKmS)),
  };
}

/** GCRF → TEME, the inverse of `temeToGcrfWith`. */
export function gcrfToTemeWith(rot: CelestialTerrestrialRotation, gmst82Rad: number, gcrf: PosVel): PosVel {
  const a = gmst82Rad - rot.eraRad;
  const c = Math.cos(a), s = Math.sin(a);
  const rot3t = (v: readonly [number, number, number]): [number, number, number] => [c * v[0] - s * v[1], s * v[0] + c * v[1], v[2]];
  return {
    positionKm: rot3t(mat3MulVec(rot.q, gcrf.positionKm)),
    velocityKmS: rot3t(mat3MulVec(rot.q, gcrf.velocityKmS)),
  };
}

/** GMST-82 of the UT1 in `e` — convenience for the TEME ↔ GCRF pair. */
export const gmst82Of = (e: EarthOrientationInputs): number => gmst82Rad(e.ut1);

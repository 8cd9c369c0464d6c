/**
 * TEME ↔ PEF ↔ ITRF as pure functions of explicit angles (the SGP4 convention of Vallado, Crawford, Hujsak &
 * Kelso 2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753, App. C, routines teme2ecef / ecef2teme):
 *
 *   r_PEF  = R₃(θ_GMST82) r_TEME                 v_PEF  = R₃(θ_GMST82) v_TEME − ω⊕ × r_PEF
 *   r_ITRF = W r_PEF                               v_ITRF = W v_PEF
 *
 * with W the polar-motion matrix (polar-motion.ts) and ω⊕ = (0, 0, ω) about the CIP (the PEF z axis) — Earth
 * rotates about the CIP, so the ω × r term belongs before polar motion. (Skyfield instead applies ω about the
 * ITRF z axis; the two differ by |ω × r|·|x_p, y_p| ≲ 3e-5 km/s at GEO, see docs/frames.md.)
 * ω is the WGS-84 nominal 7.292115e-5 rad/s (EARTH_ANGULAR_VELOCITY_RAD_S; see earth-rotation.ts for the
 * alternatives and their ≤ 5e-8 km/s effect at LEO). Callers may pass another ω (e.g. LOD-corrected).
 */
import type { Vec3 } from '../units/index.js';
import { EARTH_ANGULAR_VELOCITY_RAD_S } from './earth-rotation.js';
import { type Mat3, mat3MulVec, mat3TransposeMulVec } from './mat3.js';

/** A position (km) and velocity (km/s) pair without frame or time — the currency of the pure transforms. */
export interface PosVel {
  readonly positionKm: Vec3;
  readonly velocityKmS: Vec3;
}

/** TEME → PEF by GMST-82 (radians) with the Earth-rotation velocity term. */
export function rotateTemeToPef(teme: PosVel, gmst82Rad: number, omegaRadS = EARTH_ANGULAR_VELOCITY_RAD_S): PosVel {
  const [x, y, z] = teme.positionKm;
  const [vx, vy, vz] = teme.velocityKmS;
  const s = Float64Array.of(x, y, z, vx, vy, vz);
  temeToPefInPlace(s, gmst82Rad, omegaRadS);
  return { positionKm: [s[0]!, s[1]!, s[2]!], velocityKmS: [s[3]!, s[4]!, s[5]!] };
}

/**
 * Allocation-free `rotateTemeToPef` for hot loops: the TEME state (km, km/s) in out[0..5] becomes PEF in place.
 * `omegaRadS` may be the GMST-82 rate itself (`gmst82RateRadS`), which the pass finder uses.
 */
export function temeToPefInPlace(out: Float64Array, gmst82Rad: number, omegaRadS = EARTH_ANGULAR_VELOCITY_RAD_S): void {
  const c = Math.cos(gmst82Rad), s = Math.sin(gmst82Rad);
  const x = out[0]!, y = out[1]!, vx = out[3]!, vy = out[4]!;
  const px = c * x + s * y, py = -s * x + c * y;
  out[0] = px;
  out[1] = py;
  out[3] = c * vx + s * vy + omegaRadS * py;
  out[4] = -s * vx + c * vy - omegaRadS * px;
}

/**
 * Allocation-free PEF → ITRF in place on out[0..5] with W to first order in the polar-motion angles,
 * W ≈ [[1, 0, x_p], [0, 1, −y_p], [−x_p, y_p, 1]] (IERS Conventions 2010 eq. 5.3, s′ neglected). The neglected
 * second-order terms are ≤ (x_p² + y_p²)/2 ≈ 5e-12 rad (≤ 0.2 mm at GEO); s′ is < 0.1 mas. `polarMotionMatrix`
 * gives the exact W.
 */
export function pefToItrfFirstOrderInPlace(out: Float64Array, xpRad: number, ypRad: number): void {
  const px = out[0]!, py = out[1]!, z = out[2]!, pvx = out[3]!, pvy = out[4]!, vz = out[5]!;
  out[0] = px + xpRad * z;
  out[1] = py - ypRad * z;
  out[2] = z - xpRad * px + ypRad * py;
  out[3] = pvx + xpRad * vz;
  out[4] = pvy - ypRad * vz;
  out[5] = vz - xpRad * pvx + ypRad * pvy;
}

/**
 * TEME (position km, velocity km/s at out[0..5]) → ITRF in place: `temeToPefInPlace` then
 * `pefToItrfFirstOrderInPlace` — the per-sample path of the event finders.
 */
export function temeToItrfInPlace(out: Float64Array, gmst82Rad: number, omegaRadS: number, xpRad: number, ypRad: number): void {
  temeToPefInPlace(out, gmst82Rad, omegaRadS);
  pefToItrfFirstOrderInPlace(out, xpRad, ypRad);
}

/** PEF → TEME, the exact inverse of `rotateTemeToPef`. */
export function rotatePefToTeme(pef: PosVel, gmst82Rad: number, omegaRadS = EARTH_ANGULAR_VELOCITY_RAD_S): PosVel {
  const c = Math.cos(gmst82Rad), s = Math.sin(gmst82Rad);
  const [px, py, z] = pef.positionKm;
  // Inertial-rate velocity in PEF axes first: v + ω × r.
  const wx = pef.velocityKmS[0] - omegaRadS * py;
  const wy = pef.velocityKmS[1] + omegaRadS * px;
  return {
    positionKm: [c * px - s * py, s * px + c * py, z],
    velocityKmS: [c * wx - s * wy, s * wx + c * wy, pef.velocityKmS[2]],
  };
}

/** PEF (TIRS) → ITRF by the polar-motion matrix W (polarMotionMatrix). */
export function rotatePefToItrf(pef: PosVel, w: Mat3): PosVel {
  return { positionKm: mat3MulVec(w, pef.positionKm), velocityKmS: mat3MulVec(w, pef.velocityKmS) };
}

/** ITRF → PEF (TIRS), the inverse of `rotatePefToItrf`. */
export function rotateItrfToPef(itrf: PosVel, w: Mat3): PosVel {
  return { positionKm: mat3TransposeMulVec(w, itrf.positionKm), velocityKmS: mat3TransposeMulVec(w, itrf.velocityKmS) };
}

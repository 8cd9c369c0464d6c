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
  const c = Math.cos(gmst82Rad), s = Math.sin(gmst82Rad);
  const [x, y, z] = teme.positionKm;
  const [vx, vy, vz] = teme.velocityKmS;
  const px = c * x + s * y, py = -s * x + c * y;
  return {
    positionKm: [px, py, z],
    velocityKmS: [c * vx + s * vy + omegaRadS * py, -s * vx + c * vy - omegaRadS * px, vz],
  };
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

/**
 * Force models for LEO propagation in TEME (true equator, mean equinox of date — SGP4's frame; its z axis is
 * the true pole, so zonal harmonics apply directly):
 * - central body + zonal harmonics J2…J6 (EGM2008), gradient of U = μ/r [1 − Σ Jn (R/r)ⁿ Pn(sin φ)]
 *   (Montenbruck & Gill 2000 §3.2; Vallado 2013 §8.6.1);
 * - atmospheric drag with an atmosphere co-rotating with the Earth: a = −½ ρ (Cd A/m) |v_rel| v_rel,
 *   v_rel = v − ω × r. The Earth-fixed position for the density uses a GMST (IAU 1982) rotation of TEME
 *   — exactly TEME→PEF (Vallado et al. 2006) without polar motion (< 15 m), with UT1 ≈ UTC (< 0.9 s, i.e.
 *   < 0.4 km along the equator: negligible for density) — and the WGS-84 geodetic altitude;
 * - Sun (Meeus/VSOP87 series, `bodies/sun.ts`) and Moon (Meeus ch. 47, `bodies/moon.ts`) third-body
 *   accelerations, with the indirect term (Montenbruck & Gill 2000 eq. 3.37);
 * - solar radiation pressure, cannonball with reflectivity Cr, scaled by the sunlit fraction of the solar disc
 *   under the conical (umbra/penumbra) Earth shadow of `events/illumination.ts` (Montenbruck & Gill 2000
 *   §3.4.2, eqs. 3.85–3.89) — the same shadow model as the pass and eclipse finders.
 */
import type { Atmosphere } from '../atmosphere/atmosphere.js';
import type { Vec3 } from '../units/index.js';
import { SHADOW_EARTH_RADIUS_KM, shadowGeometry, sunlitFraction } from '../events/illumination.js';
import { geodeticFromItrf } from '../frames/geodetic.js';
import {
  AU_KM, EARTH_GM_KM3_S2, EARTH_J, EARTH_RADIUS_KM, EARTH_ROTATION_RAD_S, MOON_GM_KM3_S2, SOLAR_PRESSURE_1AU_N_M2,
  SUN_GM_KM3_S2,
} from './constants.js';

/** Adds the zonal-gravity acceleration (km/s²) at TEME position (x, y, z) km into acc[0..2]. */
export function addZonalGravity(x: number, y: number, z: number, maxDegree: number, acc: Float64Array): void {
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const u = z / r;
  const mu = EARTH_GM_KM3_S2;
  let dUdr = -mu / r2;
  let dUdu = 0;
  if (maxDegree >= 2) {
    // Legendre Pn(u) and Pn'(u) by recursion.
    let pPrev = 1;
    let p = u;
    let dpPrev = 0;
    let dp = 1;
    let rn = EARTH_RADIUS_KM / r; // (R/r)^n, n = 1
    for (let n = 2; n <= maxDegree; n++) {
      const pn = ((2 * n - 1) * u * p - (n - 1) * pPrev) / n;
      const dpn = dpPrev + (2 * n - 1) * p;
      pPrev = p;
      p = pn;
      dpPrev = dp;
      dp = dpn;
      rn *= EARTH_RADIUS_KM / r;
      const jn = EARTH_J[n] ?? 0;
      dUdr += (mu / r2) * (n + 1) * jn * rn * p;
      dUdu += -(mu / r) * jn * rn * dp;
    }
  }
  // a = dU/dr r̂ + dU/du (ẑ − u r̂)/r
  const k = dUdr / r - (dUdu * u) / r2;
  acc[0]! += k * x;
  acc[1]! += k * y;
  acc[2]! += k * z + dUdu / r;
}

/**
 * Geodetic latitude (rad) and height (km) on WGS-84 from Earth-fixed x, y, z km: frames' `geodeticFromItrf`
 * (Bowring iteration). RangeError for a non-finite position.
 */
export function geodeticLatHeight(x: number, y: number, z: number): { latRad: number; heightKm: number } {
  const g = geodeticFromItrf([x, y, z]);
  return { latRad: g.latitudeRad, heightKm: g.heightKm };
}

/** Spacecraft properties for the non-gravitational forces. */
export interface Spacecraft {
  readonly massKg: number;
  /** Drag reference area, m². */
  readonly dragAreaM2: number;
  readonly dragCoefficient: number;
  /** SRP area, m² (default: drag area). */
  readonly srpAreaM2?: number;
  /** Radiation-pressure coefficient Cr (1 absorbing … 2 specular), default 1.3. */
  readonly reflectivity?: number;
}

/** Adds drag (km/s²) for density rhoKgM3; r km, v km/s in TEME. */
export function addDrag(r: Vec3 | Float64Array, v: Vec3 | Float64Array, rhoKgM3: number, cdAOverMM2Kg: number, acc: Float64Array): void {
  const w = EARTH_ROTATION_RAD_S;
  const vx = v[0]! + w * r[1]!;
  const vy = v[1]! - w * r[0]!;
  const vz = v[2]!;
  const vrelKmS = Math.sqrt(vx * vx + vy * vy + vz * vz);
  // ½ ρ[kg/m³] Cd A/m [m²/kg] |v|·v with v in m/s gives m/s²; in km: ρ·(CdA/m)·1e3 · v_km² /2 … → factor 1e3.
  const k = -0.5 * rhoKgM3 * cdAOverMM2Kg * vrelKmS * 1000;
  acc[0]! += k * vx;
  acc[1]! += k * vy;
  acc[2]! += k * vz;
}

/** Adds a third-body point-mass acceleration (body at s km, GM km³/s²) at r km. */
export function addThirdBody(r: Vec3 | Float64Array, s: Vec3 | Float64Array, gm: number, acc: Float64Array): void {
  const sx = s[0]!, sy = s[1]!, sz = s[2]!;
  const dx = sx - r[0]!;
  const dy = sy - r[1]!;
  const dz = sz - r[2]!;
  const d3 = Math.pow(dx * dx + dy * dy + dz * dz, 1.5);
  const s3 = Math.pow(sx * sx + sy * sy + sz * sz, 1.5);
  acc[0]! += gm * (dx / d3 - sx / s3);
  acc[1]! += gm * (dy / d3 - sy / s3);
  acc[2]! += gm * (dz / d3 - sz / s3);
}

/**
 * Adds cannonball SRP (km/s²): ν·P(1 AU)·Cr·A/m·(AU/d)² away from the Sun, ν the sunlit fraction of the solar
 * disc (0 in umbra, between 0 and 1 in penumbra; conical shadow, `sunlitFraction`). r and s in one geocentric
 * frame, km; at or below the shadow's Earth radius the satellite counts as shadowed.
 */
export function addSrp(r: Vec3 | Float64Array, s: Vec3 | Float64Array, crAOverMM2Kg: number, acc: Float64Array): void {
  const rx = r[0]!, ry = r[1]!, rz = r[2]!;
  if (!(rx * rx + ry * ry + rz * rz > SHADOW_EARTH_RADIUS_KM * SHADOW_EARTH_RADIUS_KM)) return;
  const nu = sunlitFraction(shadowGeometry(r, s));
  if (nu === 0) return;
  const dx = rx - s[0]!;
  const dy = ry - s[1]!;
  const dz = rz - s[2]!;
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  const k = (nu * SOLAR_PRESSURE_1AU_N_M2 * crAOverMM2Kg * (AU_KM / d) * (AU_KM / d)) / 1000 / d; // m/s² → km/s², per km
  acc[0]! += k * dx;
  acc[1]! += k * dy;
  acc[2]! += k * dz;
}

export { SUN_GM_KM3_S2, MOON_GM_KM3_S2 };
export type { Atmosphere };

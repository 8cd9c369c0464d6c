/**
 * Orbit-averaged rates of the mean elements under atmospheric drag and the secular J2 drift.
 *
 * Drag: the acceleration of a co-rotating atmosphere, a_D = −½ ρ (C_D A/m) |v_rel| v_rel, v_rel = v − ω⊕ × r
 * (Vallado 2013, "Fundamentals of Astrodynamics and Applications", 4th ed., eq. 8-29), is put into Gauss's
 * variational equations in radial/transverse/normal components (Vallado 2013 eq. 9-24; Montenbruck & Gill 2000
 * §3.5), giving ȧ, ė, i̇; these are averaged over one revolution in mean anomaly, written as an integral over the
 * eccentric anomaly E with dM = (1 − e cos E) dE — the classical King-Hele formulation (King-Hele 1987,
 * "Satellite Orbits in an Atmosphere", ch. 3–4), but with the density taken from a full atmosphere model at the
 * actual geodetic position (WGS-84 height, latitude, longitude and local time of each node) instead of an
 * exponential law. The integrand is smooth and 2π-periodic in E, so the equally spaced trapezoidal rule converges
 * exponentially (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal rule", SIAM Review 56(3)):
 * N nodes integrate every harmonic below N exactly.
 *
 * J2 secular rates (Vallado 2013 eq. 9-41/9-42): Ω̇ = −(3/2) n J2 (R/p)² cos i, ω̇ = (3/4) n J2 (R/p)² (5 cos² i − 1).
 * They only carry the orbit's orientation (local solar time and latitude of perigee) for the density sampling.
 */
import type { Atmosphere } from '@stationkeeper/astro/atmosphere';
import { EARTH_GM_KM3_S2, EARTH_J, EARTH_RADIUS_KM, EARTH_ROTATION_RAD_S, geodeticLatHeight } from '@stationkeeper/astro/numerical';
import { gmst82Rad } from '@stationkeeper/astro/time';

const TWO_PI = 2 * Math.PI;
const MJD_JD = 2_400_000.5;
const J2 = EARTH_J[2] ?? 0;

/** The mean-element state integrated by the averaged propagator: a km, e, i rad, Ω rad, ω rad. */
export type MeanState = Float64Array;

export interface DragModel {
  readonly atmosphere: Atmosphere;
  /** Drag parameter C_D·A/m, m²/kg (the inverse of the ballistic coefficient m/(C_D A)). */
  readonly cdAOverMM2Kg: number;
  /** Multiplies every density (space-weather/model-bias scenarios); default 1. */
  readonly densityScale?: number;
}

/** Precomputed nodes of the trapezoidal rule in eccentric anomaly, E_k = 2πk/N − π. */
export interface QuadratureNodes {
  readonly cosE: Float64Array;
  readonly sinE: Float64Array;
}

export function trapezoidNodes(count: number): QuadratureNodes {
  if (!Number.isInteger(count) || count < 4) throw new RangeError(`quadrature node count must be an integer ≥ 4, got ${count}`);
  const cosE = new Float64Array(count);
  const sinE = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const e = (TWO_PI * k) / count - Math.PI;
    cosE[k] = Math.cos(e);
    sinE[k] = Math.sin(e);
  }
  return { cosE, sinE };
}

/**
 * Writes d/dt of [a, e, i, Ω, ω] (km/s, 1/s, rad/s, rad/s, rad/s) at UTC MJD `utcMjd` into `out`.
 * Throws RangeError when the orbit is not a bound ellipse above the surface.
 */
export function averagedRates(y: MeanState, utcMjd: number, drag: DragModel, nodes: QuadratureNodes, out: Float64Array): void {
  const a = y[0]!;
  const e = y[1]!;
  const inc = y[2]!;
  const raan = y[3]!;
  const argp = y[4]!;
  if (!(a > EARTH_RADIUS_KM && e >= 0 && e < 1)) throw new RangeError(`mean orbit left the model: a = ${a} km, e = ${e}`);
  const mu = EARTH_GM_KM3_S2;
  const n = Math.sqrt(mu / (a * a * a));
  const oneMinusE2 = 1 - e * e;
  const sqrt1e2 = Math.sqrt(oneMinusE2);
  const p = a * oneMinusE2;
  const sqrtMuP = Math.sqrt(mu / p);
  const cO = Math.cos(raan);
  const sO = Math.sin(raan);
  const ci = Math.cos(inc);
  const si = Math.sin(inc);
  const w = EARTH_ROTATION_RAD_S;
  const scale = (drag.densityScale ?? 1) * drag.cdAOverMM2Kg * 500; // ½ · 1000 (m/s² → km/s² with v in km/s)
  const count = nodes.cosE.length;
  let sa = 0;
  let se = 0;
  let si2 = 0;
  let sw = 0;
  for (let k = 0; k < count; k++) {
    const cosE = nodes.cosE[k]!;
    const sinE = nodes.sinE[k]!;
    const oneMinusECosE = 1 - e * cosE;
    const r = a * oneMinusECosE;
    const cosNu = (cosE - e) / oneMinusECosE;
    const sinNu = (sqrt1e2 * sinE) / oneMinusECosE;
    // Argument of latitude u = ω + ν.
    const cw = Math.cos(argp);
    const swp = Math.sin(argp);
    const cu = cw * cosNu - swp * sinNu;
    const su = swp * cosNu + cw * sinNu;
    // Radial, transverse, normal unit vectors in the inertial frame.
    const rx = cO * cu - sO * su * ci;
    const ry = sO * cu + cO * su * ci;
    const rz = su * si;
    const tx = -cO * su - sO * cu * ci;
    const ty = -sO * su + cO * cu * ci;
    const tz = cu * si;
    const nx = sO * si;
    const ny = -cO * si;
    const nz = ci;
    const vr = sqrtMuP * e * sinNu;
    const vt = sqrtMuP * (1 + e * cosNu);
    const x = r * rx;
    const yy = r * ry;
    const z = r * rz;
    // Velocity relative to the co-rotating atmosphere.
    const vx = vr * rx + vt * tx + w * yy;
    const vy = vr * ry + vt * ty - w * x;
    const vz = vr * rz + vt * tz;
    const vrel = Math.sqrt(vx * vx + vy * vy + vz * vz);
    // Time of the node relative to the centre of the revolution (mean anomaly M = E − e sin E over n).
    const m = Math.atan2(sinE, cosE) - e * sinE;
    const nodeMjd = utcMjd + m / n / 86_400;
    const theta = gmst82Rad({ jd1: MJD_JD, jd2: nodeMjd });
    const ct = Math.cos(theta);
    const st = Math.sin(theta);
    const xe = ct * x + st * yy;
    const ye = -st * x + ct * yy;
    const { latRad, heightKm } = geodeticLatHeight(xe, ye, z);
    const rho = drag.atmosphere.densityKgM3({ utcMjd: nodeMjd, latitudeRad: latRad, longitudeRad: Math.atan2(ye, xe), altitudeKm: heightKm });
    const k2 = -scale * rho * vrel;
    const fx = k2 * vx;
    const fy = k2 * vy;
    const fz = k2 * vz;
    const fR = fx * rx + fy * ry + fz * rz;
    const fS = fx * tx + fy * ty + fz * tz;
    const fW = fx * nx + fy * ny + fz * nz;
    const weight = oneMinusECosE; // dM = (1 − e cos E) dE
    sa += weight * (e * sinNu * fR + (p / r) * fS);
    se += weight * (sinNu * fR + (cosNu + cosE) * fS);
    si2 += weight * r * cu * fW;
    sw += weight * (r * su * fW);
  }
  const inv = 1 / count;
  out[0] = ((2 / (n * sqrt1e2)) * sa) * inv;
  out[1] = ((sqrt1e2 / (n * a)) * se) * inv;
  out[2] = (si2 / (n * a * a * sqrt1e2)) * inv;
  const j2Factor = n * J2 * (EARTH_RADIUS_KM / p) ** 2;
  const dRaanDrag = si === 0 ? 0 : (sw / (n * a * a * sqrt1e2 * si)) * inv;
  out[3] = -1.5 * j2Factor * ci + dRaanDrag;
  out[4] = 0.75 * j2Factor * (5 * ci * ci - 1) - ci * dRaanDrag;
}

/**
 * Topocentric look angles of a satellite from a ground observer fixed in the ITRF: azimuth from north through
 * east, geometric elevation (no refraction), slant range and range rate d|ρ|/dt (Vallado 2013, "Fundamentals of
 * Astrodynamics and Applications", 4th ed., §4.4, algorithm 27 RAZEL; Montenbruck & Gill 2000 §2.2.4).
 * The ENU axes are those of the geodetic (ellipsoid-normal) vertical.
 *
 * `topocentricSite` (or `siteFromGeodetic`, radians and km) precomputes the observer's ITRF position and ENU
 * rotation once; `lookAnglesInto` and `topocentricInto` are the allocation-free kernels for hot loops (pass
 * finding), writing into a caller-owned Float64Array.
 */
import type { Vec3 } from '../units/index.js';
import { itrfFromGeodetic } from './geodetic.js';
import type { Observer } from './observer.js';
import type { StateVector } from './state-vector.js';

/** Azimuth (rad, [0, 2π), north through east), elevation (rad), range (km), range rate (km/s, + receding). */
export interface LookAngles {
  readonly azimuthRad: number;
  readonly elevationRad: number;
  readonly rangeKm: number;
  readonly rangeRateKmS: number;
}

/** An observer with its ITRF position (km) and the ITRF → ENU rotation rows precomputed. */
export interface TopocentricSite {
  readonly observer: Observer;
  readonly positionKm: Vec3;
  /** Rows east, north, up (unit vectors in ITRF), row-major, length 9. */
  readonly enu: Float64Array;
}

/** An observer with its ITRF position and local east/north/up rotation precomputed (WGS-84 vertical). */
export function topocentricSite(observer: Observer): TopocentricSite {
  const sl = Math.sin(observer.latitudeRad), cl = Math.cos(observer.latitudeRad);
  const so = Math.sin(observer.longitudeRad), co = Math.cos(observer.longitudeRad);
  const enu = new Float64Array([-so, co, 0, -sl * co, -sl * so, cl, cl * co, cl * so, sl]);
  return { observer, positionKm: itrfFromGeodetic(observer), enu };
}

/**
 * The site of geodetic latitude/longitude (radians) and height above the WGS-84 ellipsoid (km), as the event
 * finders take it. RangeError for |latitude| > π/2, a non-finite longitude, or a height outside −12…1000 km.
 */
export function siteFromGeodetic(latitudeRad: number, longitudeRad: number, heightKm: number): TopocentricSite {
  if (!Number.isFinite(latitudeRad) || Math.abs(latitudeRad) > Math.PI / 2) {
    throw new RangeError(`latitude must be within ±π/2 rad, got ${latitudeRad}`);
  }
  if (!Number.isFinite(longitudeRad)) throw new RangeError(`longitude must be finite (rad), got ${longitudeRad}`);
  if (!Number.isFinite(heightKm) || heightKm < -12 || heightKm > 1000) {
    throw new RangeError(`site height must be within −12…1000 km, got ${heightKm}`);
  }
  return topocentricSite({ latitudeRad, longitudeRad, heightKm });
}

/** Offsets in the `out` array written by `lookAnglesInto`. */
export const LOOK_AZIMUTH_RAD = 0;
export const LOOK_ELEVATION_RAD = 1;
export const LOOK_RANGE_KM = 2;
export const LOOK_RANGE_RATE_KM_S = 3;

/**
 * Allocation-free look angles: satellite ITRF position (km) and velocity (km/s) as scalars; writes azimuth,
 * elevation, range, range rate to out[offset … offset+3]. At the exact zenith the azimuth is 0 (undefined).
 */
export function lookAnglesInto(
  site: TopocentricSite, xKm: number, yKm: number, zKm: number, vxKmS: number, vyKmS: number, vzKmS: number,
  out: Float64Array, offset = 0,
): void {
  const m = site.enu, o = site.positionKm;
  const dx = xKm - o[0], dy = yKm - o[1], dz = zKm - o[2];
  const e = m[0]! * dx + m[1]! * dy;
  const n = m[3]! * dx + m[4]! * dy + m[5]! * dz;
  const u = m[6]! * dx + m[7]! * dy + m[8]! * dz;
  const horizontal = Math.hypot(e, n);
  const range = Math.hypot(horizontal, u);
  const az = Math.atan2(e, n);
  out[offset + LOOK_AZIMUTH_RAD] = az < 0 ? az + 2 * Math.PI : az;
  out[offset + LOOK_ELEVATION_RAD] = Math.atan2(u, horizontal);
  out[offset + LOOK_RANGE_KM] = range;
  out[offset + LOOK_RANGE_RATE_KM_S] = range > 0 ? (dx * vxKmS + dy * vyKmS + dz * vzKmS) / range : 0;
}

/** Look angles of an ITRF state from an observer (or a precomputed site). */
export function lookAngles(sat: StateVector<'ITRF'>, observer: Observer | TopocentricSite): LookAngles {
  const site = 'enu' in observer ? observer : topocentricSite(observer);
  const out = new Float64Array(4);
  const [x, y, z] = sat.positionKm;
  const [vx, vy, vz] = sat.velocityKmS;
  lookAnglesInto(site, x, y, z, vx, vy, vz, out);
  return { azimuthRad: out[0]!, elevationRad: out[1]!, rangeKm: out[2]!, rangeRateKmS: out[3]! };
}

/**
 * Allocation-free kernel of the pass finders: for an ITRF state in s[0..5] (km, km/s) writes to out[0..4] the
 * elevation (rad), its rate (rad/s), azimuth (rad from north through east, [0, 2π)), range (km) and the
 * geocentric angle between satellite and site (rad).
 */
export function topocentricInto(out: Float64Array, s: Float64Array, site: TopocentricSite): void {
  const p = site.positionKm, m = site.enu;
  const rx = s[0]! - p[0], ry = s[1]! - p[1], rz = s[2]! - p[2];
  const vx = s[3]!, vy = s[4]!, vz = s[5]!;
  const re = rx * m[0]! + ry * m[1]!;
  const rn = rx * m[3]! + ry * m[4]! + rz * m[5]!;
  const ru = rx * m[6]! + ry * m[7]! + rz * m[8]!;
  const ve = vx * m[0]! + vy * m[1]!;
  const vn = vx * m[3]! + vy * m[4]! + vz * m[5]!;
  const vu = vx * m[6]! + vy * m[7]! + vz * m[8]!;
  const h2 = re * re + rn * rn;
  const h = Math.sqrt(h2);
  const range2 = h2 + ru * ru;
  out[0] = Math.atan2(ru, h);
  out[1] = h > 0 ? (vu * h - (ru * (re * ve + rn * vn)) / h) / range2 : 0;
  const az = Math.atan2(re, rn);
  out[2] = az < 0 ? az + 2 * Math.PI : az;
  out[3] = Math.sqrt(range2);
  const sx = s[0]!, sy = s[1]!, sz = s[2]!;
  const cosPsi = (sx * p[0] + sy * p[1] + sz * p[2]) / (Math.sqrt(sx * sx + sy * sy + sz * sz) * Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]));
  out[4] = Math.acos(Math.min(1, Math.max(-1, cosPsi)));
}

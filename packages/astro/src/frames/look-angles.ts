/**
 * Topocentric look angles of a satellite from a ground observer fixed in the ITRF: azimuth from north through
 * east, geometric elevation (no refraction), slant range and range rate d|ρ|/dt (Vallado 2013, "Fundamentals of
 * Astrodynamics and Applications", 4th ed., §4.4, algorithm 27 RAZEL; Montenbruck & Gill 2000 §2.2.4).
 * The ENU axes are those of the geodetic (ellipsoid-normal) vertical.
 *
 * `topocentricSite` precomputes the observer's ITRF position and ENU rotation once; `lookAnglesInto` is the
 * allocation-free kernel for hot loops (pass finding), writing into a caller-owned Float64Array.
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

export function topocentricSite(observer: Observer): TopocentricSite {
  const sl = Math.sin(observer.latitudeRad), cl = Math.cos(observer.latitudeRad);
  const so = Math.sin(observer.longitudeRad), co = Math.cos(observer.longitudeRad);
  const enu = new Float64Array([-so, co, 0, -sl * co, -sl * so, cl, cl * co, cl * so, sl]);
  return { observer, positionKm: itrfFromGeodetic(observer), enu };
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

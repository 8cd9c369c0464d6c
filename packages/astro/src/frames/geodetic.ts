/**
 * WGS-84 geodetic coordinates ↔ ITRF Cartesian (NGA.STND.0036_1.0.0_WGS84, 2014: a = 6378.137 km,
 * 1/f = 298.257223563).
 *
 * Cartesian → geodetic uses Bowring's iteration on the parametric latitude (Bowring 1976, Survey Review 23(181),
 * 323; iterated as in Bowring 1985, Survey Review 28(218), 202): each step multiplies the error by ~e⁴, so two
 * steps reach double precision from the surface through GEO and beyond; a convergence test bounds the loop.
 * Height uses the form h = p cos φ + z sin φ − a √(1 − e² sin² φ), well conditioned at the poles and equator
 * alike (Montenbruck & Gill 2000, §5.3).
 */
import type { Vec3 } from '../units/index.js';

/** WGS-84 equatorial radius, km. */
export const WGS84_A_KM = 6378.137;
/** WGS-84 flattening. */
export const WGS84_F = 1 / 298.257223563;
/** WGS-84 first eccentricity squared. */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);
/** WGS-84 polar radius, km. */
export const WGS84_B_KM = WGS84_A_KM * (1 - WGS84_F);

/** Geodetic latitude and longitude (radians, longitude in (−π, π]) and height above the ellipsoid (km). */
export interface Geodetic {
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly heightKm: number;
}

const EP2 = WGS84_E2 / (1 - WGS84_E2); // second eccentricity squared

/** WGS-84 geodetic coordinates of an ITRF position (km). Throws RangeError for non-finite input. */
export function geodeticFromItrf(positionKm: Vec3): Geodetic {
  const [x, y, z] = positionKm;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
    throw new RangeError(`ITRF position must be finite (km), got [${x}, ${y}, ${z}]`);
  }
  const p = Math.hypot(x, y);
  const longitudeRad = Math.atan2(y, x);
  if (p === 0 && z === 0) return { latitudeRad: 0, longitudeRad: 0, heightKm: -WGS84_A_KM };
  const a = WGS84_A_KM, b = WGS84_B_KM;
  // Initial parametric latitude (Bowring 1976 eq. 2 start).
  let beta = Math.atan2(a * z, b * p);
  let phi = 0;
  for (let i = 0; i < 8; i++) {
    const sb = Math.sin(beta), cb = Math.cos(beta);
    const next = Math.atan2(z + EP2 * b * sb * sb * sb, p - WGS84_E2 * a * cb * cb * cb);
    const converged = i > 0 && Math.abs(next - phi) < 1e-15;
    phi = next;
    if (converged) break;
    beta = Math.atan2((1 - WGS84_F) * Math.sin(phi), Math.cos(phi));
  }
  const s = Math.sin(phi), c = Math.cos(phi);
  const heightKm = p * c + z * s - a * Math.sqrt(1 - WGS84_E2 * s * s);
  return { latitudeRad: phi, longitudeRad, heightKm };
}

/** ITRF position (km) of WGS-84 geodetic coordinates. */
export function itrfFromGeodetic(g: Geodetic): Vec3 {
  const s = Math.sin(g.latitudeRad), c = Math.cos(g.latitudeRad);
  const n = WGS84_A_KM / Math.sqrt(1 - WGS84_E2 * s * s);
  const r = (n + g.heightKm) * c;
  return [r * Math.cos(g.longitudeRad), r * Math.sin(g.longitudeRad), (n * (1 - WGS84_E2) + g.heightKm) * s];
}

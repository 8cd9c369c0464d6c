/**
 * The small amount of Earth geometry the event finders need in their hot loop, written allocation-free:
 * WGS-84 geodetic sites (NIMA TR8350.2, 3rd ed. 2000), GMST 1982 (Aoki et al. 1982, as used for SGP4's TEME in
 * Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753, Appendix C) and the
 * TEME → PEF → ITRF rotation with polar motion (IERS Conventions 2010, eq. 5.3, first order in xp, yp).
 *
 * The frames package offers the general, allocating conversions; this module keeps the per-sample path to a few
 * multiplications so that ten days of passes cost milliseconds.
 */
import { TWO_PI } from '../units/index.js';
import { WGS84_A_KM, WGS84_E2 as E2 } from '../frames/geodetic.js';
import { EARTH_ANGULAR_VELOCITY_RAD_S } from '../frames/earth-rotation.js';

/** Earth rotation rate used for Earth-fixed velocities, rad/s (the frames package's IERS nominal ω). */
export const EARTH_ROTATION_RAD_S = EARTH_ANGULAR_VELOCITY_RAD_S;

/** A fixed site on the WGS-84 ellipsoid, with its ITRF position and local east/north/up basis precomputed. */
export interface Site {
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly heightKm: number;
  /** ITRF position, km. */
  readonly positionKm: readonly [number, number, number];
  /** Unit vectors of the local geodetic east, north and up directions in ITRF. */
  readonly east: readonly [number, number, number];
  readonly north: readonly [number, number, number];
  readonly up: readonly [number, number, number];
}

/** Builds a site from geodetic latitude/longitude (radians) and height above the ellipsoid (km). */
export function siteFromGeodetic(latitudeRad: number, longitudeRad: number, heightKm: number): Site {
  if (!Number.isFinite(latitudeRad) || Math.abs(latitudeRad) > Math.PI / 2) {
    throw new RangeError(`latitude must be within ±π/2 rad, got ${latitudeRad}`);
  }
  if (!Number.isFinite(longitudeRad)) throw new RangeError(`longitude must be finite (rad), got ${longitudeRad}`);
  if (!Number.isFinite(heightKm) || heightKm < -12 || heightKm > 1000) {
    throw new RangeError(`site height must be within −12…1000 km, got ${heightKm}`);
  }
  const sl = Math.sin(latitudeRad);
  const cl = Math.cos(latitudeRad);
  const so = Math.sin(longitudeRad);
  const co = Math.cos(longitudeRad);
  const n = WGS84_A_KM / Math.sqrt(1 - E2 * sl * sl);
  return {
    latitudeRad,
    longitudeRad,
    heightKm,
    positionKm: [(n + heightKm) * cl * co, (n + heightKm) * cl * so, (n * (1 - E2) + heightKm) * sl],
    east: [-so, co, 0],
    north: [-sl * co, -sl * so, cl],
    up: [cl * co, cl * so, sl],
  };
}

/**
 * GMST 1982 (radians, [0, 2π)) and its rate (rad/s of UT1) for a two-part UT1 Julian date — the angle that
 * rotates SGP4's TEME frame into the pseudo Earth-fixed frame (Vallado et al. 2006, Appendix C).
 */
export function gmst1982(ut1Jd1: number, ut1Jd2: number): { readonly thetaRad: number; readonly rateRadS: number } {
  const t = (ut1Jd1 - 2_451_545.0 + ut1Jd2) / 36_525;
  const g = 67_310.54841 + (8_640_184.812866 + (0.093104 + -6.2e-6 * t) * t) * t;
  const dg = 8_640_184.812866 + (0.093104 * 2 + -6.2e-6 * 3 * t) * t;
  const frac = (((ut1Jd1 % 1) + (ut1Jd2 % 1) + ((g / 86_400) % 1)) % 1 + 1) % 1;
  return { thetaRad: frac * TWO_PI, rateRadS: ((1 + dg / (86_400 * 36_525)) * TWO_PI) / 86_400 };
}

/**
 * TEME (position km, velocity km/s at out[0..5]) → ITRF in place, given GMST 1982 `thetaRad`, its rate and the
 * polar-motion angles (radians). The Earth-fixed velocity includes −ω × r.
 */
export function temeToItrfInPlace(
  out: Float64Array,
  thetaRad: number,
  thetaRateRadS: number,
  xpRad: number,
  ypRad: number,
): void {
  const c = Math.cos(thetaRad);
  const s = Math.sin(thetaRad);
  const x = out[0]!;
  const y = out[1]!;
  const z = out[2]!;
  const vx = out[3]!;
  const vy = out[4]!;
  const vz = out[5]!;
  // PEF = R3(θ)·TEME
  const px = c * x + s * y;
  const py = -s * x + c * y;
  const pvx = c * vx + s * vy + thetaRateRadS * py;
  const pvy = -s * vx + c * vy - thetaRateRadS * px;
  // ITRF = W·PEF with W ≈ [[1,0,xp],[0,1,−yp],[−xp,yp,1]] (IERS 2010 eq. 5.3, s' neglected: < 0.1 mas)
  out[0] = px + xpRad * z;
  out[1] = py - ypRad * z;
  out[2] = z - xpRad * px + ypRad * py;
  out[3] = pvx + xpRad * vz;
  out[4] = pvy - ypRad * vz;
  out[5] = vz - xpRad * pvx + ypRad * pvy;
}

/**
 * Topocentric elevation (rad), its rate (rad/s), azimuth (rad from north through east), range (km) and the
 * geocentric angle between satellite and site (rad) for an ITRF state in `s[0..5]`; written to `out[0..4]`.
 */
export function topocentricInto(out: Float64Array, s: Float64Array, site: Site): void {
  const p = site.positionKm;
  const rx = s[0]! - p[0];
  const ry = s[1]! - p[1];
  const rz = s[2]! - p[2];
  const vx = s[3]!;
  const vy = s[4]!;
  const vz = s[5]!;
  const e = site.east;
  const n = site.north;
  const u = site.up;
  const re = rx * e[0] + ry * e[1];
  const rn = rx * n[0] + ry * n[1] + rz * n[2];
  const ru = rx * u[0] + ry * u[1] + rz * u[2];
  const ve = vx * e[0] + vy * e[1];
  const vn = vx * n[0] + vy * n[1] + vz * n[2];
  const vu = vx * u[0] + vy * u[1] + vz * u[2];
  const h2 = re * re + rn * rn;
  const h = Math.sqrt(h2);
  const range2 = h2 + ru * ru;
  out[0] = Math.atan2(ru, h);
  out[1] = h > 0 ? (vu * h - (ru * (re * ve + rn * vn)) / h) / range2 : 0;
  const az = Math.atan2(re, rn);
  out[2] = az < 0 ? az + TWO_PI : az;
  out[3] = Math.sqrt(range2);
  const sx = s[0]!;
  const sy = s[1]!;
  const sz = s[2]!;
  const cosPsi = (sx * p[0] + sy * p[1] + sz * p[2]) / (Math.sqrt(sx * sx + sy * sy + sz * sz) * Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]));
  out[4] = Math.acos(Math.min(1, Math.max(-1, cosPsi)));
}

/**
 * Atmospheric refraction for a geometric (true) elevation, radians: Sæmundsson (1986, Sky & Telescope 72, 70),
 * as given in Meeus, "Astronomical Algorithms" 2nd ed. ch. 16, for 1010 hPa and 10 °C. Accurate to ~0.1′ above
 * 0°; below −1° it is held at its −1° value (the formula diverges; below the horizon it only shifts thresholds).
 */
export function refractionRad(elevationRad: number): number {
  const hDeg = Math.max(-1, (elevationRad * 180) / Math.PI);
  const rArcmin = 1.02 / Math.tan(((hDeg + 10.3 / (hDeg + 5.11)) * Math.PI) / 180);
  return (rArcmin / 60) * (Math.PI / 180);
}

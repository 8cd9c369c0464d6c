/**
 * Units and small vector types. Inside the library: kilometres, km/s, radians, seconds.
 * Degrees and metres appear only at I/O edges, and every bare number names its unit in its
 * identifier (`altitudeKm`, `elevationDeg`). Conversions are explicit functions.
 */
export const DEG_PER_RAD = 180 / Math.PI;
export const RAD_PER_DEG = Math.PI / 180;
export const ARCSEC_PER_RAD = 180 * 3600 / Math.PI;
export const RAD_PER_ARCSEC = Math.PI / (180 * 3600);
export const TWO_PI = 2 * Math.PI;
export const SECONDS_PER_DAY = 86_400;
export const MINUTES_PER_DAY = 1_440;
/** Speed of light, km/s (exact, SI). */
export const SPEED_OF_LIGHT_KM_S = 299_792.458;

export const degToRad = (deg: number): number => deg * RAD_PER_DEG;
export const radToDeg = (rad: number): number => rad * DEG_PER_RAD;
export const metresToKm = (m: number): number => m / 1000;
export const kmToMetres = (km: number): number => km * 1000;

/** Reduces an angle to [0, 2π). */
export function wrapTwoPi(rad: number): number {
  const r = rad % TWO_PI;
  return r < 0 ? r + TWO_PI : r;
}

/** Reduces an angle to [−π, π). */
export function wrapPi(rad: number): number {
  return wrapTwoPi(rad + Math.PI) - Math.PI;
}

/** A Cartesian 3-vector. Its unit and frame are named by whoever holds it. */
export type Vec3 = readonly [number, number, number];

export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const norm = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];

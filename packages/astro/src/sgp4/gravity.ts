/**
 * Earth gravity models for SGP4, after Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3"
 * (AIAA 2006-6753), §"Gravitational constants" and its `getgravconst`: WGS-72 is the model the element sets
 * are fitted with (default); WGS-72 "old" keeps the historical truncated `xke`; WGS-84 is offered for study
 * only (it does not match how the elements were produced).
 */

export type GravityModelName = 'wgs72' | 'wgs72old' | 'wgs84';

export interface GravityModel {
  readonly name: GravityModelName;
  /** Gravitational parameter μ, km³/s². */
  readonly muKm3S2: number;
  /** Equatorial radius, km. */
  readonly radiusKm: number;
  /** √(μ) in Earth radii^1.5 per minute. */
  readonly xke: number;
  /** Minutes per canonical time unit, 1/xke. */
  readonly tumin: number;
  readonly j2: number;
  readonly j3: number;
  readonly j4: number;
  readonly j3oj2: number;
}

function model(name: GravityModelName, muKm3S2: number, radiusKm: number, j2: number, j3: number, j4: number, xkeOverride?: number): GravityModel {
  const xke = xkeOverride ?? 60.0 / Math.sqrt((radiusKm * radiusKm * radiusKm) / muKm3S2);
  return Object.freeze({ name, muKm3S2, radiusKm, xke, tumin: 1.0 / xke, j2, j3, j4, j3oj2: j3 / j2 });
}

const MODELS: Readonly<Record<GravityModelName, GravityModel>> = Object.freeze({
  wgs72old: model('wgs72old', 398600.79964, 6378.135, 0.001082616, -0.00000253881, -0.00000165597, 0.0743669161),
  wgs72: model('wgs72', 398600.8, 6378.135, 0.001082616, -0.00000253881, -0.00000165597),
  wgs84: model('wgs84', 398600.5, 6378.137, 0.00108262998905, -0.00000253215306, -0.00000161098761),
});

/** The constants of a named gravity model (frozen). */
export function gravityModel(name: GravityModelName): GravityModel {
  const m = MODELS[name];
  if ((m as GravityModel | undefined) === undefined) throw new RangeError(`unknown SGP4 gravity model '${String(name)}' (wgs72, wgs72old, wgs84)`);
  return m;
}

/**
 * Satellite illumination with a conical Earth shadow: the Sun and the Earth seen from the satellite as two discs
 * of apparent radii a = asin(R_sun/|s − r|) and b = asin(R_earth/|r|), centres c apart (O. Montenbruck &
 * E. Gill, "Satellite Orbits", Springer 2000, §3.4.2, eqs. 3.85–3.89). The sunlit fraction is one minus the
 * occulted fraction of the solar disc (circle–circle overlap area):
 *   c ≥ a + b            → 1 (full Sun)
 *   c ≤ b − a            → 0 (umbra)
 *   c ≤ a − b            → 1 − b²/a² (annular; impossible for Earth satellites)
 *   otherwise            → penumbra, 1 − A/(π a²).
 * "Sunlit" (as in the pass `visible` flag) means the centre of the Sun is not hidden: c > b — the same
 * criterion as a point Sun and a spherical Earth (Skyfield's `is_sunlit`).
 * The Sun vector callers pass should be the apparent (aberrated) geocentric Sun: light travels along that
 * direction in the geocentric frame, so it is the axis of the shadow (the geometric direction is 20″ off, which
 * moves the shadow edge ~0.2 km, ~0.1 s for LEO). `SearchWindow` supplies it.
 * Earth radius: WGS-84 equatorial 6378.137 km (a spherical Earth; the ellipsoid moves shadow boundaries by
 * ≤ 21 km, which is why reference flags within ±30 km of the boundary are treated as borderline).
 */
import type { Vec3 } from '../units/index.js';
import { WGS84_A_KM } from '../frames/geodetic.js';
import { brentRoot } from './roots.js';

/** Solar radius, km (IAU 2015 Resolution B3 nominal). */
export const SUN_RADIUS_KM = 695_700;
/** Earth radius used for the shadow, km (WGS-84 equatorial). */
export const SHADOW_EARTH_RADIUS_KM = WGS84_A_KM;

/** Apparent radii and separation of Sun and Earth seen from the satellite, radians. */
export interface ShadowGeometry {
  readonly sunRadiusRad: number;
  readonly earthRadiusRad: number;
  readonly separationRad: number;
}

/** Geometry for satellite and Sun positions in one geocentric frame, km. */
export function shadowGeometry(satKm: Vec3 | Float64Array, sunKm: Vec3 | Float64Array): ShadowGeometry {
  const rx = satKm[0]!;
  const ry = satKm[1]!;
  const rz = satKm[2]!;
  const dx = sunKm[0]! - rx;
  const dy = sunKm[1]! - ry;
  const dz = sunKm[2]! - rz;
  const r = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (!(r > SHADOW_EARTH_RADIUS_KM)) throw new RangeError(`satellite radius ${r} km is inside the Earth`);
  const cosC = -(rx * dx + ry * dy + rz * dz) / (r * d);
  return {
    sunRadiusRad: Math.asin(Math.min(1, SUN_RADIUS_KM / d)),
    earthRadiusRad: Math.asin(SHADOW_EARTH_RADIUS_KM / r),
    separationRad: Math.acos(Math.min(1, Math.max(-1, cosC))),
  };
}

/** Fraction of the solar disc visible from the satellite, 0 (umbra) … 1 (full Sun). */
export function sunlitFraction(g: ShadowGeometry): number {
  const a = g.sunRadiusRad;
  const b = g.earthRadiusRad;
  const c = g.separationRad;
  if (c >= a + b) return 1;
  if (c <= b - a) return 0;
  if (c <= a - b) return 1 - (b * b) / (a * a);
  const x = (c * c + a * a - b * b) / (2 * c);
  const y = Math.sqrt(Math.max(0, a * a - x * x));
  const area = a * a * Math.acos(Math.max(-1, Math.min(1, x / a))) + b * b * Math.acos(Math.max(-1, Math.min(1, (c - x) / b))) - c * y;
  return Math.min(1, Math.max(0, 1 - area / (Math.PI * a * a)));
}

/** True when the centre of the Sun is visible from the satellite (point-Sun criterion). */
export function isSunlit(g: ShadowGeometry): boolean {
  return g.separationRad > g.earthRadiusRad;
}

export type EclipseEventKind = 'penumbra-entry' | 'umbra-entry' | 'umbra-exit' | 'penumbra-exit';

export interface EclipseEvent {
  readonly kind: EclipseEventKind;
  /** Seconds after the window start. */
  readonly tS: number;
}

/**
 * Satellite and Sun positions in one geocentric frame at `tS` seconds after the window start, written into
 * sat[0..2] and sun[0..2] (km); returns 0 or a nonzero model status code.
 */
export type ShadowSampler = (tS: number, sat: Float64Array, sun: Float64Array) => number;

/**
 * Eclipse entry/exit times in [0, durationS]: sign changes of c − (a + b) (penumbra boundary) and c − (b − a)
 * (umbra boundary), sampled every `stepS` and refined by Brent to `toleranceS`. Any shadow crossing whose
 * boundaries are more than one step apart is found (default step: 30 s; LEO eclipses last ≥ minutes unless
 * grazing at the β-angle limit).
 */
export function findEclipses(sampler: ShadowSampler, durationS: number, stepS = 30, toleranceS = 1e-3): { events: EclipseEvent[]; status: number } {
  if (!(durationS >= 0)) throw new RangeError(`duration must be ≥ 0 s, got ${durationS}`);
  if (!(stepS > 0)) throw new RangeError(`step must be > 0 s, got ${stepS}`);
  const sat = new Float64Array(3);
  const sun = new Float64Array(3);
  let failed = 0;
  const pen = (t: number): number => {
    const code = sampler(t, sat, sun);
    if (code !== 0) {
      failed = code;
      return Number.NaN;
    }
    const g = shadowGeometry(sat, sun);
    return g.separationRad - (g.sunRadiusRad + g.earthRadiusRad);
  };
  const umb = (t: number): number => {
    const code = sampler(t, sat, sun);
    if (code !== 0) {
      failed = code;
      return Number.NaN;
    }
    const g = shadowGeometry(sat, sun);
    return g.separationRad - (g.earthRadiusRad - g.sunRadiusRad);
  };
  const events: EclipseEvent[] = [];
  let t0 = 0;
  let p0 = pen(0);
  let u0 = umb(0);
  while (t0 < durationS && failed === 0) {
    const t1 = Math.min(t0 + stepS, durationS);
    const p1 = pen(t1);
    const u1 = umb(t1);
    if (failed !== 0) break;
    const found: EclipseEvent[] = [];
    if ((p0 < 0) !== (p1 < 0)) found.push({ kind: p0 >= 0 ? 'penumbra-entry' : 'penumbra-exit', tS: brentRoot(pen, t0, t1, p0, p1, toleranceS).x });
    if ((u0 < 0) !== (u1 < 0)) found.push({ kind: u0 >= 0 ? 'umbra-entry' : 'umbra-exit', tS: brentRoot(umb, t0, t1, u0, u1, toleranceS).x });
    found.sort((x, y) => x.tS - y.tS);
    events.push(...found);
    t0 = t1;
    p0 = p1;
    u0 = u1;
  }
  return { events, status: failed };
}

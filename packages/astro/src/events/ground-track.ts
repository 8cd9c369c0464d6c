/**
 * Ground track (sub-satellite points, WGS-84 geodetic) and visibility footprint, as GeoJSON (RFC 7946).
 * Lines that cross the antimeridian are split there, with the crossing latitude interpolated linearly in
 * longitude (RFC 7946 §3.1.9); footprints are small circles of geocentric radius λ = acos(R·cos ε / r) − ε on a
 * spherical Earth of radius R = 6371.0088 km (IUGG mean radius; the ellipsoid changes λ by < 0.3 %), split into
 * a MultiPolygon when they straddle the antimeridian. A footprint that contains a pole is returned as a band
 * cap (ring closed along the ±180° meridians and the pole) so that it still renders correctly.
 */
import { geodeticFromItrf } from '../frames/geodetic.js';
import type { Propagator } from '../propagator/index.js';
import type { Instant } from '../time/instant.js';
import { ecefSampler, SearchWindow, type EarthOrientationView } from './window.js';

const DEG = 180 / Math.PI;
const MEAN_EARTH_RADIUS_KM = 6371.0088;

export interface GroundPoint {
  /** Seconds after the window start. */
  readonly tS: number;
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  readonly altitudeKm: number;
}

/** Sub-satellite points every `stepS` over [start, start + durationS]; stops early where the ephemeris fails. */
export function groundTrack(propagator: Propagator, start: Instant, durationS: number, stepS: number, earth: EarthOrientationView): GroundPoint[] {
  if (!(stepS > 0)) throw new RangeError(`ground-track step must be > 0 s, got ${stepS}`);
  if (durationS / stepS > 1e6) throw new RangeError(`ground track of ${durationS / stepS} points is too long (limit 1e6)`);
  const window = new SearchWindow(start, durationS, earth);
  const sampler = ecefSampler(propagator, window);
  const s = new Float64Array(6);
  const out: GroundPoint[] = [];
  for (let k = 0; ; k++) {
    const tS = Math.min(k * stepS, durationS);
    if (sampler.sample(tS, s) !== 0) break;
    const g = geodeticFromItrf([s[0]!, s[1]!, s[2]!]);
    out.push({ tS, latitudeDeg: g.latitudeRad * DEG, longitudeDeg: g.longitudeRad * DEG, altitudeKm: g.heightKm });
    if (tS >= durationS) break;
  }
  return out;
}

type Position = [number, number];

/** Splits a polyline (lon, lat in degrees, lon in [−180, 180]) at the antimeridian. */
export function splitAtAntimeridian(points: readonly Position[]): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const prev = points[i - 1];
    if (prev !== undefined && Math.abs(p[0] - prev[0]) > 180) {
      // crossing: unwrap p next to prev, interpolate the latitude at ±180
      const edge = prev[0] > 0 ? 180 : -180;
      const pLonUnwrapped = p[0] + (prev[0] > 0 ? 360 : -360);
      const f = (edge - prev[0]) / (pLonUnwrapped - prev[0]);
      const lat = prev[1] + f * (p[1] - prev[1]);
      current.push([edge, lat]);
      parts.push(current);
      current = [[-edge, lat]];
    }
    current.push([p[0], p[1]]);
  }
  if (current.length > 0) parts.push(current);
  return parts.filter((part) => part.length >= 2);
}

/** GeoJSON Feature (MultiLineString) of a ground track, split at the antimeridian. */
export function groundTrackGeoJson(points: readonly GroundPoint[], properties: Record<string, unknown> = {}): {
  type: 'Feature';
  geometry: { type: 'MultiLineString'; coordinates: Position[][] };
  properties: Record<string, unknown>;
} {
  const coords = splitAtAntimeridian(points.map((p) => [round6(p.longitudeDeg), round6(p.latitudeDeg)] as Position));
  return { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: coords }, properties };
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Geocentric radius of the visibility circle, rad, for a satellite at `altitudeKm` and elevation limit. */
export function footprintRadiusRad(altitudeKm: number, minElevationRad = 0): number {
  if (!(altitudeKm > 0)) throw new RangeError(`altitude must be > 0 km, got ${altitudeKm}`);
  const r = MEAN_EARTH_RADIUS_KM + altitudeKm;
  return Math.max(0, Math.acos((MEAN_EARTH_RADIUS_KM * Math.cos(minElevationRad)) / r) - minElevationRad);
}

/**
 * GeoJSON geometry of the footprint around a sub-satellite point: the small circle of points from which the
 * satellite is above `minElevationRad`. `vertices` points on the circle (default 72).
 */
export function footprintGeoJson(latitudeDeg: number, longitudeDeg: number, altitudeKm: number, minElevationRad = 0, vertices = 72):
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] } {
  const lam = footprintRadiusRad(altitudeKm, minElevationRad);
  const phi0 = latitudeDeg / DEG;
  const lon0 = longitudeDeg / DEG;
  const ring: Position[] = [];
  for (let k = 0; k < vertices; k++) {
    const az = (2 * Math.PI * k) / vertices;
    const lat = Math.asin(Math.sin(phi0) * Math.cos(lam) + Math.cos(phi0) * Math.sin(lam) * Math.cos(az));
    const dLon = Math.atan2(Math.sin(az) * Math.sin(lam) * Math.cos(phi0), Math.cos(lam) - Math.sin(phi0) * Math.sin(lat));
    ring.push([(lon0 + dLon) * DEG, lat * DEG]); // unwrapped around the centre longitude
  }
  const containsPole = Math.abs(latitudeDeg) / DEG + lam > Math.PI / 2;
  if (containsPole) {
    // sort by longitude, close along the pole: a cap between the circle and the pole
    const pole = latitudeDeg > 0 ? 90 : -90;
    const pts = ring.map(([x, y]) => [((((x + 180) % 360) + 360) % 360) - 180, y] as Position).sort((a, b) => a[0] - b[0]);
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    const edgeLat = (first[1] + last[1]) / 2;
    const capRing: Position[] = [[-180, pole], [-180, edgeLat], ...pts, [180, edgeLat], [180, pole], [-180, pole]];
    return { type: 'Polygon', coordinates: [capRing.map(([x, y]) => [round6(x), round6(y)] as Position)] };
  }
  ring.push(ring[0]!);
  const minLon = Math.min(...ring.map((p) => p[0]));
  const maxLon = Math.max(...ring.map((p) => p[0]));
  const shift = (rg: Position[], by: number): Position[] => rg.map(([x, y]) => [round6(x + by), round6(y)] as Position);
  if (minLon >= -180 && maxLon <= 180) return { type: 'Polygon', coordinates: [shift(ring, 0)] };
  // straddles ±180: clip the unwrapped ring into the two half-planes and shift the outer part back
  const edge = maxLon > 180 ? 180 : -180;
  const inside = clipByLongitude(ring, edge, maxLon > 180 ? 'below' : 'above');
  const outside = clipByLongitude(ring, edge, maxLon > 180 ? 'above' : 'below');
  return { type: 'MultiPolygon', coordinates: [[shift(inside, 0)], [shift(outside, maxLon > 180 ? -360 : 360)]] };
}

/** Sutherland–Hodgman clip of a closed ring against the half-plane lon ≤ edge ('below') or lon ≥ edge ('above'). */
function clipByLongitude(ring: readonly Position[], edge: number, keep: 'below' | 'above'): Position[] {
  const inside = (p: Position): boolean => (keep === 'below' ? p[0] <= edge : p[0] >= edge);
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const ia = inside(a);
    const ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) {
      const f = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + f * (b[1] - a[1])]);
    }
  }
  if (out.length > 0) out.push(out[0]!);
  return out;
}

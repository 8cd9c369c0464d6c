/**
 * Pass prediction for an observer: rise / culmination / set from `findPasses`, then per pass the visible segment
 * (satellite sunlit while the Sun is below −6° at the observer — the naked-eye criterion of e.g. NASA's Spot the
 * Station), an estimated visual magnitude and a sky track. Records are plain JSON-safe objects with degrees,
 * km and ISO-8601 UTC times (ms) at this I/O edge.
 *
 * Magnitude: diffuse (Lambertian) sphere with standard magnitude m₀ defined at 1000 km range and 90° phase
 * angle (McCants' convention, used by Heavens-Above; phase law of a Lambertian sphere, e.g. Hejduk 2011,
 * "Specular and diffuse components in spherical satellite photometric modeling", AMOS):
 *   m = m₀ + 5·log10(ρ / 1000 km) − 2.5·log10((π − φ)·cos φ + sin φ) − 2.5·log10(f),
 * φ the Sun–satellite–observer angle, f the sunlit fraction of the solar disc (penumbra). ISS: m₀ = −1.8.
 */
import type { Propagator } from '../propagator/index.js';
import type { Instant } from '../time/instant.js';
import { brentRoot } from './roots.js';
import { siteFromGeodetic, topocentricInto, type TopocentricSite as Site } from '../frames/look-angles.js';
import { refractionRad } from './earth.js';
import { findPasses, type PassSearchOptions } from './pass-finder.js';
import { isSunlit, shadowGeometry, sunlitFraction } from './illumination.js';
import { ISS_STANDARD_MAGNITUDE, visualMagnitude } from './magnitude.js';
import { ecefSampler, SearchWindow, type EarthOrientationView } from './window.js';

const DEG = 180 / Math.PI;

/** What the pass predictor needs from the time system (`TimeScales` provides it). */
export interface PassTimeView extends EarthOrientationView {
  toIsoUtc(t: Instant, fractionDigits?: number): string;
}

/** A ground observer, radians and km (the frames package's `Observer` has this shape). */
export interface GeodeticObserver {
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly heightKm: number;
}

export interface PassPoint {
  /** ISO-8601 UTC with milliseconds. */
  readonly time: string;
  readonly azimuthDeg: number;
  /** Geometric elevation (apparent, if refraction was requested). */
  readonly elevationDeg: number;
  readonly rangeKm: number;
  readonly sunlit: boolean;
  /** Estimated visual magnitude; null when the satellite is in the Earth's umbra. */
  readonly magnitude: number | null;
}

export interface SkyTrackPoint {
  readonly time: string;
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  readonly magnitude: number | null;
}

export interface PassRecord {
  /** Null when the pass was already in progress at the window start. */
  readonly rise: PassPoint | null;
  readonly culmination: PassPoint;
  /** Null when the pass is still in progress at the window end. */
  readonly set: PassPoint | null;
  readonly maxElevationDeg: number;
  /** Set minus rise, s; null for truncated passes. */
  readonly durationS: number | null;
  readonly truncated: 'start' | 'end' | 'both' | null;
  /** Satellite sunlit while the observer's Sun altitude is below the limit (−6°) at some moment of the pass. */
  readonly visible: boolean;
  readonly visibleStart: string | null;
  readonly visibleEnd: string | null;
  /** Brightest (numerically smallest) magnitude within the visible segment; null when not visible. */
  readonly maxMagnitude: number | null;
  /** Sun altitude at the observer at culmination, deg. */
  readonly sunAltitudeDeg: number;
  readonly skyTrack: readonly SkyTrackPoint[];
}

export interface PassPredictionOptions extends Omit<PassSearchOptions, 'orbit'> {
  /** Standard magnitude at 1000 km and 90° phase (default −1.8, the ISS). */
  readonly standardMagnitude?: number;
  /** Sun altitude below which the sky is dark enough, rad (default −6°, civil twilight). */
  readonly darkSunAltitudeRad?: number;
  /** Sky-track sampling step, s (default 10, or pass duration / 360 if longer). */
  readonly skyTrackStepS?: number;
}

export interface PassPrediction {
  readonly passes: PassRecord[];
  /** 0, or the propagator's status code where it stopped; passes then cover [start, start + searchedS]. */
  readonly status: number;
  readonly searchedS: number;
  readonly evaluations: number;
}

/** Positive-valued sub-intervals of g on [a, b] (sampled every `step`, boundaries refined by Brent). */
function positiveIntervals(g: (t: number) => number, a: number, b: number, step: number): [number, number][] {
  const out: [number, number][] = [];
  let t0 = a;
  let g0 = g(a);
  let openAt: number | null = g0 > 0 ? a : null;
  while (t0 < b) {
    const t1 = Math.min(b, t0 + step);
    const g1 = g(t1);
    if ((g0 > 0) !== (g1 > 0)) {
      const r = brentRoot(g, t0, t1, g0, g1, 1e-3).x;
      if (g1 > 0) openAt = r;
      else if (openAt !== null) {
        out.push([openAt, r]);
        openAt = null;
      }
    }
    t0 = t1;
    g0 = g1;
  }
  if (openAt !== null) out.push([openAt, b]);
  return out;
}

function intersect(x: [number, number][], y: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a0, a1] of x) for (const [b0, b1] of y) if (Math.min(a1, b1) > Math.max(a0, b0)) out.push([Math.max(a0, b0), Math.min(a1, b1)]);
  return out;
}

/** Predicts passes of `propagator` over `observer` for [start, start + durationS]. */
export function predictPasses(
  propagator: Propagator,
  observer: GeodeticObserver,
  start: Instant,
  durationS: number,
  time: PassTimeView,
  options: PassPredictionOptions = {},
): PassPrediction {
  const site: Site = siteFromGeodetic(observer.latitudeRad, observer.longitudeRad, observer.heightKm);
  const window = new SearchWindow(start, durationS, time);
  const sampler = ecefSampler(propagator, window);
  const found = findPasses(sampler, site, durationS, options);
  const m0 = options.standardMagnitude ?? ISS_STANDARD_MAGNITUDE;
  const dark = options.darkSunAltitudeRad ?? -6 / DEG;
  const requestedTrackStep = options.skyTrackStepS;
  if (requestedTrackStep !== undefined && !(requestedTrackStep > 0)) throw new RangeError(`sky-track step must be > 0 s, got ${requestedTrackStep}`);
  const refraction = options.refraction ?? false;

  const st = new Float64Array(6);
  const topo = new Float64Array(5);
  const sun = new Float64Array(3);
  const sunTopo = new Float64Array(5);
  const sunState = new Float64Array(6);
  /** Evaluates everything at tS; returns false when the ephemeris fails. */
  const look = (tS: number): boolean => {
    if (sampler.sample(tS, st) !== 0) return false;
    topocentricInto(topo, st, site);
    window.sunItrfInto(tS, sun);
    return true;
  };
  const sunAltitude = (): number => {
    sunState[0] = sun[0]!;
    sunState[1] = sun[1]!;
    sunState[2] = sun[2]!;
    topocentricInto(sunTopo, sunState, site);
    return sunTopo[0]!;
  };
  const magnitudeNow = (): { sunlit: boolean; magnitude: number | null } => {
    const g = shadowGeometry(st, sun);
    const f = sunlitFraction(g);
    const sunlit = isSunlit(g);
    if (f <= 0) return { sunlit, magnitude: null };
    // phase angle at the satellite between the Sun and the observer
    const p = site.positionKm;
    const ox = p[0] - st[0]!;
    const oy = p[1] - st[1]!;
    const oz = p[2] - st[2]!;
    const sx = sun[0]! - st[0]!;
    const sy = sun[1]! - st[1]!;
    const sz = sun[2]! - st[2]!;
    const cosPhi = (ox * sx + oy * sy + oz * sz) / (Math.hypot(ox, oy, oz) * Math.hypot(sx, sy, sz));
    const phi = Math.acos(Math.max(-1, Math.min(1, cosPhi)));
    const m = visualMagnitude(m0, topo[3]!, phi, f);
    return { sunlit, magnitude: m === null ? null : Math.round(m * 100) / 100 };
  };
  const iso = (tS: number): string => time.toIsoUtc(window.at(tS), 3);
  const elevationOut = (el: number): number => (refraction ? el + refractionRad(el) : el) * DEG;
  const point = (tS: number): PassPoint => {
    if (!look(tS)) throw new RangeError(`ephemeris failed at ${tS} s inside a found pass`);
    const mag = magnitudeNow();
    return {
      time: iso(tS),
      azimuthDeg: topo[2]! * DEG,
      elevationDeg: elevationOut(topo[0]!),
      rangeKm: topo[3]!,
      sunlit: mag.sunlit,
      magnitude: mag.magnitude,
    };
  };
  const sunlitMargin = (tS: number): number => {
    if (!look(tS)) return -1;
    const g = shadowGeometry(st, sun);
    return g.separationRad - g.earthRadiusRad;
  };
  // the Sun's altitude needs no satellite state
  const darkMargin = (tS: number): number => {
    window.sunItrfInto(tS, sun);
    return dark - sunAltitude();
  };

  const passes: PassRecord[] = [];
  const end = found.status === 0 ? durationS : found.searchedS;
  for (const p of found.passes) {
    const a = p.riseS ?? 0;
    const b = p.setS ?? end;
    const culmination = point(p.culminationS);
    look(p.culminationS);
    const sunAltitudeDeg = sunAltitude() * DEG;
    const step = Math.min(30, Math.max(1, (b - a) / 4));
    const segments = b > a ? intersect(positiveIntervals(sunlitMargin, a, b, step), positiveIntervals(darkMargin, a, b, step)) : [];
    // default: 10 s, coarsened so that hours-long (MEO/HEO) passes keep ≤ ~360 track points
    const trackStep = requestedTrackStep ?? Math.max(10, (b - a) / 360);
    const skyTrack: SkyTrackPoint[] = [];
    for (let t = a; ; t = Math.min(b, t + trackStep)) {
      if (!look(t)) break;
      const mag = magnitudeNow();
      skyTrack.push({ time: iso(t), azimuthDeg: topo[2]! * DEG, elevationDeg: elevationOut(topo[0]!), magnitude: mag.magnitude });
      if (t >= b) break;
    }
    let maxMagnitude: number | null = null;
    for (const [s0, s1] of segments) {
      const probes = [s0, s1, p.culminationS];
      for (let t = s0; t < s1; t += trackStep / 2) probes.push(t);
      for (const t of probes) {
        if (t < s0 || t > s1 || !look(t)) continue;
        const m = magnitudeNow().magnitude;
        if (m !== null && (maxMagnitude === null || m < maxMagnitude)) maxMagnitude = m;
      }
    }
    const first = segments[0];
    const last = segments[segments.length - 1];
    passes.push({
      rise: p.riseS === null ? null : point(p.riseS),
      culmination,
      set: p.setS === null ? null : point(p.setS),
      maxElevationDeg: elevationOut(p.maxElevationRad),
      durationS: p.riseS !== null && p.setS !== null ? p.setS - p.riseS : null,
      truncated: p.riseS === null ? (p.setS === null ? 'both' : 'start') : p.setS === null ? 'end' : null,
      visible: segments.length > 0,
      visibleStart: first === undefined ? null : iso(first[0]),
      visibleEnd: last === undefined ? null : iso(last[1]),
      maxMagnitude,
      sunAltitudeDeg,
      skyTrack,
    });
  }
  return { passes, status: found.status, searchedS: found.searchedS, evaluations: found.evaluations };
}

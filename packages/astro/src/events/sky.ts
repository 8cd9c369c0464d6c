/**
 * Convenience views built on the search window: the apparent Sun's altitude/azimuth and twilight class for an
 * observer at an instant, and eclipse (shadow) entry/exit of any propagator over a window.
 * Sun: Meeus ch. 25 series (bodies/sun.ts) rotated TEME → ITRF with GMST 1982 and polar motion, topocentric
 * (parallax included), no refraction.
 */
import { twilightClass, type TwilightClass } from '../bodies/twilight.js';
import type { Propagator } from '../propagator/index.js';
import type { Instant } from '../time/instant.js';
import { siteFromGeodetic, topocentricInto } from '../frames/look-angles.js';
import { findEclipses, type EclipseEventKind } from './illumination.js';
import type { GeodeticObserver } from './passes.js';
import { ecefSampler, SearchWindow, type EarthOrientationView } from './window.js';

export interface SunForObserver {
  /** Apparent (aberrated, unrefracted) topocentric altitude, rad. */
  readonly altitudeRad: number;
  /** Azimuth from north through east, rad. */
  readonly azimuthRad: number;
  readonly twilight: TwilightClass;
}

/** The Sun seen by `observer` at `t`. */
export function sunForObserver(observer: GeodeticObserver, t: Instant, earth: EarthOrientationView): SunForObserver {
  const window = new SearchWindow(t, 0, earth);
  const site = siteFromGeodetic(observer.latitudeRad, observer.longitudeRad, observer.heightKm);
  const s = new Float64Array(6);
  window.sunItrfInto(0, s);
  const topo = new Float64Array(5);
  topocentricInto(topo, s, site);
  return { altitudeRad: topo[0]!, azimuthRad: topo[2]!, twilight: twilightClass(topo[0]!) };
}

export interface EclipseCrossing {
  readonly kind: EclipseEventKind;
  readonly instant: Instant;
}

/**
 * Penumbra/umbra entries and exits of `propagator` (TEME, ITRF or GCRF; computed Earth-fixed) in [start, start + durationS], by root finding
 * on the conical-shadow boundaries (1 ms). `status` is nonzero when the propagator failed (search stopped).
 */
export function predictEclipses(
  propagator: Propagator,
  start: Instant,
  durationS: number,
  earth: EarthOrientationView,
  stepS = 30,
): { crossings: EclipseCrossing[]; status: number } {
  const window = new SearchWindow(start, durationS, earth);
  const sampler = ecefSampler(propagator, window);
  const st = new Float64Array(6);
  const { events, status } = findEclipses(
    (tS, sat, sun) => {
      const code = sampler.sample(tS, st);
      if (code !== 0) return code;
      sat[0] = st[0]!;
      sat[1] = st[1]!;
      sat[2] = st[2]!;
      window.sunItrfInto(tS, sun);
      return 0;
    },
    durationS,
    stepS,
  );
  return { crossings: events.map((e) => ({ kind: e.kind, instant: window.at(e.tS) })), status };
}

/**
 * Passes for many observers over one shared ephemeris — the single-thread core each worker runs. For every
 * observer it runs `@stationkeeper/astro/events` `findPasses` unchanged (visibility-cone skipping as the cheap
 * bound, then Brent root/extremum refinement; see docs/passes.md) over a `TabulatedEphemeris` instead of SGP4, so
 * the timing accuracy is the finder's own plus the interpolation error (sub-millisecond; docs/passes-cities.md).
 */
import { findPasses, orbitBoundsFromItrfState, siteFromGeodetic, topocentricInto, type OrbitBounds, type PassSearchOptions, type Site } from '@stationkeeper/astro/events';
import type { TabulatedEphemeris } from './ephemeris.js';
import { PassTableBuilder, type PassColumns } from './pass-table.js';

/** Observers as columns: geodetic latitude and longitude (rad), height above the WGS-84 ellipsoid (km). */
export interface ObserverColumns {
  readonly latitudeRad: Float64Array;
  readonly longitudeRad: Float64Array;
  readonly heightKm: Float64Array;
}

/** Per-observer status: the observer's coordinates are out of range (NaN, |lat| > 90°, height outside −12…1000 km). */
export const OBSERVER_INVALID = -1;

/** Search options (as `findPasses`; the orbit bounds come from the ephemeris). */
export type ManyPassOptions = Omit<PassSearchOptions, 'orbit'>;

/** Orbit bounds from the first node, exactly as the single-observer finder derives them from its first sample. */
export function ephemerisOrbitBounds(ephemeris: TabulatedEphemeris): OrbitBounds | undefined {
  const d = ephemeris.data;
  if (d.codes[0] !== 0) return undefined;
  return orbitBoundsFromItrfState(d.states.subarray(0, 6));
}

/**
 * Finds the passes of observers [first, end) and writes each observer's status into `status` (0; the ephemeris
 * code where its search stopped; or `OBSERVER_INVALID`). Rows come out in observer order.
 */
export function findPassesForObservers(
  ephemeris: TabulatedEphemeris,
  observers: ObserverColumns,
  first: number,
  end: number,
  status: Int32Array,
  options: ManyPassOptions = {},
): PassColumns {
  const n = observers.latitudeRad.length;
  if (observers.longitudeRad.length !== n || observers.heightKm.length !== n) throw new RangeError('observer columns differ in length');
  if (!(Number.isInteger(first) && Number.isInteger(end) && 0 <= first && first <= end && end <= n)) {
    throw new RangeError(`observer range ${first}…${end} is outside 0…${n}`);
  }
  const durationS = ephemeris.data.durationS;
  const bounds = ephemerisOrbitBounds(ephemeris);
  const search: PassSearchOptions = bounds === undefined ? options : { ...options, orbit: bounds };
  const out = new PassTableBuilder(Math.max(16, (end - first) * 8));
  const st = new Float64Array(6);
  const topo = new Float64Array(5);
  let site: Site;
  const look = (tS: number): void => {
    const code = ephemeris.sample(tS, st);
    if (code !== 0) throw new RangeError(`ephemeris failed (code ${code}) at ${tS} s inside a found pass`);
    topocentricInto(topo, st, site);
  };
  for (let i = first; i < end; i++) {
    try {
      site = siteFromGeodetic(observers.latitudeRad[i]!, observers.longitudeRad[i]!, observers.heightKm[i]!);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      status[i] = OBSERVER_INVALID;
      continue;
    }
    const found = findPasses(ephemeris, site, durationS, search);
    status[i] = found.status;
    for (const p of found.passes) {
      look(p.culminationS);
      const culminationAzimuthRad = topo[2]!;
      const culminationRangeKm = topo[3]!;
      let riseAzimuthRad: number | null = null;
      let setAzimuthRad: number | null = null;
      if (p.riseS !== null) {
        look(p.riseS);
        riseAzimuthRad = topo[2]!;
      }
      if (p.setS !== null) {
        look(p.setS);
        setAzimuthRad = topo[2]!;
      }
      out.push(i, {
        riseS: p.riseS, culminationS: p.culminationS, setS: p.setS, maxElevationRad: p.maxElevationRad,
        riseAzimuthRad, culminationAzimuthRad, setAzimuthRad, culminationRangeKm,
      }, found.status === 0 ? durationS : found.searchedS);
    }
  }
  return out.columns();
}

/**
 * One row of an object's element history as people read it: epoch, mean altitude, perigee and apogee
 * altitude, mean motion, B*.
 *
 * The mean semi-major axis and altitudes are SGP4's own Brouwer mean orbit (Kozai → Brouwer as SGP4 `initl`
 * does it, WGS-72; Vallado, Crawford, Hujsak & Kelso 2006, AIAA 2006-6753), computed by
 * `@stationkeeper/astro/elements` (`meanAltitudes`), the single implementation the decay module uses too.
 * Altitudes are stated above the WGS-84 equatorial radius, 6378.137 km: mean a − R, perigee a(1 − e) − R,
 * apogee a(1 + e) − R. They are mean-element altitudes (the osculating altitude of the ISS swings ±~10 km
 * around them over an orbit).
 */
import { meanAltitudes } from '@stationkeeper/astro/elements';
import type { StoredElementSet } from './types.js';

export {
  brouwerMeanMotionRadPerMin, brouwerSemiMajorAxisKm as meanSemiMajorAxisKm,
  MEAN_ALTITUDE_REFERENCE_RADIUS_KM as WGS84_EQUATORIAL_RADIUS_KM,
} from '@stationkeeper/astro/elements';

export interface HistoryRow {
  readonly noradId: number;
  readonly epochIso: string;
  readonly epochUtcMjd: number;
  readonly meanSemiMajorAxisKm: number;
  /** Mean altitude above the WGS-84 equatorial radius, km. */
  readonly meanAltitudeKm: number;
  readonly perigeeAltitudeKm: number;
  readonly apogeeAltitudeKm: number;
  readonly meanMotionRevPerDay: number;
  readonly eccentricity: number;
  /** SGP4 drag term, 1/Earth radii. */
  readonly bstar: number;
}

export function historyRow(stored: StoredElementSet): HistoryRow {
  const s = stored.elementSet;
  const m = meanAltitudes(s);
  return {
    noradId: s.noradId,
    epochIso: stored.epochIso,
    epochUtcMjd: stored.epochUtcMjd,
    meanSemiMajorAxisKm: m.semiMajorAxisKm,
    meanAltitudeKm: m.meanAltitudeKm,
    perigeeAltitudeKm: m.perigeeAltitudeKm,
    apogeeAltitudeKm: m.apogeeAltitudeKm,
    meanMotionRevPerDay: s.meanMotionRevPerDay,
    eccentricity: s.eccentricity,
    bstar: s.bstar,
  };
}

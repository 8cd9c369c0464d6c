/**
 * One row of an object's element history as people read it: epoch, mean altitude, perigee and apogee
 * altitude, mean motion, B*.
 *
 * The mean semi-major axis is SGP4's own (Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack
 * Report #3", AIAA 2006-6753, `initl`): the published Kozai mean motion n₀ is converted to the Brouwer mean
 * motion n₀″ = n₀ / (1 + δ₀) with the WGS-72 constants the element sets are fitted with, and
 * a₀″ = (k_e / n₀″)^(2/3). Altitudes are stated above the WGS-84 equatorial radius, 6378.137 km:
 * mean altitude a − R, perigee a(1 − e) − R, apogee a(1 + e) − R. They are mean-element altitudes (the
 * osculating altitude of the ISS swings ±~10 km around them over an orbit).
 */
import type { ElementSet } from '@stationkeeper/astro/elements';
import { gravityModel } from '@stationkeeper/astro/sgp4';
import type { StoredElementSet } from './types.js';

/** WGS-84 equatorial radius, km (NIMA TR8350.2). */
export const WGS84_EQUATORIAL_RADIUS_KM = 6378.137;

const MINUTES_PER_DAY = 1440;

/** Brouwer (un-Kozai'd) mean motion, rad/min, from the published Kozai mean motion (WGS-72, as SGP4). */
export function brouwerMeanMotionRadPerMin(s: ElementSet): number {
  const { xke, j2 } = gravityModel('wgs72');
  const noKozai = (s.meanMotionRevPerDay * 2 * Math.PI) / MINUTES_PER_DAY;
  if (!(noKozai > 0) || !(s.eccentricity >= 0 && s.eccentricity < 1)) {
    throw new RangeError(`NORAD ${s.noradId}: mean motion must be > 0 rev/day and eccentricity in [0, 1)`);
  }
  const x2o3 = 2 / 3;
  const omeosq = 1 - s.eccentricity * s.eccentricity;
  const rteosq = Math.sqrt(omeosq);
  const cosio = Math.cos(s.inclinationRad);
  const ak = Math.pow(xke / noKozai, x2o3);
  const d1 = (0.75 * j2 * (3 * cosio * cosio - 1)) / (rteosq * omeosq);
  let del = d1 / (ak * ak);
  const adel = ak * (1 - del * del - del * (1 / 3 + (134 * del * del) / 81));
  del = d1 / (adel * adel);
  return noKozai / (1 + del);
}

/** Brouwer mean semi-major axis, km (SGP4's a₀″ in WGS-72 Earth radii × 6378.135 km). */
export function meanSemiMajorAxisKm(s: ElementSet): number {
  const g = gravityModel('wgs72');
  return Math.pow(g.xke / brouwerMeanMotionRadPerMin(s), 2 / 3) * g.radiusKm;
}

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
  const a = meanSemiMajorAxisKm(s);
  const r = WGS84_EQUATORIAL_RADIUS_KM;
  return {
    noradId: s.noradId,
    epochIso: stored.epochIso,
    epochUtcMjd: stored.epochUtcMjd,
    meanSemiMajorAxisKm: a,
    meanAltitudeKm: a - r,
    perigeeAltitudeKm: a * (1 - s.eccentricity) - r,
    apogeeAltitudeKm: a * (1 + s.eccentricity) - r,
    meanMotionRevPerDay: s.meanMotionRevPerDay,
    eccentricity: s.eccentricity,
    bstar: s.bstar,
  };
}

/**
 * The mean orbit SGP4 itself assigns to an element set: the Brouwer mean motion and mean semi-major axis that
 * SGP4 initialisation (`initl`) derives from the published Kozai mean motion, and mean altitudes from them.
 *
 * Kozai → Brouwer (Hoots & Roehrich 1980, "Spacetrack Report No. 3", §6 SGP4 initialisation; Vallado, Crawford,
 * Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753, `initl`), with the WGS-72 constants the
 * element sets are fitted with (k_e, J2, R = 6378.135 km from `sgp4/gravity.ts`, the same object SGP4 uses):
 *   a₁ = (k_e / n₀)^(2/3),  δ₁ = ¾ J2 (3 cos² i − 1) / (1 − e²)^(3/2) / a₁²,
 *   a₀ = a₁ (1 − δ₁/3 − δ₁² − 134/81 δ₁³),  δ₀ = ¾ J2 (3 cos² i − 1) / (1 − e²)^(3/2) / a₀²,
 *   n₀″ = n₀ / (1 + δ₀),  a₀″ = (k_e / n₀″)^(2/3)  (Earth radii, canonical units).
 * Mean altitudes are stated above the WGS-84 equatorial radius, 6378.137 km (NIMA TR8350.2) — the convention of
 * `stationkeeper history` and the decay module: mean a − R, perigee a(1 − e) − R, apogee a(1 + e) − R. They are
 * mean-element altitudes: the osculating altitude of the ISS swings by ±~10 km around them over an orbit.
 */
import { gravityModel } from '../sgp4/gravity.js';
import type { ElementSet } from './element-set.js';

/** Reference radius of every mean altitude: the WGS-84 equatorial radius, km (NIMA TR8350.2). */
export const MEAN_ALTITUDE_REFERENCE_RADIUS_KM = 6378.137;

const MINUTES_PER_DAY = 1440;

/** The element values the conversion reads (an `ElementSet` has them all). */
export type KozaiElements = Pick<ElementSet, 'noradId' | 'meanMotionRevPerDay' | 'eccentricity' | 'inclinationRad'>;

/**
 * Brouwer (un-Kozai'd) mean motion n₀″, rad/min, from the published Kozai mean motion (SGP4 `initl`, WGS-72).
 * RangeError when the mean motion is not > 0 or the eccentricity is outside [0, 1).
 */
export function brouwerMeanMotionRadPerMin(s: KozaiElements): number {
  const { xke, j2 } = gravityModel('wgs72');
  const noKozai = (s.meanMotionRevPerDay * 2 * Math.PI) / MINUTES_PER_DAY;
  if (!(noKozai > 0 && Number.isFinite(noKozai)) || !(s.eccentricity >= 0 && s.eccentricity < 1)) {
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

/** Brouwer mean semi-major axis a₀″, km: (k_e/n₀″)^(2/3) WGS-72 Earth radii × 6378.135 km. */
export function brouwerSemiMajorAxisKm(s: KozaiElements): number {
  const g = gravityModel('wgs72');
  return Math.pow(g.xke / brouwerMeanMotionRadPerMin(s), 2 / 3) * g.radiusKm;
}

/** Mean, perigee and apogee altitudes of the Brouwer mean orbit above the WGS-84 equatorial radius, km. */
export interface MeanAltitudes {
  readonly semiMajorAxisKm: number;
  readonly meanAltitudeKm: number;
  readonly perigeeAltitudeKm: number;
  readonly apogeeAltitudeKm: number;
}

/** The mean semi-major axis and the mean, perigee and apogee altitudes of an element set. */
export function meanAltitudes(s: KozaiElements): MeanAltitudes {
  const a = brouwerSemiMajorAxisKm(s);
  const r = MEAN_ALTITUDE_REFERENCE_RADIUS_KM;
  return {
    semiMajorAxisKm: a,
    meanAltitudeKm: a - r,
    perigeeAltitudeKm: a * (1 - s.eccentricity) - r,
    apogeeAltitudeKm: a * (1 + s.eccentricity) - r,
  };
}

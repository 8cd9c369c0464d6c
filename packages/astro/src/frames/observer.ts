/**
 * A ground observer on the WGS-84 ellipsoid (fixed in the ITRF). Radians and km inside; degrees and metres only
 * through `observerFromDegrees` at the I/O edge.
 */
import { RAD_PER_DEG } from '../units/index.js';
import type { Geodetic } from './geodetic.js';

export interface Observer extends Geodetic {
  /** Optional label for reports. */
  readonly name?: string;
}

/**
 * Observer from geodetic latitude (deg, [−90, 90]), longitude (deg, [−180, 360]) and height above the ellipsoid
 * (metres, [−12 000, 100 000]). Longitude is normalised to (−π, π]. Throws RangeError outside those ranges.
 */
export function observerFromDegrees(latDeg: number, lonDeg: number, heightM: number, name?: string): Observer {
  if (!Number.isFinite(latDeg) || latDeg < -90 || latDeg > 90) throw new RangeError(`latitude must be in [-90, 90] deg, got ${latDeg}`);
  if (!Number.isFinite(lonDeg) || lonDeg < -180 || lonDeg > 360) throw new RangeError(`longitude must be in [-180, 360] deg, got ${lonDeg}`);
  if (!Number.isFinite(heightM) || heightM < -12_000 || heightM > 100_000) {
    throw new RangeError(`height must be in [-12000, 100000] m, got ${heightM}`);
  }
  const lon = lonDeg > 180 ? lonDeg - 360 : lonDeg;
  const o = { latitudeRad: latDeg * RAD_PER_DEG, longitudeRad: lon * RAD_PER_DEG, heightKm: heightM / 1000 };
  return name === undefined ? o : { ...o, name };
}

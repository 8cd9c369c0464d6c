/**
 * Twilight classes from the Sun's (geometric, unrefracted) altitude at the observer, after the definitions of the
 * Astronomical Almanac (Explanatory Supplement, 3rd ed., 2013, §7): sunrise/sunset at −0°50′ (refraction 34′ plus
 * semidiameter 16′), civil twilight to −6°, nautical to −12°, astronomical to −18°.
 */
export type TwilightClass = 'day' | 'civil' | 'nautical' | 'astronomical' | 'night';

/** Sun altitude of sunrise/sunset, rad (−0.8333°). */
export const SUNRISE_ALTITUDE_RAD = (-50 / 60) * (Math.PI / 180);
/** Lower limits of civil, nautical and astronomical twilight, rad. */
export const CIVIL_TWILIGHT_RAD = -6 * (Math.PI / 180);
export const NAUTICAL_TWILIGHT_RAD = -12 * (Math.PI / 180);
export const ASTRONOMICAL_TWILIGHT_RAD = -18 * (Math.PI / 180);

/** Classifies a Sun altitude (radians). Boundaries belong to the brighter class. */
export function twilightClass(sunAltitudeRad: number): TwilightClass {
  if (!Number.isFinite(sunAltitudeRad) || Math.abs(sunAltitudeRad) > Math.PI / 2 + 1e-12) {
    throw new RangeError(`Sun altitude must be within ±90° (rad), got ${sunAltitudeRad}`);
  }
  if (sunAltitudeRad >= SUNRISE_ALTITUDE_RAD) return 'day';
  if (sunAltitudeRad >= CIVIL_TWILIGHT_RAD) return 'civil';
  if (sunAltitudeRad >= NAUTICAL_TWILIGHT_RAD) return 'nautical';
  if (sunAltitudeRad >= ASTRONOMICAL_TWILIGHT_RAD) return 'astronomical';
  return 'night';
}

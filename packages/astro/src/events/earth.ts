/**
 * The Earth geometry the event finders use, all from the frames package: the allocation-free WGS-84 site and
 * topocentric kernel (`siteFromGeodetic`, `topocentricInto` in frames/look-angles.ts) and the in-place TEME → ITRF
 * rotation (`temeToItrfInPlace` in frames/terrestrial.ts, GMST 1982 of Vallado et al. 2006 App. C with first-order
 * polar motion, IERS Conventions 2010 eq. 5.3). Re-exported here because callers of the finders (workers, bench)
 * import them with the finders. Only atmospheric refraction lives here.
 */
import type { TopocentricSite } from '../frames/look-angles.js';
import { EARTH_ANGULAR_VELOCITY_RAD_S } from '../frames/earth-rotation.js';

export { siteFromGeodetic, topocentricInto } from '../frames/look-angles.js';

/** A fixed site on the WGS-84 ellipsoid with its ITRF position and east/north/up rotation (frames' `TopocentricSite`). */
export type Site = TopocentricSite;

/** Earth rotation rate used for Earth-fixed velocities, rad/s (the frames package's IERS nominal ω). */
export const EARTH_ROTATION_RAD_S = EARTH_ANGULAR_VELOCITY_RAD_S;

/**
 * Atmospheric refraction for a geometric (true) elevation, radians: Sæmundsson (1986, Sky & Telescope 72, 70),
 * as given in Meeus, "Astronomical Algorithms" 2nd ed. ch. 16, for 1010 hPa and 10 °C. Accurate to ~0.1′ above
 * 0°; below −1° it is held at its −1° value (the formula diverges; below the horizon it only shifts thresholds).
 */
export function refractionRad(elevationRad: number): number {
  const hDeg = Math.max(-1, (elevationRad * 180) / Math.PI);
  const rArcmin = 1.02 / Math.tan(((hDeg + 10.3 / (hDeg + 5.11)) * Math.PI) / 180);
  return (rArcmin / 60) * (Math.PI / 180);
}

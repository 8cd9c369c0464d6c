/**
 * @stationkeeper/astro/frames — reference frames (TEME, PEF, ITRF, GCRF), Earth orientation (IAU 2006/2000A,
 * CIO based), GAST, WGS-84 geodetic coordinates and topocentric look angles. See docs/frames.md.
 */
export * from './state-vector.js';
export * from './mat3.js';
export {
  type EarthOrientationSource, type FrameOptions, earthOrientationAt, temeToPef, pefToTeme, pefToItrf, itrfToPef,
  temeToItrf, itrfToTeme, itrfToGcrf, gcrfToItrf, temeToGcrf, gcrfToTeme,
} from './transforms.js';
export {
  type PosVel, rotateTemeToPef, rotatePefToTeme, rotatePefToItrf, rotateItrfToPef, temeToPefInPlace, pefToItrfFirstOrderInPlace,
  temeToItrfInPlace,
} from './terrestrial.js';
export {
  type EarthOrientationInputs, type CelestialTerrestrialRotation, celestialTerrestrialRotation, gcrfToItrfWith,
  itrfToGcrfWith, temeToGcrfWith, gcrfToTemeWith,
} from './celestial.js';
export { EARTH_ANGULAR_VELOCITY_RAD_S, gastRad, julianCenturiesTt } from './earth-rotation.js';
export { polarMotionMatrix, tioLocatorRad } from './polar-motion.js';
export {
  type CipXys, cipXys06a, cioLocator06Rad, celestialToIntermediate, equationOfOriginsRad,
} from './cio.js';
export { type NutationAngles, nutation2000a, nutation06a } from './nutation.js';
export {
  type FukushimaWilliamsAngles, biasPrecessionNutation06a, meanObliquity06Rad, precessionAngles06,
} from './precession.js';
export {
  type Geodetic, WGS84_A_KM, WGS84_B_KM, WGS84_E2, WGS84_F, geodeticFromItrf, itrfFromGeodetic,
} from './geodetic.js';
export { type Observer, observerFromDegrees } from './observer.js';
export {
  type LookAngles, type TopocentricSite, LOOK_AZIMUTH_RAD, LOOK_ELEVATION_RAD, LOOK_RANGE_KM, LOOK_RANGE_RATE_KM_S,
  lookAngles, lookAnglesInto, siteFromGeodetic, topocentricInto, topocentricSite,
} from './look-angles.js';

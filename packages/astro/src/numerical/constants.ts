/**
 * Earth constants for the force model.
 * - GM and equatorial radius: EGM2008 (Pavlis et al. 2012, JGR 117 B04406): GM = 398600.4415 km³/s²,
 *   a = 6378.1363 km.
 * - Zonal coefficients J2–J6 (unnormalised, Jn = −√(2n+1)·C̄n0) from the EGM2008 normalised C̄20…C̄60:
 *   C̄20 = −4.84165143790815e-4, C̄30 = 9.57161207093473e-7, C̄40 = 5.39965866638991e-7,
 *   C̄50 = 6.86702913736681e-8, C̄60 = −1.49953927978527e-7.
 * - Earth rotation rate 7.292115e-5 rad/s (IERS Conventions 2010, nominal), WGS-84 ellipsoid (NIMA TR8350.2),
 *   astronomical unit and solar radius: the frames, bodies and events values, re-exported.
 */
import { EARTH_ANGULAR_VELOCITY_RAD_S } from '../frames/earth-rotation.js';

export { WGS84_A_KM, WGS84_F } from '../frames/geodetic.js';
export { AU_KM } from '../bodies/sun.js';
export { SUN_RADIUS_KM } from '../events/illumination.js';

export const EARTH_GM_KM3_S2 = 398_600.4415;
export const EARTH_RADIUS_KM = 6378.1363;
const CBAR = [0, 0, -4.84165143790815e-4, 9.57161207093473e-7, 5.39965866638991e-7, 6.86702913736681e-8, -1.49953927978527e-7];
/** Unnormalised zonal coefficients J[n], n = 0..6 (J[0] = J[1] = 0). */
export const EARTH_J: readonly number[] = CBAR.map((c, n) => (n < 2 ? 0 : -Math.sqrt(2 * n + 1) * c));
export const EARTH_ROTATION_RAD_S = EARTH_ANGULAR_VELOCITY_RAD_S;
/** Sun and Moon GM, km³/s² (DE430; Folkner et al. 2014). */
export const SUN_GM_KM3_S2 = 1.32712440041e11;
export const MOON_GM_KM3_S2 = 4902.800066;
/** Solar radiation pressure at 1 AU, N/m² (1367 W/m² / c). */
export const SOLAR_PRESSURE_1AU_N_M2 = 4.56e-6;

/**
 * Polar motion: the rotation W from the Terrestrial Intermediate Reference System (TIRS; Vallado's PEF when
 * used with GMST-82) to the ITRS, W = R₃(−s′)·R₂(x_p)·R₁(y_p) in IERS Conventions 2010 eq. 5.3 notation
 * (for ITRS→TIRS), implemented in the SOFA/ERFA pom00.c form: r_ITRS = R₁(−y_p) R₂(−x_p) R₃(s′) r_TIRS.
 * s′ (the TIO locator) is −47 µas·t (Lambert & Bizouard 2002; IERS 2010 eq. 5.13; ERFA sp00.c).
 */
import { RAD_PER_ARCSEC } from '../units/index.js';
import { type Mat3, mat3Multiply, rotX, rotY, rotZ } from './mat3.js';

/** TIO locator s′, radians, at `t` Julian centuries TT since J2000.0 (ERFA sp00). */
export const tioLocatorRad = (t: number): number => -47e-6 * t * RAD_PER_ARCSEC;

/** The polar-motion matrix taking TIRS/PEF vectors to ITRS (ERFA pom00). Pass `sPrimeRad` = 0 to neglect s′. */
export function polarMotionMatrix(xpRad: number, ypRad: number, sPrimeRad = 0, out: Mat3 = new Float64Array(9)): Mat3 {
  rotZ(sPrimeRad, out);
  const tmp = new Float64Array(9);
  mat3Multiply(rotY(-xpRad, tmp), out, out);
  mat3Multiply(rotX(-ypRad, tmp), out, out);
  return out;
}

/**
 * IAU 2006 precession (P03: Capitaine, Wallace & Chapront 2003, A&A 412, 567) in the Fukushima–Williams
 * four-angle form (Hilton et al. 2006, Celest. Mech. 94, 351; IERS Conventions 2010 eqs. 5.39–5.40), combined
 * with frame bias and IAU 2006/2000A nutation into the bias–precession–nutation matrix — SOFA/ERFA pfw06.c,
 * obl06.c, fw2m.c, pnm06a.c.
 */
import { RAD_PER_ARCSEC } from '../units/index.js';
import { type Mat3, mat3Multiply, rotX, rotZ } from './mat3.js';
import { nutation06a } from './nutation.js';

/** Mean obliquity of the ecliptic, IAU 2006 (ERFA obl06), radians; t in Julian centuries TT since J2000. */
export function meanObliquity06Rad(t: number): number {
  return (84381.406 + (-46.836769 + (-0.0001831 + (0.0020034 + (-0.000000576 + -0.0000000434 * t) * t) * t) * t) * t)
    * RAD_PER_ARCSEC;
}

/** Fukushima–Williams precession angles γ̄, φ̄, ψ̄ (with frame bias) and ε_A, radians (ERFA pfw06). */
export interface FukushimaWilliamsAngles {
  readonly gammaBarRad: number;
  readonly phiBarRad: number;
  readonly psiBarRad: number;
  readonly epsARad: number;
}

export function precessionAngles06(t: number): FukushimaWilliamsAngles {
  return {
    gammaBarRad: (-0.052928 + (10.556378 + (0.4932044 + (-0.00031238 + (-0.000002788 + 0.000000026 * t) * t) * t) * t) * t)
      * RAD_PER_ARCSEC,
    phiBarRad: (84381.412819 + (-46.811016 + (0.0511268 + (0.00053289 + (-0.00000044 + -0.0000000176 * t) * t) * t) * t) * t)
      * RAD_PER_ARCSEC,
    psiBarRad: (-0.041775 + (5038.481484 + (1.5584175 + (-0.00018522 + (-0.000026452 + -0.0000000148 * t) * t) * t) * t) * t)
      * RAD_PER_ARCSEC,
    epsARad: meanObliquity06Rad(t),
  };
}

/** The rotation R₁(−ε) R₃(−ψ) R₁(φ̄) R₃(γ̄) from Fukushima–Williams angles (ERFA fw2m). */
export function fukushimaWilliamsMatrix(gammaRad: number, phiRad: number, psiRad: number, epsRad: number): Mat3 {
  const m = rotZ(gammaRad);
  const tmp = new Float64Array(9);
  mat3Multiply(rotX(phiRad, tmp), m, m);
  mat3Multiply(rotZ(-psiRad, tmp), m, m);
  mat3Multiply(rotX(-epsRad, tmp), m, m);
  return m;
}

/**
 * Bias–precession–nutation matrix, IAU 2006/2000A (ERFA pnm06a): GCRS → true equator and equinox of date.
 * Its bottom row is the CIP unit vector (X, Y, Z) in the GCRS. `t` in Julian centuries TT since J2000.0.
 */
export function biasPrecessionNutation06a(t: number): Mat3 {
  const a = precessionAngles06(t);
  const n = nutation06a(t);
  return fukushimaWilliamsMatrix(a.gammaBarRad, a.phiBarRad, a.psiBarRad + n.dPsiRad, a.epsARad + n.dEpsRad);
}

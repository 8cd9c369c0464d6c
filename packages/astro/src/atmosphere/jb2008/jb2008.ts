/**
 * JB2008 — the Jacchia–Bowman 2008 empirical thermospheric density model (the COSPAR CIRA-2008 model).
 *
 * B. R. Bowman, W. K. Tobiska, F. A. Marcos, C. Y. Huang, C. S. Lin, W. J. Burke, "A New Empirical Thermospheric
 * Density Model JB2008 Using New Solar and Geomagnetic Indices", AIAA/AAS Astrodynamics Specialist Conference,
 * Honolulu, 2008, AIAA 2008-6438. Built on L. G. Jacchia, "New Static Models of the Thermosphere and Exosphere
 * with Empirical Temperature Profiles", SAO Special Report 313 (1970) and the CIRA-1972 "integration form":
 * the barometric (90–105 km) and diffusion (above 105 km) equations are integrated numerically with the
 * five-point Newton–Cotes rule on geometrically growing height steps. Equation numbers below are Jacchia's,
 * as in the reference code.
 *
 * This is an independent TypeScript implementation that follows the published model code JB2008.f (Space
 * Environment Technologies) step for step, including its rounded constants (π = 3.1415927, AL10 = 2.3025851),
 * so that it reproduces the official outputs to their printed precision (see jb2008.test.ts).
 *
 * Units: the model's own inputs are angles in radians, height in km, MJD in days, indices in solar flux units
 * (1e-22 W m⁻² Hz⁻¹); outputs are kelvin and kg/m³.
 */
import { jb2008DayOfYear, jb2008DtcLstK, jb2008Semiannual } from './corrections.js';

/** The solar and geomagnetic drivers of JB2008 (already lagged as the model expects). */
export interface Jb2008Indices {
  /** F10.7 daily (sfu), tabular time 1 day earlier. */
  readonly f10: number;
  /** F10.7 81-day centred average (sfu), 1 day earlier. */
  readonly f10b: number;
  /** S10 EUV index (26–34 nm) scaled to F10 (sfu), 1 day earlier. */
  readonly s10: number;
  readonly s10b: number;
  /** M10 Mg II index scaled to F10 (sfu), 2 days earlier. */
  readonly m10: number;
  readonly m10b: number;
  /** Y10 X-ray/Lyman-α index scaled to F10 (sfu), 5 days earlier. */
  readonly y10: number;
  readonly y10b: number;
  /** Exospheric temperature change from the Dst storm index, dTc (K). */
  readonly dstDtcK: number;
}

/** Inputs of the JB2008 routine, with the reference's meanings. */
export interface Jb2008Input extends Jb2008Indices {
  /** Modified Julian Date (UT days, MJD = JD − 2400000.5). */
  readonly mjd: number;
  /** Sun's right ascension and declination (rad, true of date). */
  readonly sunRaRad: number;
  readonly sunDecRad: number;
  /**
   * Right ascension of the point (rad): Greenwich sidereal angle + east longitude. Only the hour angle
   * (point RA − Sun RA) enters the model.
   */
  readonly rightAscensionRad: number;
  /** Geocentric latitude of the point (rad). */
  readonly latitudeRad: number;
  /** Height of the point (km), 90 km and above. */
  readonly altitudeKm: number;
}

export interface Jb2008Output {
  /** Global exospheric temperature above the point, without the local dTc correction (TEMP(1)), K. */
  readonly exosphericTemperatureK: number;
  /** Temperature at the point (TEMP(2)), K. */
  readonly temperatureK: number;
  /** Total mass density, kg/m³. */
  readonly densityKgM3: number;
}

// Constants exactly as the reference code writes them.
const ALPHA = [0, 0, 0, 0, -0.38] as const; // thermal diffusion coefficients, Eq. (6)
const AL10 = 2.3025851; // ln 10
const AMW = [28.0134, 31.9988, 15.9994, 39.948, 4.0026, 1.00797] as const; // N2, O2, O, Ar, He, H (kg/kmol)
const AVOGAD = 6.02257e26; // molecules/kmol
const TWOPI = 6.2831853;
const PI = 3.1415927;
const PIOV2 = 1.5707963;
const FRAC = [0.7811, 0.20955, 9.34e-3, 1.289e-5] as const; // sea-level volume fractions N2, O2, Ar, He
const RSTAR = 8314.32; // J/(K kmol)
const R1 = 0.01; // log-height step sizes: 90–105 km, 105–500 km, above 500 km
const R2 = 0.025;
const R3 = 0.075;
const WT = [0.311111111111111, 1.422222222222222, 0.533333333333333, 1.422222222222222, 0.311111111111111] as const;
const CHT = [0.22, -0.2e-2, 0.115e-2, -0.211e-5] as const; // high-altitude (>1000 km) correction
const DEGRAD = PI / 180;
const FACT1 = 1000 / RSTAR;

/** Mean molecular weight below 105 km, Eq. (1). */
function meanMolecularWeight(z: number): number {
  const dz = z - 100;
  let amb = 9.9826e-8;
  for (const coef of [1.5044e-6, -1.021e-5, -1.0056e-5, 1.284e-4, -8.5586e-2, 28.15204]) amb = dz * amb + coef;
  return amb;
}

/** Gravity at height z (m/s²), Eq. (8). */
function gravity(z: number): number {
  const q = 1 + z / 6356.766;
  return 9.80665 / (q * q);
}

/** Temperature profile, Eq. (10) below 125 km, Eq. (13) above. tc = [Tx, Gx, A, Gx/A]. */
function localTemperature(z: number, tc: readonly [number, number, number, number]): number {
  const dz = z - 125;
  if (dz <= 0) return ((-9.8204695e-6 * dz - 7.3039742e-4) * dz * dz + 1.0) * dz * tc[1] + tc[0];
  return tc[0] + tc[2] * Math.atan(tc[3] * dz * (1 + 4.5e-6 * dz ** 2.5));
}

const w = (j: number): number => WT[j] as number;

/** Running state of the five-point Newton–Cotes integration: the reference's Z, ZEND, AIN, GRAVL and TLOC. */
interface Integration {
  z: number;
  zend: number;
  ain: number;
  gravl: number;
  tloc: number;
}

/**
 * The diffusion-equation integral Σ ∫ g/T dz (Eq. 6) from the state's current height to `zTopKm`, in n steps of
 * equal log-height (n = ⌊ln(zTop/z)/logStep⌋ + 1), five-point Newton–Cotes within each step. Advances `q` as the
 * reference's loop advances its variables (the next leg and the semiannual test read them).
 */
function diffusionIntegral(q: Integration, zTopKm: number, logStep: number, tc: readonly [number, number, number, number]): number {
  const al = Math.log(zTopKm / q.z);
  const n = Math.trunc(al / logStep) + 1;
  const zr = Math.exp(al / n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    q.z = q.zend;
    q.zend = zr * q.z;
    const dz = 0.25 * (q.zend - q.z);
    let sum1 = w(0) * q.ain;
    for (let j = 1; j < 5; j++) {
      q.z += dz;
      q.tloc = localTemperature(q.z, tc);
      q.gravl = gravity(q.z);
      q.ain = q.gravl / q.tloc;
      sum1 += w(j) * q.ain;
    }
    sum += dz * sum1;
  }
  return sum;
}

/** The numeric inputs, checked one by one (extra properties of the caller's object are ignored). */
const INPUT_KEYS = [
  'mjd', 'sunRaRad', 'sunDecRad', 'rightAscensionRad', 'latitudeRad', 'altitudeKm',
  'f10', 'f10b', 's10', 's10b', 'm10', 'm10b', 'y10', 'y10b', 'dstDtcK',
] as const satisfies readonly (keyof Jb2008Input)[];

/**
 * Evaluates JB2008 at one point. Throws RangeError for non-finite inputs or heights below 90 km (the model's
 * lower boundary).
 */
export function jb2008(input: Jb2008Input): Jb2008Output {
  for (const k of INPUT_KEYS) {
    const v = input[k];
    if (!Number.isFinite(v)) throw new RangeError(`JB2008 input ${k} must be a finite number, got ${String(v)}`);
  }
  const { mjd, sunRaRad, sunDecRad, rightAscensionRad, latitudeRad, altitudeKm } = input;
  const { f10, f10b, s10, s10b, m10, m10b, y10, y10b, dstDtcK } = input;
  if (altitudeKm < 90) throw new RangeError(`JB2008 height must be at least 90 km, got ${altitudeKm} km`);
  if (f10b <= 0) throw new RangeError(`JB2008 F10B must be positive (sfu), got ${f10b}`);

  // Eq. (14): nighttime minimum global exospheric temperature Tc from the solar indices.
  const fn = Math.min((f10b / 240) ** 0.25, 1);
  const fsb = f10b * fn + s10b * (1 - fn);
  const tsubc = 392.4 + 3.227 * fsb + 0.298 * (f10 - f10b) + 2.259 * (s10 - s10b) + 0.312 * (m10 - m10b) + 0.178 * (y10 - y10b);

  // Eqs. (15)–(17): diurnal variation.
  const eta = 0.5 * Math.abs(latitudeRad - sunDecRad);
  const theta = 0.5 * Math.abs(latitudeRad + sunDecRad);
  const h = rightAscensionRad - sunRaRad;
  const tau = h - 0.64577182 + 0.10471976 * Math.sin(h + 0.75049158);
  // Local solar time (h) for the dTc correction. The reference folds once (±24 h), which assumes the hour angle
  // is within (−3π, 3π); `%` (exact in floating point) gives the same value there and [0, 24) for any angle.
  let lstH = (((h + PI) / DEGRAD) * (24 / 360)) % 24;
  if (lstH < 0) lstH += 24;
  const cEta = Math.cos(eta) ** 2.5;
  const sTheta = Math.sin(theta) ** 2.5;
  const df = sTheta + (cEta - sTheta) * Math.abs(Math.cos(0.5 * tau)) ** 3;
  const tsubl = tsubc * (1 + 0.31 * df);

  const dtcLst = jb2008DtcLstK(f10, lstH, latitudeRad, altitudeKm);
  const exosphericTemperatureK = tsubl + dstDtcK;
  const tinf = tsubl + dstDtcK + dtcLst;

  // Eqs. (9), (11), (13): temperature profile parameters.
  const tsubx = 444.3807 + 0.02385 * tinf - 392.8292 * Math.exp(-0.0021357 * tinf);
  const gsubx = 0.054285714 * (tsubx - 183);
  const a = (tinf - tsubx) / PIOV2;
  const tc: [number, number, number, number] = [tsubx, gsubx, a, gsubx / a];

  // Eq. (5): barometric equation 90 km → min(z, 105 km).
  const z1 = 90;
  const z2 = Math.min(altitudeKm, 105);
  const al = Math.log(z2 / z1);
  const n = Math.trunc(al / R1) + 1;
  const zr = Math.exp(al / n);
  const ambar1 = meanMolecularWeight(z1);
  const tloc1 = localTemperature(z1, tc);
  let zend = z1;
  let sum2 = 0;
  let ain = (ambar1 * gravity(z1)) / tloc1;
  let z = z1;
  let ambar2 = ambar1;
  let tloc2 = tloc1;
  let gravl = gravity(z1);
  for (let i = 0; i < n; i++) {
    z = zend;
    zend = zr * z;
    const dz = 0.25 * (zend - z);
    let sum1 = w(0) * ain;
    for (let j = 1; j < 5; j++) {
      z += dz;
      ambar2 = meanMolecularWeight(z);
      tloc2 = localTemperature(z, tc);
      gravl = gravity(z);
      ain = (ambar2 * gravl) / tloc2;
      sum1 += w(j) * ain;
    }
    sum2 += dz * sum1;
  }
  const rho0 = (3.46e-6 * ambar2 * tloc1 * Math.exp(-FACT1 * sum2)) / ambar1 / tloc2;

  // Eqs. (2)–(4): number densities (natural logs) at min(z, 105 km).
  const anm = AVOGAD * rho0;
  const an = anm / ambar2;
  let fact2 = anm / 28.96;
  const aln = [
    Math.log(FRAC[0] * fact2),
    Math.log(fact2 * (1 + FRAC[1]) - an),
    Math.log(2 * (an - fact2)),
    Math.log(FRAC[2] * fact2),
    Math.log(FRAC[3] * fact2),
    0,
  ];
  const lnAt = (i: number): number => aln[i] as number;
  let temperatureK: number;

  if (altitudeKm <= 105) {
    temperatureK = tloc2;
    aln[5] = lnAt(4) - 25; // negligible hydrogen
  } else {
    // Eq. (6): diffusion equation 105 km → min(z, 500 km), then on to max(z, 500 km).
    const q: Integration = { z, zend, ain: gravl / tloc2, gravl, tloc: tloc2 };
    sum2 = diffusionIntegral(q, Math.min(altitudeKm, 500), R2, tc);
    const tloc3 = q.tloc;
    const sum3 = diffusionIntegral(q, Math.max(altitudeKm, 500), altitudeKm > 500 ? R3 : R2, tc);
    const tloc4 = q.tloc;
    z = q.z;
    let altr: number;
    let hsign: number;
    if (altitudeKm > 500) {
      temperatureK = tloc4;
      altr = Math.log(tloc4 / tloc2);
      fact2 = FACT1 * (sum2 + sum3);
      hsign = -1;
    } else {
      temperatureK = tloc3;
      altr = Math.log(tloc3 / tloc2);
      fact2 = FACT1 * sum2;
      hsign = 1;
    }
    for (let i = 0; i < 5; i++) aln[i] = lnAt(i) - (1 + (ALPHA[i] as number)) * altr - fact2 * (AMW[i] as number);
    // Eq. (7): hydrogen at 500 km from T∞, carried to the point.
    const al10t5 = Math.log10(tinf);
    const alnh5 = (5.5 * al10t5 - 39.4) * al10t5 + 73.13;
    aln[5] = AL10 * (alnh5 + 6) + hsign * (Math.log(tloc4 / tloc3) + FACT1 * sum3 * AMW[5]);
  }

  // Eq. (24): J70 seasonal-latitudinal variation.
  const capphi = ((mjd - 36204) / 365.2422) % 1;
  const dlrsl =
    0.02 * (altitudeKm - 90) * Math.exp(-0.045 * (altitudeKm - 90)) * (latitudeRad >= 0 ? 1 : -1) *
    Math.sin(TWOPI * capphi + 1.72) * Math.sin(latitudeRad) ** 2;

  // Eq. (23): semiannual variation (new JB2008 global model). The reference tests the last integration
  // height, not the input height; we do the same.
  let dlrsa = 0;
  if (z < 2000) {
    const yrday = jb2008DayOfYear(mjd - 33281);
    const semi = jb2008Semiannual(yrday, altitudeKm, f10b, s10b, m10b);
    dlrsa = semi.fz < 0 ? 0 : semi.deltaLog10Rho;
  }
  const dlr = AL10 * (dlrsl + dlrsa);
  let sumnm = 0;
  for (let i = 0; i < 6; i++) sumnm += Math.exp(lnAt(i) + dlr) * (AMW[i] as number);
  let rho = sumnm / AVOGAD;

  // High-altitude exospheric density correction (Bowman 2001, AAS 01-132).
  const [ch1, ch2, ch3, ch4] = CHT;
  let fex = 1;
  if (altitudeKm >= 1000 && altitudeKm < 1500) {
    const zeta = (altitudeKm - 1000) * 0.002;
    const f15c = ch1 + ch2 * f10b + ch3 * 1500 + ch4 * f10b * 1500;
    const f15cZeta = (ch3 + ch4 * f10b) * 500;
    const fex2 = 3 * f15c - f15cZeta - 3;
    const fex3 = f15cZeta - 2 * f15c + 2;
    fex = 1 + fex2 * zeta * zeta + fex3 * zeta * zeta * zeta;
  } else if (altitudeKm >= 1500) {
    fex = ch1 + ch2 * f10b + ch3 * altitudeKm + ch4 * f10b * altitudeKm;
  }
  rho *= fex;
  if (!(rho > 0) || !Number.isFinite(rho)) throw new RangeError(`JB2008 density is not a positive number at ${altitudeKm} km (indices out of the model's range?)`);
  return { exosphericTemperatureK, temperatureK, densityKgM3: rho };
}

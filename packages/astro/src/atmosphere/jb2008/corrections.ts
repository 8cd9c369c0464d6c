/**
 * JB2008 empirical corrections: the local-solar-time/latitude exospheric-temperature correction dTc (DTSUB, from
 * JB2006 rev. A) and the global semiannual density variation (SEMIAN08).
 *
 * References:
 * - B. R. Bowman, W. K. Tobiska, F. A. Marcos, C. Valladares, "The JB2006 empirical thermospheric density model",
 *   JASTP 70 (2008) 774–793 (the dTc model, smoothed across altitude bands in rev. A, Oct 2006).
 * - B. R. Bowman, W. K. Tobiska, F. A. Marcos, "The thermospheric semiannual density response to solar EUV
 *   heating", JASTP 70 (2008) 1482–1496 (FZ/GT global model, 1997–2006 fit).
 * - B. R. Bowman et al., "A New Empirical Thermospheric Density Model JB2008 Using New Solar and Geomagnetic
 *   Indices", AIAA 2008-6438.
 * Coefficient tables B(19), C(23), FZM(5), GTM(10) transcribed from the published model code JB2008.f
 * (Space Environment Technologies, http://sol.spacenvironment.net/~JB2008/); where that code writes a
 * single-precision literal (e.g. `0.70*S10B`) the value is reproduced with `Math.fround` so results match the
 * reference build to the last bit the arithmetic allows.
 */

/** DTSUB coefficients B(1..19) (300–800 km band). Index 0 is B(1). */
const B = [
  -0.457512297e1, -0.512114909e1, -0.693003609e2, 0.203716701e3, 0.703316291e3, -0.194349234e4, 0.110651308e4,
  -0.174378996e3, 0.188594601e4, -0.709371517e4, 0.922454523e4, -0.384508073e4, -0.645841789e1, 0.409703319e2,
  -0.482006560e3, 0.181870931e4, -0.237389204e4, 0.996703815e3, 0.361416936e2,
] as const;

/** DTSUB coefficients C(1..23) (120–240 km band). Index 0 is C(1). */
const C = [
  -0.155986211e2, -0.512114909e1, -0.693003609e2, 0.203716701e3, 0.703316291e3, -0.194349234e4, 0.110651308e4,
  -0.220835117e3, 0.143256989e4, -0.318481844e4, 0.328981513e4, -0.135332119e4, 0.199956489e2, -0.127093998e2,
  0.212825156e2, -0.275555432e1, 0.110234982e2, 0.148881951e3, -0.751640284e3, 0.637876542e3, 0.127093998e2,
  -0.212825156e2, 0.275555432e1,
] as const;

/** 1-based accessors, so the formulas read like the published ones. */
const b = (i: number): number => B[i - 1] as number;
const c = (i: number): number => C[i - 1] as number;

/**
 * The dTc correction (K) to the exospheric temperature for local solar time and latitude (DTSUB).
 * @param f10 daily F10.7 (sfu, 1-day lag), @param lstH local solar time (h, 0–24), @param latRad latitude,
 * @param altitudeKm height. Zero below 120 km and above 800 km.
 */
export function jb2008DtcLstK(f10: number, lstH: number, latRad: number, altitudeKm: number): number {
  const tx = lstH / 24;
  const tx2 = tx * tx;
  const tx3 = tx2 * tx;
  const tx4 = tx3 * tx;
  const tx5 = tx4 * tx;
  const ycs = Math.cos(latRad);
  const f = (f10 - 100) / 100;
  const z = altitudeKm;

  // The 200 km polynomial's h-dependent part (coefficient of H) and constant part. The reference writes B(2), not
  // C(2), in this sum; the two coefficients are equal (−5.12114909), so either reading gives the same value.
  const lowSlope = (): number =>
    c(1) + b(2) * f + c(3) * tx * f + c(4) * tx2 * f + c(5) * tx3 * f + c(6) * tx4 * f + c(7) * tx5 * f +
    c(8) * tx * ycs + c(9) * tx2 * ycs + c(10) * tx3 * ycs + c(11) * tx4 * ycs + c(12) * tx5 * ycs + c(13) * ycs +
    c(14) * f * ycs + c(15) * tx * f * ycs + c(16) * tx2 * f * ycs;
  const lowConst = (): number =>
    c(17) + c(18) * tx * ycs + c(19) * tx2 * ycs + c(20) * tx3 * ycs + c(21) * f * ycs + c(22) * tx * f * ycs +
    c(23) * tx2 * f * ycs;
  // The 300–600 km polynomial at H = height/100 km, and its derivative in H.
  const high = (h: number): number =>
    b(1) + b(2) * f + b(3) * tx * f + b(4) * tx2 * f + b(5) * tx3 * f + b(6) * tx4 * f + b(7) * tx5 * f +
    b(8) * tx * ycs + b(9) * tx2 * ycs + b(10) * tx3 * ycs + b(11) * tx4 * ycs + b(12) * tx5 * ycs +
    b(13) * h * ycs + b(14) * tx * h * ycs + b(15) * tx2 * h * ycs + b(16) * tx3 * h * ycs + b(17) * tx4 * h * ycs +
    b(18) * tx5 * h * ycs + b(19) * ycs;
  const highSlope = (): number =>
    b(13) * ycs + b(14) * tx * ycs + b(15) * tx2 * ycs + b(16) * tx3 * ycs + b(17) * tx4 * ycs + b(18) * tx5 * ycs;

  if (z >= 120 && z <= 200) {
    const dtc200 = lowConst();
    const dtc200dz = lowSlope();
    const cc = 3 * dtc200 - dtc200dz;
    const dd = dtc200 - cc;
    const zp = (z - 120) / 80;
    return cc * zp * zp + dd * zp * zp * zp;
  }
  if (z > 200 && z <= 240) {
    const h = (z - 200) / 50;
    return lowSlope() * h + lowConst();
  }
  if (z > 240 && z <= 300) {
    const aa = lowSlope() * (40 / 50) + lowConst();
    const bb = lowSlope();
    const dtc300 = high(300 / 100);
    const dtc300dz = highSlope();
    const cc = 3 * dtc300 - dtc300dz - 3 * aa - 2 * bb;
    const dd = dtc300 - aa - bb - cc;
    const zp = (z - 240) / 60;
    return aa + bb * zp + cc * zp * zp + dd * zp * zp * zp;
  }
  if (z > 300 && z <= 600) return high(z / 100);
  if (z > 600 && z <= 800) {
    const zp = (z - 600) / 100;
    const aa = high(600 / 100);
    const bb = highSlope();
    const cc = -(3 * aa + 4 * bb) / 4;
    const dd = (aa + bb) / 4;
    return aa + bb * zp + cc * zp * zp + dd * zp * zp * zp;
  }
  return 0;
}

/** SEMIAN08 FZ coefficients (1997–2006 fit). */
const FZM = [0.2689, -0.1176e-1, 0.2782e-1, -0.2782e-1, 0.347e-3] as const;
/** SEMIAN08 GT coefficients (1997–2006 fit). */
const GTM = [-0.3633, 0.8506e-1, 0.2401, -0.1897, -0.2554, -0.179e-1, 0.565e-3, -0.6407e-3, -0.3418e-2, -0.1252e-2] as const;
const SEMIAN_TWO_PI = 6.2831853072;

/** Semiannual variation: amplitude FZ, phase function GT and Δlog10 ρ = FZ·GT (SEMIAN08). */
export function jb2008Semiannual(
  dayOfYear: number,
  altitudeKm: number,
  f10b: number,
  s10b: number,
  m10b: number,
): { readonly fz: number; readonly gt: number; readonly deltaLog10Rho: number } {
  const [fz1, fz2, fz3, fz4, fz5] = FZM;
  const [g1, g2, g3, g4, g5, g6, g7, g8, g9, g10] = GTM;
  let fsmb = 1.0 * f10b - Math.fround(0.7) * s10b - Math.fround(0.04) * m10b;
  const htz = altitudeKm / 1000;
  let fz = fz1 + fz2 * fsmb + fz3 * fsmb * htz + fz4 * fsmb * htz * htz + fz5 * fsmb * fsmb * htz;
  fsmb = 1.0 * f10b - Math.fround(0.75) * s10b - Math.fround(0.37) * m10b;
  const tau = (dayOfYear - 1) / 365;
  const sin1p = Math.sin(SEMIAN_TWO_PI * tau);
  const cos1p = Math.cos(SEMIAN_TWO_PI * tau);
  const sin2p = Math.sin(2 * SEMIAN_TWO_PI * tau);
  const cos2p = Math.cos(2 * SEMIAN_TWO_PI * tau);
  const gt =
    g1 + g2 * sin1p + g3 * cos1p + g4 * sin2p + g5 * cos2p + g6 * fsmb + g7 * fsmb * sin1p + g8 * fsmb * cos1p +
    g9 * fsmb * sin2p + g10 * fsmb * cos2p;
  if (fz < 1e-6) fz = 1e-6;
  return { fz, gt, deltaLog10Rho: fz * gt };
}

/**
 * Day of year (with fraction; 1.0 = Jan 1 0h) from days since 1950 Jan 0.0 (TMOUTD). Valid 1950–2099, as the
 * model's own calendar.
 */
export function jb2008DayOfYear(d1950: number): number {
  let iyday = Math.trunc(d1950);
  const frac = d1950 - iyday;
  iyday += 364;
  let itemp = Math.trunc(iyday / 1461);
  iyday -= itemp * 1461;
  itemp = Math.trunc(iyday / 365);
  if (itemp >= 3) itemp = 3;
  iyday = iyday - 365 * itemp + 1;
  return iyday + frac;
}

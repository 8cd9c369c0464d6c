/**
 * NRLMSISE-00 vertical-profile machinery: cubic splines in geopotential height (after Press et al.,
 * Numerical Recipes), the Bates–Walker temperature profile with its diffusive density (DENSU), the
 * lower-atmosphere spline profile (DENSM), turbopause mixing (DNET) and chemistry corrections (CCOR, CCOR2).
 * Picone et al. 2002, JGR 107(A12) 1468 and Hedin 1991 (MSISE-90), JGR 96(A2) 1159; algorithm after the
 * NRL FORTRAN release / D. Brodowski's C port.
 */
import type { MsisState } from './state.js';

const RGAS = 831.4;

/** Second derivatives of the cubic spline through (x, y), n points; yp ≥ 1e30 means natural end. */
function spline(x: Float64Array, y: Float64Array, n: number, yp1: number, ypn: number, y2: Float64Array, u: Float64Array): void {
  if (yp1 > 0.99e30) {
    y2[0] = 0;
    u[0] = 0;
  } else {
    y2[0] = -0.5;
    u[0] = (3 / (x[1]! - x[0]!)) * ((y[1]! - y[0]!) / (x[1]! - x[0]!) - yp1);
  }
  for (let i = 1; i < n - 1; i++) {
    const sig = (x[i]! - x[i - 1]!) / (x[i + 1]! - x[i - 1]!);
    const p = sig * y2[i - 1]! + 2;
    y2[i] = (sig - 1) / p;
    u[i] = (6 * ((y[i + 1]! - y[i]!) / (x[i + 1]! - x[i]!) - (y[i]! - y[i - 1]!) / (x[i]! - x[i - 1]!)) / (x[i + 1]! - x[i - 1]!) -
      sig * u[i - 1]!) / p;
  }
  let qn = 0;
  let un = 0;
  if (!(ypn > 0.99e30)) {
    qn = 0.5;
    un = (3 / (x[n - 1]! - x[n - 2]!)) * (ypn - (y[n - 1]! - y[n - 2]!) / (x[n - 1]! - x[n - 2]!));
  }
  y2[n - 1] = (un - qn * u[n - 2]!) / (qn * y2[n - 2]! + 1);
  for (let k = n - 2; k >= 0; k--) y2[k] = y2[k]! * y2[k + 1]! + u[k]!;
}

/** Cubic-spline value at x. */
function splint(xa: Float64Array, ya: Float64Array, y2a: Float64Array, n: number, x: number): number {
  let klo = 0;
  let khi = n - 1;
  while (khi - klo > 1) {
    const k = (khi + klo) >> 1;
    if (xa[k]! > x) khi = k;
    else klo = k;
  }
  const h = xa[khi]! - xa[klo]!;
  const a = (xa[khi]! - x) / h;
  const b = (x - xa[klo]!) / h;
  return a * ya[klo]! + b * ya[khi]! + ((a * a * a - a) * y2a[klo]! + (b * b * b - b) * y2a[khi]!) * h * h / 6;
}

/** Integral of the cubic spline from xa[0] to x. */
function splini(xa: Float64Array, ya: Float64Array, y2a: Float64Array, n: number, x: number): number {
  let yi = 0;
  let klo = 0;
  let khi = 1;
  while (x > xa[klo]! && khi < n) {
    let xx = x;
    if (khi < n - 1) xx = x < xa[khi]! ? x : xa[khi]!;
    const h = xa[khi]! - xa[klo]!;
    const a = (xa[khi]! - xx) / h;
    const b = (xx - xa[klo]!) / h;
    const a2 = a * a;
    const b2 = b * b;
    yi += ((1 - a2) * ya[klo]! / 2 + b2 * ya[khi]! / 2 +
      ((-(1 + a2 * a2) / 4 + a2 / 2) * y2a[klo]! + (b2 * b2 / 4 - b2 / 2) * y2a[khi]!) * h * h / 6) * h;
    klo++;
    khi++;
  }
  return yi;
}

/** Geopotential height difference (km) between zz and zl for effective radius re. */
const zeta = (re: number, zz: number, zl: number): number => ((zz - zl) * (re + zl)) / (re + zz);

/** Scratch arrays for the spline routines (allocated once per model state use). */
export interface SplineScratch {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly y2: Float64Array;
  readonly u: Float64Array;
}
export const newScratch = (): SplineScratch => ({
  xs: new Float64Array(10), ys: new Float64Array(10), y2: new Float64Array(10), u: new Float64Array(10),
});

/** Result holder for DENSU/DENSM: `tz` is the temperature at altitude, K. */
export interface TzOut { tz: number }

/**
 * DENSU: density (and temperature in `out.tz`) at `alt` for a species of molecular mass `xm` (0: temperature
 * only) above the lower boundary, Bates profile above zn1[0] and spline below.
 */
export function densu(st: MsisState, sc: SplineScratch, alt: number, dlb: number, tinf: number, tlb: number, xm: number,
  alpha: number, out: TzOut, zlb: number, s2: number, zn1: readonly number[]): number {
  const re = st.re;
  const tn1 = st.tn1;
  const tgn1 = st.tgn1;
  const mn1 = zn1.length;
  const za = zn1[0]!;
  let z = alt > za ? alt : za;
  const zg2 = zeta(re, z, zlb);
  const tt = tinf - (tinf - tlb) * Math.exp(-s2 * zg2);
  const ta = tt;
  out.tz = tt;
  let result = out.tz;
  let x = 0;
  let z1 = 0;
  let t1 = 0;
  let zgdif = 0;
  const { xs, ys, y2, u } = sc;
  if (alt < za) {
    const dta = (tinf - ta) * s2 * Math.pow((re + zlb) / (re + za), 2);
    tgn1[0] = dta;
    tn1[0] = ta;
    z = alt > zn1[mn1 - 1]! ? alt : zn1[mn1 - 1]!;
    z1 = zn1[0]!;
    const z2 = zn1[mn1 - 1]!;
    t1 = tn1[0];
    const t2 = tn1[mn1 - 1]!;
    const zg = zeta(re, z, z1);
    zgdif = zeta(re, z2, z1);
    for (let k = 0; k < mn1; k++) {
      xs[k] = zeta(re, zn1[k]!, z1) / zgdif;
      ys[k] = 1 / tn1[k]!;
    }
    const yd1 = (-tgn1[0] / (t1 * t1)) * zgdif;
    const yd2 = (-tgn1[1]! / (t2 * t2)) * zgdif * Math.pow((re + z2) / (re + z1), 2);
    spline(xs, ys, mn1, yd1, yd2, y2, u);
    x = zg / zgdif;
    out.tz = 1 / splint(xs, ys, y2, mn1, x);
    result = out.tz;
  }
  if (xm === 0) return result;

  let glb = st.gsurf / Math.pow(1 + zlb / re, 2);
  const gamma = (xm * glb) / (s2 * RGAS * tinf);
  let expl = Math.exp(-s2 * gamma * zg2);
  if (expl > 50) expl = 50;
  if (tt <= 0) expl = 50;
  const densa = dlb * Math.pow(tlb / tt, 1 + alpha + gamma) * expl;
  result = densa;
  if (alt >= za) return result;

  glb = st.gsurf / Math.pow(1 + z1 / re, 2);
  const gamm = (xm * glb * zgdif) / RGAS;
  const yi = splini(xs, ys, y2, mn1, x);
  expl = gamm * yi;
  if (expl > 50) expl = 50;
  if (out.tz <= 0) expl = 50;
  return result * Math.pow(t1 / out.tz, 1 + alpha) * Math.exp(-expl);
}

/** One spline segment of DENSM (stratosphere/mesosphere or troposphere/stratosphere). */
function densmSegment(st: MsisState, sc: SplineScratch, z: number, d0: number, xm: number, out: TzOut,
  zn: readonly number[], tn: Float64Array, tgn: Float64Array): number {
  const re = st.re;
  const mn = zn.length;
  const z1 = zn[0]!;
  const z2 = zn[mn - 1]!;
  const t1 = tn[0]!;
  const t2 = tn[mn - 1]!;
  const zg = zeta(re, z, z1);
  const zgdif = zeta(re, z2, z1);
  const { xs, ys, y2, u } = sc;
  for (let k = 0; k < mn; k++) {
    xs[k] = zeta(re, zn[k]!, z1) / zgdif;
    ys[k] = 1 / tn[k]!;
  }
  const yd1 = (-tgn[0]! / (t1 * t1)) * zgdif;
  const yd2 = (-tgn[1]! / (t2 * t2)) * zgdif * Math.pow((re + z2) / (re + z1), 2);
  spline(xs, ys, mn, yd1, yd2, y2, u);
  const x = zg / zgdif;
  out.tz = 1 / splint(xs, ys, y2, mn, x);
  if (xm === 0) return d0;
  const glb = st.gsurf / Math.pow(1 + z1 / re, 2);
  const gamm = (xm * glb * zgdif) / RGAS;
  let expl = gamm * splini(xs, ys, y2, mn, x);
  if (expl > 50) expl = 50;
  return d0 * (t1 / out.tz) * Math.exp(-expl);
}

/** DENSM: temperature (`out.tz`) and density below zn2[0] (72.5 km); returns the temperature when xm = 0. */
export function densm(st: MsisState, sc: SplineScratch, alt: number, d0: number, xm: number, out: TzOut,
  zn3: readonly number[], zn2: readonly number[]): number {
  if (alt > zn2[0]!) return xm === 0 ? out.tz : d0;
  const z = alt > zn2[zn2.length - 1]! ? alt : zn2[zn2.length - 1]!;
  let d = densmSegment(st, sc, z, d0, xm, out, zn2, st.tn2, st.tgn2);
  if (alt > zn3[0]!) return xm === 0 ? out.tz : d;
  d = densmSegment(st, sc, alt, d, xm, out, zn3, st.tn3, st.tgn3);
  return xm === 0 ? out.tz : d;
}

/** DNET: turbopause blend of diffusive density dd and fully mixed density dm. */
export function dnet(dd: number, dm: number, zhm: number, xmm: number, xm: number): number {
  const a = zhm / (xmm - xm);
  if (!(dm > 0 && dd > 0)) {
    if (dd === 0 && dm === 0) dd = 1;
    if (dm === 0) return dd;
    if (dd === 0) return dm;
  }
  const ylog = a * Math.log(dm / dd);
  if (ylog < -10) return dd;
  if (ylog > 10) return dm;
  return dd * Math.pow(1 + Math.exp(ylog), 1 / a);
}

/** CCOR: chemistry/dissociation correction factor. */
export function ccor(alt: number, r: number, h1: number, zh: number): number {
  const e = (alt - zh) / h1;
  if (e > 70) return 1;
  if (e < -70) return Math.exp(r);
  return Math.exp(r / (1 + Math.exp(e)));
}

/** CCOR2: chemistry correction with two scale lengths. */
export function ccor2(alt: number, r: number, h1: number, zh: number, h2: number): number {
  const e1 = (alt - zh) / h1;
  const e2 = (alt - zh) / h2;
  if (e1 > 70 || e2 > 70) return 1;
  if (e1 < -70 && e2 < -70) return Math.exp(r);
  return Math.exp(r / (1 + 0.5 * (Math.exp(e1) + Math.exp(e2))));
}

/** SCALH: scale height, km. */
export function scalh(st: MsisState, alt: number, xm: number, temp: number): number {
  const g = st.gsurf / Math.pow(1 + alt / st.re, 2);
  return (RGAS * temp) / (g * xm);
}

/**
 * CIO-based celestial-to-intermediate transformation (IERS Conventions 2010 §5.4.4, eq. 5.10; Capitaine et al.
 * 2003, A&A 400, 1145): the CIP coordinates X, Y in the GCRS, the CIO locator s (IAU 2006/2000A series of
 * Capitaine, Wallace & Chapront 2003/2006, IERS Conventions 2010 Table 5.2d, coded as SOFA/ERFA s06.c), and the
 * matrix Q = R₃(−E) R₂(d) R₃(E) R₃(s) as ERFA c2ixys.c, plus the equation of the origins (ERFA eors.c).
 */
import { RAD_PER_ARCSEC } from '../units/index.js';
import {
  generalPrecessionRad, meanAnomalyMoonRad, meanAnomalySunRad, meanArgLatitudeMoonRad, meanElongationMoonRad,
  meanLongitudeEarthRad, meanLongitudeVenusRad, meanNodeMoonRad,
} from './fundamental-args.js';
import { type Mat3, mat3Multiply, rotY, rotZ } from './mat3.js';
import { biasPrecessionNutation06a } from './precession.js';

/*
 * The series for s + XY/2, transcribed from SOFA/ERFA s06.c (= IERS Conventions 2010 Table 5.2d, tab5.2d.txt).
 * Each term: multipliers of l, l′, F, D, Ω, L_Ve, L_E, p_A, then sine and cosine coefficients in µas.
 * Polynomial part (µas): 94.00, 3808.65, −122.68, −72574.11, 27.98, 15.62 for t⁰ … t⁵.
 */
const S06_POLY_UAS = [94.0, 3808.65, -122.68, -72574.11, 27.98, 15.62] as const;
type STerm = readonly [number, number, number, number, number, number, number, number, number, number];
const S06_T0: readonly STerm[] = [
  [0, 0, 0, 0, 1, 0, 0, 0, -2640.73, 0.39], [0, 0, 0, 0, 2, 0, 0, 0, -63.53, 0.02],
  [0, 0, 2, -2, 3, 0, 0, 0, -11.75, -0.01], [0, 0, 2, -2, 1, 0, 0, 0, -11.21, -0.01],
  [0, 0, 2, -2, 2, 0, 0, 0, 4.57, 0.0], [0, 0, 2, 0, 3, 0, 0, 0, -2.02, 0.0],
  [0, 0, 2, 0, 1, 0, 0, 0, -1.98, 0.0], [0, 0, 0, 0, 3, 0, 0, 0, 1.72, 0.0],
  [0, 1, 0, 0, 1, 0, 0, 0, 1.41, 0.01], [0, 1, 0, 0, -1, 0, 0, 0, 1.26, 0.01],
  [1, 0, 0, 0, -1, 0, 0, 0, 0.63, 0.0], [1, 0, 0, 0, 1, 0, 0, 0, 0.63, 0.0],
  [0, 1, 2, -2, 3, 0, 0, 0, -0.46, 0.0], [0, 1, 2, -2, 1, 0, 0, 0, -0.45, 0.0],
  [0, 0, 4, -4, 4, 0, 0, 0, -0.36, 0.0], [0, 0, 1, -1, 1, -8, 12, 0, 0.24, 0.12],
  [0, 0, 2, 0, 0, 0, 0, 0, -0.32, 0.0], [0, 0, 2, 0, 2, 0, 0, 0, -0.28, 0.0],
  [1, 0, 2, 0, 3, 0, 0, 0, -0.27, 0.0], [1, 0, 2, 0, 1, 0, 0, 0, -0.26, 0.0],
  [0, 0, 2, -2, 0, 0, 0, 0, 0.21, 0.0], [0, 1, -2, 2, -3, 0, 0, 0, -0.19, 0.0],
  [0, 1, -2, 2, -1, 0, 0, 0, -0.18, 0.0], [0, 0, 0, 0, 0, 8, -13, -1, 0.1, -0.05],
  [0, 0, 0, 2, 0, 0, 0, 0, -0.15, 0.0], [2, 0, -2, 0, -1, 0, 0, 0, 0.14, 0.0],
  [0, 1, 2, -2, 2, 0, 0, 0, 0.14, 0.0], [1, 0, 0, -2, 1, 0, 0, 0, -0.14, 0.0],
  [1, 0, 0, -2, -1, 0, 0, 0, -0.14, 0.0], [0, 0, 4, -2, 4, 0, 0, 0, -0.13, 0.0],
  [0, 0, 2, -2, 4, 0, 0, 0, 0.11, 0.0], [1, 0, -2, 0, -3, 0, 0, 0, -0.11, 0.0],
  [1, 0, -2, 0, -1, 0, 0, 0, -0.11, 0.0],
];
const S06_T1: readonly STerm[] = [
  [0, 0, 0, 0, 2, 0, 0, 0, -0.07, 3.57], [0, 0, 0, 0, 1, 0, 0, 0, 1.73, -0.03],
  [0, 0, 2, -2, 3, 0, 0, 0, 0.0, 0.48],
];
const S06_T2: readonly STerm[] = [
  [0, 0, 0, 0, 1, 0, 0, 0, 743.52, -0.17], [0, 0, 2, -2, 2, 0, 0, 0, 56.91, 0.06],
  [0, 0, 2, 0, 2, 0, 0, 0, 9.84, -0.01], [0, 0, 0, 0, 2, 0, 0, 0, -8.85, 0.01],
  [0, 1, 0, 0, 0, 0, 0, 0, -6.38, -0.05], [1, 0, 0, 0, 0, 0, 0, 0, -3.07, 0.0],
  [0, 1, 2, -2, 2, 0, 0, 0, 2.23, 0.0], [0, 0, 2, 0, 1, 0, 0, 0, 1.67, 0.0],
  [1, 0, 2, 0, 2, 0, 0, 0, 1.3, 0.0], [0, 1, -2, 2, -2, 0, 0, 0, 0.93, 0.0],
  [1, 0, 0, -2, 0, 0, 0, 0, 0.68, 0.0], [0, 0, 2, -2, 1, 0, 0, 0, -0.55, 0.0],
  [1, 0, -2, 0, -2, 0, 0, 0, 0.53, 0.0], [0, 0, 0, 2, 0, 0, 0, 0, -0.27, 0.0],
  [1, 0, 0, 0, 1, 0, 0, 0, -0.27, 0.0], [1, 0, -2, -2, -2, 0, 0, 0, -0.26, 0.0],
  [1, 0, 0, 0, -1, 0, 0, 0, -0.25, 0.0], [1, 0, 2, 0, 1, 0, 0, 0, 0.22, 0.0],
  [2, 0, 0, -2, 0, 0, 0, 0, -0.21, 0.0], [2, 0, -2, 0, -1, 0, 0, 0, 0.2, 0.0],
  [0, 0, 2, 2, 2, 0, 0, 0, 0.17, 0.0], [2, 0, 2, 0, 2, 0, 0, 0, 0.13, 0.0],
  [2, 0, 0, 0, 0, 0, 0, 0, -0.13, 0.0], [1, 0, 2, -2, 2, 0, 0, 0, -0.12, 0.0],
  [0, 0, 2, 0, 0, 0, 0, 0, -0.11, 0.0],
];
const S06_T3: readonly STerm[] = [
  [0, 0, 0, 0, 1, 0, 0, 0, 0.3, -23.42], [0, 0, 2, -2, 2, 0, 0, 0, -0.03, -1.46],
  [0, 0, 2, 0, 2, 0, 0, 0, -0.01, -0.25], [0, 0, 0, 0, 2, 0, 0, 0, 0.0, 0.23],
];
const S06_T4: readonly STerm[] = [[0, 0, 0, 0, 1, 0, 0, 0, -0.26, -0.01]];

function sumSeries(terms: readonly STerm[], fa: readonly number[]): number {
  let w = 0;
  for (let i = terms.length - 1; i >= 0; i--) {
    const k = terms[i]!;
    let a = 0;
    for (let j = 0; j < 8; j++) a += k[j]! * fa[j]!;
    w += k[8] * Math.sin(a) + k[9] * Math.cos(a);
  }
  return w;
}

/**
 * CIO locator s (ERFA s06), radians, given the CIP X, Y (radians, unit-vector components) consistent with
 * the date; `t` in Julian centuries TT since J2000.0.
 */
export function cioLocator06Rad(t: number, xRad: number, yRad: number): number {
  const fa = [
    meanAnomalyMoonRad(t), meanAnomalySunRad(t), meanArgLatitudeMoonRad(t), meanElongationMoonRad(t),
    meanNodeMoonRad(t), meanLongitudeVenusRad(t), meanLongitudeEarthRad(t), generalPrecessionRad(t),
  ];
  const w0 = S06_POLY_UAS[0] + sumSeries(S06_T0, fa);
  const w1 = S06_POLY_UAS[1] + sumSeries(S06_T1, fa);
  const w2 = S06_POLY_UAS[2] + sumSeries(S06_T2, fa);
  const w3 = S06_POLY_UAS[3] + sumSeries(S06_T3, fa);
  const w4 = S06_POLY_UAS[4] + sumSeries(S06_T4, fa);
  const w5 = S06_POLY_UAS[5];
  const uas = w0 + (w1 + (w2 + (w3 + (w4 + w5 * t) * t) * t) * t) * t;
  return uas * 1e-6 * RAD_PER_ARCSEC - (xRad * yRad) / 2;
}

/** CIP coordinates and CIO locator. */
export interface CipXys {
  readonly xRad: number;
  readonly yRad: number;
  readonly sRad: number;
}

/**
 * X, Y, s for IAU 2006/2000A (ERFA xys06a), from the bias–precession–nutation matrix (which is also returned
 * so that callers needing the equation of the origins do not evaluate the 1365-term series twice).
 */
export function cipXys06a(t: number): CipXys & { readonly npb: Mat3 } {
  const npb = biasPrecessionNutation06a(t);
  const xRad = npb[6]!, yRad = npb[7]!;
  return { xRad, yRad, sRad: cioLocator06Rad(t, xRad, yRad), npb };
}

/** GCRS → CIRS matrix from X, Y, s (ERFA c2ixys; IERS Conventions 2010 eq. 5.10). */
export function celestialToIntermediate(xRad: number, yRad: number, sRad: number): Mat3 {
  const r2 = xRad * xRad + yRad * yRad;
  const e = r2 > 0 ? Math.atan2(yRad, xRad) : 0;
  const d = Math.atan(Math.sqrt(r2 / (1 - r2)));
  const m = rotZ(e);
  const tmp = new Float64Array(9);
  mat3Multiply(rotY(d, tmp), m, m);
  mat3Multiply(rotZ(-(e + sRad), tmp), m, m);
  return m;
}

/**
 * Equation of the origins EO = ERA − GAST (ERFA eors; Wallace & Capitaine 2006 eq. 16), radians, from the
 * bias–precession–nutation matrix and s.
 */
export function equationOfOriginsRad(npb: Mat3, sRad: number): number {
  const x = npb[6]!;
  const ax = x / (1 + npb[8]!);
  const xs = 1 - ax * x;
  const ys = -ax * npb[7]!;
  const zs = -x;
  const p = npb[0]! * xs + npb[1]! * ys + npb[2]! * zs;
  const q = npb[3]! * xs + npb[4]! * ys + npb[5]! * zs;
  return p !== 0 || q !== 0 ? sRad - Math.atan2(q, p) : sRad;
}

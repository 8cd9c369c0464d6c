/**
 * Drag parameter of one maneuver-free arc from ALL its element sets: a robust least-squares fit of the averaged
 * decay model to the sets' mean semi-major axes, instead of the change between two end points.
 *
 * Model: a(t_k) = c + B·g(t_k), where g(t) = (a_model(t; B_ref) − a₀)/B_ref is the model's decay per unit
 * C_D·A/m from the arc's first set (Δa is proportional to B to first order; the small non-linearity — a lower
 * orbit meets denser air — is removed by re-linearising about the fitted B, Gauss–Newton, until B moves by less
 * than 1e-5 relative). c absorbs the noise of the first set. Weighted by Tukey's biweight on residuals scaled by
 * 4.685 × the normalised median absolute deviation (Hampel, Ronchetti, Rousseeuw & Stahel 1986, "Robust
 * Statistics", §6.4; Beaton & Tukey 1974): iteratively reweighted least squares, so refits straddling a
 * docking or tracking gap (ISS sets 100 m off the arc) carry no weight.
 *
 * Why: the end-point (Molczan two-set) estimate uses the ~5 sets of a day at each end; the ISS 2021 history
 * scatters by 7–37 m rms per set about a smooth arc (measured, tools/decay-arc-study.mjs), so on an arc of
 * 0.15 km loss the end points alone carry ~10 % noise; the fit over 40–240 sets cuts this by √(n/10).
 * The formal standard error follows from the residual scatter (Björck 1996, "Numerical Methods for Least
 * Squares Problems", §1.1.5).
 */
import type { Atmosphere } from '@stationkeeper/astro/atmosphere';
import { propagateAveraged } from './averaged-propagator.js';
import type { HistoryPoint } from './ballistic-fit.js';
import type { MeanOrbit } from './mean-orbit.js';

export interface ArcLeastSquaresOptions {
  readonly atmosphere: Atmosphere;
  /** First guess of C_D·A/m, m²/kg (default 0.01). */
  readonly initialM2Kg?: number;
  readonly nodes?: number;
}

export interface ArcLeastSquaresFit {
  /** Fitted C_D·A/m, m²/kg. */
  readonly cdAOverMM2Kg: number;
  /** Formal standard error of B from the weighted residuals, m²/kg. */
  readonly formalSigmaM2Kg: number;
  /** Fitted mean a at the first and the last set's epoch, km (the smooth arc, not single sets). */
  readonly startAKm: number;
  readonly endAKm: number;
  readonly fromUtcMjd: number;
  readonly toUtcMjd: number;
  /** Robust rms of the residuals (1.4826 × MAD), km. */
  readonly residualRmsKm: number;
  /** Sets given (near-)zero weight by the biweight (|r| > 4.685 σ). */
  readonly outliers: number;
  readonly sets: number;
}

/** Model a(t) minus a₀ at each epoch (ascending, first = start epoch) for drag parameter b; −∞ entries if decayed. */
export function modelDecayKm(start: MeanOrbit, epochsUtcMjd: readonly number[], b: number, atmosphere: Atmosphere,
  nodes?: number): Float64Array {
  const last = epochsUtcMjd[epochsUtcMjd.length - 1] ?? start.utcMjd;
  const run = propagateAveraged(start, {
    drag: { atmosphere, cdAOverMM2Kg: b }, untilUtcMjd: last, stopPerigeeAltitudeKm: 100, maxStepDays: 0.25,
    ...(nodes !== undefined ? { nodes } : {}),
  });
  const pts = run.points;
  const out = new Float64Array(epochsUtcMjd.length);
  let j = 0;
  for (let k = 0; k < epochsUtcMjd.length; k++) {
    const t = epochsUtcMjd[k]!;
    while (j + 1 < pts.length && pts[j + 1]!.utcMjd < t) j++;
    const p0 = pts[j]!;
    const p1 = pts[j + 1];
    if (p1 === undefined) {
      out[k] = run.reason === 'altitude' ? -Infinity : p0.aKm - start.aKm;
      continue;
    }
    // Steps are ≤ 6 h: linear interpolation of the smooth a(t) errs by ≤ h²/8·|ä| < 1 m even in storms.
    const f = p1.utcMjd > p0.utcMjd ? (t - p0.utcMjd) / (p1.utcMjd - p0.utcMjd) : 0;
    out[k] = p0.aKm + f * (p1.aKm - p0.aKm) - start.aKm;
  }
  return out;
}

const median = (v: number[]): number => {
  const s = [...v].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
};

/** Weighted least squares of y = c + B g: returns [c, B]; undefined when g does not vary. */
function weightedLine(g: Float64Array, y: readonly number[], w: Float64Array): [number, number] | undefined {
  let sw = 0;
  let sg = 0;
  let sy = 0;
  for (let k = 0; k < g.length; k++) {
    sw += w[k]!;
    sg += w[k]! * g[k]!;
    sy += w[k]! * y[k]!;
  }
  if (!(sw > 0)) return undefined;
  const gm = sg / sw;
  const ym = sy / sw;
  let sgg = 0;
  let sgy = 0;
  for (let k = 0; k < g.length; k++) {
    const dg = g[k]! - gm;
    sgg += w[k]! * dg * dg;
    sgy += w[k]! * dg * (y[k]! - ym);
  }
  if (!(sgg > 0)) return undefined;
  const b = sgy / sgg;
  return [ym - b * gm, b];
}

/**
 * Robust least-squares C_D·A/m of one maneuver-free arc (sorted by epoch). Undefined with fewer than 4 sets, an
 * arc without measurable decay (fitted B ≤ 0), or a model that decays before the arc ends.
 */
export function fitArcLeastSquares(arc: readonly HistoryPoint[], options: ArcLeastSquaresOptions): ArcLeastSquaresFit | undefined {
  const n = arc.length;
  if (n < 4) return undefined;
  const start = arc[0]!.orbit;
  const t = arc.map((p) => p.utcMjd);
  const y = arc.map((p) => p.orbit.aKm - start.aKm);
  let b = options.initialM2Kg ?? 0.01;
  const w = new Float64Array(n).fill(1);
  let c = 0;
  let sigma = 0;
  let g = new Float64Array(n);
  let converged = false;
  for (let it = 0; it < 12; it++) {
    const bLin = b;
    const d = modelDecayKm(start, t, b, options.atmosphere, options.nodes);
    if (!Number.isFinite(d[n - 1]!)) {
      b /= 4; // decayed within the arc: far too large a guess
      continue;
    }
    // Linearised about b: a(B) ≈ d(b) + (B − b)·∂d/∂B with ∂d/∂B ≈ d(b)/b (first-order proportionality).
    g = d.map((v) => v / b);
    // IRLS with Tukey's biweight, scale from the MAD of the unweighted residuals of the current line.
    for (let r = 0; r < 6; r++) {
      const line = weightedLine(g, y, w);
      if (line === undefined) return undefined;
      [c, b] = [line[0], line[1]];
      const res = y.map((v, k) => v - c - b * g[k]!);
      sigma = 1.4826 * median(res.map(Math.abs));
      const scale = 4.685 * Math.max(sigma, 1e-6);
      for (let k = 0; k < n; k++) {
        const u = res[k]! / scale;
        w[k] = Math.abs(u) < 1 ? (1 - u * u) ** 2 : 0;
      }
    }
    if (!(b > 0)) return undefined;
    if (Math.abs(b / bLin - 1) < 1e-5) {
      converged = true;
      break;
    }
  }
  if (!converged || !(b > 0)) return undefined;
  // Formal error: σ² / Σw(g − ḡ)², with σ from the weighted residuals (n − 2 degrees of freedom).
  let sw = 0;
  let sg = 0;
  for (let k = 0; k < n; k++) {
    sw += w[k]!;
    sg += w[k]! * g[k]!;
  }
  const gm = sg / sw;
  let sgg = 0;
  let srr = 0;
  let used = 0;
  for (let k = 0; k < n; k++) {
    sgg += w[k]! * (g[k]! - gm) ** 2;
    srr += w[k]! * (y[k]! - c - b * g[k]!) ** 2;
    if (w[k]! > 0) used++;
  }
  const s2 = used > 2 ? ((srr / sw) * used) / (used - 2) : sigma * sigma;
  return {
    cdAOverMM2Kg: b, formalSigmaM2Kg: Math.sqrt(s2 / sgg), startAKm: start.aKm + c, endAKm: start.aKm + c + b * g[n - 1]!,
    fromUtcMjd: t[0]!, toUtcMjd: t[n - 1]!, residualRmsKm: sigma, outliers: n - used, sets: n,
  };
}

/**
 * Drag-parameter (ballistic-coefficient) estimation from an element history, after T. Molczan's method as used
 * for the IADC/Satobs reentry predictions (Molczan, "Decay prediction of …", Satobs; also described by
 * Saunders, Swinerd & Lewis 2012, "Deriving accurate satellite ballistic coefficients from two-line element
 * data", J. Spacecraft & Rockets 49(1), 175–184): find the C_D·A/m for which the decay propagator, integrated
 * with the same atmosphere and space weather, reproduces the observed change of the mean semi-major axis between
 * two element sets. The predicted change is nearly proportional to C_D·A/m, so a few secant iterations on the
 * ratio converge.
 *
 * Maneuver-aware: a rise of the mean semi-major axis between consecutive sets by more than `jumpKm` (0.1 km:
 * the ISS's consecutive-set noise is a few tens of metres, a reboost lifts it by 0.5–4 km) that the following set
 * keeps (a lone high refit is noise, not a burn) splits the history
 * into reboost-free arcs, and the sets of the first `settleDays` after a jump (fits that straddle the burn) are
 * dropped. Uncertainty: the arc is cut into sub-arcs of at least `subArcDays`, each fitted alone; their sample
 * standard deviation is the scatter (what the next weeks may bring: attitude, solar arrays, model error), and
 * scatter/√n the standard error of the mean. With fewer than two sub-arcs, element noise (rms residual of a
 * quadratic fit of a(t)) propagated to the fit, σ = √2·σ_a/|Δa|·B, is used instead.
 */
import type { Atmosphere } from '@stationkeeper/astro/atmosphere';
import type { ElementSet } from '@stationkeeper/astro/elements';
import { fitArcLeastSquares } from './arc-fit.js';
import { propagateAveraged } from './averaged-propagator.js';
import { EQUATORIAL_RADIUS_KM, meanOrbitOf, type MeanOrbit } from './mean-orbit.js';

/** One element set of a history as the fit sees it. */
export interface HistoryPoint {
  readonly utcMjd: number;
  readonly orbit: MeanOrbit;
  readonly meanAltitudeKm: number;
}

export interface Maneuver {
  /** Epochs of the sets before and after the jump (UTC MJD). */
  readonly beforeUtcMjd: number;
  readonly afterUtcMjd: number;
  /** Rise of the mean semi-major axis, km. */
  readonly deltaAKm: number;
}

/**
 * Sorted by epoch, one point per epoch: sets whose epochs lie within `sameEpochDays` (default 0.005 d = 7.2 min)
 * are refits of the same observations, and the one listed last in the input wins (the newer fit).
 */
export function historyPoints(sets: readonly ElementSet[], sameEpochDays = 0.005): HistoryPoint[] {
  const all = sets.map((s, order) => {
    const orbit = meanOrbitOf(s);
    return { order, p: { utcMjd: orbit.utcMjd, orbit, meanAltitudeKm: orbit.aKm - EQUATORIAL_RADIUS_KM } };
  }).sort((a, b) => a.p.utcMjd - b.p.utcMjd || a.order - b.order);
  const out: { order: number; p: HistoryPoint }[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last !== undefined && x.p.utcMjd - last.p.utcMjd < sameEpochDays) {
      if (x.order > last.order) out[out.length - 1] = x;
      continue;
    }
    out.push(x);
  }
  return out.map((x) => x.p);
}

export interface ManeuverOptions {
  /** Change of mean a between consecutive sets, beyond the local decay, that marks a maneuver, km (default 0.1). */
  readonly jumpKm?: number;
  /** Sets within this many days after a maneuver are dropped (default 0.5). */
  readonly settleDays?: number;
}

/** Median of the decay rates (km/day, a ≤ 0 trend) of the up-to-10 intervals before index i. */
function localRateKmDay(points: readonly HistoryPoint[], i: number): number {
  const rates: number[] = [];
  for (let k = Math.max(1, i - 10); k < i; k++) {
    const dt = points[k]!.utcMjd - points[k - 1]!.utcMjd;
    if (dt > 0) rates.push((points[k]!.orbit.aKm - points[k - 1]!.orbit.aKm) / dt);
  }
  if (rates.length === 0) return 0;
  rates.sort((x, y) => x - y);
  return Math.min(0, rates[rates.length >> 1]!);
}

const medianOf = (v: number[]): number => {
  v.sort((x, y) => x - y);
  const m = v.length >> 1;
  return v.length % 2 === 1 ? v[m]! : 0.5 * (v[m - 1]! + v[m]!);
};

/**
 * Splits a history into maneuver-free arcs. Single ISS element sets scatter by up to ±0.2 km in mean a, so a
 * maneuver is judged on medians: between the three sets before index i and the three from i on, the change of
 * median a minus the local decay trend (median rate of the previous 10 intervals × the time between the medians)
 * must exceed `jumpKm` upward (reboost) or 2.5·`jumpKm` plus twice the expected decay downward (retrograde burns,
 * e.g. the ISS's phasing burns of December 2021 — the allowance keeps the accelerating natural decay of a
 * reentering body from being flagged). The maneuver is placed at the largest single step in that direction
 * within two sets of i.
 */
export function splitAtManeuvers(points: readonly HistoryPoint[], options: ManeuverOptions = {}): { arcs: HistoryPoint[][]; maneuvers: Maneuver[] } {
  const jump = options.jumpKm ?? 0.1;
  const settle = options.settleDays ?? 0.5;
  const n = points.length;
  const dir = new Int8Array(n);
  for (let i = 1; i < n; i++) {
    const before = points.slice(Math.max(0, i - 3), i);
    const after = points.slice(i, Math.min(n, i + 3));
    const tB = medianOf(before.map((p) => p.utcMjd));
    const tA = medianOf(after.map((p) => p.utcMjd));
    const expected = localRateKmDay(points, i) * (tA - tB);
    const residual = medianOf(after.map((p) => p.orbit.aKm)) - medianOf(before.map((p) => p.orbit.aKm)) - expected;
    if (residual > jump) dir[i] = 1;
    else if (residual < -2.5 * jump + 2 * expected) dir[i] = -1;
  }
  const step = (i: number): number => points[i]!.orbit.aKm - points[i - 1]!.orbit.aKm;
  const arcs: HistoryPoint[][] = [];
  const maneuvers: Maneuver[] = [];
  let current: HistoryPoint[] = [];
  let settleUntil = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    const d = dir[i]!;
    if (d !== 0) {
      let extreme = true;
      for (let k = Math.max(1, i - 2); k <= Math.min(n - 1, i + 2); k++) {
        if (k !== i && dir[k] === d && d * step(k) > d * step(i)) extreme = false;
      }
      if (extreme) {
        const prev = points[i - 1]!;
        maneuvers.push({ beforeUtcMjd: prev.utcMjd, afterUtcMjd: p.utcMjd, deltaAKm: p.orbit.aKm - prev.orbit.aKm });
        if (current.length > 0) arcs.push(current);
        current = [];
        settleUntil = p.utcMjd + settle;
      }
    }
    if (p.utcMjd < settleUntil) continue;
    current.push(p);
  }
  if (current.length > 0) arcs.push(current);
  return { arcs, maneuvers };
}

/**
 * A robust end point of an arc: the median epoch and median mean a of the sets within `windowDays` of its start
 * or end (single element sets scatter by tens of metres; the median of a day's sets by a few); the other elements
 * are those of the set nearest that epoch.
 */
export function arcEndpoint(arc: readonly HistoryPoint[], which: 'start' | 'end', windowDays = 1): HistoryPoint {
  if (arc.length === 0) throw new RangeError('empty arc');
  const edge = which === 'start' ? arc[0]!.utcMjd : arc[arc.length - 1]!.utcMjd;
  const near = arc.filter((p) => Math.abs(p.utcMjd - edge) <= windowDays);
  const t = medianOf(near.map((p) => p.utcMjd));
  const a = medianOf(near.map((p) => p.orbit.aKm));
  const nearest = near.reduce((b, p) => (Math.abs(p.utcMjd - t) < Math.abs(b.utcMjd - t) ? p : b));
  const orbit = { ...nearest.orbit, utcMjd: t, aKm: a };
  return { utcMjd: t, orbit, meanAltitudeKm: a - EQUATORIAL_RADIUS_KM };
}

export interface DragFitOptions {
  readonly atmosphere: Atmosphere;
  /** First guess of C_D·A/m, m²/kg (default 0.01). */
  readonly initialM2Kg?: number;
  readonly nodes?: number;
}

/**
 * Predicted change of mean a (km) from `from` to `toUtcMjd` with drag parameter `b`; −∞ when the orbit would
 * decay to a 100 km perigee before `toUtcMjd`.
 */
export function predictedDeltaAKm(from: MeanOrbit, toUtcMjd: number, b: number, atmosphere: Atmosphere, nodes?: number): number {
  const res = propagateAveraged(from, {
    drag: { atmosphere, cdAOverMM2Kg: b }, untilUtcMjd: toUtcMjd, stopPerigeeAltitudeKm: 100,
    ...(nodes !== undefined ? { nodes } : {}),
  });
  return res.reason === 'altitude' ? -Infinity : res.final.aKm - from.aKm;
}

/**
 * The C_D·A/m (m²/kg) that reproduces the observed a(to) − a(from); undefined when the observed change is not a
 * decay (≥ 0) or the iteration does not converge to 1e-4 of it. Ratio steps (Δa ∝ C_D·A/m) until the root is
 * bracketed, then the Illinois method (bisection in log space while the upper end decays before the end time).
 */
export function fitDragParameter(from: HistoryPoint, to: HistoryPoint, options: DragFitOptions): number | undefined {
  const observed = to.orbit.aKm - from.orbit.aKm;
  if (!(observed < 0) || !(to.utcMjd > from.utcMjd)) return undefined;
  const g = (b: number): number => predictedDeltaAKm(from.orbit, to.utcMjd, b, options.atmosphere, options.nodes) - observed;
  const tol = 1e-4 * Math.abs(observed);
  // Bracket: g > 0 (too little decay) at lo, g < 0 at hi.
  let b = options.initialM2Kg ?? 0.01;
  let lo = 0;
  let gLo = -observed;
  let hi = Infinity;
  let gHi = -Infinity;
  for (let it = 0; it < 30 && hi === Infinity; it++) {
    const v = g(b);
    if (Math.abs(v) <= tol) return b;
    if (v > 0) {
      lo = b;
      gLo = v;
      const pred = v + observed;
      b = pred < 0 ? Math.min((b * observed) / pred, b * 16) * 1.05 : b * 4;
    } else {
      hi = b;
      gHi = v;
    }
  }
  if (hi === Infinity) return undefined;
  // Illinois (modified regula falsi); bisection in log b while g(hi) is −∞ (decayed before the end).
  let side = 0;
  for (let it = 0; it < 60; it++) {
    const x = Number.isFinite(gHi) && lo > 0 ? (lo * gHi - hi * gLo) / (gHi - gLo) : lo > 0 ? Math.sqrt(lo * hi) : hi / 4;
    const v = g(x);
    if (Math.abs(v) <= tol || (hi - lo) <= 1e-9 * hi) return x;
    if (v > 0) {
      lo = x;
      gLo = v;
      if (side === 1) gHi /= 2;
      side = 1;
    } else {
      hi = x;
      gHi = v;
      if (side === -1) gLo /= 2;
      side = -1;
    }
  }
  return undefined;
}

export interface ArcFit {
  readonly fromUtcMjd: number;
  readonly toUtcMjd: number;
  readonly sets: number;
  /** Observed a(last) − a(first), km. */
  readonly observedDeltaAKm: number;
  readonly cdAOverMM2Kg: number;
}

export interface BallisticFit {
  /** Fitted C_D·A/m, m²/kg (over all usable arcs of the window, weighted by their decay). */
  readonly cdAOverMM2Kg: number;
  /** Scatter of the sub-arc values (or the element-noise estimate), m²/kg. */
  readonly sigmaM2Kg: number;
  /** Standard error of the fitted value, m²/kg. */
  readonly standardErrorM2Kg: number;
  /** How sigma was obtained. */
  readonly sigmaSource: 'sub-arc scatter' | 'element noise';
  readonly fromUtcMjd: number;
  readonly toUtcMjd: number;
  readonly arcs: ArcFit[];
  readonly subArcs: ArcFit[];
  readonly maneuvers: Maneuver[];
}

export interface BallisticFitOptions extends DragFitOptions, ManeuverOptions {
  /** Shortest arc that is fitted, days (default 1). */
  readonly minArcDays?: number;
  /** Sub-arc length for the scatter, days (default 3). */
  readonly subArcDays?: number;
  /** Window of the robust arc end points, days (default: 1, or a tenth of the arc if shorter; 0 = single sets). */
  readonly endpointDays?: number;
  /**
   * How one arc is fitted: `least-squares` (default) — the robust fit of the model decay curve to every set of the
   * arc (arc-fit.ts), falling back to the end points for arcs it cannot fit (< 4 sets); `end-points` — the change of
   * mean a between the arc's robust end points (Molczan's two-set method).
   */
  readonly method?: 'least-squares' | 'end-points';
}

/** rms residual of a least-squares quadratic in time through a(t), km (undefined with < 4 points). */
export function elementNoiseKm(arc: readonly HistoryPoint[]): number | undefined {
  if (arc.length < 4) return undefined;
  const t0 = arc[0]!.utcMjd;
  // Normal equations for a + b t + c t².
  const s = new Float64Array(5);
  const r = new Float64Array(3);
  for (const p of arc) {
    const t = p.utcMjd - t0;
    let tk = 1;
    for (let k = 0; k < 5; k++) {
      s[k]! += tk;
      if (k < 3) r[k]! += tk * p.orbit.aKm;
      tk *= t;
    }
  }
  const m = [[s[0]!, s[1]!, s[2]!], [s[1]!, s[2]!, s[3]!], [s[2]!, s[3]!, s[4]!]];
  const det3 = (q: number[][]): number => q[0]![0]! * (q[1]![1]! * q[2]![2]! - q[1]![2]! * q[2]![1]!)
    - q[0]![1]! * (q[1]![0]! * q[2]![2]! - q[1]![2]! * q[2]![0]!) + q[0]![2]! * (q[1]![0]! * q[2]![1]! - q[1]![1]! * q[2]![0]!);
  const d = det3(m);
  if (d === 0) return undefined;
  const coef = [0, 1, 2].map((j) => det3(m.map((row, i) => row.map((v, k) => (k === j ? r[i]! : v)))) / d);
  let ss = 0;
  for (const p of arc) {
    const t = p.utcMjd - t0;
    const res = p.orbit.aKm - (coef[0]! + coef[1]! * t + coef[2]! * t * t);
    ss += res * res;
  }
  return Math.sqrt(ss / (arc.length - 3));
}

/** Molczan fit over the element sets of [fromUtcMjd, toUtcMjd], maneuver arcs excluded. RangeError when nothing fits. */
export function fitBallisticCoefficient(points: readonly HistoryPoint[], fromUtcMjd: number, toUtcMjd: number,
  options: BallisticFitOptions): BallisticFit {
  const window = points.filter((p) => p.utcMjd >= fromUtcMjd && p.utcMjd <= toUtcMjd);
  const { arcs, maneuvers } = splitAtManeuvers(window, options);
  const minArc = options.minArcDays ?? 1;
  const subDays = options.subArcDays ?? 3;
  const arcFits: ArcFit[] = [];
  const subFits: ArcFit[] = [];
  let guess = options.initialM2Kg ?? 0.01;
  const leastSquares = (options.method ?? 'least-squares') === 'least-squares';
  const endpointFit = (a: HistoryPoint, b: HistoryPoint, sets: number): ArcFit | undefined => {
    const v = fitDragParameter(a, b, { ...options, initialM2Kg: guess });
    if (v === undefined) return undefined;
    guess = v;
    return { fromUtcMjd: a.utcMjd, toUtcMjd: b.utcMjd, sets, observedDeltaAKm: b.orbit.aKm - a.orbit.aKm, cdAOverMM2Kg: v };
  };
  const fitOf = (sets: readonly HistoryPoint[], endpointWindowDays: number): ArcFit | undefined => {
    if (leastSquares) {
      const ls = fitArcLeastSquares(sets, { atmosphere: options.atmosphere, initialM2Kg: guess, ...(options.nodes !== undefined ? { nodes: options.nodes } : {}) });
      if (ls !== undefined) {
        guess = ls.cdAOverMM2Kg;
        return { fromUtcMjd: ls.fromUtcMjd, toUtcMjd: ls.toUtcMjd, sets: sets.length, observedDeltaAKm: ls.endAKm - ls.startAKm, cdAOverMM2Kg: ls.cdAOverMM2Kg };
      }
    }
    return endpointFit(arcEndpoint(sets, 'start', endpointWindowDays), arcEndpoint(sets, 'end', endpointWindowDays), sets.length);
  };
  let bestArc: HistoryPoint[] | undefined;
  for (const arc of arcs) {
    const first = arc[0]!;
    const last = arc[arc.length - 1]!;
    const span = last.utcMjd - first.utcMjd;
    if (span < minArc) continue;
    const f = fitOf(arc, options.endpointDays ?? Math.min(1, span / 10));
    if (f === undefined) continue;
    arcFits.push(f);
    if (bestArc === undefined || last.utcMjd - first.utcMjd > bestArc[bestArc.length - 1]!.utcMjd - bestArc[0]!.utcMjd) bestArc = arc;
    let start = 0;
    for (let i = 1; i < arc.length; i++) {
      const remaining = last.utcMjd - arc[i]!.utcMjd;
      if (arc[i]!.utcMjd - arc[start]!.utcMjd >= subDays && (remaining >= subDays || i === arc.length - 1)) {
        const sub = arc.slice(start, i + 1);
        const sf = fitOf(sub, Math.min(options.endpointDays ?? 1, (arc[i]!.utcMjd - arc[start]!.utcMjd) / 10));
        if (sf !== undefined) subFits.push(sf);
        start = i;
      }
    }
  }
  if (arcFits.length === 0) {
    throw new RangeError(`no maneuver-free arc of at least ${minArc} days with a measurable decay between MJD ${fromUtcMjd} and ${toUtcMjd}`);
  }
  // Weighted by decay: B = Σ Δa_obs / Σ (Δa_obs / B_k) — the least-squares value when Δa is proportional to B.
  const num = arcFits.reduce((s, f) => s + f.observedDeltaAKm, 0);
  const den = arcFits.reduce((s, f) => s + f.observedDeltaAKm / f.cdAOverMM2Kg, 0);
  const b = num / den;
  let sigma: number;
  let source: BallisticFit['sigmaSource'];
  let se: number;
  if (subFits.length >= 2) {
    const mean = subFits.reduce((s, f) => s + f.cdAOverMM2Kg, 0) / subFits.length;
    sigma = Math.sqrt(subFits.reduce((s, f) => s + (f.cdAOverMM2Kg - mean) ** 2, 0) / (subFits.length - 1));
    se = sigma / Math.sqrt(subFits.length);
    source = 'sub-arc scatter';
  } else {
    const noise = bestArc !== undefined ? elementNoiseKm(bestArc) : undefined;
    const totalDecay = Math.abs(num);
    sigma = noise !== undefined && totalDecay > 0 ? (Math.SQRT2 * noise * b) / totalDecay : 0.2 * b;
    se = sigma;
    source = 'element noise';
  }
  return {
    cdAOverMM2Kg: b, sigmaM2Kg: sigma, standardErrorM2Kg: se, sigmaSource: source,
    fromUtcMjd: window[0]?.utcMjd ?? fromUtcMjd, toUtcMjd: window[window.length - 1]?.utcMjd ?? toUtcMjd,
    arcs: arcFits, subArcs: subFits, maneuvers,
  };
}

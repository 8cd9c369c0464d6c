/**
 * The orbit-averaged (semi-analytic) decay propagator: mean a, e, i, Ω, ω advanced with the averaged drag and
 * J2 rates of `averaged-rates.ts` by the midpoint rule (2nd order; the midpoint state is predicted with the rates
 * of the previous step's midpoint, so each step costs one orbit-averaged atmosphere pass), in steps of at most one
 * day that end on UTC midnights — so each step's midpoint samples one day of space weather, whose drivers are
 * daily — and that change a by at most `maxDeltaAKm` (0.5 km default: a small fraction of the density scale
 * height, ~7 km even at 120 km), which shrinks the steps to minutes near reentry. The perigee-altitude stop is
 * located by linear interpolation inside the last step (steps are short there).
 */
import { averagedRates, trapezoidNodes, type DragModel, type QuadratureNodes } from './averaged-rates.js';
import { EQUATORIAL_RADIUS_KM, type MeanOrbit } from './mean-orbit.js';

export interface AveragedDecayOptions {
  readonly drag: DragModel;
  /** Stop when the mean perigee altitude a(1 − e) − R⊕ reaches this, km (default 120). */
  readonly stopPerigeeAltitudeKm?: number;
  /** Stop at this UTC MJD if the altitude stop comes later. */
  readonly untilUtcMjd?: number;
  /** Give up after this many days (default 36 525, a century) — `reason: 'horizon'`. */
  readonly maxDays?: number;
  /** Largest step, days (default 1). */
  readonly maxStepDays?: number;
  /** Largest change of a per step, km (default 0.5). */
  readonly maxDeltaAKm?: number;
  /** Trapezoidal-rule nodes per revolution (default: `defaultNodeCount`, re-chosen as e changes). */
  readonly nodes?: number;
}

export interface DecayPoint {
  readonly utcMjd: number;
  readonly aKm: number;
  readonly e: number;
  /** a − R⊕ (WGS-84 equatorial radius), km. */
  readonly meanAltitudeKm: number;
  /** a(1 − e) − R⊕, km. */
  readonly perigeeAltitudeKm: number;
}

export interface AveragedDecayResult {
  /** The start and the end of every step (the last point is the stop). */
  readonly points: DecayPoint[];
  readonly final: MeanOrbit;
  /** Why it stopped: the altitude was reached, the time was reached, or the horizon ran out. */
  readonly reason: 'altitude' | 'time' | 'horizon';
  readonly steps: number;
}

function point(utcMjd: number, y: Float64Array): DecayPoint {
  const a = y[0]!;
  const e = y[1]!;
  return { utcMjd, aKm: a, e, meanAltitudeKm: a - EQUATORIAL_RADIUS_KM, perigeeAltitudeKm: a * (1 - e) - EQUATORIAL_RADIUS_KM };
}

/**
 * Nodes for the orbit average: the density along an eccentric orbit varies like exp(x cos E), x = ae/H, whose
 * Fourier coefficients are the modified Bessel functions I_k(x), negligible for k ≫ x; with the scale height
 * H ≥ 20 km above 150 km, N = 8 + 2⌈ae/20 km⌉ (capped at 64) resolves them, and 8 nodes already resolve the
 * latitude (2u: the oblate Earth) and local-time (1u: the diurnal bulge) harmonics of a circular orbit
 * (ISS reentry date moves by ~1 h in 1.9 years between 8 and 32 nodes).
 */
export function defaultNodeCount(aKm: number, e: number): number {
  return Math.min(64, 8 + 2 * Math.ceil((aKm * e) / 20));
}

/** Propagates a mean orbit until its perigee altitude reaches the stop, `untilUtcMjd`, or the horizon. */
export function propagateAveraged(start: MeanOrbit, options: AveragedDecayOptions): AveragedDecayResult {
  const stopKm = options.stopPerigeeAltitudeKm ?? 120;
  const maxStep = options.maxStepDays ?? 1;
  const maxDa = options.maxDeltaAKm ?? 0.5;
  const horizon = start.utcMjd + (options.maxDays ?? 36_525);
  const until = Math.min(options.untilUtcMjd ?? Infinity, horizon);
  if (!(stopKm > 0 && stopKm < 2000)) throw new RangeError(`stop altitude must be 0–2000 km, got ${stopKm} km`);
  if (!(maxStep > 0) || !(maxDa > 0)) throw new RangeError('maxStepDays and maxDeltaAKm must be > 0');
  if (!(options.drag.cdAOverMM2Kg >= 0 && Number.isFinite(options.drag.cdAOverMM2Kg))) {
    throw new RangeError(`C_D·A/m must be a finite value ≥ 0 m²/kg, got ${options.drag.cdAOverMM2Kg}`);
  }
  if (!(until >= start.utcMjd)) throw new RangeError('untilUtcMjd is before the start');
  const fixedNodes = options.nodes !== undefined ? trapezoidNodes(options.nodes) : undefined;
  const nodeCache = new Map<number, QuadratureNodes>();
  const nodesFor = (v: Float64Array): QuadratureNodes => {
    if (fixedNodes !== undefined) return fixedNodes;
    const n = defaultNodeCount(v[0]!, v[1]!);
    let q = nodeCache.get(n);
    if (q === undefined) {
      q = trapezoidNodes(n);
      nodeCache.set(n, q);
    }
    return q;
  };
  let y = Float64Array.from([start.aKm, start.e, start.iRad, start.raanRad, start.argpRad]);
  let t = start.utcMjd;
  const k1 = new Float64Array(5);
  const k2 = new Float64Array(5);
  const mid = new Float64Array(5);
  const points: DecayPoint[] = [point(t, y)];
  const hp = (v: Float64Array): number => v[0]! * (1 - v[1]!) - EQUATORIAL_RADIUS_KM;
  let steps = 0;
  if (hp(y) <= stopKm) return { points, final: { ...start }, reason: 'altitude', steps };
  let reason: AveragedDecayResult['reason'] = 'time';
  let havePredictor = false;
  while (t < until) {
    // The midpoint predictor uses the rates of the previous step's midpoint (one atmosphere pass per step; the
    // local error stays third order because the rates change smoothly between consecutive midpoints).
    const nodes = nodesFor(y);
    if (!havePredictor) averagedRates(y, t, options.drag, nodes, k1);
    const daDay = Math.abs(k1[0]!) * 86_400;
    const nextMidnight = Math.floor(t + 1e-9) + 1;
    let h = Math.min(maxStep, nextMidnight - t, daDay > 0 ? maxDa / daDay : maxStep, until - t);
    if (h < 1e-9) h = Math.min(1e-9, until - t);
    const hs = h * 86_400;
    for (let j = 0; j < 5; j++) mid[j] = y[j]! + 0.5 * hs * k1[j]!;
    if (mid[1]! < 0) mid[1] = 0;
    averagedRates(mid, t + 0.5 * h, options.drag, nodes, k2);
    k1.set(k2);
    havePredictor = true;
    const next = new Float64Array(5);
    for (let j = 0; j < 5; j++) next[j] = y[j]! + hs * k2[j]!;
    if (next[1]! < 0) next[1] = 0; // drag circularises; keep e ≥ 0
    steps++;
    const h0 = hp(y);
    const h1 = hp(next);
    if (h1 <= stopKm) {
      const f = (h0 - stopKm) / (h0 - h1);
      const cross = new Float64Array(5);
      for (let j = 0; j < 5; j++) cross[j] = y[j]! + f * (next[j]! - y[j]!);
      t += f * h;
      y = cross;
      points.push(point(t, y));
      reason = 'altitude';
      break;
    }
    t += h;
    y = next;
    points.push(point(t, y));
    if (t >= horizon) {
      reason = 'horizon';
      break;
    }
  }
  return {
    points, steps, reason,
    final: { utcMjd: t, aKm: y[0]!, e: y[1]!, iRad: y[2]!, raanRad: y[3]!, argpRad: y[4]! },
  };
}

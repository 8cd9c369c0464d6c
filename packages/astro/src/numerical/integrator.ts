/**
 * Adaptive embedded Runge–Kutta integration (Dormand–Prince 5(4), Prince–Dormand 8(7)) with mixed
 * absolute/relative error control (Hairer, Nørsett & Wanner 1993, §II.4: RMS norm of err/(atol + rtol·|y|),
 * step factor 0.9·err^(−1/(q+1)) clamped to [0.2, 5]), dense output by cubic Hermite interpolation on
 * (y, f) at both step ends (3rd order; exact states between steps are obtained by re-stepping, see
 * `stepExact`), and event detection: sign changes of user functions g(t, y) between steps, root-refined
 * by the Illinois (modified regula falsi) method on the dense output, then polished by exact re-stepping.
 * Allocation-light: stage buffers are allocated once per integrator.
 */
import { DORMAND_PRINCE_54, type Tableau } from './tableaus.js';

/** y' = f(t, y): writes the derivative into `dydt`. */
export type OdeFunction = (t: number, y: Float64Array, dydt: Float64Array) => void;

export interface IntegratorOptions {
  readonly tableau?: Tableau;
  /** Absolute tolerance per component (same unit as y). Default 1e-9. */
  readonly absTol?: number;
  /** Relative tolerance. Default 1e-12. */
  readonly relTol?: number;
  /** Initial step (s or the time unit of f); default chosen from tolerances. */
  readonly initialStep?: number;
  readonly maxStep?: number;
  readonly minStep?: number;
  /** Abort after this many steps (accepted + rejected). Default 1e6. */
  readonly maxSteps?: number;
}

/** An event: fires when g(t, y) changes sign in the given direction (0: both). */
export interface EventSpec {
  readonly g: (t: number, y: Float64Array) => number;
  readonly direction?: -1 | 0 | 1;
  /** Stop the integration at the event (default true). */
  readonly terminal?: boolean;
  /** Root tolerance in t. Default 1e-6. */
  readonly timeTolerance?: number;
}

export interface EventHit {
  readonly index: number;
  readonly t: number;
  readonly y: Float64Array;
}

export interface IntegrationResult {
  readonly t: number;
  readonly y: Float64Array;
  readonly events: readonly EventHit[];
  readonly acceptedSteps: number;
  readonly rejectedSteps: number;
  readonly evaluations: number;
  /** Set when a terminal event stopped the run. */
  readonly stoppedByEvent: boolean;
}

/** One accepted step, as seen by a step observer (arrays are reused: copy what you keep). */
export interface StepInfo {
  readonly t0: number;
  readonly t1: number;
  readonly y0: Float64Array;
  readonly y1: Float64Array;
  readonly f0: Float64Array;
  readonly f1: Float64Array;
}

/** Cubic Hermite value at t in [t0, t1] from (y, f) at both ends, written into `out`. */
export function hermite(s: StepInfo, t: number, out: Float64Array): Float64Array {
  const h = s.t1 - s.t0;
  const th = (t - s.t0) / h;
  const th2 = th * th;
  const th3 = th2 * th;
  const h00 = 2 * th3 - 3 * th2 + 1;
  const h10 = th3 - 2 * th2 + th;
  const h01 = -2 * th3 + 3 * th2;
  const h11 = th3 - th2;
  for (let i = 0; i < out.length; i++) {
    out[i] = h00 * s.y0[i]! + h10 * h * s.f0[i]! + h01 * s.y1[i]! + h11 * h * s.f1[i]!;
  }
  return out;
}

export class RungeKuttaIntegrator {
  readonly tableau: Tableau;
  readonly #f: OdeFunction;
  readonly #n: number;
  readonly #k: Float64Array[];
  readonly #tmp: Float64Array;
  readonly #yErr: Float64Array;
  readonly #atol: number;
  readonly #rtol: number;
  readonly #opts: IntegratorOptions;
  evaluations = 0;

  constructor(f: OdeFunction, dimension: number, options: IntegratorOptions = {}) {
    if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
    this.tableau = options.tableau ?? DORMAND_PRINCE_54;
    this.#f = f;
    this.#n = dimension;
    this.#k = this.tableau.c.map(() => new Float64Array(dimension));
    this.#tmp = new Float64Array(dimension);
    this.#yErr = new Float64Array(dimension);
    this.#atol = options.absTol ?? 1e-9;
    this.#rtol = options.relTol ?? 1e-12;
    if (!(this.#atol > 0) || !(this.#rtol >= 0)) throw new RangeError('absTol must be > 0 and relTol ≥ 0');
    this.#opts = options;
  }

  #eval(t: number, y: Float64Array, out: Float64Array): void {
    this.evaluations++;
    this.#f(t, y, out);
  }

  /**
   * One explicit RK step of size h from (t, y) with f0 = f(t, y) given; writes the solution into y1 and
   * returns the RMS error norm (≤ 1 means acceptable).
   */
  step(t: number, y: Float64Array, f0: Float64Array, h: number, y1: Float64Array): number {
    const { a, c, b, bHat } = this.tableau;
    const k = this.#k;
    const n = this.#n;
    const tmp = this.#tmp;
    k[0]!.set(f0);
    for (let s = 1; s < c.length; s++) {
      const as = a[s]!;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < s; j++) {
          const aij = as[j]!;
          if (aij !== 0) acc += aij * k[j]![i]!;
        }
        tmp[i] = y[i]! + h * acc;
      }
      this.#eval(t + c[s]! * h, tmp, k[s]!);
    }
    let errSum = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      let accHat = 0;
      for (let s = 0; s < c.length; s++) {
        const ks = k[s]![i]!;
        acc += b[s]! * ks;
        accHat += bHat[s]! * ks;
      }
      const yi = y[i]! + h * acc;
      y1[i] = yi;
      this.#yErr[i] = h * (acc - accHat);
      const sc = this.#atol + this.#rtol * Math.max(Math.abs(y[i]!), Math.abs(yi));
      const e = this.#yErr[i]! / sc;
      errSum += e * e;
    }
    return Math.sqrt(errSum / n);
  }

  /** Exact (non-interpolated) state at t0 + h by one step of the method, f0 = f(t0, y0). */
  stepExact(t0: number, y0: Float64Array, f0: Float64Array, h: number, out: Float64Array): Float64Array {
    if (h === 0) {
      out.set(y0);
      return out;
    }
    this.step(t0, y0, f0, h, out);
    return out;
  }

  /**
   * Integrates from (t0, y0) to tEnd (either direction). `onStep` sees every accepted step (with dense data);
   * `events` are detected between steps and root-refined.
   */
  integrate(t0: number, y0: Float64Array, tEnd: number, onStep?: (s: StepInfo) => void, events: readonly EventSpec[] = []): IntegrationResult {
    if (y0.length !== this.#n) throw new RangeError(`state length ${y0.length} ≠ dimension ${this.#n}`);
    if (!Number.isFinite(t0) || !Number.isFinite(tEnd)) throw new RangeError('integration bounds must be finite');
    const n = this.#n;
    const dir = tEnd >= t0 ? 1 : -1;
    const q = this.tableau.errorOrder;
    const maxStep = this.#opts.maxStep ?? Math.abs(tEnd - t0);
    const minStep = this.#opts.minStep ?? 1e-10;
    const maxSteps = this.#opts.maxSteps ?? 1_000_000;
    let t = t0;
    const y = Float64Array.from(y0);
    const f0 = new Float64Array(n);
    const y1 = new Float64Array(n);
    const f1 = new Float64Array(n);
    const yEvt = new Float64Array(n);
    this.#eval(t, y, f0);
    let h = this.#opts.initialStep ?? Math.min(maxStep, 60);
    h = Math.min(Math.abs(h), Math.abs(tEnd - t0) || 1) * dir;
    const hits: EventHit[] = [];
    let gPrev = events.map((e) => e.g(t, y));
    let accepted = 0;
    let rejected = 0;
    const info = { t0: 0, t1: 0, y0: y, y1, f0, f1 };
    while (dir * (tEnd - t) > 0) {
      if (accepted + rejected >= maxSteps) throw new RangeError(`integration exceeded ${maxSteps} steps at t = ${t}`);
      if (dir * (t + h - tEnd) > 0) h = tEnd - t;
      const err = this.step(t, y, f0, h, y1);
      if (!Number.isFinite(err)) throw new RangeError(`integration produced a non-finite state at t = ${t}`);
      if (err > 1) {
        rejected++;
        const fac = Math.max(0.2, 0.9 * Math.pow(err, -1 / (q + 1)));
        h *= fac;
        if (Math.abs(h) < minStep) throw new RangeError(`step size underflow (${Math.abs(h)} < ${minStep}) at t = ${t}`);
        continue;
      }
      accepted++;
      const tNew = t + h;
      if (this.tableau.fsal) f1.set(this.#k[this.#k.length - 1]!);
      else this.#eval(tNew, y1, f1);
      info.t0 = t;
      info.t1 = tNew;
      // Events between t and tNew.
      let stop = false;
      if (events.length > 0) {
        const gNew = events.map((e) => e.g(tNew, y1));
        let first: { index: number; t: number } | undefined;
        for (let i = 0; i < events.length; i++) {
          const e = events[i]!;
          const ga = gPrev[i]!;
          const gb = gNew[i]!;
          const up = ga < 0 && gb >= 0;
          const down = ga > 0 && gb <= 0;
          const d = e.direction ?? 0;
          if ((up && d >= 0) || (down && d <= 0)) {
            const tr = this.#refine(info, e, ga, gb, yEvt);
            if (first === undefined || dir * (tr - first.t) < 0) first = { index: i, t: tr };
          }
        }
        if (first !== undefined) {
          const e = events[first.index]!;
          const yAt = this.stepExact(t, y, f0, first.t - t, new Float64Array(n));
          hits.push({ index: first.index, t: first.t, y: yAt });
          if (e.terminal ?? true) {
            info.t1 = first.t;
            y1.set(yAt);
            this.#eval(first.t, y1, f1);
            stop = true;
          }
        }
        gPrev = gNew;
      }
      onStep?.(info);
      t = info.t1;
      y.set(y1);
      f0.set(f1);
      if (stop) return { t, y, events: hits, acceptedSteps: accepted, rejectedSteps: rejected, evaluations: this.evaluations, stoppedByEvent: true };
      const fac = Math.min(5, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-10), -1 / (q + 1))));
      h = dir * Math.min(Math.abs(h * fac), maxStep);
    }
    return { t, y, events: hits, acceptedSteps: accepted, rejectedSteps: rejected, evaluations: this.evaluations, stoppedByEvent: false };
  }

  /** Illinois root refinement of g on the step's dense output, then one polish on exact states. */
  #refine(s: StepInfo, e: EventSpec, ga: number, gb: number, buf: Float64Array): number {
    const tol = e.timeTolerance ?? 1e-6;
    let a = s.t0;
    let b = s.t1;
    let fa = ga;
    let fb = gb;
    let side = 0;
    let tr = b;
    for (let it = 0; it < 100 && Math.abs(b - a) > tol; it++) {
      tr = (a * fb - b * fa) / (fb - fa);
      const fr = e.g(tr, hermite(s, tr, buf));
      if (fr * fb > 0) {
        b = tr;
        fb = fr;
        if (side === -1) fa /= 2;
        side = -1;
      } else if (fa * fr > 0) {
        a = tr;
        fa = fr;
        if (side === 1) fb /= 2;
        side = 1;
      } else {
        break; // g = 0 on the dense output: still polish on exact states below (the Hermite error is metres at LEO)
      }
    }
    // Secant polish on exact states (removes the Hermite interpolation error from the event time).
    const ex = (tt: number): number => e.g(tt, this.stepExact(s.t0, s.y0, s.f0, tt - s.t0, buf));
    const lo = Math.min(s.t0, s.t1);
    const hi = Math.max(s.t0, s.t1);
    let x0 = Math.min(Math.max(tr - tol, lo), hi);
    let x1 = Math.min(Math.max(tr + tol, lo), hi);
    let g0 = ex(x0);
    let g1 = ex(x1);
    for (let it = 0; it < 10 && g1 !== g0 && Math.abs(x1 - x0) > Math.abs(s.t1 - s.t0) * 1e-14; it++) {
      const x2 = x1 - (g1 * (x1 - x0)) / (g1 - g0);
      x0 = x1;
      g0 = g1;
      x1 = Math.min(Math.max(x2, Math.min(s.t0, s.t1)), Math.max(s.t0, s.t1));
      g1 = ex(x1);
    }
    return x1;
  }
}

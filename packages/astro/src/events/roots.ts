/**
 * Scalar root and extremum refinement on a bracket, used by every event finder.
 *
 * - `brentRoot`: Brent's method (R. P. Brent, "Algorithms for Minimization without Derivatives",
 *   Prentice-Hall 1973, ch. 4; the `zeroin` formulation of Forsythe, Malcolm & Moler 1977): inverse quadratic
 *   interpolation / secant steps safeguarded by bisection, so it converges superlinearly on smooth functions and
 *   never worse than bisection. Needs f(a)·f(b) ≤ 0.
 * - `maximizeOnBracket`: a maximum of a smooth function whose derivative changes sign + → − inside the bracket,
 *   found as the root of the derivative (Brent). When no derivative is available, `goldenMaximum` does a golden-
 *   section search (Kiefer 1953) with parabolic steps disabled — robust, slower.
 *
 * Both finders count their evaluations so callers can budget and tests can check efficiency.
 */

/** Result of a root or extremum search: the abscissa and the function value there. */
export interface RootResult {
  /** The root (or extremum) abscissa, in the caller's unit (seconds for events). */
  readonly x: number;
  /** f(x). */
  readonly fx: number;
  /** Number of function evaluations spent (excluding the two bracket values passed in). */
  readonly evaluations: number;
}

/**
 * Brent's root finder on [a, b] with known end values fa = f(a), fb = f(b) of opposite sign (or one zero).
 * Stops when the bracket is narrower than `tolerance` (absolute, in x units) — the returned x is then within
 * `tolerance` of a true sign change of f. Throws RangeError when the bracket does not bracket a root.
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolerance: number,
  maxEvaluations = 100,
): RootResult {
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be > 0, got ${tolerance}`);
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) throw new RangeError(`bracket values must be finite, got ${fa}, ${fb}`);
  if (fa === 0) return { x: a, fx: fa, evaluations: 0 };
  if (fb === 0) return { x: b, fx: fb, evaluations: 0 };
  if ((fa > 0) === (fb > 0)) throw new RangeError(`no sign change on [${a}, ${b}]: f = ${fa}, ${fb}`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  let evaluations = 0;
  for (;;) {
    if ((fb > 0) === (fc > 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0 || evaluations >= maxEvaluations) return { x: b, fx: fb, evaluations };
    if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) {
      d = m;
      e = m;
    } else {
      let s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      s = e;
      e = d;
      if (2 * p < 3 * m * q - Math.abs(tol * q) && p < Math.abs(0.5 * s * q)) {
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    evaluations++;
    if (!Number.isFinite(fb)) throw new RangeError(`function is not finite at x = ${b}`);
  }
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * Golden-section search for the maximum of a unimodal f on [a, b], to an abscissa tolerance `tolerance`.
 * Use when no derivative is available; ~1.44·log2((b − a)/tolerance) evaluations.
 */
export function goldenMaximum(f: (x: number) => number, a: number, b: number, tolerance: number): RootResult {
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be > 0, got ${tolerance}`);
  let lo = Math.min(a, b);
  let hi = Math.max(a, b);
  let x1 = hi - INV_PHI * (hi - lo);
  let x2 = lo + INV_PHI * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  let evaluations = 2;
  while (hi - lo > tolerance) {
    if (f1 < f2) {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + INV_PHI * (hi - lo);
      f2 = f(x2);
    } else {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - INV_PHI * (hi - lo);
      f1 = f(x1);
    }
    evaluations++;
  }
  return f1 > f2 ? { x: x1, fx: f1, evaluations } : { x: x2, fx: f2, evaluations };
}

/**
 * Safeguarded Newton–Raphson on a bracket (Press et al., "Numerical Recipes", 3rd ed., §9.4 `rtsafe`): Newton
 * steps from the secant estimate while they stay inside the bracket and shrink fast enough, bisection otherwise.
 * `f` returns f(x) and `derivative()` returns f′ at the last point `f` was called with — so callers whose
 * model yields value and rate together (elevation and its rate) pay one evaluation per step. Converges
 * quadratically; stops when the last step is below `tolerance`.
 */
export function newtonRoot(
  f: (x: number) => number,
  derivative: () => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolerance: number,
  maxEvaluations = 60,
): RootResult {
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be > 0, got ${tolerance}`);
  if (fa === 0) return { x: a, fx: fa, evaluations: 0 };
  if (fb === 0) return { x: b, fx: fb, evaluations: 0 };
  if ((fa > 0) === (fb > 0)) throw new RangeError(`no sign change on [${a}, ${b}]: f = ${fa}, ${fb}`);
  // orient so that f(lo) < 0 < f(hi)
  let lo = fa < 0 ? a : b;
  let hi = fa < 0 ? b : a;
  let x = a + (b - a) * (fa / (fa - fb));
  let dxOld = Math.abs(b - a);
  let dx = dxOld;
  let fx = f(x);
  let d = derivative();
  let evaluations = 1;
  for (;;) {
    if (!Number.isFinite(fx)) throw new RangeError(`function is not finite at x = ${x}`);
    if (fx === 0) return { x, fx, evaluations };
    if (fx < 0) lo = x;
    else hi = x;
    const newtonOut = ((x - hi) * d - fx) * ((x - lo) * d - fx) > 0;
    if (newtonOut || Math.abs(2 * fx) > Math.abs(dxOld * d)) {
      dxOld = dx;
      dx = 0.5 * (hi - lo);
      x = lo + dx;
    } else {
      dxOld = dx;
      dx = fx / d;
      x -= dx;
    }
    if (Math.abs(dx) < tolerance || evaluations >= maxEvaluations) {
      // the last step was below tolerance: x is within `tolerance` of the root (quadratic convergence)
      fx = f(x);
      evaluations++;
      return { x, fx, evaluations };
    }
    fx = f(x);
    d = derivative();
    evaluations++;
  }
}

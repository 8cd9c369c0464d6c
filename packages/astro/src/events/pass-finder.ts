/**
 * Rise / culmination / set finding for any Earth-fixed ephemeris, fast and with a stated guarantee.
 *
 * Method (see docs/passes.md):
 * 1. Visibility cone. A satellite at geocentric radius ≤ r_a is below elevation ε for an observer at radius R
 *    whenever the geocentric angle ψ between them exceeds λ(ε) = acos(R·cos ε / r_a) − ε (plane triangle Earth
 *    centre – observer – satellite; e.g. Vallado, "Fundamentals of Astrodynamics", 4th ed., §11.2). ε is the
 *    threshold minus a 0.5° margin (geodetic vs geocentric vertical ≤ 0.19°) minus 1° when refraction is on.
 * 2. Rigorous skipping. ψ changes no faster than ω_max = 1.05·(h/r_p² + ω_⊕) (Kepler: angular rate h/r², largest
 *    at perigee, with r_p lowered 1 % + 10 km; plus Earth rotation; 5 % more for perturbations). From a sample with ψ > λ the satellite
 *    provably stays below the threshold for (ψ − λ)/ω_max seconds, so the finder jumps that far.
 * 3. Inside the cone it samples every `stepS` (default min(120 s, P/50)) the elevation e(t) and its analytic rate
 *    ė(t). Rise/set = sign change of e − threshold, refined by safeguarded Newton on (e, ė) (Numerical Recipes
 *    `rtsafe`); culmination = sign change of ė from + to −, refined by Brent's method; both to `toleranceS`
 *    (default 1 ms).
 *
 * Guarantee: every maximum of elevation above the threshold is found — however short or low the pass — unless a
 * minimum of elevation lies within the same sample step (two extrema closer than `stepS`). For LEO the minima of
 * elevation occur on the far side of the Earth, outside the cone, so no pass of any duration is missed; for
 * GEO/HEO extrema are hours apart. A pass that starts and ends inside one step is still found, because its
 * culmination changes the sign of ė.
 */
import { brentRoot, goldenMaximum, newtonRoot } from './roots.js';
import { topocentricInto } from '../frames/look-angles.js';
import { refractionRad, EARTH_ROTATION_RAD_S, type Site } from './earth.js';

/** Earth's gravitational parameter, km³/s² (WGS-84 / EGM96 value). */
const MU_KM3_S2 = 398_600.4418;

/**
 * An Earth-fixed ephemeris: writes the ITRF position (km) and velocity (km/s) at `tS` seconds after the start of
 * the search window into `out[0..5]`, and returns 0, or a nonzero model status code when it has no valid state.
 */
export interface EcefSampler {
  sample(tS: number, out: Float64Array): number;
}

/** Bounds on the orbit used for the skipping and step size. */
export interface OrbitBounds {
  readonly perigeeRadiusKm: number;
  readonly apogeeRadiusKm: number;
  readonly periodS: number;
}

/** Osculating bounds from one Earth-fixed state (position km, velocity km/s), with margins for perturbations. */
export function orbitBoundsFromItrfState(s: ArrayLike<number>): OrbitBounds {
  const x = s[0]!;
  const y = s[1]!;
  const z = s[2]!;
  // inertial velocity = Earth-fixed velocity + ω × r
  const vx = s[3]! - EARTH_ROTATION_RAD_S * y;
  const vy = s[4]! + EARTH_ROTATION_RAD_S * x;
  const vz = s[5]!;
  const r = Math.hypot(x, y, z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const energy = v2 / 2 - MU_KM3_S2 / r;
  if (!(r > 0) || !(energy < 0)) throw new RangeError(`state is not on a bound orbit (r = ${r} km, energy = ${energy} km²/s²)`);
  const a = -MU_KM3_S2 / (2 * energy);
  const hx = y * vz - z * vy;
  const hy = z * vx - x * vz;
  const hz = x * vy - y * vx;
  const h2 = hx * hx + hy * hy + hz * hz;
  const e = Math.sqrt(Math.max(0, 1 - h2 / (MU_KM3_S2 * a)));
  return {
    perigeeRadiusKm: a * (1 - e) * 0.99 - 10,
    apogeeRadiusKm: a * (1 + e) * 1.01 + 10,
    periodS: 2 * Math.PI * Math.sqrt((a * a * a) / MU_KM3_S2),
  };
}

export interface PassSearchOptions {
  /** Threshold elevation, radians (default 0). With `refraction`, it applies to the apparent elevation. */
  readonly minElevationRad?: number;
  /** Apply standard atmospheric refraction (Sæmundsson) to the elevation compared with the threshold. */
  readonly refraction?: boolean;
  /** Refinement tolerance of event times, seconds (default 1e-3). */
  readonly toleranceS?: number;
  /** Sample step inside the visibility cone, seconds (default min(120, P/50)). */
  readonly stepS?: number;
  /** Orbit bounds; by default derived from the first sample. */
  readonly orbit?: OrbitBounds;
}

/** One pass in window seconds. `riseS`/`setS` are null when the pass straddles the window's start/end. */
export interface RawPass {
  readonly riseS: number | null;
  readonly setS: number | null;
  /** Time of the highest point (a culmination, or a window end for a truncated pass without one). */
  readonly culminationS: number;
  /** Geometric elevation at `culminationS`, radians. */
  readonly maxElevationRad: number;
  /** Every local maximum of elevation within the pass (HEO passes can have two). */
  readonly culminationsS: readonly number[];
}

export interface PassSearchResult {
  readonly passes: RawPass[];
  /** Ephemeris evaluations spent (for efficiency tests and benchmarks). */
  readonly evaluations: number;
  /** 0, or the sampler's status code if it failed; the search then covers only [0, `searchedS`]. */
  readonly status: number;
  readonly searchedS: number;
}

class SamplerStop extends Error {
  constructor(
    readonly code: number,
    readonly tS: number,
  ) {
    super(`ephemeris failed with code ${code} at ${tS} s`);
  }
}

interface OpenPass {
  riseS: number | null;
  culminations: number[];
  bestS: number;
  bestElevationRad: number;
}

/** Finds every pass of the sampled object above a threshold elevation for `site` within [0, durationS]. */
export function findPasses(sampler: EcefSampler, site: Site, durationS: number, options: PassSearchOptions = {}): PassSearchResult {
  if (!(durationS >= 0) || !Number.isFinite(durationS)) throw new RangeError(`window duration must be ≥ 0 s, got ${durationS}`);
  const threshold = options.minElevationRad ?? 0;
  if (!Number.isFinite(threshold) || Math.abs(threshold) >= Math.PI / 2) {
    throw new RangeError(`minimum elevation must be within ±90°, got ${threshold} rad`);
  }
  const refraction = options.refraction ?? false;
  const tol = options.toleranceS ?? 1e-3;
  if (!(tol > 0)) throw new RangeError(`tolerance must be > 0 s, got ${tol}`);
  const st = new Float64Array(6);
  const topo = new Float64Array(5);
  let evaluations = 0;
  const evalAt = (tS: number): void => {
    const code = sampler.sample(tS, st);
    evaluations++;
    if (code !== 0) throw new SamplerStop(code, tS);
    topocentricInto(topo, st, site);
  };
  const apparent = (el: number): number => (refraction ? el + refractionRad(el) : el);
  const f = (tS: number): number => {
    evalAt(tS);
    return apparent(topo[0]!) - threshold;
  };
  const fdot = (tS: number): number => {
    evalAt(tS);
    return topo[1]!;
  };

  const passes: RawPass[] = [];
  let open: OpenPass | null = null;
  const emitRise = (tS: number): void => {
    open = { riseS: tS, culminations: [], bestS: tS, bestElevationRad: -Infinity };
  };
  const noteHigh = (tS: number, elRad: number, isCulmination: boolean): void => {
    if (open === null) return;
    if (isCulmination) open.culminations.push(tS);
    if (elRad > open.bestElevationRad) {
      open.bestElevationRad = elRad;
      open.bestS = tS;
    }
  };
  const emitSet = (tS: number | null): void => {
    const p: OpenPass | null = open;
    if (p === null) return;
    if (p.bestElevationRad === -Infinity && p.riseS !== null && tS !== null) {
      // no sign change of ė was seen (extremum exactly on a sample): locate the top directly
      const g = goldenMaximum(elevationAt, p.riseS, tS, tol);
      p.bestS = g.x;
      p.bestElevationRad = g.fx;
    }
    passes.push({ riseS: p.riseS, setS: tS, culminationS: p.bestS, maxElevationRad: p.bestElevationRad, culminationsS: p.culminations });
    open = null;
  };
  const elevationAt = (tS: number): number => {
    evalAt(tS);
    return topo[0]!;
  };
  const rate = (): number => topo[1]!;
  /** Refines a sign change of f on [a, b] (safeguarded Newton with the analytic rate) and emits rise or set. */
  const crossing = (a: number, fa: number, b: number, fb: number): void => {
    const r = newtonRoot(f, rate, a, b, fa, fb, tol);
    if (fa < 0) emitRise(r.x);
    else emitSet(r.x);
  };

  let searched = 0;
  let status = 0;
  try {
    evalAt(0);
    const bounds = options.orbit ?? orbitBoundsFromItrfState(st);
    const step = options.stepS ?? Math.min(120, bounds.periodS / 50);
    if (!(step > 0)) throw new RangeError(`step must be > 0 s, got ${step}`);
    const p = site.positionKm;
    const rObs = Math.hypot(p[0], p[1], p[2]);
    const margin = threshold - (0.5 * Math.PI) / 180 - (refraction ? Math.PI / 180 : 0);
    const cosArg = (rObs * Math.cos(margin)) / bounds.apogeeRadiusKm;
    const lambdaMax = cosArg >= 1 ? 0 : Math.max(0, Math.acos(cosArg) - margin);
    const h = Math.sqrt(MU_KM3_S2 * ((2 * bounds.perigeeRadiusKm * bounds.apogeeRadiusKm) / (bounds.perigeeRadiusKm + bounds.apogeeRadiusKm)));
    const omegaMax = 1.05 * (h / (bounds.perigeeRadiusKm * bounds.perigeeRadiusKm) + EARTH_ROTATION_RAD_S);

    let t0 = 0;
    let f0 = apparent(topo[0]!) - threshold;
    let d0 = topo[1]!;
    let psi0 = topo[4]!;
    if (f0 >= 0) {
      open = { riseS: null, culminations: [], bestS: 0, bestElevationRad: topo[0]! };
    }
    while (t0 < durationS) {
      const skip = (psi0 - lambdaMax) / omegaMax;
      const proven = skip >= step && f0 < 0;
      const t1 = Math.min(t0 + (proven ? skip : step), durationS);
      // cheap look first: the geocentric angle alone may prove that nothing happens around t1
      const code = sampler.sample(t1, st);
      evaluations++;
      if (code !== 0) throw new SamplerStop(code, t1);
      const sx = st[0]!;
      const sy = st[1]!;
      const sz = st[2]!;
      const cosPsi = (sx * p[0] + sy * p[1] + sz * p[2]) / (Math.sqrt(sx * sx + sy * sy + sz * sz) * rObs);
      const psi1 = Math.acos(Math.min(1, Math.max(-1, cosPsi)));
      // far: ψ1 − λ ≥ ω_max·step proves the satellite below the threshold over [t1 − step, t1 + step], i.e. over
      // this whole step (≤ step long) and the next one, which will be a proven skip
      const far = (psi1 - lambdaMax) / omegaMax >= step && t1 < durationS;
      let f1 = -1;
      let d1 = 0;
      let el1 = -Math.PI / 2;
      if (!far) {
        topocentricInto(topo, st, site);
        f1 = apparent(topo[0]!) - threshold;
        d1 = topo[1]!;
        el1 = topo[0]!;
      }
      if (!proven && !far) {
        if ((d0 > 0 && d1 <= 0) || (d0 < 0 && d1 >= 0)) {
          const isMax = d0 > 0;
          const m = brentRoot(fdot, t0, t1, d0, d1, tol);
          const elm = elevationAt(m.x);
          const fm = apparent(elm) - threshold;
          if ((f0 < 0) !== (fm < 0)) crossing(t0, f0, m.x, fm);
          if (fm >= 0) noteHigh(m.x, elm, isMax);
          if ((fm < 0) !== (f1 < 0)) crossing(m.x, fm, t1, f1);
        } else if ((f0 < 0) !== (f1 < 0)) {
          crossing(t0, f0, t1, f1);
        }
      }
      // the end point of the step may be the highest point of a truncated pass
      if (f1 >= 0 && t1 === durationS) noteHigh(t1, el1, false);
      t0 = t1;
      f0 = f1;
      d0 = d1;
      psi0 = psi1;
      searched = t1;
    }
  } catch (error) {
    if (!(error instanceof SamplerStop)) throw error;
    status = error.code;
    searched = Math.min(searched, error.tS);
  }
  if (open !== null) emitSet(null);
  return { passes, evaluations, status, searchedS: searched };
}

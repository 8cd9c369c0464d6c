/**
 * Monte Carlo planning for reentry prediction: lognormal draws of the drag parameter (σ from the ballistic fit)
 * and of the space-weather level of the unknown future (F10.7 and Ap multipliers, σ from the MSAFE spread),
 * each run through `predictLifetime`, and percentiles of the outcome. Deterministic: a seeded mulberry32
 * generator (T. Ettinger, public domain) with Box–Muller normals, so a run can be repeated exactly and split over
 * worker threads in any order. Specs and samples are plain JSON-safe data (they cross thread boundaries).
 */
import {
  constantDrivers, NrlmsiseAtmosphere, spaceWeatherDrivers, type MsisDriverSource, type SpaceWeatherDay,
} from '@stationkeeper/astro/atmosphere';
import { predictLifetime } from './lifetime.js';
import type { MeanOrbit } from './mean-orbit.js';
import { monthlySpreadDrivers, type MonthlySpread } from './msafe-spread.js';
import { scaledDrivers } from './space-weather.js';

/** The atmosphere drivers of a run: daily records (already completed to the horizon) or a constant scenario. */
export type WeatherSpec =
  | { readonly kind: 'records'; readonly days: readonly SpaceWeatherDay[] }
  | { readonly kind: 'constant'; readonly f107Sfu: number; readonly f107ASfu: number; readonly ap: number };

export interface MonteCarloSpec {
  readonly start: MeanOrbit;
  /** Nominal C_D·A/m, m²/kg. */
  readonly cdAOverMM2Kg: number;
  readonly weather: WeatherSpec;
  /** Scenario multipliers applied from `scaleFromUtcMjd` on, before the sample's own (default 1). */
  readonly f107Scale?: number;
  readonly apScale?: number;
  /** First UTC MJD whose space weather is uncertain (the first predicted day). */
  readonly scaleFromUtcMjd: number;
  /**
   * Month-by-month MSAFE spread (msafe-spread.ts). When given, the space weather from `scaleFromUtcMjd` on is scaled
   * by exp(z·σ_month) with z = `f107Z` (`apZ`) of the scenario plus the sample's `f107Z` (`apZ`), and the scalar
   * F10.7/Ap multipliers of spec and sample are not used.
   */
  readonly spread?: { readonly table: MonthlySpread; readonly f107Z: number; readonly apZ: number };
  readonly untilAltitudeKm: number;
  readonly reentryAltitudeKm: number | null;
  readonly taiMinusUtcS: number;
  readonly maxDays: number;
}

export interface MonteCarloSample {
  readonly index: number;
  readonly bScale: number;
  readonly f107Scale: number;
  readonly apScale: number;
  /** The standard normal deviates behind `f107Scale`/`apScale` (used with a month-by-month spread). */
  readonly f107Z?: number;
  readonly apZ?: number;
}

export interface MonteCarloOutcome {
  readonly index: number;
  /** UTC MJD of reaching the stop altitude, of reentry (null: not within the horizon). */
  readonly altitudeReachedUtcMjd: number | null;
  readonly reentryUtcMjd: number | null;
}

export interface MonteCarloSigmas {
  /** Lognormal σ of the drag parameter (≈ relative 1σ). */
  readonly sigmaLnB: number;
  readonly sigmaLnF107: number;
  readonly sigmaLnAp: number;
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `count` samples; sample 0 is always the nominal run (all multipliers 1). */
export function planMonteCarlo(count: number, sigmas: MonteCarloSigmas, seed = 1): MonteCarloSample[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`Monte Carlo run count must be a positive integer, got ${count}`);
  for (const [k, v] of Object.entries(sigmas)) if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`${k} must be finite and ≥ 0, got ${v}`);
  const rnd = mulberry32(seed);
  const normal = (): number => {
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const out: MonteCarloSample[] = [{ index: 0, bScale: 1, f107Scale: 1, apScale: 1, f107Z: 0, apZ: 0 }];
  for (let i = 1; i < count; i++) {
    const zB = normal();
    const f107Z = normal();
    const apZ = normal();
    out.push({
      index: i, bScale: Math.exp(sigmas.sigmaLnB * zB), f107Scale: Math.exp(sigmas.sigmaLnF107 * f107Z),
      apScale: Math.exp(sigmas.sigmaLnAp * apZ), f107Z, apZ,
    });
  }
  return out;
}

/** Builds the runner of a spec once (drivers, atmosphere); the returned function runs one sample. */
export function monteCarloRunner(spec: MonteCarloSpec): (sample: MonteCarloSample) => MonteCarloOutcome {
  const base: MsisDriverSource = spec.weather.kind === 'records'
    ? spaceWeatherDrivers({ days: spec.weather.days })
    : constantDrivers(spec.weather.f107Sfu, spec.weather.f107ASfu, spec.weather.ap);
  return (sample: MonteCarloSample): MonteCarloOutcome => {
    const spread = spec.spread;
    const drivers = spread === undefined
      ? scaledDrivers(base, spec.scaleFromUtcMjd, (spec.f107Scale ?? 1) * sample.f107Scale, (spec.apScale ?? 1) * sample.apScale)
      : monthlySpreadDrivers(base, spec.scaleFromUtcMjd, spread.f107Z + (sample.f107Z ?? 0), spread.apZ + (sample.apZ ?? 0), spread.table);
    const res = predictLifetime(spec.start, {
      atmosphere: new NrlmsiseAtmosphere(drivers), cdAOverMM2Kg: spec.cdAOverMM2Kg * sample.bScale,
      untilAltitudeKm: spec.untilAltitudeKm, reentryAltitudeKm: spec.reentryAltitudeKm, taiMinusUtcS: spec.taiMinusUtcS,
      maxDays: spec.maxDays,
    });
    return { index: sample.index, altitudeReachedUtcMjd: res.altitudeReachedUtcMjd ?? null, reentryUtcMjd: res.reentryUtcMjd ?? null };
  };
}

/** Runs samples in this thread (the worker pool runs the same runner on each thread). */
export function runMonteCarlo(spec: MonteCarloSpec, samples: readonly MonteCarloSample[]): MonteCarloOutcome[] {
  const run = monteCarloRunner(spec);
  return samples.map(run);
}

/**
 * Percentile by linear interpolation between order statistics (Hyndman & Fan 1996, definition 7 — the default of
 * R and NumPy). Values that did not happen (null: beyond the horizon) sort last, as +∞; a percentile that falls
 * on them is null.
 */
export function percentile(values: readonly (number | null)[], p: number): number | null {
  if (values.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0–100, got ${p}`);
  const sorted = values.map((v) => (v === null ? Infinity : v)).sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a + (h - lo) * (b - a);
}

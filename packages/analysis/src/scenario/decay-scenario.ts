/**
 * The decay scenario — one orchestration for `stationkeeper decay` and `GET /api/decay`: given an element history,
 * space weather and options, the drag parameter C_D·A/m fitted to the observed decay (robust least squares per
 * maneuver-free arc, after Molczan; ballistic-fit.ts), the nominal orbit-averaged run (King-Hele averaging,
 * NRLMSISE-00 — Picone et al. 2002) to the hand-over altitude and the numerical leg to 80 km (`predictLifetime`), and
 * the reentry percentiles p5/p50/p95 from either
 * - two corner runs (drag parameter and space weather at their 5 %/95 % extremes together — a conservative envelope;
 *   p50 is the nominal run), or
 * - a seeded Monte Carlo (`planMonteCarlo`; percentiles by Hyndman & Fan 1996 definition 7), executed by an injected
 *   function so that this module stays pure (the CLI passes its worker pool).
 *
 * Space-weather spread of the predicted days: NASA MSFC MSAFE (Nov 2020) — month by month when the caller passes
 * the table (msafe-spread.ts), else the table's mean (the global constants of space-weather.ts).
 * The result is JSON-safe (UTC MJDs, km, m²/kg); the edges format times and wording. docs/decay.md.
 */
import { constantDrivers, NrlmsiseAtmosphere, spaceWeatherDrivers, type MsisDriverSource, type SpaceWeather } from '@stationkeeper/astro/atmosphere';
import type { ElementSet } from '@stationkeeper/astro/elements';
import { builtinLeapSeconds, TimeScales } from '@stationkeeper/astro/time';
import { fitBallisticCoefficient, historyPoints, type BallisticFit } from '../decay/ballistic-fit.js';
import { predictLifetime } from '../decay/lifetime.js';
import {
  monteCarloRunner, percentile, planMonteCarlo, runMonteCarlo, type MonteCarloOutcome, type MonteCarloSample, type MonteCarloSpec,
  type WeatherSpec,
} from '../decay/monte-carlo.js';
import { monthlySpreadDrivers, msafeMonthlySpread, type MonthlySpread } from '../decay/msafe-spread.js';
import {
  completeSpaceWeather, meanObservedAp, MSAFE_SIGMA_LN_AP, MSAFE_SIGMA_LN_F107, percentileScale, scaledDrivers, Z95, type MsafeMonth,
} from '../decay/space-weather.js';
import { DecayScenarioError } from './errors.js';

/** Default fit window: the 30 days before the start set. */
export const DEFAULT_FIT_DAYS = 30;
/** Prediction horizon, years. */
export const HORIZON_YEARS = 50;
/** Geodetic reentry altitude, km. */
export const REENTRY_ALTITUDE_KM = 80;
const DAYS_PER_YEAR = 365.25;

export type DecayWeatherChoice = { readonly kind: 'store' } | { readonly kind: 'constant'; readonly f107: number; readonly ap: number } | { readonly kind: 'percentile'; readonly p: 5 | 50 | 95 };

export interface DecayScenarioInput {
  readonly sets: readonly ElementSet[];
  /** Start at the last set at or before this UTC MJD (default: the latest set). */
  readonly fromUtcMjd?: number;
  readonly weather: DecayWeatherChoice;
  /**
   * The published daily space weather (needed unless `weather` is constant): called once without a fill (the
   * observed days give the mean Ap of the last 365 days) and once with it, for predicted months that carry no Ap.
   */
  readonly spaceWeather?: (options: { apDailyFill?: number }) => SpaceWeather;
  /** MSAFE table: its month-by-month spread for the predicted days (else the global mean spread). */
  readonly msafe?: readonly MsafeMonth[];
  /** A given C_D·A/m (m²/kg) instead of the fit. */
  readonly cdAreaMassM2Kg?: number;
  /** Fit window, UTC MJD (default: the `DEFAULT_FIT_DAYS` before the start set). */
  readonly fitWindow?: { readonly fromUtcMjd: number; readonly toUtcMjd: number };
}

/** Runs the samples for `spec` (in this thread, or on a worker pool) and resolves to outcomes in sample order. */
export type MonteCarloExecutor = (spec: MonteCarloSpec, samples: readonly MonteCarloSample[]) => Promise<MonteCarloOutcome[]>;

export interface DecayScenarioOptions {
  /** End of the averaged leg, mean perigee altitude km (default 120). */
  readonly untilAltitudeKm?: number;
  /** Monte Carlo instead of the corner runs: `runs` samples (sample 0 is nominal), seed 1 by default. */
  readonly monteCarlo?: { readonly runs: number; readonly seed?: number; readonly execute?: MonteCarloExecutor };
  /** Most points of the returned curve (default 400; the last point is always kept). */
  readonly maxCurvePoints?: number;
}

export interface DecayScenarioResult {
  /** `fromUtcMjd` if given, else the start set's epoch. */
  readonly startUtcMjd: number;
  readonly elementEpochUtcMjd: number;
  readonly startMeanAltitudeKm: number;
  readonly cdAOverMM2Kg: number;
  readonly sigmaM2Kg: number;
  /** The fit (absent with a given C_D·A/m). */
  readonly fit?: {
    readonly fromUtcMjd: number; readonly toUtcMjd: number; readonly arcs: number; readonly subArcs: number;
    readonly sigmaSource: BallisticFit['sigmaSource'];
    readonly maneuvers: readonly { readonly afterUtcMjd: number; readonly deltaAKm: number }[];
  };
  readonly fitWindow: { readonly fromUtcMjd: number; readonly toUtcMjd: number };
  /** First day that is not observed (null: constant weather or all observed). */
  readonly firstPredictedUtcMjd: number | null;
  readonly untilAltitudeKm: number;
  /** Nominal run: mean perigee altitude `untilAltitudeKm` reached (null: not within the horizon). */
  readonly altitudeReachedUtcMjd: number | null;
  /** Reentry (80 km) percentiles, UTC MJD (null: that share of runs did not come down within the horizon). */
  readonly reentryUtcMjd: { readonly p5: number | null; readonly p50: number | null; readonly p95: number | null };
  readonly method: {
    readonly kind: 'corner-runs' | 'monte-carlo';
    readonly runs: number;
    readonly sigmaLnB: number;
    /** Global spreads (0 when no day is predicted); with `spread: 'msafe-monthly'` see `monthlyRange`. */
    readonly sigmaLnF107: number;
    readonly sigmaLnAp: number;
    readonly spread: 'none' | 'msafe-global' | 'msafe-monthly';
    /** Range of the monthly σ's over the predicted months up to the latest reentry (or the horizon). */
    readonly monthlyRange?: { readonly months: number; readonly sigmaLnF107: readonly [number, number]; readonly sigmaLnAp: readonly [number, number] };
  };
  /** Nominal predicted mean altitude, [UTC MJD, km], thinned to `maxCurvePoints`. */
  readonly curve: [number, number][];
  /** Element sets from min(fit start, start − 30 d) on, [UTC MJD, mean altitude km]. */
  readonly elementSets: [number, number][];
}

function resolveWeather(input: DecayScenarioInput, firstNeededUtcMjd: number, horizonUtcMjd: number): { weather: WeatherSpec; firstPredicted: number | undefined } {
  const choice = input.weather;
  if (choice.kind === 'constant') return { weather: { kind: 'constant', f107Sfu: choice.f107, f107ASfu: choice.f107, ap: choice.ap }, firstPredicted: undefined };
  if (input.spaceWeather === undefined) throw new DecayScenarioError('no-space-weather', 'no space weather given');
  const fill = meanObservedAp(input.spaceWeather({}));
  const completed = completeSpaceWeather(input.spaceWeather({ apDailyFill: fill }), horizonUtcMjd + 2);
  const firstDay = completed.weather.days[0]!.mjd;
  if (firstDay > firstNeededUtcMjd) throw new DecayScenarioError('space-weather-too-late', `space weather starts at MJD ${firstDay}, after the fit window or start set`, { firstDayUtcMjd: firstDay });
  return { weather: { kind: 'records', days: completed.weather.days.filter((d) => d.mjd >= firstNeededUtcMjd) }, firstPredicted: completed.firstPredictedMjd };
}

function thinned<T>(rows: readonly T[], max: number): T[] {
  const every = Math.max(1, Math.ceil(rows.length / max));
  return rows.filter((_, i) => i % every === 0 || i === rows.length - 1);
}

function monthlyRange(table: MonthlySpread, fromUtcMjd: number, toUtcMjd: number): NonNullable<DecayScenarioResult['method']['monthlyRange']> {
  const ms = table.months.filter((m) => m.toUtcMjd > fromUtcMjd && m.fromUtcMjd < toUtcMjd);
  const range = (xs: number[]): readonly [number, number] => (xs.length === 0 ? [0, 0] : [Math.min(...xs), Math.max(...xs)]);
  return { months: ms.length, sigmaLnF107: range(ms.map((m) => m.sigmaLnF107)), sigmaLnAp: range(ms.map((m) => m.sigmaLnAp)) };
}

/** Runs the scenario (module doc). Throws `DecayScenarioError` for what the inputs cannot support. */
export async function runDecayScenario(input: DecayScenarioInput, options: DecayScenarioOptions = {}): Promise<DecayScenarioResult> {
  if (input.sets.length === 0) throw new DecayScenarioError('no-element-sets', 'no element sets');
  const untilKm = options.untilAltitudeKm ?? 120;
  const points = historyPoints(input.sets);
  const from = input.fromUtcMjd;
  const candidates = from === undefined ? points : points.filter((p) => p.utcMjd <= from + 1e-9);
  const startPoint = candidates[candidates.length - 1];
  if (startPoint === undefined) throw new DecayScenarioError('no-start-set', 'no element set at or before the start', { firstEpochUtcMjd: points[0]!.utcMjd });
  const start = startPoint.orbit;
  const maxDays = HORIZON_YEARS * DAYS_PER_YEAR;
  const window = input.fitWindow ?? { fromUtcMjd: start.utcMjd - DEFAULT_FIT_DAYS, toUtcMjd: start.utcMjd };
  const { weather, firstPredicted } = resolveWeather(input, Math.min(start.utcMjd, window.fromUtcMjd) - 3, start.utcMjd + maxDays);

  const choice = input.weather;
  const uncertainFrom = Math.max(start.utcMjd, firstPredicted ?? Number.POSITIVE_INFINITY);
  const predicted = Number.isFinite(uncertainFrom);
  const scale = choice.kind === 'percentile' ? percentileScale(choice.p) : { f107Scale: 1, apScale: 1 };
  const scenarioZ = choice.kind === 'percentile' ? (choice.p === 5 ? -Z95 : choice.p === 95 ? Z95 : 0) : 0;
  const scaleFrom = choice.kind === 'percentile' ? (firstPredicted ?? start.utcMjd) : uncertainFrom;
  const table = input.msafe === undefined || choice.kind === 'constant' ? undefined : msafeMonthlySpread(input.msafe);
  const ts = new TimeScales({ leapSeconds: builtinLeapSeconds() });
  const taiMinusUtcS = ts.taiMinusUtcS(ts.fromUtcJd(2_400_000.5, start.utcMjd));
  const baseDrivers: MsisDriverSource = weather.kind === 'records' ? spaceWeatherDrivers({ days: weather.days }) : constantDrivers(weather.f107Sfu, weather.f107ASfu, weather.ap);

  // Drag parameter: fitted with the weather as it is (no scenario scaling of the past).
  let fit: BallisticFit | undefined;
  let b: number;
  let sigmaB: number;
  if (input.cdAreaMassM2Kg !== undefined) {
    if (!(input.cdAreaMassM2Kg > 0 && Number.isFinite(input.cdAreaMassM2Kg))) throw new RangeError(`C_D·A/m must be > 0 m²/kg, got ${input.cdAreaMassM2Kg}`);
    b = input.cdAreaMassM2Kg;
    sigmaB = 0;
  } else {
    try {
      fit = fitBallisticCoefficient(points, window.fromUtcMjd, window.toUtcMjd, { atmosphere: new NrlmsiseAtmosphere(baseDrivers) });
    } catch (e) {
      const setsInWindow = points.filter((p) => p.utcMjd >= window.fromUtcMjd && p.utcMjd <= window.toUtcMjd).length;
      throw new DecayScenarioError('fit-failed', e instanceof Error ? e.message : String(e), { setsInWindow, fitWindow: window });
    }
    b = fit.cdAOverMM2Kg;
    sigmaB = fit.sigmaM2Kg;
  }

  const spec: MonteCarloSpec = {
    start, cdAOverMM2Kg: b, weather, scaleFromUtcMjd: scaleFrom, f107Scale: scale.f107Scale, apScale: scale.apScale,
    ...(table === undefined ? {} : { spread: { table, f107Z: scenarioZ, apZ: scenarioZ } }),
    untilAltitudeKm: untilKm, reentryAltitudeKm: REENTRY_ALTITUDE_KM, taiMinusUtcS, maxDays,
  };
  const nominalDrivers = table === undefined
    ? scaledDrivers(baseDrivers, scaleFrom, scale.f107Scale, scale.apScale)
    : monthlySpreadDrivers(baseDrivers, scaleFrom, scenarioZ, scenarioZ, table);
  const nominal = predictLifetime(start, { atmosphere: new NrlmsiseAtmosphere(nominalDrivers), cdAOverMM2Kg: b, untilAltitudeKm: untilKm, taiMinusUtcS, maxDays });
  const nominalOutcome: MonteCarloOutcome = { index: 0, altitudeReachedUtcMjd: nominal.altitudeReachedUtcMjd ?? null, reentryUtcMjd: nominal.reentryUtcMjd ?? null };

  const sigmaLnB = b > 0 ? sigmaB / b : 0;
  const sigmaLnF107 = predicted ? MSAFE_SIGMA_LN_F107 : 0;
  const sigmaLnAp = predicted ? MSAFE_SIGMA_LN_AP : 0;
  let reentry: DecayScenarioResult['reentryUtcMjd'];
  let outcomes: readonly MonteCarloOutcome[];
  const mc = options.monteCarlo;
  if (mc !== undefined) {
    const samples = planMonteCarlo(mc.runs, { sigmaLnB, sigmaLnF107, sigmaLnAp }, mc.seed ?? 1);
    outcomes = await (mc.execute ?? ((s, xs) => Promise.resolve(runMonteCarlo(s, xs))))(spec, samples);
    if (outcomes.length !== samples.length) throw new RangeError(`Monte Carlo executor returned ${outcomes.length} outcomes for ${samples.length} samples`);
    const reentries = outcomes.map((o) => o.reentryUtcMjd);
    reentry = { p5: percentile(reentries, 5), p50: percentile(reentries, 50), p95: percentile(reentries, 95) };
  } else {
    const run = monteCarloRunner(spec);
    const zF = predicted ? Z95 : 0;
    // sign +1: more drag and more activity (early); −1: less of both (late).
    const corner = (sign: number): MonteCarloOutcome =>
      sigmaLnB === 0 && !predicted
        ? nominalOutcome
        : run({
          index: sign, bScale: Math.exp(sign * Z95 * sigmaLnB), f107Scale: Math.exp(sign * Z95 * sigmaLnF107), apScale: Math.exp(sign * Z95 * sigmaLnAp),
          f107Z: sign * zF, apZ: sign * zF,
        });
    outcomes = [corner(1), nominalOutcome, corner(-1)];
    // Sorted, "not within the horizon" (null) last: earliest corner = p5, nominal = p50, latest corner = p95.
    const [early, late] = [outcomes[0]!.reentryUtcMjd, outcomes[2]!.reentryUtcMjd].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
    reentry = { p5: early ?? null, p50: nominalOutcome.reentryUtcMjd, p95: late ?? null };
  }

  const latest = outcomes.reduce((m, o) => Math.max(m, o.reentryUtcMjd ?? start.utcMjd + maxDays), start.utcMjd);
  const spread = !predicted ? 'none' : table === undefined ? 'msafe-global' : 'msafe-monthly';
  const historyFrom = Math.min(window.fromUtcMjd, start.utcMjd - DEFAULT_FIT_DAYS);
  return {
    startUtcMjd: from ?? start.utcMjd,
    elementEpochUtcMjd: start.utcMjd,
    startMeanAltitudeKm: startPoint.meanAltitudeKm,
    cdAOverMM2Kg: b,
    sigmaM2Kg: sigmaB,
    ...(fit === undefined ? {} : {
      fit: {
        fromUtcMjd: fit.fromUtcMjd, toUtcMjd: fit.toUtcMjd, arcs: fit.arcs.length, subArcs: fit.subArcs.length, sigmaSource: fit.sigmaSource,
        maneuvers: fit.maneuvers.map((m) => ({ afterUtcMjd: m.afterUtcMjd, deltaAKm: m.deltaAKm })),
      },
    }),
    fitWindow: { fromUtcMjd: window.fromUtcMjd, toUtcMjd: window.toUtcMjd },
    firstPredictedUtcMjd: firstPredicted ?? null,
    untilAltitudeKm: untilKm,
    altitudeReachedUtcMjd: nominalOutcome.altitudeReachedUtcMjd,
    reentryUtcMjd: reentry,
    method: {
      kind: mc === undefined ? 'corner-runs' : 'monte-carlo', runs: mc === undefined ? 3 : mc.runs, sigmaLnB, sigmaLnF107, sigmaLnAp, spread,
      ...(spread === 'msafe-monthly' && table !== undefined ? { monthlyRange: monthlyRange(table, scaleFrom, latest) } : {}),
    },
    curve: thinned(nominal.curve, options.maxCurvePoints ?? 400).map((p) => [p.utcMjd, p.meanAltitudeKm]),
    elementSets: points.filter((p) => p.utcMjd >= historyFrom).map((p) => [p.utcMjd, p.meanAltitudeKm]),
  };
}

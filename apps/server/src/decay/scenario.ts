/**
 * The "what if nobody reboosts" scenario: from the last element set at or before `from`, the drag parameter
 * C_D·A/m fitted to the observed decay of the 30 days before (Molczan method, maneuver arcs excluded), the
 * orbit-averaged propagator (King-Hele averaging, NRLMSISE-00 — Picone et al. 2002) down to 120 km and the
 * numerical leg to 80 km (`predictLifetime`). p50 is the nominal run; p5/p95 are the two corner runs with drag
 * parameter and space weather at their 5 %/95 % extremes together (the method of `stationkeeper decay` without
 * `--monte-carlo`; docs/decay.md). Composition of `@stationkeeper/analysis/decay` calls only — no physics here.
 * Pure: store rows come in as arguments.
 */
import {
  completeSpaceWeather, fitBallisticCoefficient, historyPoints, meanObservedAp, monteCarloRunner, MSAFE_SIGMA_LN_AP,
  MSAFE_SIGMA_LN_F107, percentileScale, predictLifetime, scaledDrivers, Z95, type BallisticFit, type MonteCarloOutcome,
  type MonteCarloSpec, type WeatherSpec,
} from '@stationkeeper/analysis/decay';
import { constantDrivers, NrlmsiseAtmosphere, spaceWeatherDrivers } from '@stationkeeper/astro/atmosphere';
import type { ElementSet } from '@stationkeeper/astro/elements';
import { builtinLeapSeconds, TimeScales } from '@stationkeeper/astro/time';
import { toSpaceWeather, utcMjdToIso, type SpaceWeatherRecord } from '@stationkeeper/data/formats';

/** Default fit window: the 30 days before the start set (as `stationkeeper decay`). */
export const FIT_DAYS = 30;
/** Prediction horizon, years. */
export const HORIZON_YEARS = 50;
/** Mean perigee altitude of the averaged → numerical hand-over, km; reentry at a geodetic 80 km. */
const UNTIL_ALTITUDE_KM = 120;
const REENTRY_ALTITUDE_KM = 80;
const DAYS_PER_YEAR = 365.25;

export type WeatherChoice = { kind: 'store' } | { kind: 'constant'; f107: number; ap: number } | { kind: 'percentile'; p: 5 | 50 | 95 };

/** The scenario could not run with what the store holds (HTTP 409, the message says what to add). */
export class InsufficientData extends Error {
  override readonly name = 'InsufficientData';
}

export interface ScenarioInputs {
  readonly sets: readonly ElementSet[];
  /** Start at the last set at or before this UTC MJD (default: the latest set). */
  readonly fromUtcMjd?: number;
  readonly weather: WeatherChoice;
  /** Space-weather rows (needed unless `weather` is constant). */
  readonly weatherRecords: readonly SpaceWeatherRecord[];
  /** A given C_D·A/m (m²/kg) instead of the fit. */
  readonly cdAreaMassM2Kg?: number;
}

export interface ScenarioReport {
  readonly start: string;
  readonly elementEpoch: string;
  readonly startMeanAltitudeKm: number;
  readonly ballisticCoefficient: Record<string, unknown>;
  readonly spaceWeather: Record<string, unknown>;
  readonly reentry: { readonly p5: string | null; readonly p50: string | null; readonly p95: string | null };
  /** Years from the start set to reentry (null beyond the horizon). */
  readonly yearsToReentry: { readonly p5: number | null; readonly p50: number | null; readonly p95: number | null };
  readonly reaches120Km: string | null;
  readonly method: string;
  /** Predicted mean altitude, [ISO UTC, km], at most ~400 points. */
  readonly altitudeKm: [string, number][];
  /** The element sets of the fit window and after, [ISO UTC, km] (what the prediction continues). */
  readonly observedAltitudeKm: [string, number][];
}

const iso = (mjd: number): string => utcMjdToIso(mjd, 0);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function runScenario(input: ScenarioInputs): ScenarioReport {
  if (input.sets.length === 0) throw new InsufficientData('no element sets');
  const points = historyPoints(input.sets);
  const candidates = input.fromUtcMjd === undefined ? points : points.filter((p) => p.utcMjd <= input.fromUtcMjd! + 1e-9);
  const startPoint = candidates[candidates.length - 1];
  if (startPoint === undefined) throw new InsufficientData(`no element set at or before 'from' (the first is of ${iso(points[0]!.utcMjd)})`);
  const start = startPoint.orbit;
  const horizonMjd = start.utcMjd + HORIZON_YEARS * DAYS_PER_YEAR;
  const window = { fromUtcMjd: start.utcMjd - FIT_DAYS, toUtcMjd: start.utcMjd };
  const firstNeeded = window.fromUtcMjd - 3;

  let weather: WeatherSpec;
  let firstPredicted: number | undefined;
  const choice = input.weather;
  if (choice.kind === 'constant') {
    weather = { kind: 'constant', f107Sfu: choice.f107, f107ASfu: choice.f107, ap: choice.ap };
  } else {
    if (input.weatherRecords.length === 0) {
      throw new InsufficientData("no space weather in the store: run 'stationkeeper update' (or import SW-All.txt), or choose constant space weather (spaceWeather=constant:F107,Ap)");
    }
    const fill = meanObservedAp(toSpaceWeather(input.weatherRecords).weather);
    const completed = completeSpaceWeather(toSpaceWeather(input.weatherRecords, { apDailyFill: fill }).weather, horizonMjd + 2);
    const firstDay = completed.weather.days[0]!.mjd;
    if (firstDay > firstNeeded) throw new InsufficientData(`the stored space weather starts ${iso(firstDay)}, after the fit window of the start set; import older space weather or choose constant space weather`);
    weather = { kind: 'records', days: completed.weather.days.filter((d) => d.mjd >= firstNeeded) };
    firstPredicted = completed.firstPredictedMjd;
  }
  const uncertainFrom = Math.max(start.utcMjd, firstPredicted ?? Number.POSITIVE_INFINITY);
  const scale = choice.kind === 'percentile' ? percentileScale(choice.p) : { f107Scale: 1, apScale: 1 };
  const scaleFrom = choice.kind === 'percentile' ? (firstPredicted ?? start.utcMjd) : uncertainFrom;
  const ts = new TimeScales({ leapSeconds: builtinLeapSeconds() });
  const taiMinusUtcS = ts.taiMinusUtcS(ts.fromUtcJd(2_400_000.5, start.utcMjd));
  const baseDrivers = weather.kind === 'records' ? spaceWeatherDrivers({ days: weather.days }) : constantDrivers(weather.f107Sfu, weather.f107ASfu, weather.ap);

  let fit: BallisticFit | undefined;
  let b: number;
  let sigmaB: number;
  if (input.cdAreaMassM2Kg !== undefined) {
    b = input.cdAreaMassM2Kg;
    sigmaB = 0;
  } else {
    try {
      fit = fitBallisticCoefficient(points, window.fromUtcMjd, window.toUtcMjd, { atmosphere: new NrlmsiseAtmosphere(baseDrivers) });
    } catch (e) {
      throw new InsufficientData(
        `cannot fit the drag parameter C_D·A/m over ${iso(window.fromUtcMjd)} … ${iso(window.toUtcMjd)} (${points.filter((p) => p.utcMjd >= window.fromUtcMjd && p.utcMjd <= window.toUtcMjd).length} element set(s); ` +
          `${e instanceof Error ? e.message : String(e)}): import an element history, or give cdAreaMassM2Kg`,
      );
    }
    b = fit.cdAOverMM2Kg;
    sigmaB = fit.sigmaM2Kg;
  }
  const spec: MonteCarloSpec = {
    start, cdAOverMM2Kg: b, weather, scaleFromUtcMjd: scaleFrom, f107Scale: scale.f107Scale, apScale: scale.apScale,
    untilAltitudeKm: UNTIL_ALTITUDE_KM, reentryAltitudeKm: REENTRY_ALTITUDE_KM, taiMinusUtcS, maxDays: HORIZON_YEARS * DAYS_PER_YEAR,
  };
  const nominal = predictLifetime(start, {
    atmosphere: new NrlmsiseAtmosphere(scaledDrivers(baseDrivers, scaleFrom, scale.f107Scale, scale.apScale)),
    cdAOverMM2Kg: b, untilAltitudeKm: UNTIL_ALTITUDE_KM, taiMinusUtcS, maxDays: HORIZON_YEARS * DAYS_PER_YEAR,
  });
  const sigmas = {
    lnB: b > 0 ? sigmaB / b : 0,
    lnF107: Number.isFinite(uncertainFrom) ? MSAFE_SIGMA_LN_F107 : 0,
    lnAp: Number.isFinite(uncertainFrom) ? MSAFE_SIGMA_LN_AP : 0,
  };
  const run = monteCarloRunner(spec);
  const corner = (sign: number): MonteCarloOutcome =>
    sigmas.lnB === 0 && sigmas.lnF107 === 0 && sigmas.lnAp === 0
      ? { index: sign, altitudeReachedUtcMjd: nominal.altitudeReachedUtcMjd ?? null, reentryUtcMjd: nominal.reentryUtcMjd ?? null }
      : run({ index: sign, bScale: Math.exp(sign * Z95 * sigmas.lnB), f107Scale: Math.exp(sign * Z95 * sigmas.lnF107), apScale: Math.exp(sign * Z95 * sigmas.lnAp) });
  // Sorted, "not within the horizon" (null) last: earliest = p5, nominal = p50, latest = p95.
  const [early, late] = [corner(1).reentryUtcMjd, corner(-1).reentryUtcMjd].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
  const reentry = [early ?? null, nominal.reentryUtcMjd ?? null, late ?? null] as const;
  const years = (mjd: number | null): number | null => (mjd === null ? null : r3((mjd - start.utcMjd) / DAYS_PER_YEAR));
  const every = Math.max(1, Math.ceil(nominal.curve.length / 400));
  const curve = nominal.curve.filter((_, i) => i % every === 0 || i === nominal.curve.length - 1);
  return {
    start: iso(input.fromUtcMjd ?? start.utcMjd),
    elementEpoch: iso(start.utcMjd),
    startMeanAltitudeKm: r3(startPoint.meanAltitudeKm),
    ballisticCoefficient: {
      cdAOverMM2Kg: b, sigmaM2Kg: sigmaB, massOverCdAKgM2: 1 / b,
      source: fit === undefined ? 'given (cdAreaMassM2Kg)' : `fit (Molczan, least squares per maneuver-free arc), ${fit.sigmaSource}`,
      ...(fit === undefined ? {} : {
        fitFrom: iso(fit.fromUtcMjd), fitTo: iso(fit.toUtcMjd), arcs: fit.arcs.length, subArcs: fit.subArcs.length,
        maneuversExcluded: fit.maneuvers.map((m) => ({ time: iso(m.afterUtcMjd), deltaAKm: r3(m.deltaAKm) })),
      }),
    },
    spaceWeather: choice.kind === 'constant'
      ? { kind: 'constant', f107Sfu: choice.f107, ap: choice.ap }
      : { kind: choice.kind === 'store' ? 'store' : `p${choice.p}`, firstPredicted: firstPredicted === undefined ? null : iso(firstPredicted).slice(0, 10), model: 'NRLMSISE-00' },
    reentry: { p5: reentry[0] === null ? null : iso(reentry[0]), p50: reentry[1] === null ? null : iso(reentry[1]), p95: reentry[2] === null ? null : iso(reentry[2]) },
    yearsToReentry: { p5: years(reentry[0]), p50: years(reentry[1]), p95: years(reentry[2]) },
    reaches120Km: nominal.altitudeReachedUtcMjd === undefined ? null : iso(nominal.altitudeReachedUtcMjd),
    method: `nominal run with 5 %/95 % corner runs (σ ln B = ${sigmas.lnB.toFixed(3)}, σ ln F10.7 = ${sigmas.lnF107}, σ ln Ap = ${sigmas.lnAp}, all at their extremes together: a conservative envelope)`,
    altitudeKm: curve.map((p) => [iso(p.utcMjd), r3(p.meanAltitudeKm)]),
    observedAltitudeKm: points.filter((p) => p.utcMjd >= window.fromUtcMjd && p.utcMjd <= start.utcMjd).map((p) => [iso(p.utcMjd), r3(p.meanAltitudeKm)]),
  };
}

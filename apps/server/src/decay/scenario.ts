/**
 * The "what if nobody reboosts" scenario of `GET /api/decay`: `runDecayScenario` of `@stationkeeper/analysis/scenario`
 * (the same orchestration as `stationkeeper decay` without `--monte-carlo`: C_D·A/m fitted over the 30 days before
 * the start set, maneuver arcs excluded, NRLMSISE-00 orbit-averaged decay to 120 km and the numerical leg to 80 km;
 * p50 the nominal run, p5/p95 the two corner runs — a conservative envelope; docs/decay.md), worded for the API.
 * Space-weather spread: the month-by-month MSAFE table when the caller has one (`msafe`), else the table's mean —
 * the store holds no MSAFE table today, and `method` says which was used. Pure: store rows come in as arguments.
 */
import type { MsafeMonth } from '@stationkeeper/analysis/decay';
import {
  DEFAULT_FIT_DAYS, DecayScenarioError, HORIZON_YEARS as SCENARIO_HORIZON_YEARS, runDecayScenario, type DecayScenarioResult,
} from '@stationkeeper/analysis/scenario';
import type { ElementSet } from '@stationkeeper/astro/elements';
import { toSpaceWeather, utcMjdToIso, type SpaceWeatherRecord } from '@stationkeeper/data/formats';

/** Default fit window: the 30 days before the start set (as `stationkeeper decay`). */
export const FIT_DAYS = DEFAULT_FIT_DAYS;
/** Prediction horizon, years. */
export const HORIZON_YEARS = SCENARIO_HORIZON_YEARS;
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
  /** MSAFE table (month-by-month spread of the predicted days); without it the table's mean spread. */
  readonly msafe?: readonly MsafeMonth[];
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

/** The scenario's refusal in the API's words (409: the store lacks what it needs). */
function insufficient(e: DecayScenarioError): InsufficientData {
  const w = e.details.fitWindow;
  switch (e.code) {
    case 'no-start-set':
      return new InsufficientData(`no element set at or before 'from' (the first is of ${iso(e.details.firstEpochUtcMjd!)})`);
    case 'no-space-weather':
      return new InsufficientData("no space weather in the store: run 'stationkeeper update' (or import SW-All.txt), or choose constant space weather (spaceWeather=constant:F107,Ap)");
    case 'space-weather-too-late':
      return new InsufficientData(`the stored space weather starts ${iso(e.details.firstDayUtcMjd!)}, after the fit window of the start set; import older space weather or choose constant space weather`);
    case 'fit-failed':
      return new InsufficientData(
        `cannot fit the drag parameter C_D·A/m over ${w === undefined ? '?' : `${iso(w.fromUtcMjd)} … ${iso(w.toUtcMjd)}`} (${e.details.setsInWindow ?? 0} element set(s); ` +
          `${e.reason}): import an element history, or give cdAreaMassM2Kg`,
      );
    default:
      return new InsufficientData(e.reason);
  }
}

export async function runScenario(input: ScenarioInputs): Promise<ScenarioReport> {
  if (input.sets.length === 0) throw new InsufficientData('no element sets');
  const choice = input.weather;
  if (choice.kind !== 'constant' && input.weatherRecords.length === 0) {
    throw new InsufficientData("no space weather in the store: run 'stationkeeper update' (or import SW-All.txt), or choose constant space weather (spaceWeather=constant:F107,Ap)");
  }
  let res: DecayScenarioResult;
  try {
    res = await runDecayScenario({
      sets: input.sets, weather: choice,
      ...(choice.kind === 'constant' ? {} : { spaceWeather: (o: { apDailyFill?: number }) => toSpaceWeather(input.weatherRecords, o).weather }),
      ...(input.fromUtcMjd === undefined ? {} : { fromUtcMjd: input.fromUtcMjd }),
      ...(input.cdAreaMassM2Kg === undefined ? {} : { cdAreaMassM2Kg: input.cdAreaMassM2Kg }),
      ...(input.msafe === undefined ? {} : { msafe: input.msafe }),
    });
  } catch (e) {
    if (e instanceof DecayScenarioError) throw insufficient(e);
    throw e;
  }
  const b = res.cdAOverMM2Kg;
  const fit = res.fit;
  const m = res.method;
  const years = (mjd: number | null): number | null => (mjd === null ? null : r3((mjd - res.elementEpochUtcMjd) / DAYS_PER_YEAR));
  const at = (mjd: number | null): string | null => (mjd === null ? null : iso(mjd));
  const spread = m.spread === 'msafe-monthly' && m.monthlyRange !== undefined
    ? m.monthlyRange.months === 0 ? '; space-weather spread: MSAFE Nov 2020 month by month (no predicted month before the latest reentry)' : `; space-weather spread: MSAFE Nov 2020 month by month, σ ln F10.7 ${m.monthlyRange.sigmaLnF107.map((v) => v.toFixed(3)).join('…')} and σ ln Ap ${m.monthlyRange.sigmaLnAp.map((v) => v.toFixed(3)).join('…')} over ${m.monthlyRange.months} predicted month(s)`
    : m.spread === 'msafe-global' ? '; space-weather spread: one global MSAFE Nov 2020 σ for every predicted month (the store holds no month-by-month MSAFE table)' : '';
  const r = res.reentryUtcMjd;
  return {
    start: iso(res.startUtcMjd),
    elementEpoch: iso(res.elementEpochUtcMjd),
    startMeanAltitudeKm: r3(res.startMeanAltitudeKm),
    ballisticCoefficient: {
      cdAOverMM2Kg: b, sigmaM2Kg: res.sigmaM2Kg, massOverCdAKgM2: 1 / b,
      source: fit === undefined ? 'given (cdAreaMassM2Kg)' : `fit (Molczan, least squares per maneuver-free arc), ${fit.sigmaSource}`,
      ...(fit === undefined ? {} : {
        fitFrom: iso(fit.fromUtcMjd), fitTo: iso(fit.toUtcMjd), arcs: fit.arcs, subArcs: fit.subArcs,
        maneuversExcluded: fit.maneuvers.map((mv) => ({ time: iso(mv.afterUtcMjd), deltaAKm: r3(mv.deltaAKm) })),
      }),
    },
    spaceWeather: choice.kind === 'constant'
      ? { kind: 'constant', f107Sfu: choice.f107, ap: choice.ap }
      : { kind: choice.kind === 'store' ? 'store' : `p${choice.p}`, firstPredicted: res.firstPredictedUtcMjd === null ? null : iso(res.firstPredictedUtcMjd).slice(0, 10), model: 'NRLMSISE-00' },
    reentry: { p5: at(r.p5), p50: at(r.p50), p95: at(r.p95) },
    yearsToReentry: { p5: years(r.p5), p50: years(r.p50), p95: years(r.p95) },
    reaches120Km: at(res.altitudeReachedUtcMjd),
    method: `nominal run with 5 %/95 % corner runs (σ ln B = ${m.sigmaLnB.toFixed(3)}, σ ln F10.7 = ${m.sigmaLnF107}, σ ln Ap = ${m.sigmaLnAp}, all at their extremes together: a conservative envelope)${spread}`,
    altitudeKm: res.curve.map(([t, h]) => [iso(t), r3(h)]),
    observedAltitudeKm: res.elementSets.filter(([t]) => t >= res.fitWindow.fromUtcMjd && t <= res.elementEpochUtcMjd).map(([t, h]) => [iso(t), r3(h)]),
  };
}

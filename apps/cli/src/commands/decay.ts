/**
 * `stationkeeper decay` — orbital decay and reentry prediction from an element history (a file or the store) and
 * space weather (a CelesTrak/CSSI file, the store, or a scenario): the drag parameter C_D·A/m is fitted to the
 * observed decay (robust least squares over every set of each maneuver-free arc, after Molczan), the
 * orbit-averaged propagator runs down to `--until-altitude-km`, the numerical propagator to 80 km, and a Monte
 * Carlo over drag-parameter and space-weather uncertainty on all cores gives the reentry percentiles. Models and validation: docs/decay.md.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  completeSpaceWeather, fitBallisticCoefficient, historyPoints, meanObservedAp, MSAFE_SIGMA_LN_AP, MSAFE_SIGMA_LN_F107,
  monteCarloRunner, percentile, percentileScale, planMonteCarlo, predictLifetime, scaledDrivers, Z95, type BallisticFit,
  type HistoryPoint, type MonteCarloOutcome, type MonteCarloSample, type MonteCarloSpec, type WeatherSpec,
} from '@stationkeeper/analysis/decay';
import { constantDrivers, NrlmsiseAtmosphere, spaceWeatherDrivers } from '@stationkeeper/astro/atmosphere';
import { parseElementFile, type ElementSet } from '@stationkeeper/astro/elements';
import { builtinLeapSeconds, TimeScales } from '@stationkeeper/astro/time';
import {
  isoToUtcMjd, looksLikeSpaceWeatherCsv, parseSpaceWeatherCsv, parseSpaceWeatherTxt, readInputText, toSpaceWeather, utcMjdToIso,
  type SpaceWeatherRecord,
} from '@stationkeeper/data/formats';
import { DecayWorkerPool } from '@stationkeeper/workers';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { lineChartSvg } from '../plot/index.js';
import { STORE_FLAGS, openCliStore, splitArgs } from './db.js';
import { monthTicks } from './history.js';

/** Default fit window: the 30 days before the start set. */
export const DEFAULT_FIT_DAYS = 30;
/** Horizon of a prediction, years. */
const HORIZON_YEARS = 50;
const FLAGS = {
  ...STORE_FLAGS, norad: 'string', elements: 'string', from: 'string', 'until-altitude-km': 'string', 'space-weather': 'string',
  'space-weather-file': 'string', 'ballistic-fit': 'string', 'cd-area-mass': 'string', 'monte-carlo': 'string', threads: 'string',
  format: 'string', plot: 'string',
} as const;

type Scenario = { kind: 'store' } | { kind: 'constant'; f107: number; ap: number } | { kind: 'percentile'; p: 5 | 50 | 95 };

export function parseScenario(text: string): Scenario {
  if (text === 'store') return { kind: 'store' };
  if (text === 'p5' || text === 'p50' || text === 'p95') return { kind: 'percentile', p: Number(text.slice(1)) as 5 | 50 | 95 };
  const m = /^constant:([^,]+),([^,]+)$/.exec(text);
  if (m !== null) {
    const f107 = Number(m[1]);
    const ap = Number(m[2]);
    if (!(f107 >= 50 && f107 <= 400) || !(ap >= 0 && ap <= 400)) throw new UsageError(`--space-weather constant:F107,Ap needs F10.7 in 50–400 sfu and Ap in 0–400, got '${text}'`);
    return { kind: 'constant', f107, ap };
  }
  throw new UsageError(`--space-weather must be store, constant:F107,Ap, p5, p50 or p95, got '${text}'`);
}

/** Splits `FROM:TO` (ISO times, which contain colons themselves) at the colon before the second date. */
export function parseFitWindow(text: string): { fromUtcMjd: number; toUtcMjd: number } {
  const m = /^(.+):(\d{4}-\d\d-\d\d.*)$/.exec(text);
  if (m === null) throw new UsageError(`--ballistic-fit needs FROM:TO ISO times (e.g. 2021-03-01:2021-03-31), got '${text}'`);
  const fromUtcMjd = isoMjd(m[1]!, 'ballistic-fit');
  const toUtcMjd = isoMjd(m[2]!, 'ballistic-fit');
  if (!(toUtcMjd > fromUtcMjd)) throw new UsageError('--ballistic-fit: TO must be after FROM');
  return { fromUtcMjd, toUtcMjd };
}

function isoMjd(text: string, flag: string): number {
  try {
    return isoToUtcMjd(text);
  } catch (e) {
    throw new UsageError(`--${flag}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function numberFlag(flags: Record<string, unknown>, name: string, min: number, max: number, unit: string): number | undefined {
  const v = flags[name];
  if (typeof v !== 'string') return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number within ${min}…${max} ${unit}, got '${v}'`);
  return n;
}

function readSpaceWeatherFile(io: CliIo, path: string): SpaceWeatherRecord[] {
  let text: string;
  try {
    text = readInputText(resolve(io.cwd, path)).text;
  } catch (e) {
    throw new UsageError(`cannot read space-weather file '${path}': ${(e as Error).message}`);
  }
  const res = looksLikeSpaceWeatherCsv(text.slice(0, 2000)) ? parseSpaceWeatherCsv(text) : parseSpaceWeatherTxt(text);
  if (res.records.length === 0) throw new UsageError(`no space-weather rows in '${path}'`);
  return res.records;
}

const iso = (mjd: number): string => utcMjdToIso(mjd, 0);

interface DecayReport {
  readonly start: string;
  readonly elementEpoch: string;
  readonly ballisticCoefficient: Record<string, unknown>;
  readonly reentry: { readonly p5: string | null; readonly p50: string | null; readonly p95: string | null };
  readonly altitudeKm: [string, number][];
}

export const decayCommand: Command = {
  name: 'decay',
  summary: 'orbital decay and reentry date (with percentiles) from an element history and space weather',
  help: `Usage: stationkeeper decay --norad N | --elements FILE [--from ISO] [--until-altitude-km 120]
         [--space-weather store|constant:F107,Ap|p5|p50|p95] [--space-weather-file PATH]
         [--ballistic-fit FROM:TO] [--cd-area-mass M2KG] [--monte-carlo N] [--threads N]
         [--format table|json] [--plot FILE.svg]

Predicts the decay of an object without maneuvers, from the last element set at or before --from (default: the
latest), and its reentry date. Mean altitude = Brouwer mean semi-major axis − 6378.137 km.

  --norad N              element history from the store (or pick N out of --elements)
  --elements FILE        TLE/3LE/OMM file (gzip ok); all sets of the object form its history
  --from ISO             start at the last set at or before this UTC time (default: the latest set)
  --until-altitude-km H  end of the orbit-averaged leg: mean perigee altitude, km (default 120); the numerical
                         propagator then runs to the 80 km reentry altitude
  --space-weather S      store (default: observed, then daily/monthly predictions, then a repeat of the last solar
                         cycle), constant:F107,Ap (e.g. constant:150,15), or p5|p50|p95 (the predictions scaled
                         by the MSAFE Nov 2020 5/50/95 % spread from the first predicted day on)
  --space-weather-file P CelesTrak SW-All.txt / sw19571001.txt or SW-All.csv instead of the store
  --ballistic-fit F:T    fit C_D·A/m over element sets with epochs in [F, T] (ISO; default: the ${DEFAULT_FIT_DAYS} days before the
                         start set); arcs with reboosts or other maneuvers are excluded
  --cd-area-mass B       use this C_D·A/m (m²/kg) instead of fitting (e.g. for a single element set)
  --monte-carlo N        N runs over drag-parameter (fit scatter) and space-weather (MSAFE spread) uncertainty on all
                         cores; reentry p5/p50/p95 from them. Without it p5/p95 come from two corner runs
                         (both 5 %/95 % extremes together: a conservative envelope)
  --threads N            worker threads for --monte-carlo (default: all cores)
  --format F             table (default) or json: {start, elementEpoch, ballisticCoefficient, reentry{p5,p50,p95}, altitudeKm}
  --plot FILE.svg        SVG chart of the predicted mean altitude
  --db PATH|URL, --config FILE   the store (for --norad and --space-weather store)

Example:
  stationkeeper decay --elements iss-history.3le --space-weather-file sw19571001.txt --monte-carlo 200
`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = splitArgs(args, FLAGS);
    if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0] ?? ''}'`);
    const format = (flags['format'] as string | undefined) ?? 'table';
    if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, got '${format}'`);
    const norad = numberFlag(flags, 'norad', 1, 339_999, '(catalog number)');
    if (norad !== undefined && !Number.isInteger(norad)) throw new UsageError('--norad must be an integer');
    const elementsPath = flags['elements'] as string | undefined;
    if (norad === undefined && elementsPath === undefined) throw new UsageError('give --norad N or --elements FILE');
    const untilKm = numberFlag(flags, 'until-altitude-km', 81, 2000, 'km') ?? 120;
    const runs = numberFlag(flags, 'monte-carlo', 1, 100_000, 'runs');
    if (runs !== undefined && !Number.isInteger(runs)) throw new UsageError('--monte-carlo needs a whole number of runs');
    const threads = numberFlag(flags, 'threads', 1, 256, 'threads');
    const fixedB = numberFlag(flags, 'cd-area-mass', 1e-6, 10, 'm²/kg');
    const scenario = parseScenario((flags['space-weather'] as string | undefined) ?? 'store');
    const fromMjd = typeof flags['from'] === 'string' ? isoMjd(flags['from'], 'from') : undefined;
    const fitWindow = typeof flags['ballistic-fit'] === 'string' ? parseFitWindow(flags['ballistic-fit']) : undefined;
    const swFile = flags['space-weather-file'] as string | undefined;

    // Element history and space weather (store only when needed).
    let sets: ElementSet[];
    let weatherRecords: SpaceWeatherRecord[] | undefined = swFile !== undefined && scenario.kind !== 'constant' ? readSpaceWeatherFile(io, swFile) : undefined;
    const needStoreWeather = weatherRecords === undefined && scenario.kind !== 'constant';
    if (elementsPath !== undefined) {
      let text: string;
      try {
        text = readInputText(resolve(io.cwd, elementsPath)).text;
      } catch (e) {
        throw new UsageError(`cannot read element file '${elementsPath}': ${(e as Error).message}`);
      }
      const all = parseElementFile(text).records;
      const ids = [...new Set(all.map((s) => s.noradId))];
      if (all.length === 0) throw new UsageError(`no element sets in '${elementsPath}'`);
      if (norad === undefined && ids.length > 1) throw new UsageError(`'${elementsPath}' holds ${ids.length} objects; choose one with --norad`);
      sets = all.filter((s) => s.noradId === (norad ?? ids[0]));
      if (sets.length === 0) throw new UsageError(`NORAD ${norad ?? ''} is not in '${elementsPath}'`);
    } else sets = [];
    if ((elementsPath === undefined && norad !== undefined) || needStoreWeather) {
      const { store } = await openCliStore(io, flags, new Date());
      try {
        if (elementsPath === undefined && norad !== undefined) sets = (await store.elementHistory(norad)).map((s) => s.elementSet);
        if (needStoreWeather) weatherRecords = await store.spaceWeatherRecords();
      } finally {
        await store.close();
      }
      if (sets.length === 0) {
        io.stderr.write(`stationkeeper decay: no element sets for NORAD ${norad ?? ''} in the store; import a history first\n`);
        return 1;
      }
      if (weatherRecords !== undefined && weatherRecords.length === 0) {
        throw new UsageError("no space weather in the store: run 'stationkeeper update', give --space-weather-file, or use --space-weather constant:F107,Ap");
      }
    }

    const points = historyPoints(sets);
    const candidates = fromMjd === undefined ? points : points.filter((p) => p.utcMjd <= fromMjd + 1e-9);
    const startPoint: HistoryPoint | undefined = candidates[candidates.length - 1];
    if (startPoint === undefined) throw new UsageError(`no element set at or before --from (first epoch ${iso(points[0]!.utcMjd)})`);
    const start = startPoint.orbit;
    const horizonMjd = start.utcMjd + HORIZON_YEARS * 365.25;
    const window = fitWindow ?? { fromUtcMjd: start.utcMjd - DEFAULT_FIT_DAYS, toUtcMjd: start.utcMjd };
    const firstNeeded = Math.min(start.utcMjd, window.fromUtcMjd) - 3;

    // Atmosphere drivers.
    let weather: WeatherSpec;
    let firstPredicted: number | undefined;
    if (scenario.kind === 'constant') {
      weather = { kind: 'constant', f107Sfu: scenario.f107, f107ASfu: scenario.f107, ap: scenario.ap };
    } else {
      const recs = weatherRecords!;
      const fill = meanObservedAp(toSpaceWeather(recs).weather);
      const completed = completeSpaceWeather(toSpaceWeather(recs, { apDailyFill: fill }).weather, horizonMjd + 2);
      if (completed.weather.days[0]!.mjd > firstNeeded) throw new UsageError(`space weather starts ${iso(completed.weather.days[0]!.mjd)}, after the fit window or start set`);
      weather = { kind: 'records', days: completed.weather.days.filter((d) => d.mjd >= firstNeeded) };
      firstPredicted = completed.firstPredictedMjd;
    }
    const uncertainFrom = Math.max(start.utcMjd, firstPredicted ?? Infinity);
    const scale = scenario.kind === 'percentile' ? percentileScale(scenario.p) : { f107Scale: 1, apScale: 1 };
    const ts = new TimeScales({ leapSeconds: builtinLeapSeconds() });
    const taiMinusUtcS = ts.taiMinusUtcS(ts.fromUtcJd(2_400_000.5, start.utcMjd));
    const spec: MonteCarloSpec = {
      start, cdAOverMM2Kg: 0.01, weather, scaleFromUtcMjd: scenario.kind === 'percentile' ? (firstPredicted ?? start.utcMjd) : uncertainFrom,
      f107Scale: scale.f107Scale, apScale: scale.apScale, untilAltitudeKm: untilKm, reentryAltitudeKm: 80, taiMinusUtcS,
      maxDays: HORIZON_YEARS * 365.25,
    };

    const baseDrivers = weather.kind === 'records' ? spaceWeatherDrivers({ days: weather.days }) : constantDrivers(weather.f107Sfu, weather.f107ASfu, weather.ap);

    // Drag parameter (fitted with the observed/predicted weather as it is: no scenario scaling in the past).
    let fit: BallisticFit | undefined;
    let b: number;
    let sigmaB: number;
    if (fixedB !== undefined) {
      b = fixedB;
      sigmaB = 0;
    } else {
      const atmosphere = new NrlmsiseAtmosphere(baseDrivers);
      try {
        fit = fitBallisticCoefficient(points, window.fromUtcMjd, window.toUtcMjd, { atmosphere });
      } catch (e) {
        throw new UsageError(`cannot fit the drag parameter over ${iso(window.fromUtcMjd)} … ${iso(window.toUtcMjd)}: ${(e as Error).message}; give --ballistic-fit FROM:TO or --cd-area-mass`);
      }
      b = fit.cdAOverMM2Kg;
      sigmaB = fit.sigmaM2Kg;
    }
    const nominalSpec: MonteCarloSpec = { ...spec, cdAOverMM2Kg: b };
    const sigmaLnB = b > 0 ? sigmaB / b : 0;

    // Nominal run (with the curve), then the spread.
    const nominal = predictLifetime(start, {
      atmosphere: new NrlmsiseAtmosphere(scaledDrivers(baseDrivers, nominalSpec.scaleFromUtcMjd, scale.f107Scale, scale.apScale)),
      cdAOverMM2Kg: b, untilAltitudeKm: untilKm, taiMinusUtcS, maxDays: HORIZON_YEARS * 365.25,
    });
    let outcomes: MonteCarloOutcome[];
    let method: string;
    const sigmas = { sigmaLnB, sigmaLnF107: Number.isFinite(uncertainFrom) ? MSAFE_SIGMA_LN_F107 : 0, sigmaLnAp: Number.isFinite(uncertainFrom) ? MSAFE_SIGMA_LN_AP : 0 };
    if (runs !== undefined && runs > 1) {
      const samples = planMonteCarlo(runs, sigmas, 1);
      const pool = DecayWorkerPool.create(threads ?? undefined);
      try {
        outcomes = await pool.run<MonteCarloSpec, MonteCarloSample, MonteCarloOutcome>(nominalSpec, samples, {
          onProgress: (done, total) => {
            if (io.stderr.isTTY === true) io.stderr.write(`\rMonte Carlo ${done}/${total}`);
          },
        });
      } finally {
        await pool.close();
      }
      if (io.stderr.isTTY === true) io.stderr.write('\n');
      method = `Monte Carlo, ${runs} runs on ${pool.threads} threads (σ ln B = ${sigmaLnB.toFixed(3)}, σ ln F10.7 = ${sigmas.sigmaLnF107}, σ ln Ap = ${sigmas.sigmaLnAp})`;
    } else {
      const run = monteCarloRunner(nominalSpec);
      const z = Z95;
      const corner = (sign: number): MonteCarloOutcome => run({
        index: sign, bScale: Math.exp(sign * z * sigmas.sigmaLnB), f107Scale: Math.exp(sign * z * sigmas.sigmaLnF107), apScale: Math.exp(sign * z * sigmas.sigmaLnAp),
      });
      outcomes = [corner(1), { index: 0, altitudeReachedUtcMjd: nominal.altitudeReachedUtcMjd ?? null, reentryUtcMjd: nominal.reentryUtcMjd ?? null }, corner(-1)];
      method = 'nominal run with 5 %/95 % corner runs (drag parameter and space weather at their extremes together)';
    }
    const reentries = outcomes.map((o) => o.reentryUtcMjd);
    // With a Monte Carlo, percentiles of the sample. Without one, the corner runs ARE the 5 %/95 % answers: taking
    // percentile(…, 5/95) over [corner, nominal, corner] would land 10 % of the way from each corner to the nominal run.
    const cornerMode = runs === undefined;
    const byTime = [...reentries].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
    const pct = (p: number): string | null => {
      const v = cornerMode ? (p < 50 ? byTime[0] : p > 50 ? byTime[byTime.length - 1] : nominal.reentryUtcMjd) ?? null : percentile(reentries, p);
      return v === null ? null : iso(v);
    };
    const every = Math.max(1, Math.ceil(nominal.curve.length / 400));
    const curve = nominal.curve.filter((_, i) => i % every === 0 || i === nominal.curve.length - 1);
    const report: DecayReport = {
      start: iso(fromMjd ?? start.utcMjd),
      elementEpoch: iso(start.utcMjd),
      ballisticCoefficient: {
        cdAOverMM2Kg: b, sigmaM2Kg: sigmaB, massOverCdAKgM2: 1 / b,
        source: fit === undefined ? 'given (--cd-area-mass)' : `fit (Molczan, least squares per maneuver-free arc), ${fit.sigmaSource}`,
        ...(fit !== undefined ? {
          fitFrom: iso(fit.fromUtcMjd), fitTo: iso(fit.toUtcMjd), arcs: fit.arcs.length, subArcs: fit.subArcs.length,
          maneuversExcluded: fit.maneuvers.map((m) => ({ time: iso(m.afterUtcMjd), deltaAKm: Number(m.deltaAKm.toFixed(3)) })),
        } : {}),
        reentryMethod: method,
      },
      reentry: { p5: pct(5), p50: pct(50), p95: pct(95) },
      altitudeKm: curve.map((p) => [iso(p.utcMjd), Number(p.meanAltitudeKm.toFixed(3))]),
    };

    if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
    else {
      const lines = [
        `start ${report.start}, element set of ${report.elementEpoch}, mean altitude ${startPoint.meanAltitudeKm.toFixed(2)} km`,
        `C_D·A/m = ${b.toFixed(5)} ± ${sigmaB.toFixed(5)} m²/kg (m/(C_D·A) = ${(1 / b).toFixed(1)} kg/m²), ${String(report.ballisticCoefficient['source'])}`,
        ...(fit !== undefined ? [`  fitted over ${iso(fit.fromUtcMjd)} … ${iso(fit.toUtcMjd)}: ${fit.arcs.length} arc(s), ${fit.maneuvers.length} maneuver(s) excluded`] : []),
        `space weather: ${scenario.kind === 'constant' ? `constant F10.7 ${scenario.f107} sfu, Ap ${scenario.ap}` : `${swFile ?? 'store'}${scenario.kind === 'percentile' ? `, p${scenario.p} scenario` : ''}${firstPredicted !== undefined ? `; predictions from ${iso(firstPredicted).slice(0, 10)}` : ''}`}`,
        `reaches ${untilKm} km: ${nominal.altitudeReachedUtcMjd === undefined ? `not within ${HORIZON_YEARS} years` : iso(nominal.altitudeReachedUtcMjd)}`,
        `reentry (80 km): p5 ${report.reentry.p5 ?? '—'}  p50 ${report.reentry.p50 ?? '—'}  p95 ${report.reentry.p95 ?? '—'}`,
        `  ${method}`,
        '',
        'date (UTC)            mean altitude (km)',
        ...thin(report.altitudeKm, 40).map(([t, h]) => `${t}  ${h.toFixed(2).padStart(9)}`),
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
    }
    const plot = flags['plot'];
    if (typeof plot === 'string') {
      const first = nominal.curve[0]!.utcMjd;
      const last = nominal.curve[nominal.curve.length - 1]!.utcMjd;
      writeFileSync(resolve(io.cwd, plot), lineChartSvg({
        title: `NORAD ${sets[0]!.noradId} predicted decay from ${iso(start.utcMjd).slice(0, 10)} (C_D·A/m ${b.toFixed(4)} m²/kg)`,
        xLabel: 'UTC', yLabel: 'mean altitude (km)',
        series: [{ name: 'predicted mean altitude (km)', points: curve.map((p) => [p.utcMjd, p.meanAltitudeKm] as const) },
          { name: 'element sets (km)', points: points.filter((p) => p.utcMjd >= start.utcMjd - DEFAULT_FIT_DAYS).map((p) => [p.utcMjd, p.meanAltitudeKm] as const) }],
        xTicks: last - first > 20 ? monthTicks(first - DEFAULT_FIT_DAYS, last) : [],
      }));
      io.stderr.write(`wrote ${plot}\n`);
    }
    return 0;
  },
};

function thin<T>(rows: readonly T[], count: number): T[] {
  if (rows.length <= count) return [...rows];
  const step = (rows.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => rows[Math.round(i * step)]!);
}

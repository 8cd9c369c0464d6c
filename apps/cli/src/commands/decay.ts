/**
 * `stationkeeper decay` — orbital decay and reentry prediction from an element history (a file or the store) and
 * space weather (a CelesTrak/CSSI file, the store, or a scenario): the drag parameter C_D·A/m is fitted to the
 * observed decay (robust least squares over every set of each maneuver-free arc, after Molczan), the
 * orbit-averaged propagator runs down to `--until-altitude-km`, the numerical propagator to 80 km, and a Monte
 * Carlo over drag-parameter and space-weather uncertainty on all cores gives the reentry percentiles. Models and validation: docs/decay.md.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMsafe, type MonteCarloOutcome, type MonteCarloSample, type MonteCarloSpec, type MsafeMonth } from '@stationkeeper/analysis/decay';
import {
  DEFAULT_FIT_DAYS, DecayScenarioError, HORIZON_YEARS, runDecayScenario, type DecayScenarioResult,
} from '@stationkeeper/analysis/scenario';
import { parseElementFile, type ElementSet } from '@stationkeeper/astro/elements';
import { ParseError } from '@stationkeeper/astro/errors';
import {
  isoToUtcMjd, looksLikeSpaceWeatherCsv, parseSpaceWeatherCsv, parseSpaceWeatherTxt, readInputText, toSpaceWeather, utcMjdToIso,
  type SpaceWeatherRecord,
} from '@stationkeeper/data/formats';
import { isIssSample, issSampleWarning } from '@stationkeeper/data/sample';
import { DecayWorkerPool } from '@stationkeeper/workers';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { lineChartSvg } from '../plot/index.js';
import { STORE_FLAGS, openCliStore, splitArgs } from './db.js';
import { monthTicks } from './history.js';

/** Default fit window: the 30 days before the start set (`@stationkeeper/analysis/scenario`). */
export { DEFAULT_FIT_DAYS };
const FLAGS = {
  ...STORE_FLAGS, norad: 'string', elements: 'string', from: 'string', 'until-altitude-km': 'string', 'space-weather': 'string',
  'space-weather-file': 'string', 'ballistic-fit': 'string', 'cd-area-mass': 'string', 'monte-carlo': 'string', threads: 'string',
  format: 'string', plot: 'string', msafe: 'string',
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

function readMsafeFile(io: CliIo, path: string): MsafeMonth[] {
  let text: string;
  try {
    text = readInputText(resolve(io.cwd, path)).text;
  } catch (e) {
    throw new UsageError(`cannot read MSAFE file '${path}': ${(e as Error).message}`);
  }
  try {
    return parseMsafe(text);
  } catch (e) {
    if (e instanceof ParseError) throw new UsageError(`'${path}' line ${e.line}: ${e.reason}`);
    throw e;
  }
}

const iso = (mjd: number): string => utcMjdToIso(mjd, 0);

/** The scenario's refusal in the CLI's words (usage errors: the user can change the inputs). */
function scenarioUsageError(e: DecayScenarioError): UsageError {
  const w = e.details.fitWindow;
  switch (e.code) {
    case 'no-start-set':
      return new UsageError(`no element set at or before --from (first epoch ${iso(e.details.firstEpochUtcMjd!)})`);
    case 'space-weather-too-late':
      return new UsageError(`space weather starts ${iso(e.details.firstDayUtcMjd!)}, after the fit window or start set`);
    case 'fit-failed':
      return new UsageError(`cannot fit the drag parameter over ${w === undefined ? '?' : `${iso(w.fromUtcMjd)} … ${iso(w.toUtcMjd)}`}: ${e.reason}; give --ballistic-fit FROM:TO or --cd-area-mass`);
    default:
      return new UsageError(e.reason);
  }
}

/** Runs the Monte Carlo samples on a `DecayWorkerPool` (all cores unless --threads), with progress on a TTY. */
async function runOnPool(io: CliIo, spec: MonteCarloSpec, samples: readonly MonteCarloSample[], threads: number | undefined, onThreads: (n: number) => void): Promise<MonteCarloOutcome[]> {
  const pool = DecayWorkerPool.create(threads ?? undefined);
  onThreads(pool.threads);
  try {
    return await pool.run<MonteCarloSpec, MonteCarloSample, MonteCarloOutcome>(spec, samples, {
      onProgress: (done, total) => {
        if (io.stderr.isTTY === true) io.stderr.write(`\rMonte Carlo ${done}/${total}`);
      },
    });
  } finally {
    await pool.close();
    if (io.stderr.isTTY === true) io.stderr.write('\n');
  }
}

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
         [--space-weather store|constant:F107,Ap|p5|p50|p95] [--space-weather-file PATH] [--msafe FILE]
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
  --msafe FILE           NASA MSFC MSAFE table (e.g. nov2020f10_prd.txt): the p5/p95 scenarios, corner runs and
                         Monte Carlo use its month-by-month 5–95 % spread for the predicted days (default: the
                         mean spread of the Nov 2020 table for every month)
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

    // The bundled sample (seeded into an empty store by a first run) is stale: every output using it says so.
    if (sets.some(isIssSample)) io.stderr.write(`${issSampleWarning()}\n`);

    let poolThreads = 0;
    const records = weatherRecords;
    const msafe = typeof flags['msafe'] === 'string' ? readMsafeFile(io, flags['msafe']) : undefined;
    let res: DecayScenarioResult;
    try {
      res = await runDecayScenario({
        sets, weather: scenario,
        ...(records === undefined ? {} : { spaceWeather: (o: { apDailyFill?: number }) => toSpaceWeather(records, o).weather }),
        ...(msafe === undefined ? {} : { msafe }),
        ...(fromMjd === undefined ? {} : { fromUtcMjd: fromMjd }),
        ...(fixedB === undefined ? {} : { cdAreaMassM2Kg: fixedB }),
        ...(fitWindow === undefined ? {} : { fitWindow }),
      }, {
        untilAltitudeKm: untilKm,
        ...(runs === undefined ? {} : { monteCarlo: { runs, seed: 1, execute: (spec, samples) => runOnPool(io, spec, samples, threads, (n) => { poolThreads = n; }) } }),
      });
    } catch (e) {
      if (e instanceof DecayScenarioError) throw scenarioUsageError(e);
      throw e;
    }
    const b = res.cdAOverMM2Kg;
    const sigmaB = res.sigmaM2Kg;
    const fit = res.fit;
    const m = res.method;
    const spreadText = m.monthlyRange === undefined ? ''
      : m.monthlyRange.months === 0 ? '; space-weather spread MSAFE month by month (no predicted month before the latest reentry)'
      : `; space-weather spread MSAFE month by month over ${m.monthlyRange.months} predicted month(s): σ ln F10.7 ${m.monthlyRange.sigmaLnF107.map((v) => v.toFixed(3)).join('…')}, σ ln Ap ${m.monthlyRange.sigmaLnAp.map((v) => v.toFixed(3)).join('…')}`;
    const method = m.kind === 'monte-carlo'
      ? `Monte Carlo, ${m.runs} runs on ${poolThreads} threads (σ ln B = ${m.sigmaLnB.toFixed(3)}, σ ln F10.7 = ${m.monthlyRange === undefined ? m.sigmaLnF107 : 'monthly'}, σ ln Ap = ${m.monthlyRange === undefined ? m.sigmaLnAp : 'monthly'})${spreadText}`
      : `nominal run with 5 %/95 % corner runs (drag parameter and space weather at their extremes together)${spreadText}`;
    const pct = (v: number | null): string | null => (v === null ? null : iso(v));
    const report: DecayReport = {
      start: iso(res.startUtcMjd),
      elementEpoch: iso(res.elementEpochUtcMjd),
      ballisticCoefficient: {
        cdAOverMM2Kg: b, sigmaM2Kg: sigmaB, massOverCdAKgM2: 1 / b,
        source: fit === undefined ? 'given (--cd-area-mass)' : `fit (Molczan, least squares per maneuver-free arc), ${fit.sigmaSource}`,
        ...(fit !== undefined ? {
          fitFrom: iso(fit.fromUtcMjd), fitTo: iso(fit.toUtcMjd), arcs: fit.arcs, subArcs: fit.subArcs,
          maneuversExcluded: fit.maneuvers.map((mv) => ({ time: iso(mv.afterUtcMjd), deltaAKm: Number(mv.deltaAKm.toFixed(3)) })),
        } : {}),
        reentryMethod: method,
      },
      reentry: { p5: pct(res.reentryUtcMjd.p5), p50: pct(res.reentryUtcMjd.p50), p95: pct(res.reentryUtcMjd.p95) },
      altitudeKm: res.curve.map(([t, h]) => [iso(t), Number(h.toFixed(3))]),
    };
    const firstPredicted = res.firstPredictedUtcMjd;

    if (format === 'json') io.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
    else {
      const lines = [
        `start ${report.start}, element set of ${report.elementEpoch}, mean altitude ${res.startMeanAltitudeKm.toFixed(2)} km`,
        `C_D·A/m = ${b.toFixed(5)} ± ${sigmaB.toFixed(5)} m²/kg (m/(C_D·A) = ${(1 / b).toFixed(1)} kg/m²), ${String(report.ballisticCoefficient['source'])}`,
        ...(fit !== undefined ? [`  fitted over ${iso(fit.fromUtcMjd)} … ${iso(fit.toUtcMjd)}: ${fit.arcs} arc(s), ${fit.maneuvers.length} maneuver(s) excluded`] : []),
        `space weather: ${scenario.kind === 'constant' ? `constant F10.7 ${scenario.f107} sfu, Ap ${scenario.ap}` : `${swFile ?? 'store'}${scenario.kind === 'percentile' ? `, p${scenario.p} scenario` : ''}${firstPredicted !== null ? `; predictions from ${iso(firstPredicted).slice(0, 10)}` : ''}${msafe !== undefined ? `; MSAFE spread from ${String(flags['msafe'])}` : ''}`}`,
        `reaches ${untilKm} km: ${res.altitudeReachedUtcMjd === null ? `not within ${HORIZON_YEARS} years` : iso(res.altitudeReachedUtcMjd)}`,
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
      const first = res.curve[0]![0];
      const last = res.curve[res.curve.length - 1]![0];
      writeFileSync(resolve(io.cwd, plot), lineChartSvg({
        title: `NORAD ${sets[0]!.noradId} predicted decay from ${iso(res.elementEpochUtcMjd).slice(0, 10)} (C_D·A/m ${b.toFixed(4)} m²/kg)`,
        xLabel: 'UTC', yLabel: 'mean altitude (km)',
        series: [{ name: 'predicted mean altitude (km)', points: res.curve.map(([t, h]) => [t, h] as const) },
          { name: 'element sets (km)', points: res.elementSets.filter(([t]) => t >= res.elementEpochUtcMjd - DEFAULT_FIT_DAYS).map(([t, h]) => [t, h] as const) }],
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

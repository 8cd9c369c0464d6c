/**
 * Space weather for decay runs: a gap-free daily series out to any horizon, scenario scaling, and the MSAFE spread.
 *
 * - `completeSpaceWeather`: days between published records (the month-start rows of the CelesTrak/CSSI
 *   MONTHLY_PREDICTED block, and the gap between the daily and monthly predictions) are linearly interpolated in
 *   F10.7 (observed, adjusted, centred 81-day) and Ap; past the last record the documented fallback repeats the
 *   solar cycle: each missing day copies the day one mean cycle (11 years = 4018 days; Hathaway 2015, "The Solar
 *   Cycle", Living Rev. Sol. Phys. 12:4) earlier, kind `scenario`, with its 81-day centred F10.7 as the daily flux
 *   (a forecast years ahead knows the smoothed level, not the day's flare bursts).
 * - `scaledDrivers`: multiplies F10.7, F10.7A and Ap from a given UTC MJD on (the unknown future), for the
 *   percentile scenarios and the Monte Carlo.
 * - MSAFE spread: NASA MSFC "Marshall Solar Activity Future Estimation" (Nov 2020 issue, 13-month smoothed
 *   F10.7 and Ap at the 5/50/95 % percentiles, May 2020 – Oct 2041) gives, month by month, the spread
 *   ln(p95/p5)/(2·1.645) of a lognormal; its mean over the table is σ_lnF10.7 = 0.164 and σ_lnAp = 0.296
 *   (checked against the file in space-weather.test.ts). `p5`/`p95` scenarios scale the predictions by
 *   exp(∓1.645 σ).
 */
import type { MsisDriverSource, MsisDrivers, SpaceWeather, SpaceWeatherDay } from '@stationkeeper/astro/atmosphere';
import { ParseError } from '@stationkeeper/astro/errors';

/** Mean MSAFE (Nov 2020) lognormal spread of 13-month smoothed F10.7. */
export const MSAFE_SIGMA_LN_F107 = 0.164;
/** Mean MSAFE (Nov 2020) lognormal spread of 13-month smoothed Ap. */
export const MSAFE_SIGMA_LN_AP = 0.296;
/** Standard normal quantile of 95 %. */
export const Z95 = 1.6448536269514722;
/** Mean solar-cycle length used by the beyond-the-forecast fallback, days (11 years). */
export const SOLAR_CYCLE_DAYS = 4018;

export interface CompletedSpaceWeather {
  readonly weather: SpaceWeather;
  /** Days interpolated between records, and days copied from one cycle earlier past the last record. */
  readonly interpolatedDays: number;
  readonly cycleRepeatedDays: number;
  /** First day that is not an observation (undefined when everything up to the horizon is observed). */
  readonly firstPredictedMjd: number | undefined;
}

const lerp = (a: number, b: number, f: number): number => a + (b - a) * f;

/** A contiguous daily series from the first record to `untilMjd` (see module doc). */
export function completeSpaceWeather(sw: SpaceWeather, untilMjd: number): CompletedSpaceWeather {
  const src = [...sw.days].sort((p, q) => p.mjd - q.mjd);
  const first = src[0];
  if (first === undefined) throw new RangeError('space weather has no days');
  if (!Number.isFinite(untilMjd)) throw new RangeError(`horizon must be a finite UTC MJD, got ${untilMjd}`);
  const days: SpaceWeatherDay[] = [first];
  let interpolatedDays = 0;
  let cycleRepeatedDays = 0;
  for (let i = 1; i < src.length; i++) {
    const prev = days[days.length - 1]!;
    const next = src[i]!;
    if (next.mjd === prev.mjd) continue; // duplicate day: keep the first (observed sorts before predictions)
    for (let m = prev.mjd + 1; m < next.mjd; m++) {
      const f = (m - prev.mjd) / (next.mjd - prev.mjd);
      days.push({
        mjd: m,
        f107ObsSfu: lerp(prev.f107ObsSfu, next.f107ObsSfu, f),
        f107AdjSfu: lerp(prev.f107AdjSfu, next.f107AdjSfu, f),
        f107ObsCenter81Sfu: lerp(prev.f107ObsCenter81Sfu, next.f107ObsCenter81Sfu, f),
        apDaily: lerp(prev.apDaily, next.apDaily, f),
        ap3h: [],
        kind: next.kind === 'observed' ? 'daily-predicted' : next.kind,
      });
      interpolatedDays++;
    }
    days.push(next);
  }
  const base = days[0]!.mjd;
  for (let m = days[days.length - 1]!.mjd + 1; m <= untilMjd; m++) {
    const back = days[m - SOLAR_CYCLE_DAYS - base];
    if (back === undefined) throw new RangeError(`space weather too short to repeat a solar cycle (needs ${SOLAR_CYCLE_DAYS} days)`);
    // The repeated cycle carries the smoothed level (81-day centred F10.7) as the daily flux: single-day flare
    // bursts of the source (e.g. 2011-03-07, 938.6 sfu observed against 115 sfu centred) are not a forecast.
    const level = back.f107ObsCenter81Sfu;
    days.push({ ...back, mjd: m, kind: 'scenario', f107ObsSfu: level, f107AdjSfu: back.f107ObsSfu > 0 ? level * (back.f107AdjSfu / back.f107ObsSfu) : level });
    cycleRepeatedDays++;
  }
  const firstPredicted = days.find((d) => d.kind !== 'observed');
  return { weather: { days }, interpolatedDays, cycleRepeatedDays, firstPredictedMjd: firstPredicted?.mjd };
}

/** Mean daily Ap of the last `count` observed days (the fill for predicted months that publish no Ap). */
export function meanObservedAp(sw: SpaceWeather, count = 365): number {
  const obs = sw.days.filter((d) => d.kind === 'observed').slice(-count);
  if (obs.length === 0) throw new RangeError('space weather has no observed days');
  return obs.reduce((s, d) => s + d.apDaily, 0) / obs.length;
}

/** Drivers scaled from `fromUtcMjd` on: F10.7 and F10.7A × `f107Scale`, Ap and the ap history × `apScale`. */
export function scaledDrivers(base: MsisDriverSource, fromUtcMjd: number, f107Scale: number, apScale: number): MsisDriverSource {
  if (!(f107Scale > 0 && apScale > 0 && Number.isFinite(f107Scale) && Number.isFinite(apScale))) {
    throw new RangeError(`scale factors must be finite and > 0, got F10.7 ×${f107Scale}, Ap ×${apScale}`);
  }
  if (f107Scale === 1 && apScale === 1) return base;
  return (utcMjd: number): MsisDrivers => {
    const d = base(utcMjd);
    if (utcMjd < fromUtcMjd) return d;
    return { f107: d.f107 * f107Scale, f107A: d.f107A * f107Scale, ap: d.ap * apScale, apArray: d.apArray.map((v) => v * apScale) };
  };
}

/** The multipliers of a percentile scenario (5, 50 or 95) from the MSAFE spread. */
export function percentileScale(percentile: 5 | 50 | 95): { f107Scale: number; apScale: number } {
  const z = percentile === 5 ? -Z95 : percentile === 95 ? Z95 : 0;
  return { f107Scale: Math.exp(z * MSAFE_SIGMA_LN_F107), apScale: Math.exp(z * MSAFE_SIGMA_LN_AP) };
}

/** One month of the MSAFE table: F10.7 and Ap at the 95, 50 and 5 % percentiles. */
export interface MsafeMonth {
  readonly decimalYear: number;
  readonly month: string;
  readonly f107: { readonly p95: number; readonly p50: number; readonly p5: number };
  readonly ap: { readonly p95: number; readonly p50: number; readonly p5: number };
}

/** Parses the MSAFE `nnnYYYYf10_prd.txt` table (rows `2020.3337 MAY 71.4 70.9 70.3 5.7 5.2 4.9`). */
export function parseMsafe(text: string): MsafeMonth[] {
  const out: MsafeMonth[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (!/^\d{4}\.\d+\s/.test(t)) return;
    const f = t.split(/\s+/);
    const nums = [f[0], ...f.slice(2)].map(Number);
    if (f.length !== 8 || nums.some((v) => !Number.isFinite(v)) || !/^[A-Z]{3}$/.test(f[1] ?? '')) {
      throw new ParseError('MSAFE row must be: decimal year, month, F10.7 95/50/5 %, Ap 95/50/5 %', i + 1, 1);
    }
    const [y, f95, f50, f5, a95, a50, a5] = nums as [number, number, number, number, number, number, number];
    out.push({ decimalYear: y, month: f[1]!, f107: { p95: f95, p50: f50, p5: f5 }, ap: { p95: a95, p50: a50, p5: a5 } });
  });
  if (out.length === 0) throw new ParseError('no MSAFE rows found', 1, 1);
  return out;
}

/** Mean lognormal spread ln(p95/p5)/(2·1.645) of F10.7 and Ap over an MSAFE table. */
export function msafeLogSpread(months: readonly MsafeMonth[]): { sigmaLnF107: number; sigmaLnAp: number } {
  let f = 0;
  let a = 0;
  for (const m of months) {
    f += Math.log(m.f107.p95 / m.f107.p5) / (2 * Z95);
    a += Math.log(m.ap.p95 / m.ap.p5) / (2 * Z95);
  }
  return { sigmaLnF107: f / months.length, sigmaLnAp: a / months.length };
}

/**
 * Month-by-month space-weather spread from NASA MSFC's MSAFE table ("Marshall Solar Activity Future Estimation",
 * 13-month smoothed F10.7 and Ap at the 5/50/95 % percentiles; the Nov 2020 issue covers May 2020 – Oct 2041).
 *
 * Each calendar month m gets the lognormal spread σ_m = ln(p95/p5)/(2·1.645) of F10.7 and of Ap (the same reading
 * of the table as the global constants of space-weather.ts, which are this table's mean). A run at standard normal
 * level z multiplies the predicted F10.7, F10.7A (and Ap, ap history) of a day in month m by exp(z·σ_m): one z for
 * the whole run, because MSAFE's percentiles are of the smoothed level of the cycle (a p95 cycle stays p95), not
 * independent monthly draws. Days outside the table keep the table's mean spread (`fallback`).
 *
 * Pure and JSON-safe: a `MonthlySpread` crosses worker-thread boundaries inside a Monte Carlo spec.
 */
import type { MsisDriverSource, MsisDrivers } from '@stationkeeper/astro/atmosphere';
import { msafeLogSpread, Z95, type MsafeMonth } from './space-weather.js';

export interface SpreadMonth {
  /** First UTC MJD of the calendar month, and the first of the next. */
  readonly fromUtcMjd: number;
  readonly toUtcMjd: number;
  readonly sigmaLnF107: number;
  readonly sigmaLnAp: number;
}

export interface MonthlySpread {
  /** Ascending, contiguous months. */
  readonly months: readonly SpreadMonth[];
  /** Spread of days outside the table: the table's mean. */
  readonly fallback: { readonly sigmaLnF107: number; readonly sigmaLnAp: number };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** MJD of a proleptic Gregorian calendar date (Fliegel & Van Flandern 1968 day-number form). */
export function civilToMjd(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const jdn = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
  return jdn - 2_400_001;
}

/** The month-by-month spread of an MSAFE table (rows in any order; one per month). */
export function msafeMonthlySpread(table: readonly MsafeMonth[]): MonthlySpread {
  if (table.length === 0) throw new RangeError('MSAFE table has no months');
  const months = table.map((row): SpreadMonth => {
    const monthIndex = MONTHS.indexOf(row.month as (typeof MONTHS)[number]);
    if (monthIndex < 0) throw new RangeError(`MSAFE month name must be JAN…DEC, got '${row.month}'`);
    const year = Math.floor(row.decimalYear + 1e-6);
    for (const [name, p] of [['F10.7', row.f107], ['Ap', row.ap]] as const) {
      if (!(p.p5 > 0 && p.p95 >= p.p5 && Number.isFinite(p.p95))) throw new RangeError(`MSAFE ${row.month} ${year}: ${name} percentiles must satisfy 0 < p5 ≤ p95, got ${p.p5}, ${p.p95}`);
    }
    return {
      fromUtcMjd: civilToMjd(year, monthIndex + 1, 1),
      toUtcMjd: monthIndex === 11 ? civilToMjd(year + 1, 1, 1) : civilToMjd(year, monthIndex + 2, 1),
      sigmaLnF107: Math.log(row.f107.p95 / row.f107.p5) / (2 * Z95),
      sigmaLnAp: Math.log(row.ap.p95 / row.ap.p5) / (2 * Z95),
    };
  }).sort((p, q) => p.fromUtcMjd - q.fromUtcMjd);
  for (let i = 1; i < months.length; i++) {
    if (months[i]!.fromUtcMjd !== months[i - 1]!.toUtcMjd) throw new RangeError(`MSAFE table must hold consecutive months, one each (gap or repeat before MJD ${months[i]!.fromUtcMjd})`);
  }
  return { months, fallback: msafeLogSpread(table) };
}

/** The spread (σ ln F10.7, σ ln Ap) of the day holding `utcMjd`: its month's, else the fallback. */
export function spreadAt(spread: MonthlySpread, utcMjd: number): { readonly sigmaLnF107: number; readonly sigmaLnAp: number } {
  const ms = spread.months;
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid]!;
    if (utcMjd < m.fromUtcMjd) hi = mid - 1;
    else if (utcMjd >= m.toUtcMjd) lo = mid + 1;
    else return m;
  }
  return spread.fallback;
}

/**
 * Drivers at spread level (zF107, zAp) from `fromUtcMjd` on: F10.7 and F10.7A × exp(zF107·σ_F(month)), Ap and the
 * ap history × exp(zAp·σ_Ap(month)); the past (before `fromUtcMjd`) is left alone.
 */
export function monthlySpreadDrivers(base: MsisDriverSource, fromUtcMjd: number, zF107: number, zAp: number, spread: MonthlySpread): MsisDriverSource {
  if (!Number.isFinite(zF107) || !Number.isFinite(zAp)) throw new RangeError(`spread levels must be finite, got z(F10.7) ${zF107}, z(Ap) ${zAp}`);
  if (zF107 === 0 && zAp === 0) return base;
  return (utcMjd: number): MsisDrivers => {
    const d = base(utcMjd);
    if (utcMjd < fromUtcMjd) return d;
    const s = spreadAt(spread, utcMjd);
    const f = Math.exp(zF107 * s.sigmaLnF107);
    const a = Math.exp(zAp * s.sigmaLnAp);
    return { f107: d.f107 * f, f107A: d.f107A * f, ap: d.ap * a, apArray: d.apArray.map((v) => v * a) };
  };
}

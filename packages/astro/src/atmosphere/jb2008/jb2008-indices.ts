/**
 * The drivers of JB2008 from Space Environment Technologies' index files, as data (no I/O here; the files are
 * parsed by `@stationkeeper/data/formats`):
 * - SOLFSMY.TXT — one record per UTC day: F10, S10, M10, Y10 (sfu, "reported at 12 UT", to be used as the value of
 *   the whole calendar day 0–24 UT) and their 81-day centred means;
 * - DTCFILE.TXT — one line per UTC day: 24 hourly values of the geomagnetic exospheric-temperature change dTc (K)
 *   derived from Dst, the value at hh:00 UT.
 *
 * `jb2008Drivers` applies the model's lags (Bowman et al. 2008, AIAA 2008-6438, and the SOLFSMY header): F10, S10
 * and their means from the day 1 day earlier, M10 2 days, Y10 5 days; dTc interpolated linearly between the hourly
 * values. (The official driver program also rounds the interpolated dTc to a whole kelvin; we do not — the
 * rounding only turns dTc into a staircase. Where both hourly neighbours are equal, as at the two reference
 * instants, the results are identical.)
 */
import { dayOfYear } from '../calendar.js';
import type { Jb2008Indices } from './jb2008.js';

/** One SOLFSMY record: the indices of one UTC day, sfu (1e-22 W m⁻² Hz⁻¹). */
export interface Jb2008SolarDay {
  /** UTC MJD of the day's 00:00. */
  readonly mjd: number;
  readonly f10Sfu: number;
  /** F10 81-day centred mean (F81c). */
  readonly f10bSfu: number;
  readonly s10Sfu: number;
  readonly s10bSfu: number;
  readonly m10Sfu: number;
  readonly m10bSfu: number;
  readonly y10Sfu: number;
  readonly y10bSfu: number;
}

/** One DTCFILE line: dTc (K) at 00:00, 01:00, …, 23:00 UT of one UTC day. */
export interface Jb2008DtcDay {
  /** UTC MJD of the day's 00:00. */
  readonly mjd: number;
  /** 24 hourly values, K. */
  readonly dtcK: readonly number[];
}

/** Everything JB2008 needs besides the point and the Sun: daily solar indices and hourly dTc, each sorted by day. */
export interface Jb2008IndexData {
  readonly solar: readonly Jb2008SolarDay[];
  readonly dtc: readonly Jb2008DtcDay[];
}

/** Gives the (lagged) JB2008 indices at a UTC MJD; throws RangeError outside the data or where data are missing. */
export type Jb2008DriverSource = (utcMjd: number) => Jb2008Indices;

/** Lags of the indices, days (Bowman et al. 2008 §3; SOLFSMY header). */
export const JB2008_LAG_DAYS = { f10: 1, s10: 1, m10: 2, y10: 5 } as const;

const SOLAR_KEYS = ['f10Sfu', 'f10bSfu', 's10Sfu', 's10bSfu', 'm10Sfu', 'm10bSfu', 'y10Sfu', 'y10bSfu'] as const;

function isoDay(mjd: number): string {
  const { year, doy } = dayOfYear(mjd);
  return `${year}-${String(doy).padStart(3, '0')}`;
}

/** Day lookup over records sorted by integer MJD: direct index when contiguous, binary search otherwise. */
function dayLookup<T extends { readonly mjd: number }>(days: readonly T[], what: string): (mjd: number) => T | undefined {
  if (days.length === 0) throw new RangeError(`JB2008 ${what} data have no days`);
  let previous = -Infinity;
  for (const d of days) {
    if (!Number.isInteger(d.mjd)) throw new RangeError(`JB2008 ${what} day MJD must be an integer (0h UTC), got ${d.mjd}`);
    if (d.mjd <= previous) throw new RangeError(`JB2008 ${what} days must be in strictly increasing order (MJD ${d.mjd})`);
    previous = d.mjd;
  }
  const first = days[0]!.mjd;
  if (days[days.length - 1]!.mjd - first === days.length - 1) return (mjd) => days[mjd - first];
  return (mjd) => {
    let lo = 0;
    let hi = days.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = days[mid]!;
      if (d.mjd === mjd) return d;
      if (d.mjd < mjd) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}

/**
 * The JB2008 driver source of index data. Validates the data once (sorted integer days, finite values, 24 dTc
 * values a day; RangeError otherwise). A lookup throws RangeError when a needed day is absent, and when a solar
 * index it uses is 0 or negative: SOLFSMY writes 0.0 where an index is missing (e.g. S10 and S81c during the
 * 1998–1999 SOHO gap), and feeding 0 sfu to the model would silently give a wrong density.
 */
export function jb2008Drivers(data: Jb2008IndexData): Jb2008DriverSource {
  for (const d of data.solar) {
    for (const k of SOLAR_KEYS) {
      if (!Number.isFinite(d[k])) throw new RangeError(`JB2008 solar index ${k} of MJD ${d.mjd} must be finite, got ${d[k]}`);
    }
  }
  for (const d of data.dtc) {
    if (d.dtcK.length !== 24) throw new RangeError(`JB2008 dTc day MJD ${d.mjd} must have 24 hourly values, got ${d.dtcK.length}`);
    if (!d.dtcK.every(Number.isFinite)) throw new RangeError(`JB2008 dTc day MJD ${d.mjd} has a non-finite value`);
  }
  const solarAt = dayLookup(data.solar, 'solar-index');
  const dtcAt = dayLookup(data.dtc, 'dTc');

  const solarDay = (mjd: number): Jb2008SolarDay => {
    const d = solarAt(mjd);
    if (d === undefined) throw new RangeError(`JB2008 solar indices have no record for ${isoDay(mjd)} (MJD ${mjd})`);
    return d;
  };
  const positive = (d: Jb2008SolarDay, k: (typeof SOLAR_KEYS)[number]): number => {
    const v = d[k];
    if (!(v > 0)) throw new RangeError(`JB2008 solar index ${k} is ${v} (missing) for ${isoDay(d.mjd)}`);
    return v;
  };
  const hourly = (mjd: number, hour: number): number => {
    const d = dtcAt(mjd);
    if (d === undefined) throw new RangeError(`JB2008 dTc data have no record for ${isoDay(mjd)} (MJD ${mjd})`);
    return d.dtcK[hour]!;
  };

  return (utcMjd: number): Jb2008Indices => {
    if (!Number.isFinite(utcMjd)) throw new RangeError(`utcMjd must be finite, got ${utcMjd}`);
    const day = Math.floor(utcMjd);
    const fs = solarDay(day - JB2008_LAG_DAYS.f10);
    const m = solarDay(day - JB2008_LAG_DAYS.m10);
    const y = solarDay(day - JB2008_LAG_DAYS.y10);
    const hours = (utcMjd - day) * 24;
    const hour = Math.min(23, Math.floor(hours));
    const frac = hours - hour;
    const v0 = hourly(day, hour);
    const dstDtcK = frac === 0 ? v0 : v0 + frac * ((hour < 23 ? hourly(day, hour + 1) : hourly(day + 1, 0)) - v0);
    return {
      f10: positive(fs, 'f10Sfu'), f10b: positive(fs, 'f10bSfu'),
      s10: positive(fs, 's10Sfu'), s10b: positive(fs, 's10bSfu'),
      m10: positive(m, 'm10Sfu'), m10b: positive(m, 'm10bSfu'),
      y10: positive(y, 'y10Sfu'), y10b: positive(y, 'y10bSfu'),
      dstDtcK,
    };
  };
}

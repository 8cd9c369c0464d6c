/**
 * One day of CelesTrak/CSSI space weather with every published field, and its conversion to the
 * atmosphere models' `SpaceWeatherDay`.
 *
 * Field meanings: T. S. Kelso, "CelesTrak Space Weather Data" format description,
 * https://celestrak.org/SpaceData/SpaceWx-format.php (CSSI SW-All.txt v1.2 and SW-All.csv). Kp is kept as
 * published — in tenths (33 = 3⅓) — ap/Ap in 2 nT units, F10.7 in solar flux units (1e-22 W m⁻² Hz⁻¹).
 * Fields a row does not carry (3-hourly indices of monthly predictions, the flux qualifier of predictions)
 * are `null`, never NaN.
 */
import type { SpaceWeather, SpaceWeatherDay } from '@stationkeeper/astro/atmosphere';

export type SpaceWeatherRecordKind = 'observed' | 'daily-predicted' | 'monthly-predicted';

export interface SpaceWeatherRecord {
  /** UTC MJD of the day's 00:00 (an integer). */
  readonly mjd: number;
  readonly kind: SpaceWeatherRecordKind;
  /** Bartels solar rotation number and day within it (1–27). */
  readonly bartelsRotation: number | null;
  readonly bartelsDay: number | null;
  /** Eight 3-hourly Kp values in tenths (00–03 UT … 21–24 UT), or empty. */
  readonly kp3hTenths: readonly number[];
  readonly kpSumTenths: number | null;
  /** Eight 3-hourly ap values (2 nT units), or empty. */
  readonly ap3h: readonly number[];
  /** Daily Ap (mean of the eight ap). */
  readonly apDaily: number | null;
  /** Planetary character figure Cp (0.0–2.5) and C9 (0–9). */
  readonly cp: number | null;
  readonly c9: number | null;
  /** International sunspot number. */
  readonly isn: number | null;
  readonly f107ObsSfu: number | null;
  readonly f107AdjSfu: number | null;
  readonly f107ObsCenter81Sfu: number | null;
  readonly f107ObsLast81Sfu: number | null;
  readonly f107AdjCenter81Sfu: number | null;
  readonly f107AdjLast81Sfu: number | null;
  /** SW-All.txt flux qualifier (0 no adjustment, 1 burst, 2 flare, 3 interpolated/extrapolated, 4 no observation). */
  readonly f107Qualifier: number | null;
  /** SW-All.csv F10.7_DATA_TYPE: OBS, INT (interpolated), PRD (daily prediction), PRM (monthly prediction). */
  readonly f107DataType: string | null;
}

/** Ranking used when two records describe the same day: observed beats daily beats monthly prediction. */
export function kindRank(kind: SpaceWeatherRecordKind): number {
  return kind === 'observed' ? 3 : kind === 'daily-predicted' ? 2 : 1;
}

/** A day left out of `SpaceWeather` and the fields it lacked. */
export interface OmittedDay {
  readonly mjd: number;
  readonly missing: readonly string[];
}

export interface ToSpaceWeatherOptions {
  /**
   * Daily Ap to use for days that publish none (the monthly predictions carry F10.7 only). Without it such
   * days are omitted and listed in `omitted`.
   */
  readonly apDailyFill?: number;
}

/**
 * Converts records to the models' `SpaceWeather` (ordered by day). Days lacking observed F10.7, adjusted
 * F10.7, the centred 81-day mean or (without `apDailyFill`) Ap are omitted and reported — never NaN.
 */
export function toSpaceWeather(
  records: readonly SpaceWeatherRecord[],
  options: ToSpaceWeatherOptions = {},
): { weather: SpaceWeather; omitted: OmittedDay[] } {
  const fill = options.apDailyFill;
  if (fill !== undefined && !(Number.isFinite(fill) && fill >= 0)) {
    throw new RangeError(`apDailyFill must be a finite Ap ≥ 0 (2 nT units), got ${String(fill)}`);
  }
  const days: SpaceWeatherDay[] = [];
  const omitted: OmittedDay[] = [];
  const sorted = [...records].sort((a, b) => a.mjd - b.mjd);
  for (const r of sorted) {
    const apDaily = r.apDaily ?? fill ?? null;
    const missing: string[] = [];
    if (r.f107ObsSfu === null) missing.push('f107ObsSfu');
    if (r.f107AdjSfu === null) missing.push('f107AdjSfu');
    if (r.f107ObsCenter81Sfu === null) missing.push('f107ObsCenter81Sfu');
    if (apDaily === null) missing.push('apDaily');
    if (r.f107ObsSfu === null || r.f107AdjSfu === null || r.f107ObsCenter81Sfu === null || apDaily === null) {
      omitted.push({ mjd: r.mjd, missing });
      continue;
    }
    days.push({
      mjd: r.mjd,
      f107ObsSfu: r.f107ObsSfu,
      f107AdjSfu: r.f107AdjSfu,
      f107ObsCenter81Sfu: r.f107ObsCenter81Sfu,
      ...(r.f107ObsLast81Sfu !== null ? { f107ObsLast81Sfu: r.f107ObsLast81Sfu } : {}),
      apDaily,
      ap3h: r.ap3h.length === 8 ? [...r.ap3h] : [],
      kind: r.kind,
    });
  }
  return { weather: { days }, omitted };
}

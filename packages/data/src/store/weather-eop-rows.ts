/**
 * `space_weather` and `eop` rows ↔ records, and the rules for which of two rows for the same day wins:
 * - space weather: observed > daily prediction > monthly prediction (CelesTrak replaces predictions by
 *   observations as days pass); among equal kinds the later ingest wins (revised values);
 * - EOP: a row whose UT1−UTC and polar motion are IERS values (`I`) beats a prediction (`P`); among
 *   equal ranks the later ingest wins (the rapid service revises recent values).
 * A row identical to the stored one, or outranked by it, is a duplicate: nothing changes.
 */
import { kindRank, type SpaceWeatherRecord, type SpaceWeatherRecordKind } from '../formats/space-weather-record.js';
import type { SqlRow, SqlValue } from './sql-driver.js';
import type { EopRow } from './types.js';

const eight = (prefix: string): string[] => Array.from({ length: 8 }, (_, i) => `${prefix}${i + 1}`);

export const SPACE_WEATHER_COLUMNS = [
  'mjd',
  'kind',
  'bartels_rotation',
  'bartels_day',
  ...eight('kp'),
  'kp_sum',
  ...eight('ap'),
  'ap_daily',
  'cp',
  'c9',
  'isn',
  'f107_obs',
  'f107_adj',
  'f107_obs_center81',
  'f107_obs_last81',
  'f107_adj_center81',
  'f107_adj_last81',
  'f107_qualifier',
  'f107_data_type',
] as const;

const slot = (values: readonly number[], i: number): number | null => (values.length === 8 ? (values[i] ?? null) : null);

/** Values in `SPACE_WEATHER_COLUMNS` order (without ingest_id). */
export function spaceWeatherValues(r: SpaceWeatherRecord): SqlValue[] {
  return [
    r.mjd,
    r.kind,
    r.bartelsRotation,
    r.bartelsDay,
    ...Array.from({ length: 8 }, (_, i) => slot(r.kp3hTenths, i)),
    r.kpSumTenths,
    ...Array.from({ length: 8 }, (_, i) => slot(r.ap3h, i)),
    r.apDaily,
    r.cp,
    r.c9,
    r.isn,
    r.f107ObsSfu,
    r.f107AdjSfu,
    r.f107ObsCenter81Sfu,
    r.f107ObsLast81Sfu,
    r.f107AdjCenter81Sfu,
    r.f107AdjLast81Sfu,
    r.f107Qualifier,
    r.f107DataType,
  ];
}

const maybe = (row: SqlRow, key: string): number | null => {
  const v = row[key];
  return v === null || v === undefined ? null : Number(v);
};

function series(row: SqlRow, prefix: string): number[] {
  const values = eight(prefix).map((k) => maybe(row, k));
  return values.every((v): v is number => v !== null) ? values : [];
}

export function spaceWeatherFromRow(row: SqlRow): SpaceWeatherRecord {
  const dataType = row['f107_data_type'];
  return {
    mjd: Number(row['mjd']),
    kind: String(row['kind']) as SpaceWeatherRecordKind,
    bartelsRotation: maybe(row, 'bartels_rotation'),
    bartelsDay: maybe(row, 'bartels_day'),
    kp3hTenths: series(row, 'kp'),
    kpSumTenths: maybe(row, 'kp_sum'),
    ap3h: series(row, 'ap'),
    apDaily: maybe(row, 'ap_daily'),
    cp: maybe(row, 'cp'),
    c9: maybe(row, 'c9'),
    isn: maybe(row, 'isn'),
    f107ObsSfu: maybe(row, 'f107_obs'),
    f107AdjSfu: maybe(row, 'f107_adj'),
    f107ObsCenter81Sfu: maybe(row, 'f107_obs_center81'),
    f107ObsLast81Sfu: maybe(row, 'f107_obs_last81'),
    f107AdjCenter81Sfu: maybe(row, 'f107_adj_center81'),
    f107AdjLast81Sfu: maybe(row, 'f107_adj_last81'),
    f107Qualifier: maybe(row, 'f107_qualifier'),
    f107DataType: dataType === null || dataType === undefined ? null : String(dataType),
  };
}

export function spaceWeatherRank(r: SpaceWeatherRecord): number {
  return kindRank(r.kind);
}

export const EOP_COLUMNS = [
  'mjd',
  'x_pole_arcsec',
  'y_pole_arcsec',
  'ut1_minus_utc_s',
  'lod_ms',
  'dx_mas',
  'dy_mas',
  'pm_flag',
  'ut1_flag',
  'nut_flag',
] as const;

export function eopValues(r: EopRow): SqlValue[] {
  return [r.mjd, r.xPoleArcsec, r.yPoleArcsec, r.ut1MinusUtcS, r.lodMs, r.dxMas, r.dyMas, r.pmFlag, r.ut1Flag, r.nutFlag];
}

const flag = (row: SqlRow, key: string): 'I' | 'P' | null => {
  const v = row[key];
  return v === 'I' || v === 'P' ? v : null;
};

export function eopFromRow(row: SqlRow): EopRow {
  return {
    mjd: Number(row['mjd']),
    xPoleArcsec: maybe(row, 'x_pole_arcsec'),
    yPoleArcsec: maybe(row, 'y_pole_arcsec'),
    ut1MinusUtcS: maybe(row, 'ut1_minus_utc_s'),
    lodMs: maybe(row, 'lod_ms'),
    dxMas: maybe(row, 'dx_mas'),
    dyMas: maybe(row, 'dy_mas'),
    pmFlag: flag(row, 'pm_flag'),
    ut1Flag: flag(row, 'ut1_flag'),
    nutFlag: flag(row, 'nut_flag'),
  };
}

/** 2: UT1 and polar motion both IERS values; 1: some values, some predicted; 0: no values. */
export function eopRank(r: EopRow): number {
  if (r.ut1MinusUtcS === null && r.xPoleArcsec === null) return 0;
  return r.ut1Flag === 'I' && (r.pmFlag === 'I' || r.xPoleArcsec === null) ? 2 : 1;
}

/** Same stored values (null-safe, exact). */
export function sameValues(a: readonly SqlValue[], b: readonly SqlValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

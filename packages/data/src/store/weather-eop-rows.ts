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
import type { EopRow } from '@stationkeeper/astro/time';

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

export const EOP_COLUMNS = ['mjd', 'x_pole_arcsec', 'y_pole_arcsec', 'ut1_minus_utc_s', 'dx_mas', 'dy_mas', 'pm_flag', 'ut1_flag'] as const;

const RAD_PER_ARCSEC = Math.PI / (180 * 3600);
const RAD_PER_MAS = RAD_PER_ARCSEC / 1000;

/** Values in `EOP_COLUMNS` order: angles stored in the file units (″, mas), flags as `I`/`P`. */
export function eopValues(r: EopRow): SqlValue[] {
  if (!Number.isInteger(r.mjdUtc)) throw new RangeError(`EOP row: MJD must be a whole day, got ${r.mjdUtc}`);
  for (const [name, v] of [['UT1−UTC', r.ut1MinusUtcS], ['x_p', r.xpRad], ['y_p', r.ypRad]] as const) {
    if (!Number.isFinite(v)) throw new RangeError(`EOP row ${r.mjdUtc}: ${name} must be finite, got ${v}`);
  }
  const hasOffsets = r.poleOffset1Rad !== undefined && r.poleOffset2Rad !== undefined;
  return [
    r.mjdUtc,
    r.xpRad / RAD_PER_ARCSEC,
    r.ypRad / RAD_PER_ARCSEC,
    r.ut1MinusUtcS,
    hasOffsets ? (r.poleOffset1Rad ?? 0) / RAD_PER_MAS : null,
    hasOffsets ? (r.poleOffset2Rad ?? 0) / RAD_PER_MAS : null,
    r.polarMotionPredicted ? 'P' : 'I',
    r.ut1Predicted ? 'P' : 'I',
  ];
}

export function eopFromRow(row: SqlRow): EopRow {
  const dx = maybe(row, 'dx_mas');
  const dy = maybe(row, 'dy_mas');
  return {
    mjdUtc: Number(row['mjd']),
    ut1MinusUtcS: Number(row['ut1_minus_utc_s']),
    xpRad: Number(row['x_pole_arcsec']) * RAD_PER_ARCSEC,
    ypRad: Number(row['y_pole_arcsec']) * RAD_PER_ARCSEC,
    ...(dx !== null && dy !== null ? { poleOffset1Rad: dx * RAD_PER_MAS, poleOffset2Rad: dy * RAD_PER_MAS } : {}),
    ut1Predicted: row['ut1_flag'] === 'P',
    polarMotionPredicted: row['pm_flag'] === 'P',
  };
}

/** 2: UT1−UTC and polar motion are IERS values; 1: some of them predicted. */
export function eopRank(r: EopRow): number {
  return r.ut1Predicted || r.polarMotionPredicted ? 1 : 2;
}

/** Same stored values (null-safe, exact). */
export function sameValues(a: readonly SqlValue[], b: readonly SqlValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

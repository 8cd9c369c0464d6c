/**
 * ElementSet ↔ `element_sets` row, and the canonical content hash used for deduplication.
 *
 * The hash covers what defines an element set as published, at the precision of the TLE format
 * (Vallado et al. 2006, "Revisiting Spacetrack Report #3", appendix: TLE columns): catalog number,
 * epoch (year + day of year to 1e-8 day = 0.864 ms), mean motion (1e-8 rev/day), ṅ/2 (1e-8 rev/day²),
 * n̈/6 and B* (5 significant digits), inclination, RAAN, argument of perigee, mean anomaly (1e-4 deg),
 * eccentricity (1e-7), ephemeris type, element-set number and revolution number. Names, designators
 * and the classification letter are left out, so the same set read from a TLE and from an OMM
 * (CelesTrak prints OMM values from the same fit) is stored once.
 */
import { createHash } from 'node:crypto';
import type { ElementSet, ElementSource } from '@stationkeeper/astro/elements';
import { yearDayToIso, yearDayToUtcMjd } from '../formats/utc-mjd.js';
import type { SqlRow, SqlValue } from './sql-driver.js';
import type { StoredElementSet } from './types.js';

const DEG_PER_RAD = 180 / Math.PI;

/** Canonical text of an element set (see the file header); stable across TLE and OMM input. */
export function canonicalElementText(s: ElementSet): string {
  const deg = (rad: number): string => (rad * DEG_PER_RAD).toFixed(4);
  return [
    s.noradId,
    s.epochYear,
    s.epochDayOfYear.toFixed(8),
    s.meanMotionRevPerDay.toFixed(8),
    s.meanMotionDot.toFixed(8),
    s.meanMotionDdot.toExponential(4),
    s.bstar.toExponential(4),
    deg(s.inclinationRad),
    deg(s.raanRad),
    s.eccentricity.toFixed(7),
    deg(s.argPerigeeRad),
    deg(s.meanAnomalyRad),
    s.ephemerisType,
    s.elementSetNo,
    s.revNumber,
  ].join('|');
}

/** SHA-256 (hex) of `canonicalElementText`. */
export function elementContentHash(s: ElementSet): string {
  return createHash('sha256').update(canonicalElementText(s)).digest('hex');
}

export const ELEMENT_COLUMNS = [
  'norad_id',
  'epoch_utc_mjd',
  'epoch_iso',
  'content_hash',
  'format',
  'raw_text',
  'source_line',
  'name',
  'classification',
  'intl_designator',
  'epoch_year',
  'epoch_day_of_year',
  'epoch_jd1',
  'epoch_jd2',
  'mean_motion_rev_per_day',
  'mean_motion_dot',
  'mean_motion_ddot',
  'bstar',
  'inclination_rad',
  'raan_rad',
  'eccentricity',
  'arg_perigee_rad',
  'mean_anomaly_rad',
  'ephemeris_type',
  'element_set_no',
  'rev_number',
  'ingest_id',
] as const;

/** Checks the numbers an element set must have before it is stored (RangeError naming the field). */
export function validateElementSet(s: ElementSet): void {
  const finite: [string, number][] = [
    ['noradId', s.noradId],
    ['epochYear', s.epochYear],
    ['epochDayOfYear', s.epochDayOfYear],
    ['meanMotionRevPerDay', s.meanMotionRevPerDay],
    ['meanMotionDot', s.meanMotionDot],
    ['meanMotionDdot', s.meanMotionDdot],
    ['bstar', s.bstar],
    ['inclinationRad', s.inclinationRad],
    ['raanRad', s.raanRad],
    ['eccentricity', s.eccentricity],
    ['argPerigeeRad', s.argPerigeeRad],
    ['meanAnomalyRad', s.meanAnomalyRad],
    ['epochUtc.jd1', s.epochUtc.jd1],
    ['epochUtc.jd2', s.epochUtc.jd2],
  ];
  for (const [name, v] of finite) {
    if (!Number.isFinite(v)) throw new RangeError(`element set ${s.noradId}: ${name} must be finite, got ${String(v)}`);
  }
  if (!Number.isInteger(s.noradId) || s.noradId < 0 || s.noradId > 339_999) {
    throw new RangeError(`element set: NORAD catalog number must be an integer 0–339999, got ${s.noradId}`);
  }
  // What both backends can hold alike: INTEGER columns are 32-bit in PostgreSQL (64-bit in SQLite), and
  // PostgreSQL text cannot hold U+0000. Checked here so SQLite and PostgreSQL accept and refuse the same sets.
  const integers: [string, number | undefined][] = [
    ['epochYear', s.epochYear],
    ['ephemerisType', s.ephemerisType],
    ['elementSetNo', s.elementSetNo],
    ['revNumber', s.revNumber],
    ['source.line', s.source?.line],
  ];
  for (const [name, v] of integers) {
    if (v !== undefined && (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX)) {
      throw new RangeError(`element set ${s.noradId}: ${name} must be an integer in ${INT32_MIN}..${INT32_MAX} (the store's INTEGER range), got ${String(v)}`);
    }
  }
  const texts: [string, string | undefined][] = [
    ['name', s.name],
    ['classification', s.classification],
    ['intlDesignator', s.intlDesignator],
    ['source.text', s.source?.text],
  ];
  for (const [name, v] of texts) {
    if (v === undefined) continue;
    if (v.includes('\u0000')) throw new RangeError(`element set ${s.noradId}: ${name} contains a NUL character (U+0000), which the store cannot hold`);
    if (LONE_SURROGATE.test(v)) throw new RangeError(`element set ${s.noradId}: ${name} is not well-formed Unicode (a lone UTF-16 surrogate), which the store cannot hold`);
  }
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Row values in `ELEMENT_COLUMNS` order. */
export function elementRowValues(s: ElementSet, hash: string, ingestId: number): SqlValue[] {
  const epochUtcMjd = yearDayToUtcMjd(s.epochYear, s.epochDayOfYear);
  const source = s.source;
  return [
    s.noradId,
    epochUtcMjd,
    yearDayToIso(s.epochYear, s.epochDayOfYear),
    hash,
    source?.format ?? 'none',
    source?.text ?? canonicalElementText(s),
    source?.line ?? null,
    s.name ?? null,
    s.classification,
    s.intlDesignator,
    s.epochYear,
    s.epochDayOfYear,
    s.epochUtc.jd1,
    s.epochUtc.jd2,
    s.meanMotionRevPerDay,
    s.meanMotionDot,
    s.meanMotionDdot,
    s.bstar,
    s.inclinationRad,
    s.raanRad,
    s.eccentricity,
    s.argPerigeeRad,
    s.meanAnomalyRad,
    s.ephemerisType,
    s.elementSetNo,
    s.revNumber,
    ingestId,
  ];
}

const FORMATS: readonly ElementSource['format'][] = ['tle', '3le', 'omm-json', 'omm-xml', 'omm-kvn', 'omm-csv'];

const num = (row: SqlRow, key: string): number => Number(row[key]);

/** Rebuilds a stored row (all `element_sets` columns plus `id`) into a `StoredElementSet`. */
export function storedElementFromRow(row: SqlRow): StoredElementSet {
  const format = String(row['format']);
  const name = row['name'];
  const line = row['source_line'];
  const source: ElementSource | undefined = FORMATS.includes(format as ElementSource['format'])
    ? {
        format: format as ElementSource['format'],
        text: String(row['raw_text']),
        ...(line !== null && line !== undefined ? { line: Number(line) } : {}),
      }
    : undefined;
  const elementSet: ElementSet = {
    noradId: num(row, 'norad_id'),
    ...(name !== null && name !== undefined ? { name: String(name) } : {}),
    classification: String(row['classification']),
    intlDesignator: String(row['intl_designator']),
    epochYear: num(row, 'epoch_year'),
    epochDayOfYear: num(row, 'epoch_day_of_year'),
    epochUtc: { jd1: num(row, 'epoch_jd1'), jd2: num(row, 'epoch_jd2') },
    meanMotionRevPerDay: num(row, 'mean_motion_rev_per_day'),
    meanMotionDot: num(row, 'mean_motion_dot'),
    meanMotionDdot: num(row, 'mean_motion_ddot'),
    bstar: num(row, 'bstar'),
    inclinationRad: num(row, 'inclination_rad'),
    raanRad: num(row, 'raan_rad'),
    eccentricity: num(row, 'eccentricity'),
    argPerigeeRad: num(row, 'arg_perigee_rad'),
    meanAnomalyRad: num(row, 'mean_anomaly_rad'),
    ephemerisType: num(row, 'ephemeris_type'),
    elementSetNo: num(row, 'element_set_no'),
    revNumber: num(row, 'rev_number'),
    ...(source !== undefined ? { source } : {}),
  };
  return {
    id: num(row, 'id'),
    ingestId: num(row, 'ingest_id'),
    noradId: elementSet.noradId,
    epochUtcMjd: num(row, 'epoch_utc_mjd'),
    epochIso: String(row['epoch_iso']),
    contentHash: String(row['content_hash']),
    elementSet,
  };
}

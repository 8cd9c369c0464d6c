/**
 * CCSDS Orbit Mean-Elements Message (OMM), CCSDS 502.0-B-3 (2023) "Orbit Data Messages", §4 and annex for the
 * SGP4 `MEAN_ELEMENT_THEORY`: the record shape with CelesTrak's field names (CelesTrak "A New Way to Obtain GP
 * Data", Kelso 2020) and its conversion to and from `ElementSet`. Format-specific readers (JSON, XML, KVN,
 * CSV) collect raw fields with their positions and call `rawOmmToElementSet`, so every format validates the
 * same way and reports the same reasons.
 */
import { ParseError } from '../errors/index.js';
import { DEG_PER_RAD, RAD_PER_DEG } from '../units/index.js';
import { MAX_ALPHA5 } from './alpha5.js';
import type { ElementSet, ElementSource } from './element-set.js';
import { epochUtcFromDayOfYear, formatEpochIso, parseEpochIso } from './epoch.js';

/** An OMM as CelesTrak publishes it in JSON (angles in degrees, mean motion in rev/day, epoch ISO UTC). */
export interface OmmRecord {
  OBJECT_NAME: string;
  OBJECT_ID: string;
  EPOCH: string;
  MEAN_MOTION: number;
  ECCENTRICITY: number;
  INCLINATION: number;
  RA_OF_ASC_NODE: number;
  ARG_OF_PERICENTER: number;
  MEAN_ANOMALY: number;
  EPHEMERIS_TYPE: number;
  CLASSIFICATION_TYPE: string;
  NORAD_CAT_ID: number;
  ELEMENT_SET_NO: number;
  REV_AT_EPOCH: number;
  BSTAR: number;
  MEAN_MOTION_DOT: number;
  MEAN_MOTION_DDOT: number;
}

/** CelesTrak's field order (its CSV header and JSON key order). */
export const OMM_FIELDS = [
  'OBJECT_NAME', 'OBJECT_ID', 'EPOCH', 'MEAN_MOTION', 'ECCENTRICITY', 'INCLINATION', 'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER', 'MEAN_ANOMALY', 'EPHEMERIS_TYPE', 'CLASSIFICATION_TYPE', 'NORAD_CAT_ID', 'ELEMENT_SET_NO',
  'REV_AT_EPOCH', 'BSTAR', 'MEAN_MOTION_DOT', 'MEAN_MOTION_DDOT',
] as const satisfies readonly (keyof OmmRecord)[];

/** Metadata every OMM for SGP4 carries (CCSDS 502.0-B-3 §4.2.3). */
export const OMM_METADATA = { CENTER_NAME: 'EARTH', REF_FRAME: 'TEME', TIME_SYSTEM: 'UTC', MEAN_ELEMENT_THEORY: 'SGP4' } as const;

/** One raw field as a reader found it, with its 1-based position. */
export interface RawField {
  readonly value: unknown;
  readonly line: number;
  readonly column: number;
}

export type RawOmm = ReadonlyMap<string, RawField>;

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses OMM numeric text (`.1845686`, `-.22483E-4`, `15.5`); undefined when it is not a decimal number. */
export function parseOmmNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

interface Ctx {
  readonly raw: RawOmm;
  readonly line: number;
  readonly column: number;
}

function where(ctx: Ctx, key: string): { line: number; column: number } {
  const f = ctx.raw.get(key);
  return f === undefined ? { line: ctx.line, column: ctx.column } : { line: f.line, column: f.column };
}

function fail(ctx: Ctx, key: string, message: string, reason: string): never {
  const w = where(ctx, key);
  throw new ParseError(message, w.line, w.column, reason);
}

function present(ctx: Ctx, key: string): boolean {
  const f = ctx.raw.get(key);
  return f !== undefined && f.value !== null && !(typeof f.value === 'string' && f.value.trim() === '');
}

function text(ctx: Ctx, key: string, fallback?: string): string {
  if (!present(ctx, key)) {
    if (fallback !== undefined) return fallback;
    return fail(ctx, key, `OMM field ${key} is missing`, 'missing-field');
  }
  const v = ctx.raw.get(key)?.value;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return fail(ctx, key, `OMM field ${key} must be text`, 'field');
}

function num(ctx: Ctx, key: string, fallback?: number): number {
  if (!present(ctx, key)) {
    if (fallback !== undefined) return fallback;
    return fail(ctx, key, `OMM field ${key} is missing`, 'missing-field');
  }
  const v = ctx.raw.get(key)?.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseOmmNumber(v) : undefined;
  if (n === undefined || !Number.isFinite(n)) return fail(ctx, key, `OMM field ${key} is not a number: ${JSON.stringify(v) ?? String(v)}`, 'field');
  return n;
}

function int(ctx: Ctx, key: string, fallback?: number): number {
  const n = num(ctx, key, fallback);
  if (!Number.isInteger(n) || n < 0) fail(ctx, key, `OMM field ${key} must be a non-negative integer, got ${n}`, 'range');
  return n;
}

function inRange(ctx: Ctx, key: string, v: number, lo: number, hi: number, unit: string): number {
  if (!(v >= lo && v <= hi)) fail(ctx, key, `OMM field ${key} = ${v} ${unit} is outside [${lo}, ${hi}]`, 'range');
  return v;
}

const OBJECT_ID_RE = /^(\d{4})-(\d{3})([A-Z]{0,3})$/;

/** TLE international designator (`98067A`) of an OMM OBJECT_ID (`1998-067A`), or '' if it has no such form. */
export function intlDesignatorOfObjectId(objectId: string): string {
  const m = OBJECT_ID_RE.exec(objectId);
  if (m === null) return '';
  const year = Number(m[1]);
  if (year < 1957 || year > 2056) return '';
  return `${(m[1] ?? '').slice(2)}${m[2] ?? ''}${m[3] ?? ''}`;
}

/** OMM OBJECT_ID (`1998-067A`) of a TLE international designator (`98067A`; 57–99 → 19xx); '' for a blank one. */
export function objectIdOfIntlDesignator(intl: string): string {
  const m = /^(\d{2})(\d{3})([A-Z]{0,3})$/.exec(intl.trim());
  if (m === null) return intl.trim();
  const yy = Number(m[1]);
  return `${yy >= 57 ? 1900 + yy : 2000 + yy}-${m[2] ?? ''}${m[3] ?? ''}`;
}

/**
 * Builds an ElementSet from raw OMM fields. Throws ParseError (`missing-field`, `field`, `range`, `epoch`,
 * `unsupported`) at the offending field's position, or the record's when the field is absent.
 */
export function rawOmmToElementSet(raw: RawOmm, source: ElementSource, line: number, column: number): ElementSet {
  const ctx: Ctx = { raw, line, column };
  for (const [key, want] of Object.entries(OMM_METADATA)) {
    if (present(ctx, key)) {
      const got = text(ctx, key).toUpperCase();
      // CelesTrak writes SGP/SGP4 in KVN and SGP4 in XML; SGP4-XP (BTERM/AGOM instead of B*) is another theory
      const ok = key === 'MEAN_ELEMENT_THEORY' ? got === 'SGP4' || got === 'SGP/SGP4' || got === 'SGP' : got === want;
      if (!ok) fail(ctx, key, `OMM ${key} = ${got} is not supported (need ${want})`, 'unsupported');
    }
  }
  const epochText = text(ctx, 'EPOCH');
  const epoch = parseEpochIso(epochText);
  if (epoch === undefined) fail(ctx, 'EPOCH', `OMM EPOCH "${epochText}" is not an ISO-8601 UTC time`, 'epoch');
  const meanMotionRevPerDay = num(ctx, 'MEAN_MOTION');
  if (!(meanMotionRevPerDay > 0)) fail(ctx, 'MEAN_MOTION', `OMM MEAN_MOTION must be positive, got ${meanMotionRevPerDay}`, 'range');
  const eccentricity = num(ctx, 'ECCENTRICITY');
  if (!(eccentricity >= 0 && eccentricity < 1)) fail(ctx, 'ECCENTRICITY', `OMM ECCENTRICITY must be in [0, 1), got ${eccentricity}`, 'range');
  const incDeg = inRange(ctx, 'INCLINATION', num(ctx, 'INCLINATION'), 0, 180, 'deg');
  const raanDeg = inRange(ctx, 'RA_OF_ASC_NODE', num(ctx, 'RA_OF_ASC_NODE'), -360, 360, 'deg');
  const argpDeg = inRange(ctx, 'ARG_OF_PERICENTER', num(ctx, 'ARG_OF_PERICENTER'), -360, 360, 'deg');
  const maDeg = inRange(ctx, 'MEAN_ANOMALY', num(ctx, 'MEAN_ANOMALY'), -360, 360, 'deg');
  const noradId = int(ctx, 'NORAD_CAT_ID');
  const classification = text(ctx, 'CLASSIFICATION_TYPE', 'U');
  if (classification.length !== 1) fail(ctx, 'CLASSIFICATION_TYPE', `OMM CLASSIFICATION_TYPE must be one letter, got "${classification}"`, 'field');
  const objectId = text(ctx, 'OBJECT_ID', '');
  const name = present(ctx, 'OBJECT_NAME') ? text(ctx, 'OBJECT_NAME') : undefined;
  return {
    noradId,
    ...(name === undefined ? {} : { name }),
    classification,
    intlDesignator: intlDesignatorOfObjectId(objectId),
    epochYear: epoch.year,
    epochDayOfYear: epoch.dayOfYear,
    epochUtc: epochUtcFromDayOfYear(epoch.year, epoch.dayOfYear),
    meanMotionRevPerDay,
    meanMotionDot: num(ctx, 'MEAN_MOTION_DOT'),
    meanMotionDdot: num(ctx, 'MEAN_MOTION_DDOT'),
    bstar: num(ctx, 'BSTAR'),
    inclinationRad: incDeg * RAD_PER_DEG,
    raanRad: raanDeg * RAD_PER_DEG,
    eccentricity,
    argPerigeeRad: argpDeg * RAD_PER_DEG,
    meanAnomalyRad: maDeg * RAD_PER_DEG,
    ephemerisType: int(ctx, 'EPHEMERIS_TYPE', 0),
    elementSetNo: int(ctx, 'ELEMENT_SET_NO', 0),
    revNumber: int(ctx, 'REV_AT_EPOCH', 0),
    ...(objectId === '' ? {} : { objectId }),
    source,
  };
}

/** Builds an ElementSet from an OMM record object; RangeError when a field is missing or out of range. */
export function ommRecordToElementSet(record: Readonly<Partial<OmmRecord>> | Readonly<Record<string, unknown>>): ElementSet {
  const raw = new Map<string, RawField>();
  for (const [k, v] of Object.entries(record)) raw.set(k, { value: v, line: 1, column: 1 });
  try {
    return rawOmmToElementSet(raw, { format: 'omm-json', text: JSON.stringify(record) }, 1, 1);
  } catch (e) {
    if (e instanceof ParseError) throw new RangeError(e.message.replace(/ \(line \d+, column \d+\)$/, ''), { cause: e });
    throw e;
  }
}

/**
 * Degrees of an angle in radians as the shortest decimal that converts back to exactly the same radians, so
 * that 51.6416° read from a TLE or OMM is written again as 51.6416 and not 51.641600000000004.
 */
export function radToDegShortest(rad: number): number {
  let deg = rad * DEG_PER_RAD;
  // rad·(180/π)·(π/180) can miss rad by an ulp: step to a neighbouring double that maps back exactly
  if (deg * RAD_PER_DEG !== rad && Number.isFinite(deg)) {
    for (let k = 1, up = deg, down = deg; k <= 4; k++) {
      up = nextDouble(up, 1);
      down = nextDouble(down, -1);
      if (up * RAD_PER_DEG === rad) {
        deg = up;
        break;
      }
      if (down * RAD_PER_DEG === rad) {
        deg = down;
        break;
      }
    }
  }
  for (let p = 1; p <= 17; p++) {
    const d = Number(deg.toPrecision(p));
    if (d * RAD_PER_DEG === rad) return d;
  }
  return deg;
}

/** The adjacent double above (`dir` 1) or below (−1) a finite x. */
function nextDouble(x: number, dir: 1 | -1): number {
  if (x === 0) return dir * Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  const away = (x > 0) === (dir > 0);
  b[0] = (b[0] ?? 0n) + (away ? 1n : -1n);
  return f[0] ?? x;
}

/**
 * The OMM record of an element set (every TLE is representable). The epoch is written to the microsecond,
 * as CelesTrak does. RangeError when a value is not finite or the epoch is invalid.
 */
export function elementSetToOmm(es: ElementSet): OmmRecord {
  const values: [string, number][] = [
    ['MEAN_MOTION', es.meanMotionRevPerDay], ['ECCENTRICITY', es.eccentricity], ['BSTAR', es.bstar],
    ['MEAN_MOTION_DOT', es.meanMotionDot], ['MEAN_MOTION_DDOT', es.meanMotionDdot], ['INCLINATION', es.inclinationRad],
    ['RA_OF_ASC_NODE', es.raanRad], ['ARG_OF_PERICENTER', es.argPerigeeRad], ['MEAN_ANOMALY', es.meanAnomalyRad],
  ];
  for (const [k, v] of values) if (!Number.isFinite(v)) throw new RangeError(`${k} must be finite, got ${v}`);
  return {
    OBJECT_NAME: es.name ?? '',
    OBJECT_ID: es.objectId ?? objectIdOfIntlDesignator(es.intlDesignator),
    EPOCH: formatEpochIso(es.epochYear, es.epochDayOfYear, 6),
    MEAN_MOTION: es.meanMotionRevPerDay,
    ECCENTRICITY: es.eccentricity,
    INCLINATION: radToDegShortest(es.inclinationRad),
    RA_OF_ASC_NODE: radToDegShortest(es.raanRad),
    ARG_OF_PERICENTER: radToDegShortest(es.argPerigeeRad),
    MEAN_ANOMALY: radToDegShortest(es.meanAnomalyRad),
    EPHEMERIS_TYPE: es.ephemerisType,
    CLASSIFICATION_TYPE: es.classification,
    NORAD_CAT_ID: es.noradId,
    ELEMENT_SET_NO: es.elementSetNo,
    REV_AT_EPOCH: es.revNumber,
    BSTAR: es.bstar,
    MEAN_MOTION_DOT: es.meanMotionDot,
    MEAN_MOTION_DDOT: es.meanMotionDdot,
  };
}

/** Text of an OMM numeric value for XML/KVN/CSV: shortest round-trip decimal, exponent as `E`. */
export function formatOmmNumber(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`OMM value must be finite, got ${v}`);
  return String(Object.is(v, -0) ? 0 : v).replace('e', 'E');
}

/** True when the catalog number fits a TLE (Alpha-5 up to 339999). */
export function fitsTleCatalog(noradId: number): boolean {
  return Number.isInteger(noradId) && noradId >= 0 && noradId <= MAX_ALPHA5;
}

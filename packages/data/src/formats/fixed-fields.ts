/**
 * Small field readers shared by the space-weather parsers: a blank field is `null`, a malformed one a
 * `ParseError` at its 1-based line and column, never NaN.
 */
import { ParseError } from '@stationkeeper/astro/errors';

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** Parses a trimmed numeric field; `null` when blank. */
export function numberField(text: string, lineNo: number, column: number, what: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!NUMBER_RE.test(t)) throw new ParseError(`${what}: '${t}' is not a number`, lineNo, column, 'field');
  return Number(t);
}

/** Like `numberField`, then checks `lo ≤ v ≤ hi` (ParseError with reason `range`). */
export function rangedField(text: string, lineNo: number, column: number, what: string, lo: number, hi: number): number | null {
  const v = numberField(text, lineNo, column, what);
  if (v !== null && (v < lo || v > hi)) throw new ParseError(`${what} ${v} outside [${lo}, ${hi}]`, lineNo, column, 'range');
  return v;
}

/** Either all eight values or none; a partial set of 3-hourly values is an error. */
export function eightOrNone(values: readonly (number | null)[], lineNo: number, column: number, what: string): number[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return [];
  if (present.length !== values.length) throw new ParseError(`${what}: ${present.length} of 8 three-hourly values present`, lineNo, column, 'field');
  return present;
}

/** Valid ranges of the published indices (CelesTrak SpaceWx-format; Kp in tenths 0–90 = Kp 0…9). */
export const LIMITS = {
  kpTenths: [0, 90],
  kpSumTenths: [0, 720],
  ap: [0, 400],
  cp: [0, 2.5],
  c9: [0, 9],
  isn: [0, 1000],
  f107Sfu: [0, 2000],
  bartelsRotation: [1, 9999],
  bartelsDay: [1, 27],
} as const satisfies Record<string, readonly [number, number]>;

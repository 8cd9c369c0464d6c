/**
 * Formatting of element sets as TLE / 3LE text in the NORAD column layout (Hoots & Roehrich 1980,
 * "Spacetrack Report #3"; CelesTrak "NORAD Two-Line Element Set Format"). With the `tleFormat` facts that
 * `parseTle` records, `formatTle(parseTle(l1, l2))` returns `[l1, l2]` character for character. Values that
 * do not fit their columns throw RangeError (catalog number > 339999, mean motion ≥ 100 rev/day, …).
 */
import { DEG_PER_RAD } from '../units/index.js';
import { encodeAlpha5 } from './alpha5.js';
import { tleChecksum } from './checksum.js';
import type { ElementSet, TleFormat } from './element-set.js';
import { daysInYear } from './epoch.js';

function finite(v: number, what: string): number {
  if (!Number.isFinite(v)) throw new RangeError(`${what} must be finite, got ${v}`);
  return v;
}

function signChar(v: number, fact: ' ' | '+' | '-' | undefined): string {
  if (v < 0 || Object.is(v, -0) || (v === 0 && fact === '-')) return '-';
  return fact === '+' ? '+' : ' ';
}

/** `%8.4f` of an angle in [0°, 360°], wrapping other values (the same element) into [0°, 360°). */
function angle(rad: number, what: string, max: 180 | 360, pad: '0' | ' '): string {
  let deg = finite(rad, what) * DEG_PER_RAD;
  let text = deg.toFixed(4);
  if (text === '-0.0000') text = '0.0000';
  if (Number(text) < 0 || Number(text) > 360) {
    if (max === 180) throw new RangeError(`${what} must be within 0–180 deg, got ${deg} deg`);
    deg %= 360;
    if (deg < 0) deg += 360;
    text = deg.toFixed(4);
  }
  if (max === 180 && Number(text) > 180) throw new RangeError(`${what} must be within 0–180 deg, got ${deg} deg`);
  return text.padStart(8, pad);
}

/** The implied-decimal exponent field `±NNNNN±E` of value ±0.NNNNN × 10^±E. */
export function formatImpliedExponent(v: number, signFact: ' ' | '+' | '-' | undefined, exponentFact: string | undefined, what: string): string {
  finite(v, what);
  const sign = signChar(v, signFact);
  const a = Math.abs(v);
  if (a === 0) return `${sign}00000${exponentFact ?? '-0'}`;
  // the exponent as printed originally, when it represents this value exactly
  if (exponentFact !== undefined) {
    const e = Number(exponentFact);
    const mant = Math.round(a * 10 ** (5 - e));
    if (mant > 0 && mant < 100_000) {
      const digits = String(mant).padStart(5, '0');
      if (Number(`0.${digits}e${exponentFact}`) === a) return `${sign}${digits}${exponentFact}`;
    }
  }
  const [m, x] = a.toExponential(4).split('e');
  let e = Number(x) + 1;
  let digits = (m ?? '').replace('.', '');
  if (e > 9) throw new RangeError(`${what} ${v} does not fit the TLE field (|value| < 1e9)`);
  if (e < -9) {
    // below 0.1e-9: print with the smallest exponent, losing digits as the format does
    const mant = Math.round(a * 1e14);
    digits = String(mant).padStart(5, '0');
    e = -9;
  }
  return `${sign}${digits}${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

function fixedInt(v: number, width: number, pad: '0' | ' ', what: string): string {
  if (!Number.isInteger(v) || v < 0 || v >= 10 ** width) throw new RangeError(`${what} must be an integer 0–${10 ** width - 1}, got ${v}`);
  return String(v).padStart(width, pad);
}

/** Epoch columns 19–32 (`YYDDD.DDDDDDDD`), rolling a rounded day past the year's end into the next year. */
function epochField(es: ElementSet): string {
  let year = es.epochYear;
  if (!Number.isInteger(year) || year < 1957 || year > 2056) throw new RangeError(`epoch year must be 1957–2056 to fit a TLE, got ${year}`);
  let day = finite(es.epochDayOfYear, 'epoch day of year');
  let text = day.toFixed(8);
  if (Number(text) >= daysInYear(year) + 1) {
    day -= daysInYear(year);
    year += 1;
    if (year > 2056) throw new RangeError('epoch rounds past 2056, which a TLE cannot hold');
    text = day.toFixed(8);
  }
  if (!(Number(text) >= 1)) throw new RangeError(`epoch day of year must be ≥ 1, got ${es.epochDayOfYear}`);
  return String(year % 100).padStart(2, '0') + text.padStart(12, '0');
}

function withChecksum(line68: string): string {
  return line68 + String(tleChecksum(line68));
}

/** TLE line 1 and line 2 of an element set; RangeError when a value does not fit its columns. */
export function formatTle(es: ElementSet): [string, string] {
  const f: Partial<TleFormat> = es.tleFormat ?? {};
  const cat = encodeAlpha5(es.noradId, f.catalogPad ?? '0');
  const cls = es.classification;
  if (cls.length !== 1) throw new RangeError(`classification must be one character, got "${cls}"`);
  const intl = es.intlDesignator;
  if (intl.length > 8) throw new RangeError(`international designator "${intl}" exceeds 8 characters`);

  const ndot = finite(es.meanMotionDot, 'mean motion derivative');
  const ndotDigits = Math.abs(ndot).toFixed(8);
  if (!ndotDigits.startsWith('0.')) throw new RangeError(`mean motion derivative ${ndot} rev/day² does not fit the TLE field (|value| < 1)`);
  const et = es.ephemerisType;
  if (!Number.isInteger(et) || et < 0 || et > 9) throw new RangeError(`ephemeris type must be 0–9, got ${et}`);

  const line1 =
    `1 ${cat}${cls} ${intl.padEnd(8, ' ')} ${epochField(es)} ` +
    `${signChar(ndot, f.ndotSign)}${ndotDigits.slice(1)} ` +
    `${formatImpliedExponent(es.meanMotionDdot, f.nddotSign, f.nddotExponent, 'mean motion second derivative')} ` +
    `${formatImpliedExponent(es.bstar, f.bstarSign, f.bstarExponent, 'B*')} ` +
    `${et === 0 && f.ephemerisTypeBlank === true ? ' ' : String(et)} ` +
    fixedInt(es.elementSetNo, 4, f.elementSetNoPad ?? ' ', 'element set number');

  const e = finite(es.eccentricity, 'eccentricity');
  const eInt = Math.round(e * 1e7);
  if (e < 0 || eInt >= 1e7) throw new RangeError(`eccentricity must be in [0, 1) to 7 digits, got ${e}`);
  const n = finite(es.meanMotionRevPerDay, 'mean motion');
  const nText = n.toFixed(8);
  if (n < 0 || nText.length > 11) throw new RangeError(`mean motion must be in [0, 100) rev/day to fit a TLE, got ${n}`);

  const pad = f.line2ZeroPadded === true ? '0' : ' ';
  const line2 =
    `2 ${cat} ${angle(es.inclinationRad, 'inclination', 180, pad)} ${angle(es.raanRad, 'RAAN', 360, pad)} ` +
    `${String(eInt).padStart(7, '0')} ${angle(es.argPerigeeRad, 'argument of perigee', 360, pad)} ` +
    `${angle(es.meanAnomalyRad, 'mean anomaly', 360, pad)} ${nText.padStart(11, pad)}` +
    fixedInt(es.revNumber, 5, f.revNumberPad ?? ' ', 'revolution number');

  return [withChecksum(line1), withChecksum(line2)];
}

/** The 3LE title line: `0 NAME` (Space-Track style) unless the set was read with another prefix. */
export function formatTitleLine(es: ElementSet): string {
  const name = es.name ?? '';
  return (es.tleFormat?.titlePrefix ?? '0 ') + name + ' '.repeat(es.tleFormat?.titleTrailingSpaces ?? 0);
}

/** Title line, line 1 and line 2 of an element set. */
export function format3le(es: ElementSet): [string, string, string] {
  const [l1, l2] = formatTle(es);
  return [formatTitleLine(es), l1, l2];
}

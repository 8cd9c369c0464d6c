/**
 * Readers for the two index files of the JB2008 atmosphere model published by Space Environment Technologies
 * (SET, http://sol.spacenvironment.net/~JB2008/; Bowman et al. 2008, AIAA 2008-6438):
 * - `SOLFSMY.TXT`: `#` header lines, then one line per UTC day
 *   `YYYY DDD JulianDay F10 F81c S10 S81c M10 M81c Y10 Y81c Ssrc` (whitespace separated; indices in sfu; JulianDay
 *   is the JD of 12 UT of the day; Ssrc is a 4-character source code, optional here).
 * - `DTCFILE.TXT`: one line per UTC day `DTC yyyy ddd` followed by 24 hourly dTc values (K) at 00, 01, …, 23 UT.
 * Both produce the `Jb2008IndexData` parts of `@stationkeeper/astro/atmosphere` (gzip is handled at the edge by
 * `readInputText`).
 *
 * Errors: a line that cannot be read (wrong field count, a field that is not a number) → `ParseError` with its
 * 1-based line and the column of the offending field; a readable value outside its domain (day of year, an index
 * outside 0–2000 sfu, dTc outside −500…2500 K, JulianDay not the day's 12 UT, days out of order) → `RangeError`
 * naming the line. Nothing else is thrown; nothing becomes NaN.
 */
import type { Jb2008DtcDay, Jb2008IndexData, Jb2008SolarDay } from '@stationkeeper/astro/atmosphere';
import { ParseError } from '@stationkeeper/astro/errors';
import { calendarToMjd } from './utc-mjd.js';

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?\d+$/;
/** Index values: 0 (SET's "missing") up to 2000 sfu, beyond any observed F10.7 (record daily value ~ 460 sfu). */
const SFU_MAX = 2000;
/** dTc domain, K: the 1997–2018 file spans 0–564 K; a value beyond −500…2500 K is not a Dst-driven heating. */
const DTC_MIN_K = -500;
const DTC_MAX_K = 2500;
const JD_MINUS_MJD_AT_NOON = 2_400_001;

interface Token {
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly column: number;
}

function tokens(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(/\S+/g)) out.push({ text: m[0], column: (m.index ?? 0) + 1 });
  return out;
}

function num(t: Token, lineNo: number, what: string): number {
  if (!NUMBER_RE.test(t.text)) throw new ParseError(`${what}: '${t.text}' is not a number`, lineNo, t.column, 'field');
  return Number(t.text);
}

function int(t: Token, lineNo: number, what: string): number {
  if (!INTEGER_RE.test(t.text)) throw new ParseError(`${what}: '${t.text}' is not an integer`, lineNo, t.column, 'field');
  return Number(t.text);
}

/** MJD of 0h UTC of year/day-of-year; RangeError naming the line when the day does not exist. */
function yearDayMjd(year: number, doy: number, lineNo: number): number {
  if (year < 1900 || year > 2200) throw new RangeError(`line ${lineNo}: year ${year} outside 1900–2200`);
  const jan1 = calendarToMjd(year, 1, 1);
  const length = calendarToMjd(year + 1, 1, 1) - jan1;
  if (doy < 1 || doy > length) throw new RangeError(`line ${lineNo}: day of year ${doy} outside 1–${length} for ${year}`);
  return jan1 + doy - 1;
}

function ranged(v: number, lo: number, hi: number, lineNo: number, what: string): number {
  if (!(v >= lo && v <= hi)) throw new RangeError(`line ${lineNo}: ${what} ${v} outside [${lo}, ${hi}]`);
  return v;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export interface SolfsmyFile {
  readonly days: Jb2008SolarDay[];
  /** The `#` header lines, without the leading `# ` (release, field description). */
  readonly header: string[];
}

const SOLFSMY_FIELDS = ['F10', 'F81c', 'S10', 'S81c', 'M10', 'M81c', 'Y10', 'Y81c'] as const;

/** Parses SET's SOLFSMY.TXT text. */
export function parseSolfsmy(text: string): SolfsmyFile {
  const days: Jb2008SolarDay[] = [];
  const header: string[] = [];
  const lines = splitLines(text);
  let previous = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.startsWith('#')) {
      header.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const t = tokens(line);
    if (t.length === 0) continue;
    if (t.length < 11 || t.length > 12) {
      const column = t.length > 12 ? t[12]!.column : line.length + 1;
      throw new ParseError(`SOLFSMY row has ${t.length} fields, expected 11 numbers and an optional source code`, lineNo, column, 'length');
    }
    const year = int(t[0]!, lineNo, 'year');
    const doy = int(t[1]!, lineNo, 'day of year');
    const jd = num(t[2]!, lineNo, 'JulianDay');
    const v = SOLFSMY_FIELDS.map((name, k) => num(t[3 + k]!, lineNo, name));
    if (t.length === 12 && !/^[0-9A-Z]{1,8}$/.test(t[11]!.text)) {
      throw new ParseError(`source code '${t[11]!.text}' is not alphanumeric`, lineNo, t[11]!.column, 'field');
    }
    const mjd = yearDayMjd(year, doy, lineNo);
    if (Math.abs(jd - (mjd + JD_MINUS_MJD_AT_NOON)) > 1e-6) {
      throw new RangeError(`line ${lineNo}: JulianDay ${jd} is not 12 UT of ${year}-${doy} (${mjd + JD_MINUS_MJD_AT_NOON})`);
    }
    v.forEach((x, k) => ranged(x, 0, SFU_MAX, lineNo, `${SOLFSMY_FIELDS[k]!} (sfu)`));
    if (mjd <= previous) throw new RangeError(`line ${lineNo}: day ${year}-${doy} is not after the previous record`);
    previous = mjd;
    const [f10Sfu, f10bSfu, s10Sfu, s10bSfu, m10Sfu, m10bSfu, y10Sfu, y10bSfu] = v as [number, number, number, number, number, number, number, number];
    days.push({ mjd, f10Sfu, f10bSfu, s10Sfu, s10bSfu, m10Sfu, m10bSfu, y10Sfu, y10bSfu });
  }
  return { days, header };
}

/** Parses SET's DTCFILE.TXT text. */
export function parseDtcFile(text: string): Jb2008DtcDay[] {
  const days: Jb2008DtcDay[] = [];
  const lines = splitLines(text);
  let previous = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (line.startsWith('#')) continue;
    const t = tokens(line);
    if (t.length === 0) continue;
    if (t[0]!.text !== 'DTC') throw new ParseError(`DTCFILE row must start with 'DTC', got '${t[0]!.text.slice(0, 20)}'`, lineNo, t[0]!.column, 'field');
    if (t.length !== 27) {
      const column = t.length > 27 ? t[27]!.column : line.length + 1;
      throw new ParseError(`DTCFILE row has ${t.length - 3} hourly values, expected 24`, lineNo, column, 'length');
    }
    const year = int(t[1]!, lineNo, 'year');
    const doy = int(t[2]!, lineNo, 'day of year');
    const dtcK = t.slice(3).map((tok, h) => num(tok, lineNo, `dTc ${String(h).padStart(2, '0')}h`));
    const mjd = yearDayMjd(year, doy, lineNo);
    dtcK.forEach((x, h) => ranged(x, DTC_MIN_K, DTC_MAX_K, lineNo, `dTc ${String(h).padStart(2, '0')}h (K)`));
    if (mjd <= previous) throw new RangeError(`line ${lineNo}: day ${year}-${doy} is not after the previous record`);
    previous = mjd;
    days.push({ mjd, dtcK });
  }
  return days;
}

/** Both files to the JB2008 data object (`new Jb2008Atmosphere(jb2008Drivers(data))`). */
export function parseJb2008IndexFiles(solfsmyText: string, dtcText: string): Jb2008IndexData {
  return { solar: parseSolfsmy(solfsmyText).days, dtc: parseDtcFile(dtcText) };
}

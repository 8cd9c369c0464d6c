/**
 * Parsing of NORAD two-line element sets (TLE) and their three-line form (3LE, with a title line).
 * Column layout: Hoots & Roehrich 1980, "Spacetrack Report #3"; CelesTrak "NORAD Two-Line Element Set
 * Format" (Kelso); Vallado et al. 2006, "Revisiting Spacetrack Report #3" (AIAA 2006-6753), `twoline2rv`.
 * Alpha-5 catalog numbers per Space-Track. The parser is strict about columns (every blank separator, every
 * implied decimal point) because column drift is how corrupted TLEs look; the printing facts it sees
 * (blank-padded catalog numbers, `+` signs, zero exponents) go into `tleFormat` so `formatTle` reproduces
 * the text exactly.
 */
import { ParseError } from '../errors/index.js';
import { RAD_PER_DEG } from '../units/index.js';
import { alpha5LetterValue } from './alpha5.js';
import { tleChecksum } from './checksum.js';
import type { ElementSet, TleFormat } from './element-set.js';
import { daysInYear, epochUtcFromDayOfYear, tleFourDigitYear } from './epoch.js';

export interface TleParseOptions {
  /** Verify the column-69 checksums (default true). Vallado's SGP4 test set has hand-edited lines that fail it. */
  readonly verifyChecksum?: boolean;
  /**
   * Text after column 69 (Vallado's SGP4-VER.TLE appends start/stop/step times to line 2): `'reject'`
   * (default, reason `length`) or `'ignore'`.
   */
  readonly trailingText?: 'reject' | 'ignore';
}

/** Where the lines came from, for error positions and provenance. */
export interface TleLineContext {
  /** 1-based line numbers of line 1 and line 2 in the caller's input. */
  readonly line1No: number;
  readonly line2No: number;
  /** The raw title line (3LE), its line number, and the source text to record. */
  readonly titleLine?: string;
  readonly titleLineNo?: number;
}

const SP = 32;
/** First columns (0-based) of the line-2 fields whose integer part may be printed zero-padded. */
const LINE2_PADDED_FIELDS = [8, 17, 34, 43, 52] as const;
const DOT = 46;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function fail(message: string, line: number, column: number, reason: string): never {
  throw new ParseError(message, line, column, reason);
}

/** Requires the 0-based position `i` of `s` to hold `ch`. */
function expectChar(s: string, i: number, code: number, lineNo: number, what: string): void {
  if (s.charCodeAt(i) !== code) {
    fail(`expected ${what} in column ${i + 1}, found "${s[i] ?? ''}"`, lineNo, i + 1, 'layout');
  }
}

/** Exact powers of ten (literals: no pow() rounding). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14] as const;

/**
 * The digits in [from, to) as an integer (validated). Fields here hold at most 11 digits, so the integer is
 * exact, and `integer / 10^k` is one correctly rounded division: the same double as parsing the decimal text.
 */
function digitsValue(s: string, from: number, to: number, lineNo: number, field: string): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) fail(`${field}: expected a digit, found "${s[i] ?? ''}"`, lineNo, i + 1, 'field');
    v = v * 10 + (c - 48);
  }
  return v;
}

/** A right-justified unsigned integer in [from, to): blanks, then at least one digit. Returns value and pad. */
function rightJustifiedInt(s: string, from: number, to: number, lineNo: number, field: string): { value: number; zeroPadded: boolean } {
  let i = from;
  while (i < to && s.charCodeAt(i) === SP) i++;
  if (i === to) fail(`${field} is blank`, lineNo, from + 1, 'field');
  const zeroPadded = i === from && s.charCodeAt(i) === 48 && to - from > 1;
  // a leading zero after blanks ("  099") is a form no printer produces and formatting could not reproduce
  if (i > from && s.charCodeAt(i) === 48 && i < to - 1) fail(`${field}: leading zero after blanks`, lineNo, i + 1, 'field');
  let value = 0;
  for (let j = i; j < to; j++) {
    const c = s.charCodeAt(j);
    if (!isDigit(c)) fail(`${field}: expected a digit, found "${s[j] ?? ''}"`, lineNo, j + 1, 'field');
    value = value * 10 + (c - 48);
  }
  return { value, zeroPadded };
}

/**
 * A fixed-point decimal in [from, to) with the point at `dot`: a right-justified integer part (at least one
 * digit) and all-digit fraction, as `%8.4f` prints it.
 */
function fixedDecimal(s: string, from: number, dot: number, to: number, lineNo: number, field: string): number {
  let i = from;
  while (i < dot - 1 && s.charCodeAt(i) === SP) i++;
  if (i > from && s.charCodeAt(i) === 48 && i < dot - 1) fail(`${field}: leading zero after blanks`, lineNo, i + 1, 'field');
  const whole = digitsValue(s, i, dot, lineNo, field);
  expectChar(s, dot, DOT, lineNo, `the decimal point of ${field}`);
  const k = to - dot - 1;
  const scale = POW10[k] ?? 1;
  return (whole * scale + digitsValue(s, dot + 1, to, lineNo, field)) / scale;
}

function signAt(s: string, i: number, lineNo: number, field: string): ' ' | '+' | '-' {
  const c = s[i];
  if (c === ' ' || c === '+' || c === '-') return c;
  return fail(`${field}: expected a sign (blank, + or -), found "${c ?? ''}"`, lineNo, i + 1, 'field');
}

/** The implied-decimal exponent form `±NNNNN±E` (value ±0.NNNNN × 10^±E) in columns [at, at + 8). */
function impliedExponent(s: string, at: number, lineNo: number, field: string): { value: number; sign: ' ' | '+' | '-'; exponent: string } {
  const sign = signAt(s, at, lineNo, field);
  const mantissa = digitsValue(s, at + 1, at + 6, lineNo, field);
  const es = s[at + 6];
  if (es !== '+' && es !== '-') fail(`${field}: expected an exponent sign, found "${es ?? ''}"`, lineNo, at + 7, 'field');
  const e = digitsValue(s, at + 7, at + 8, lineNo, field);
  // 0.NNNNN × 10^±E = NNNNN × 10^(±E − 5): one exact multiplication or one correctly rounded division
  const p = (es === '-' ? -e : e) - 5;
  const magnitude = p < 0 ? mantissa / (POW10[-p] ?? 1) : mantissa * (POW10[p] ?? 1);
  return { value: sign === '-' ? -magnitude : magnitude, sign, exponent: es + String(e) };
}

/** Decodes the catalog field of columns 3–7 (digits, blank-padded digits or Alpha-5). */
function catalogField(s: string, lineNo: number): { value: number; pad: '0' | ' ' } {
  const first = s.charCodeAt(2);
  if (!isDigit(first) && first !== SP) {
    const lead = alpha5LetterValue(s[2] ?? '');
    if (lead < 0) fail(`catalog number: "${s[2] ?? ''}" is not a digit or an Alpha-5 letter (A–Z without I, O)`, lineNo, 3, 'alpha5');
    return { value: lead * 10_000 + digitsValue(s, 3, 7, lineNo, 'Alpha-5 catalog number'), pad: '0' };
  }
  const { value } = rightJustifiedInt(s, 2, 7, lineNo, 'catalog number');
  return { value, pad: first === SP ? ' ' : '0' };
}

function checkLine(s: string, lineNo: number, expected: '1' | '2', opts: TleParseOptions): string {
  let line = s;
  if (line.length > 69) {
    if (opts.trailingText === 'ignore') line = line.slice(0, 69);
    else fail(`TLE line ${expected} must be 69 characters, got ${line.length}`, lineNo, 70, 'length');
  }
  if (line.length < 69) fail(`TLE line ${expected} must be 69 characters, got ${line.length}`, lineNo, line.length + 1, 'length');
  if (line[0] !== expected || line.charCodeAt(1) !== SP) {
    fail(`line should start with "${expected} "`, lineNo, 1, 'line-number');
  }
  if (opts.verifyChecksum !== false) {
    const c = line.charCodeAt(68) - 48;
    if (c < 0 || c > 9) fail(`checksum column holds "${line[68] ?? ''}", not a digit`, lineNo, 69, 'checksum');
    const want = tleChecksum(line);
    if (c !== want) fail(`checksum ${c} does not match the computed ${want}`, lineNo, 69, 'checksum');
  }
  return line;
}

/** Validates the international designator (columns 10–17): blank, or YY NNN and up to 3 piece letters, left-justified. */
function intlDesignatorField(s: string, lineNo: number): string {
  const raw = s.slice(9, 17);
  let end = 8;
  while (end > 0 && raw.charCodeAt(end - 1) === SP) end--;
  const d = raw.slice(0, end);
  if (d.length === 0) return '';
  if (!/^\d{5}[A-Z]{0,3}$/.test(d)) fail(`international designator "${d}" is not YYNNN[PPP]`, lineNo, 10, 'field');
  return d;
}

/**
 * Parses TLE line 1 and line 2 (a trailing CR/LF is ignored) and an optional name into an ElementSet.
 * Throws ParseError (reasons: `length`, `line-number`, `checksum`, `layout`, `field`, `alpha5`, `range`,
 * `catalog-mismatch`) with the 1-based line (1 = line1, 2 = line2 unless `context` says otherwise) and column.
 */
export function parseTle(line1: string, line2: string, name?: string, options: TleParseOptions = {}, context?: TleLineContext): ElementSet {
  const n1 = context?.line1No ?? 1;
  const n2 = context?.line2No ?? 2;
  const t1 = stripEol(line1);
  const t2 = stripEol(line2);
  const a = checkLine(t1, n1, '1', options);
  const b = checkLine(t2, n2, '2', options);

  // ---- line 1 ----
  const cat = catalogField(a, n1);
  const classification = a[7] ?? '';
  if (classification !== 'U' && classification !== 'C' && classification !== 'S') {
    fail(`classification "${classification}" is not U, C or S`, n1, 8, 'field');
  }
  expectChar(a, 8, SP, n1, 'a blank');
  const intlDesignator = intlDesignatorField(a, n1);
  expectChar(a, 17, SP, n1, 'a blank');
  const epochYear = tleFourDigitYear(digitsValue(a, 18, 20, n1, 'epoch'));
  const epochDayWhole = digitsValue(a, 20, 23, n1, 'epoch');
  expectChar(a, 23, DOT, n1, 'the epoch decimal point');
  const epochDayOfYear = (epochDayWhole * 1e8 + digitsValue(a, 24, 32, n1, 'epoch')) / 1e8;
  if (!(epochDayOfYear >= 1 && epochDayOfYear < daysInYear(epochYear) + 1)) fail(`epoch day ${a.slice(20, 32)} is outside ${epochYear}`, n1, 21, 'range');
  expectChar(a, 32, SP, n1, 'a blank');
  const ndotSign = signAt(a, 33, n1, 'mean motion derivative');
  expectChar(a, 34, DOT, n1, 'the decimal point of the mean motion derivative');
  const ndotMagnitude = digitsValue(a, 35, 43, n1, 'mean motion derivative') / 1e8;
  const meanMotionDot = ndotSign === '-' ? -ndotMagnitude : ndotMagnitude;
  expectChar(a, 43, SP, n1, 'a blank');
  const nddot = impliedExponent(a, 44, n1, 'mean motion second derivative');
  expectChar(a, 52, SP, n1, 'a blank');
  const bstar = impliedExponent(a, 53, n1, 'B*');
  expectChar(a, 61, SP, n1, 'a blank');
  const et = a.charCodeAt(62);
  if (!isDigit(et) && et !== SP) fail(`ephemeris type "${a[62] ?? ''}" is not a digit`, n1, 63, 'field');
  const ephemerisType = et === SP ? 0 : et - 48;
  expectChar(a, 63, SP, n1, 'a blank');
  const elset = rightJustifiedInt(a, 64, 68, n1, 'element set number');

  // ---- line 2 ----
  const cat2 = catalogField(b, n2);
  if (cat2.value !== cat.value) fail(`catalog number ${cat2.value} differs from line 1's ${cat.value}`, n2, 3, 'catalog-mismatch');
  expectChar(b, 7, SP, n2, 'a blank');
  const inclinationDeg = fixedDecimal(b, 8, 11, 16, n2, 'inclination');
  if (!(inclinationDeg <= 180)) fail(`inclination ${inclinationDeg} deg exceeds 180`, n2, 9, 'range');
  expectChar(b, 16, SP, n2, 'a blank');
  const raanDeg = fixedDecimal(b, 17, 20, 25, n2, 'right ascension of the node');
  if (!(raanDeg <= 360)) fail(`RAAN ${raanDeg} deg exceeds 360`, n2, 18, 'range');
  expectChar(b, 25, SP, n2, 'a blank');
  const eccentricity = digitsValue(b, 26, 33, n2, 'eccentricity') / 1e7;
  expectChar(b, 33, SP, n2, 'a blank');
  const argPerigeeDeg = fixedDecimal(b, 34, 37, 42, n2, 'argument of perigee');
  if (!(argPerigeeDeg <= 360)) fail(`argument of perigee ${argPerigeeDeg} deg exceeds 360`, n2, 35, 'range');
  expectChar(b, 42, SP, n2, 'a blank');
  const meanAnomalyDeg = fixedDecimal(b, 43, 46, 51, n2, 'mean anomaly');
  if (!(meanAnomalyDeg <= 360)) fail(`mean anomaly ${meanAnomalyDeg} deg exceeds 360`, n2, 44, 'range');
  expectChar(b, 51, SP, n2, 'a blank');
  const meanMotionRevPerDay = fixedDecimal(b, 52, 54, 63, n2, 'mean motion');
  if (!(meanMotionRevPerDay > 0)) fail('mean motion must be positive', n2, 53, 'range');
  const rev = rightJustifiedInt(b, 63, 68, n2, 'revolution number');
  // line 2 pads its angles and mean motion one way (blanks, or zeros in some Space-Track records), never both
  let zeroPadded = false;
  let blankPadded = false;
  for (const p of LINE2_PADDED_FIELDS) {
    if (b.charCodeAt(p) === SP) blankPadded = true;
    else if (b.charCodeAt(p) === 48 && b.charCodeAt(p + 1) !== DOT) zeroPadded = true;
    if (zeroPadded && blankPadded) fail('line 2 mixes zero- and blank-padded fields', n2, p + 1, 'field');
  }
  if (b.slice(2, 7) !== a.slice(2, 7)) fail(`catalog number printed as "${b.slice(2, 7)}" on line 2 but "${a.slice(2, 7)}" on line 1`, n2, 3, 'catalog-mismatch');

  const tleFormat: { -readonly [K in keyof TleFormat]: TleFormat[K] } = {
    catalogPad: cat.pad,
    ndotSign,
    nddotSign: nddot.sign,
    nddotExponent: nddot.exponent,
    bstarSign: bstar.sign,
    bstarExponent: bstar.exponent,
  };
  if (et === SP) tleFormat.ephemerisTypeBlank = true;
  if (elset.zeroPadded) tleFormat.elementSetNoPad = '0';
  if (rev.zeroPadded) tleFormat.revNumberPad = '0';
  if (zeroPadded) tleFormat.line2ZeroPadded = true;
  if (context?.titleLine !== undefined) {
    const titleLine = context.titleLine;
    tleFormat.titlePrefix = titleLine.startsWith('0 ') ? '0 ' : '';
    const trailing = trailingSpaces(titleLine);
    if (trailing > 0) tleFormat.titleTrailingSpaces = trailing;
  }
  const title = context?.titleLine;
  const text = title === undefined ? `${t1}\n${t2}` : `${title}\n${t1}\n${t2}`;
  const firstLine = title === undefined ? n1 : (context?.titleLineNo ?? n1 - 1);
  const setName = name ?? (title === undefined ? undefined : titleName(title));
  const es: { -readonly [K in keyof ElementSet]: ElementSet[K] } = {
    noradId: cat.value,
    classification,
    intlDesignator,
    epochYear,
    epochDayOfYear,
    epochUtc: epochUtcFromDayOfYear(epochYear, epochDayOfYear),
    meanMotionRevPerDay,
    meanMotionDot,
    meanMotionDdot: nddot.value,
    bstar: bstar.value,
    inclinationRad: inclinationDeg * RAD_PER_DEG,
    raanRad: raanDeg * RAD_PER_DEG,
    eccentricity,
    argPerigeeRad: argPerigeeDeg * RAD_PER_DEG,
    meanAnomalyRad: meanAnomalyDeg * RAD_PER_DEG,
    ephemerisType,
    elementSetNo: elset.value,
    revNumber: rev.value,
    tleFormat,
    source: { format: title === undefined ? 'tle' : '3le', text, line: firstLine },
  };
  if (setName !== undefined) es.name = setName;
  return es;
}

/** A line without its terminator (a CRLF file split on LF leaves a CR behind). */
function stripEol(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 13 || line.charCodeAt(end - 1) === 10)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** The object name of a 3LE title line: without a leading `0 ` and without trailing blanks. */
export function titleName(title: string): string {
  const body = title.startsWith('0 ') ? title.slice(2) : title;
  return body.slice(0, body.length - trailingSpaces(body));
}


function trailingSpaces(s: string): number {
  let n = 0;
  while (n < s.length && s.charCodeAt(s.length - 1 - n) === SP) n++;
  return n;
}

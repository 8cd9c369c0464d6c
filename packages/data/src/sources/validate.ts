/**
 * Body checks run on every download BEFORE anything is parsed into or written to the store. They are
 * structural (is this the right kind of document, is it complete?), not parsers: the parsers in
 * `formats/` and `@stationkeeper/astro/elements` read the values afterwards. A body that fails a check
 * throws `SourceError` with kind `invalid-body` or `truncated` and a message that says what was wrong.
 *
 * Format references:
 * - TLE/3LE: CelesTrak, T. S. Kelso, "NORAD Two-Line Element Set Format" (column layout, modulo-10 checksum).
 * - OMM JSON: CCSDS 502.0-B-3 (Orbit Data Messages) keyword names, as served by CelesTrak GP `FORMAT=json`.
 * - SW-All.txt / SW-All.csv: CelesTrak, "Space Weather Data" (https://celestrak.org/SpaceData/SpaceWx-format.php).
 * - finals2000A: IERS Rapid Service/Prediction Centre, `readme.finals2000A` (fixed columns, MJD in columns 8–15).
 */
import { SourceError } from './errors.js';

/** True for text that is an HTML page (a proxy's, CDN's or server's error page) rather than data. */
export function looksLikeHtml(body: string): boolean {
  const head = body.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head')) return true;
  return /<(html|body|title)[\s>]/.test(head.slice(0, 200));
}

/** The first line of a body, shortened, for messages. */
function firstLine(body: string): string {
  const line = body.trimStart().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function rejectCommon(url: string, body: string, what: string): void {
  if (body.trim() === '') throw new SourceError('invalid-body', url, `empty body where ${what} was expected`);
  if (looksLikeHtml(body)) {
    const title = /<title[^>]*>([^<]{0,120})/i.exec(body)?.[1]?.trim();
    throw new SourceError(
      'invalid-body',
      url,
      `got an HTML page${title === undefined || title === '' ? '' : ` ("${title}")`} where ${what} was expected — the server or a proxy returned an error page`,
    );
  }
}

/** Modulo-10 TLE checksum of columns 1–68: digits count their value, '-' counts 1. */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (let i = 0; i < 68 && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) sum += c - 48;
    else if (c === 45) sum += 1;
  }
  return sum % 10;
}

export interface ElementTextSummary {
  /** Number of element sets (each 2 or 3 lines). */
  readonly records: number;
  /** Catalog numbers seen (columns 3–7 of line 1, Alpha-5 letters kept as printed). */
  readonly catalogNumbers: ReadonlySet<string>;
}

/**
 * Checks a TLE/3LE body: every record is an optional title line followed by lines `1 …` and `2 …` of 69
 * characters with valid checksums and matching catalog numbers; at least one record; nothing left over.
 */
export function validateTleText(url: string, body: string): ElementTextSummary {
  rejectCommon(url, body, 'TLE/3LE element sets');
  const lines = body.split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const catalogNumbers = new Set<string>();
  let records = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line === '') {
      i++;
      continue;
    }
    const hasTitle = !line.startsWith('1 ') || !(lines[i + 1] ?? '').startsWith('2 ');
    const l1i = hasTitle ? i + 1 : i;
    const l1 = lines[l1i];
    const l2 = lines[l1i + 1];
    if (l1 === undefined || l2 === undefined) {
      throw new SourceError('truncated', url, `element set starting on line ${i + 1} is incomplete (body ends early: truncated body)`);
    }
    if (!l1.startsWith('1 ') || !l2.startsWith('2 ')) {
      throw new SourceError(
        'invalid-body',
        url,
        `line ${l1i + 1} is not a TLE line 1/line 2 pair (starts "${firstLine(l1)}") — not TLE/3LE text${records === 0 ? ` (body begins "${firstLine(body)}")` : ''}`,
      );
    }
    for (const [n, l] of [
      [l1i + 1, l1],
      [l1i + 2, l2],
    ] as const) {
      if (l.length !== 69) throw new SourceError('truncated', url, `line ${n} has ${l.length} characters, a TLE line has 69 (truncated or damaged body)`);
      const want = tleChecksum(l);
      if (Number(l[68]) !== want) throw new SourceError('invalid-body', url, `line ${n} fails its checksum (column 69 is ${l[68]}, computed ${want})`);
    }
    if (l1.slice(2, 7) !== l2.slice(2, 7)) {
      throw new SourceError('invalid-body', url, `lines ${l1i + 1} and ${l1i + 2} carry different catalog numbers`);
    }
    catalogNumbers.add(l1.slice(2, 7).trim());
    records++;
    i = l1i + 2;
  }
  if (records === 0) throw new SourceError('invalid-body', url, 'no element sets in the body');
  return { records, catalogNumbers };
}

const OMM_REQUIRED = ['NORAD_CAT_ID', 'EPOCH', 'MEAN_MOTION', 'ECCENTRICITY', 'INCLINATION', 'RA_OF_ASC_NODE', 'ARG_OF_PERICENTER', 'MEAN_ANOMALY', 'BSTAR'] as const;

/** Checks an OMM JSON body (CelesTrak / Space-Track `FORMAT=json`): a non-empty array of objects with the SGP4 keywords. */
export function validateOmmJson(url: string, body: string): ElementTextSummary {
  rejectCommon(url, body, 'OMM JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (cause) {
    const trimmed = body.trimEnd();
    const cut = trimmed.startsWith('[') && !trimmed.endsWith(']');
    throw new SourceError(
      cut ? 'truncated' : 'invalid-body',
      url,
      cut ? 'OMM JSON ends before its closing "]" (truncated body)' : `body is not JSON (begins "${firstLine(body)}")`,
      { cause },
    );
  }
  if (!Array.isArray(parsed)) throw new SourceError('invalid-body', url, 'OMM JSON is not an array of element sets');
  if (parsed.length === 0) throw new SourceError('invalid-body', url, 'OMM JSON is an empty array: the server has no element sets for this query');
  const catalogNumbers = new Set<string>();
  parsed.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) throw new SourceError('invalid-body', url, `OMM JSON element ${index} is not an object`);
    const rec = item as Record<string, unknown>;
    const missing = OMM_REQUIRED.filter((k) => rec[k] === undefined || rec[k] === null || rec[k] === '');
    if (missing.length > 0) throw new SourceError('invalid-body', url, `OMM JSON element ${index} lacks ${missing.join(', ')}`);
    catalogNumbers.add(String(rec['NORAD_CAT_ID']));
  });
  return { records: parsed.length, catalogNumbers };
}

export interface DailyTableSummary {
  /** Data rows (days). */
  readonly rows: number;
  /** First and last day, `YYYY-MM-DD`. */
  readonly firstDay: string;
  readonly lastDay: string;
}

function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Checks the classic CelesTrak `SW-All.txt` (CSSI) layout: its DATATYPE line, and each BEGIN block closed with its END and the declared count. */
export function validateSpaceWeatherTxt(url: string, body: string): DailyTableSummary {
  rejectCommon(url, body, 'CelesTrak SW-All.txt');
  const lines = body.split(/\r?\n/);
  if (!lines.some((l) => l.startsWith('DATATYPE CssiSpaceWeather'))) {
    throw new SourceError('invalid-body', url, `not a CelesTrak space-weather file: no "DATATYPE CssiSpaceWeather" line (body begins "${firstLine(body)}")`);
  }
  let block: string | undefined;
  let declared: number | undefined;
  let count = 0;
  let rows = 0;
  let firstDay: string | undefined;
  let lastDay = '';
  let sawObserved = false;
  const pending = new Map<string, number>();
  for (const [index, raw] of lines.entries()) {
    const line = raw.trimEnd();
    const num = /^NUM_([A-Z_]+)_POINTS\s+(\d+)$/.exec(line);
    if (num !== null) pending.set(num[1]!, Number(num[2]));
    else if (line.startsWith('BEGIN ')) {
      block = line.slice(6).trim();
      declared = pending.get(block);
      count = 0;
      if (block === 'OBSERVED') sawObserved = true;
    } else if (line.startsWith('END ')) {
      if (block === undefined || line.slice(4).trim() !== block) {
        throw new SourceError('invalid-body', url, `line ${index + 1}: "${line}" without a matching BEGIN`);
      }
      if (declared !== undefined && declared !== count) {
        throw new SourceError('truncated', url, `block ${block} declares ${declared} rows but has ${count}`);
      }
      block = undefined;
    } else if (block !== undefined && line !== '') {
      const m = /^(\d{4}) (\d\d) (\d\d)/.exec(line);
      if (m === null) throw new SourceError('invalid-body', url, `line ${index + 1} in block ${block} does not start with a date`);
      count++;
      rows++;
      const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
      firstDay ??= day;
      lastDay = day;
    }
  }
  if (block !== undefined) throw new SourceError('truncated', url, `block ${block} is not closed by "END ${block}" (truncated body)`);
  if (!sawObserved || rows === 0 || firstDay === undefined) throw new SourceError('invalid-body', url, 'no OBSERVED block with data rows');
  return { rows, firstDay, lastDay };
}

/** Column names of CelesTrak `SW-All.csv`, in order. */
export const SPACE_WEATHER_CSV_COLUMNS = [
  'DATE', 'BSRN', 'ND', 'KP1', 'KP2', 'KP3', 'KP4', 'KP5', 'KP6', 'KP7', 'KP8', 'KP_SUM',
  'AP1', 'AP2', 'AP3', 'AP4', 'AP5', 'AP6', 'AP7', 'AP8', 'AP_AVG', 'CP', 'C9', 'ISN',
  'F10.7_OBS', 'F10.7_ADJ', 'F10.7_DATA_TYPE', 'F10.7_OBS_CENTER81', 'F10.7_OBS_LAST81', 'F10.7_ADJ_CENTER81', 'F10.7_ADJ_LAST81',
] as const;

/**
 * Checks CelesTrak `SW-All.csv`: the documented header, every row with all 31 fields and an ISO date, dates
 * strictly increasing. The CSV has no end marker, so a cut inside a row shows as a short last row; the
 * caller's freshness check (`lastDay` reaching into the prediction span) catches a cut between rows.
 */
export function validateSpaceWeatherCsv(url: string, body: string): DailyTableSummary {
  rejectCommon(url, body, 'CelesTrak SW-All.csv');
  const lines = body.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const header = (lines[0] ?? '').trim();
  if (header !== SPACE_WEATHER_CSV_COLUMNS.join(',')) {
    throw new SourceError('invalid-body', url, `not CelesTrak SW-All.csv: the header line is "${firstLine(header)}"`);
  }
  let previous = '';
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i]!.split(',');
    if (fields.length !== SPACE_WEATHER_CSV_COLUMNS.length) {
      const last = i === lines.length - 1;
      throw new SourceError(
        last ? 'truncated' : 'invalid-body',
        url,
        `line ${i + 1} has ${fields.length} fields, the header ${SPACE_WEATHER_CSV_COLUMNS.length}${last ? ' (truncated body)' : ''}`,
      );
    }
    const day = fields[0]!;
    if (!/^\d{4}-\d\d-\d\d$/.test(day)) throw new SourceError('invalid-body', url, `line ${i + 1}: DATE "${day}" is not YYYY-MM-DD`);
    if (day <= previous) throw new SourceError('invalid-body', url, `line ${i + 1}: DATE ${day} does not follow ${previous}`);
    previous = day;
  }
  if (lines.length < 2) throw new SourceError('invalid-body', url, 'SW-All.csv has a header but no rows');
  return { rows: lines.length - 1, firstDay: lines[1]!.slice(0, 10), lastDay: previous };
}

/** Calendar date of a UTC MJD (days), `YYYY-MM-DD` (MJD 0 = 1858-11-17). */
export function mjdToIsoDay(mjd: number): string {
  return new Date(Date.UTC(1858, 10, 17) + Math.floor(mjd) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Checks IERS `finals2000A.all`/`.data`/`.daily`: every non-blank line carries an MJD in columns 8–15, one
 * day after the line before; the last line is at least as long as its date and MJD fields.
 */
export function validateFinals2000A(url: string, body: string): DailyTableSummary & { readonly firstMjd: number; readonly lastMjd: number } {
  rejectCommon(url, body, 'IERS finals2000A');
  const lines = body.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  let previous: number | undefined;
  let firstMjd: number | undefined;
  for (const [index, line] of lines.entries()) {
    const field = line.slice(7, 15);
    const mjd = Number(field);
    if (line.length < 15 || field.trim() === '' || !Number.isFinite(mjd) || !/^\s*\d{5}\.\d\d$/.test(field)) {
      const last = index === lines.length - 1;
      throw new SourceError(
        last && previous !== undefined ? 'truncated' : 'invalid-body',
        url,
        previous === undefined
          ? `not an IERS finals2000A file: line ${index + 1} has no MJD in columns 8-15 (begins "${firstLine(line)}")`
          : `line ${index + 1} has no MJD in columns 8-15${last ? ' (truncated body)' : ''}`,
      );
    }
    if (previous !== undefined && mjd !== previous + 1) {
      throw new SourceError('invalid-body', url, `line ${index + 1}: MJD ${mjd} does not follow ${previous} (a day is missing or repeated)`);
    }
    firstMjd ??= mjd;
    previous = mjd;
  }
  if (previous === undefined || firstMjd === undefined) throw new SourceError('invalid-body', url, 'finals2000A body has no rows');
  // The file is fixed-width (185–187 characters, blank-padded): a last line shorter than the one before it
  // was cut. (A cut exactly at a line boundary is caught by HTTP Content-Length or the coverage check.)
  const last = lines[lines.length - 1]!.replace(/\r$/, '');
  const before = lines.length > 1 ? lines[lines.length - 2]!.replace(/\r$/, '') : undefined;
  if (before !== undefined && before.length >= 185 && last.length < before.length) {
    throw new SourceError('truncated', url, `last line has ${last.length} characters, the line before ${before.length} (truncated body)`);
  }
  return { rows: lines.length, firstMjd, lastMjd: previous, firstDay: mjdToIsoDay(firstMjd), lastDay: mjdToIsoDay(previous) };
}

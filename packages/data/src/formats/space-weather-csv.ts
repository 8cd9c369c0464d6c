/**
 * Reader for CelesTrak's space-weather CSV (`SW-All.csv`, `SW-Last5Years.csv`): a header row naming the
 * columns — DATE, BSRN, ND, KP1…KP8, KP_SUM, AP1…AP8, AP_AVG, CP, C9, ISN, F10.7_OBS, F10.7_ADJ,
 * F10.7_DATA_TYPE, F10.7_OBS_CENTER81, F10.7_OBS_LAST81, F10.7_ADJ_CENTER81, F10.7_ADJ_LAST81 — then one row
 * per day; blank cells where a value is not published. Kp is in tenths as in the text file.
 * F10.7_DATA_TYPE: OBS observed, INT interpolated (both stored as observed days), PRD daily prediction,
 * PRM monthly prediction. Reference: https://celestrak.org/SpaceData/SpaceWx-format.php.
 * Columns are found by name, so their order does not matter. Bad rows go to `rejected`; text without the
 * header is not such a file (ParseError). Nothing else is thrown.
 */
import { ParseError } from '@stationkeeper/astro/errors';
import { LIMITS, eightOrNone, rangedField } from './fixed-fields.js';
import type { SpaceWeatherRecord, SpaceWeatherRecordKind } from './space-weather-record.js';
import type { SpaceWeatherFileResult } from './space-weather-txt.js';
import { calendarToMjd } from './utc-mjd.js';
import type { RejectedLine } from './rejected.js';

const KINDS: Readonly<Record<string, SpaceWeatherRecordKind>> = {
  OBS: 'observed',
  INT: 'observed',
  PRD: 'daily-predicted',
  PRM: 'monthly-predicted',
};

/** True when the first non-blank line is a CelesTrak space-weather CSV header. */
export function looksLikeSpaceWeatherCsv(head: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const cols = first.toUpperCase().split(',').map((c) => c.trim());
  return cols.includes('DATE') && cols.includes('F10.7_OBS') && cols.includes('AP_AVG');
}

interface Cell {
  readonly text: string;
  readonly column: number;
}

function cells(line: string): Cell[] {
  const out: Cell[] = [];
  let start = 0;
  for (;;) {
    const comma = line.indexOf(',', start);
    const end = comma < 0 ? line.length : comma;
    out.push({ text: line.slice(start, end), column: start + 1 });
    if (comma < 0) return out;
    start = comma + 1;
  }
}

export function parseSpaceWeatherCsv(text: string): SpaceWeatherFileResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  const headerLine = headerIndex >= 0 ? (lines[headerIndex] ?? '') : '';
  if (!looksLikeSpaceWeatherCsv(headerLine)) {
    throw new ParseError('not a CelesTrak space-weather CSV: the first row must be the DATE,…,F10.7_OBS,… header', headerIndex + 1, 1, 'layout');
  }
  const names = headerLine.split(',').map((c) => c.trim().toUpperCase());
  const index = new Map(names.map((n, i) => [n, i] as const));
  const records: SpaceWeatherRecord[] = [];
  const rejected: RejectedLine[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.startsWith('#')) continue;
    try {
      records.push(parseRow(line, i + 1, index, names.length));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message });
    }
  }
  return { records, rejected };
}

function parseRow(line: string, lineNo: number, index: ReadonlyMap<string, number>, width: number): SpaceWeatherRecord {
  const row = cells(line);
  if (row.length !== width) throw new ParseError(`row has ${row.length} cells, the header ${width}`, lineNo, 1, 'layout');
  const cell = (name: string): Cell | undefined => {
    const k = index.get(name);
    return k === undefined ? undefined : row[k];
  };
  const num = (name: string, lim: readonly [number, number]): number | null => {
    const c = cell(name);
    return c === undefined ? null : rangedField(c.text, lineNo, c.column, name, lim[0], lim[1]);
  };
  const date = cell('DATE') ?? { text: '', column: 1 };
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(date.text);
  if (m === null) throw new ParseError(`DATE '${date.text}' is not YYYY-MM-DD`, lineNo, date.column, 'field');
  let mjd: number;
  try {
    mjd = calendarToMjd(Number(m[1]), Number(m[2]), Number(m[3]));
  } catch {
    throw new ParseError(`no such date ${date.text}`, lineNo, date.column, 'field');
  }
  const typeCell = cell('F10.7_DATA_TYPE');
  const typeText = typeCell?.text.trim().toUpperCase() ?? '';
  const kind = KINDS[typeText];
  if (kind === undefined) {
    throw new ParseError(`F10.7_DATA_TYPE '${typeText}' is not OBS, INT, PRD or PRM`, lineNo, typeCell?.column ?? 1, 'field');
  }
  const kp = eightOrNone(Array.from({ length: 8 }, (_, i) => num(`KP${i + 1}`, LIMITS.kpTenths)), lineNo, cell('KP1')?.column ?? 1, 'Kp');
  const ap = eightOrNone(Array.from({ length: 8 }, (_, i) => num(`AP${i + 1}`, LIMITS.ap)), lineNo, cell('AP1')?.column ?? 1, 'ap');
  const record: SpaceWeatherRecord = {
    mjd,
    kind,
    bartelsRotation: num('BSRN', LIMITS.bartelsRotation),
    bartelsDay: num('ND', LIMITS.bartelsDay),
    kp3hTenths: kp,
    kpSumTenths: num('KP_SUM', LIMITS.kpSumTenths),
    ap3h: ap,
    apDaily: num('AP_AVG', LIMITS.ap),
    cp: num('CP', LIMITS.cp),
    c9: num('C9', LIMITS.c9),
    isn: num('ISN', LIMITS.isn),
    f107ObsSfu: num('F10.7_OBS', LIMITS.f107Sfu),
    f107AdjSfu: num('F10.7_ADJ', LIMITS.f107Sfu),
    f107ObsCenter81Sfu: num('F10.7_OBS_CENTER81', LIMITS.f107Sfu),
    f107ObsLast81Sfu: num('F10.7_OBS_LAST81', LIMITS.f107Sfu),
    f107AdjCenter81Sfu: num('F10.7_ADJ_CENTER81', LIMITS.f107Sfu),
    f107AdjLast81Sfu: num('F10.7_ADJ_LAST81', LIMITS.f107Sfu),
    f107Qualifier: null,
    f107DataType: typeText,
  };
  if (kind === 'observed' && (kp.length === 0 || ap.length === 0 || record.apDaily === null)) {
    throw new ParseError('an observed row needs the eight Kp, the eight ap and AP_AVG', lineNo, cell('KP1')?.column ?? 1, 'field');
  }
  if (record.f107ObsSfu === null && record.f107AdjSfu === null) {
    throw new ParseError('row has neither F10.7_OBS nor F10.7_ADJ', lineNo, cell('F10.7_OBS')?.column ?? 1, 'field');
  }
  return record;
}

/**
 * Reader for the CelesTrak / CSSI space-weather file `SW-All.txt` (`sw19571001.txt`, DATATYPE
 * CssiSpaceWeather, VERSION 1.2): fixed columns FORMAT(I4,I3,I3,I5,I3,8I3,I4,8I4,I4,F4.1,I2,I4,F6.1,I2,5F6.1)
 * in sections BEGIN OBSERVED / DAILY_PREDICTED / MONTHLY_PREDICTED … END.
 * Reference: T. S. Kelso, https://celestrak.org/SpaceData/SpaceWx-format.php; D. A. Vallado & T. S. Kelso,
 * "Earth Orientation Parameter and Space Weather Data for Flight Operations", AAS 13-518 (2013).
 *
 * Bad rows are returned in `rejected` (line, column, reason) and never stop the rest; text that has no
 * section at all is not such a file (ParseError). Nothing else is thrown.
 */
import { ParseError } from '@stationkeeper/astro/errors';
import { LIMITS, eightOrNone, rangedField } from './fixed-fields.js';
import type { SpaceWeatherRecord, SpaceWeatherRecordKind } from './space-weather-record.js';
import { calendarToMjd } from './utc-mjd.js';
import type { RejectedLine } from './rejected.js';

export interface SpaceWeatherFileResult {
  readonly records: SpaceWeatherRecord[];
  readonly rejected: RejectedLine[];
  /** The `UPDATED` header as printed (e.g. `2026 Aug 22 02:32:10 UTC`), when present. */
  readonly updated?: string;
}

const SECTIONS: Readonly<Record<string, SpaceWeatherRecordKind>> = {
  OBSERVED: 'observed',
  DAILY_PREDICTED: 'daily-predicted',
  MONTHLY_PREDICTED: 'monthly-predicted',
};

/** True when the text looks like a CSSI space-weather file (used for format detection). */
export function looksLikeSpaceWeatherTxt(head: string): boolean {
  return /^DATATYPE\s+CssiSpaceWeather/m.test(head) || /^BEGIN (OBSERVED|DAILY_PREDICTED|MONTHLY_PREDICTED)\s*$/m.test(head);
}

/** Columns (1-based, inclusive) of the fixed format. */
const COL = {
  year: [1, 4],
  month: [5, 7],
  day: [8, 10],
  bsrn: [11, 15],
  nd: [16, 18],
  kpSum: [43, 46],
  apAvg: [79, 82],
  cp: [83, 86],
  c9: [87, 88],
  isn: [89, 92],
  f107Adj: [93, 98],
  q: [99, 100],
  adjCtr81: [101, 106],
  adjLst81: [107, 112],
  f107Obs: [113, 118],
  obsCtr81: [119, 124],
  obsLst81: [125, 130],
} as const;
const kpCol = (i: number): readonly [number, number] => [19 + 3 * i, 21 + 3 * i];
const apCol = (i: number): readonly [number, number] => [47 + 4 * i, 50 + 4 * i];

/** Parses one data row of a section (`kind`); throws ParseError with the row's line and the field's column. */
export function parseSpaceWeatherTxtRow(raw: string, lineNo: number, kind: SpaceWeatherRecordKind): SpaceWeatherRecord {
  const line = raw.replace(/\r$/, '');
  if (line.length > 140) throw new ParseError(`row is ${line.length} characters, the format has 130`, lineNo, 131, 'length');
  if (line.trim().length < 10) throw new ParseError('row too short for a date (columns 1–10)', lineNo, line.length + 1, 'length');
  if (/\S/.test(line.slice(130))) throw new ParseError('text after column 130', lineNo, 131, 'length');
  const f = (c: readonly [number, number]): string => line.slice(c[0] - 1, c[1]);
  const num = (c: readonly [number, number], what: string, lim: readonly [number, number]): number | null =>
    rangedField(f(c), lineNo, c[0], what, lim[0], lim[1]);
  const year = rangedField(f(COL.year), lineNo, 1, 'year', 1900, 2200);
  const month = rangedField(f(COL.month), lineNo, 5, 'month', 1, 12);
  const day = rangedField(f(COL.day), lineNo, 8, 'day', 1, 31);
  if (year === null || month === null || day === null || !Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new ParseError('date must be three integers (yyyy mm dd)', lineNo, 1, 'field');
  }
  let mjd: number;
  try {
    mjd = calendarToMjd(year, month, day);
  } catch {
    throw new ParseError(`no such date ${year}-${month}-${day}`, lineNo, 1, 'field');
  }
  const kp = eightOrNone(
    Array.from({ length: 8 }, (_, i) => num(kpCol(i), `Kp ${i + 1}`, LIMITS.kpTenths)),
    lineNo,
    19,
    'Kp',
  );
  const ap = eightOrNone(
    Array.from({ length: 8 }, (_, i) => num(apCol(i), `ap ${i + 1}`, LIMITS.ap)),
    lineNo,
    47,
    'ap',
  );
  const record: SpaceWeatherRecord = {
    mjd,
    kind,
    bartelsRotation: num(COL.bsrn, 'Bartels rotation', LIMITS.bartelsRotation),
    bartelsDay: num(COL.nd, 'Bartels day', LIMITS.bartelsDay),
    kp3hTenths: kp,
    kpSumTenths: num(COL.kpSum, 'Kp sum', LIMITS.kpSumTenths),
    ap3h: ap,
    apDaily: num(COL.apAvg, 'Ap', LIMITS.ap),
    cp: num(COL.cp, 'Cp', LIMITS.cp),
    c9: num(COL.c9, 'C9', LIMITS.c9),
    isn: num(COL.isn, 'ISN', LIMITS.isn),
    f107AdjSfu: num(COL.f107Adj, 'F10.7 adjusted', LIMITS.f107Sfu),
    f107Qualifier: num(COL.q, 'flux qualifier', [0, 9]),
    f107AdjCenter81Sfu: num(COL.adjCtr81, 'F10.7 adjusted centred 81-day mean', LIMITS.f107Sfu),
    f107AdjLast81Sfu: num(COL.adjLst81, 'F10.7 adjusted trailing 81-day mean', LIMITS.f107Sfu),
    f107ObsSfu: num(COL.f107Obs, 'F10.7 observed', LIMITS.f107Sfu),
    f107ObsCenter81Sfu: num(COL.obsCtr81, 'F10.7 observed centred 81-day mean', LIMITS.f107Sfu),
    f107ObsLast81Sfu: num(COL.obsLst81, 'F10.7 observed trailing 81-day mean', LIMITS.f107Sfu),
    f107DataType: null,
  };
  if (kind !== 'monthly-predicted' && (kp.length === 0 || ap.length === 0 || record.apDaily === null)) {
    throw new ParseError(`a ${kind} row needs the eight Kp, the eight ap and Ap`, lineNo, 19, 'field');
  }
  if (record.f107ObsSfu === null && record.f107AdjSfu === null) {
    throw new ParseError('row has neither observed nor adjusted F10.7', lineNo, 93, 'field');
  }
  return record;
}

/** Parses a whole SW-All.txt text. */
export function parseSpaceWeatherTxt(text: string): SpaceWeatherFileResult {
  const lines = text.split(/\r\n|\n|\r/);
  const records: SpaceWeatherRecord[] = [];
  const rejected: RejectedLine[] = [];
  let section: SpaceWeatherRecordKind | undefined;
  let sawSection = false;
  let updated: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    const begin = /^BEGIN\s+(\S+)\s*$/.exec(line);
    if (begin !== null) {
      const kind = SECTIONS[begin[1] ?? ''];
      if (kind === undefined) {
        rejected.push({ line: lineNo, column: 7, reason: 'section', message: `unknown section '${begin[1] ?? ''}'` });
        section = undefined;
      } else section = kind;
      sawSection = true;
      continue;
    }
    if (/^END\s+\S+\s*$/.test(line)) {
      section = undefined;
      continue;
    }
    if (section === undefined) {
      const up = /^UPDATED\s+(.+?)\s*$/.exec(line);
      if (up !== null) updated = up[1];
      continue;
    }
    if (line.trim() === '' || line.startsWith('#')) continue;
    try {
      records.push(parseSpaceWeatherTxtRow(line, lineNo, section));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message });
    }
  }
  if (!sawSection) throw new ParseError('not a CelesTrak space-weather file: no BEGIN OBSERVED/DAILY_PREDICTED/MONTHLY_PREDICTED section', 1, 1, 'layout');
  return { records, rejected, ...(updated !== undefined ? { updated } : {}) };
}

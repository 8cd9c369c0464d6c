/**
 * Parser for the IERS Rapid Service/Prediction Centre files finals2000A.all / .data / .daily (IAU 2000A: dX, dY)
 * and finals.all / .data / .daily (IAU 1980: dψ, dε), fixed columns per the IERS ReadMe (readme.finals2000A):
 *   1–2 year (add 1900 for MJD ≤ 51543, else 2000), 3–4 month, 5–6 day, 8–15 MJD (UTC),
 *   17 polar-motion flag (I = IERS, P = prediction), 19–27 x_p ″, 38–46 y_p ″,
 *   58 UT1 flag, 59–68 UT1−UTC s, 96 nutation flag, 98–106 dX (or dψ) mas, 117–125 dY (or dε) mas.
 * Bulletin A values are used (columns 135–185, Bulletin B, are ignored); predictions are kept and marked.
 * Trailing rows that carry only a date (no UT1) end the usable series and are skipped.
 */
import { ParseError } from '../errors/index.js';
import { RAD_PER_ARCSEC } from '../units/index.js';
import { mjdFromCalendar } from './calendar.js';
import { createEopTable, type EopRow, type EopTable, type PoleOffsetKind } from './eop.js';
import { columns, numberAt, optionalNumberAt, splitLines } from './fixed-columns.js';

export interface FinalsOptions {
  /** What columns 98–125 hold: 'dXdY' for finals2000A.* (default), 'dPsiDEps' for the IAU 1980 finals.*. */
  readonly poleOffsets?: Exclude<PoleOffsetKind, 'none'>;
  /** Source label stored in the table. */
  readonly source?: string;
}

const RAD_PER_MAS = RAD_PER_ARCSEC / 1000;

function flagAt(line: string, lineNo: number, column: number, what: string): 'I' | 'P' | undefined {
  const c = columns(line, column, column);
  if (c === '' || c === ' ') return undefined;
  if (c === 'I' || c === 'P') return c;
  throw new ParseError(`${what} flag must be 'I' or 'P', got '${c}'`, lineNo, column, 'field');
}

/** Parses finals2000A.all (or finals.all with `{ poleOffsets: 'dPsiDEps' }`) into an `EopTable`. */
export function parseFinals2000A(text: string, options: FinalsOptions = {}): EopTable {
  const kind = options.poleOffsets ?? 'dXdY';
  const rows: EopRow[] = [];
  const lines = splitLines(text);
  let previousMjd = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    if (line.length < 15) throw new ParseError('line too short for a finals record (needs the MJD in columns 8–15)', lineNo, line.length + 1, 'length');
    const yy = numberAt(line, lineNo, 1, 2, 'year');
    const month = numberAt(line, lineNo, 3, 4, 'month');
    const day = numberAt(line, lineNo, 5, 6, 'day');
    const mjd = numberAt(line, lineNo, 8, 15, 'MJD');
    if (!Number.isInteger(yy) || !Number.isInteger(month) || !Number.isInteger(day) || yy < 0) {
      throw new ParseError('date fields must be unsigned integers', lineNo, 1, 'field');
    }
    if (!Number.isInteger(mjd)) throw new ParseError(`MJD ${mjd} is not a whole day`, lineNo, 8, 'field');
    const year = yy + (mjd <= 51_543 ? 1900 : 2000);
    let dateMjd: number;
    try {
      dateMjd = mjdFromCalendar(year, month, day);
    } catch {
      throw new ParseError(`date ${year}-${month}-${day} does not exist`, lineNo, 1, 'field');
    }
    if (dateMjd !== mjd) throw new ParseError(`MJD ${mjd} does not match the date ${year}-${month}-${day}`, lineNo, 8, 'inconsistent');
    if (mjd <= previousMjd) throw new ParseError(`MJD ${mjd} is not after the previous row`, lineNo, 8, 'order');
    previousMjd = mjd;

    const ut1Flag = flagAt(line, lineNo, 58, 'UT1');
    const ut1 = optionalNumberAt(line, lineNo, 59, 68, 'UT1−UTC');
    if (ut1 === undefined) {
      if (ut1Flag !== undefined) throw new ParseError('UT1 flag without a UT1−UTC value', lineNo, 59, 'field');
      continue; // a date-only row at the end of the file
    }
    const pmFlag = flagAt(line, lineNo, 17, 'polar-motion');
    const xp = numberAt(line, lineNo, 19, 27, 'x_p');
    const yp = numberAt(line, lineNo, 38, 46, 'y_p');
    const d1 = optionalNumberAt(line, lineNo, 98, 106, kind === 'dXdY' ? 'dX' : 'dψ');
    const d2 = optionalNumberAt(line, lineNo, 117, 125, kind === 'dXdY' ? 'dY' : 'dε');
    if (Math.abs(ut1) >= 1 && mjd >= 41_317) throw new ParseError(`|UT1−UTC| = ${ut1} s is not below 1 s`, lineNo, 59, 'range');
    if (Math.abs(xp) > 2 || Math.abs(yp) > 2) throw new ParseError('polar motion beyond 2 arcsec', lineNo, Math.abs(xp) > 2 ? 19 : 38, 'range');
    const row: EopRow = {
      mjdUtc: mjd,
      ut1MinusUtcS: ut1,
      xpRad: xp * RAD_PER_ARCSEC,
      ypRad: yp * RAD_PER_ARCSEC,
      ut1Predicted: ut1Flag === 'P',
      polarMotionPredicted: pmFlag === 'P',
    };
    if (d1 !== undefined && d2 !== undefined) {
      if (Math.abs(d1) > 1e4 || Math.abs(d2) > 1e4) throw new ParseError('celestial-pole offset beyond 10″', lineNo, 98, 'range');
      rows.push({ ...row, poleOffset1Rad: d1 * RAD_PER_MAS, poleOffset2Rad: d2 * RAD_PER_MAS });
    } else {
      rows.push(row);
    }
  }
  if (rows.length === 0) throw new ParseError('no EOP rows with UT1−UTC found', 1, 1, 'empty');
  return createEopTable(rows, options.source ?? (kind === 'dXdY' ? 'IERS finals2000A' : 'IERS finals (IAU 1980)'), kind);
}

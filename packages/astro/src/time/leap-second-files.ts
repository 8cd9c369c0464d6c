/**
 * Loaders for the three published leap-second tables:
 * - IERS `Leap_Second.dat` (IERS Earth Orientation Centre, Bulletin C companion): "MJD day month year TAI−UTC"
 *   rows and a "File expires on DD Month YYYY" comment.
 * - IANA/IERS `leap-seconds.list` (tz database; NIST/IERS format): "NTP-seconds TAI−UTC # comment" rows, `#@`
 *   expiry and `#$` last-update lines in NTP seconds since 1900-01-01 (MJD 15020). The `#h` SHA-1 line is not
 *   verified (that would need a SHA-1 implementation in a dependency-free package).
 * - USNO `tai-utc.dat`: "1961 JAN  1 =JD 2437300.5  TAI-UTC=   1.4228180 S + (MJD - 37300.) X 0.001296 S",
 *   including the 1961–1971 drift formulae.
 * Every malformed line raises `ParseError` with its line and column; rows must increase in date.
 */
import { ParseError } from '../errors/index.js';
import { mjdFromCalendar } from './calendar.js';
import { splitLines, type Token, tokenize, tokenNumber } from './fixed-columns.js';
import { createLeapSecondTable, type LeapSecondEntry, type LeapSecondTable } from './leap-seconds.js';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
/** MJD of the NTP epoch 1900-01-01. */
const NTP_EPOCH_MJD = 15_020;

function monthNumber(token: Token, lineNo: number): number {
  const name = token.text.toUpperCase();
  const index = name.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(name)) : -1;
  if (index < 0) throw new ParseError(`'${token.text}' is not a month name`, lineNo, token.column, 'field');
  return index + 1;
}

function calendarMjd(year: number, month: number, day: number, lineNo: number, column: number): number {
  try {
    return mjdFromCalendar(year, month, day);
  } catch {
    throw new ParseError(`date ${year}-${month}-${day} does not exist`, lineNo, column, 'field');
  }
}

function build(entries: LeapSecondEntry[], source: string, expiresMjd: number | undefined): LeapSecondTable {
  if (entries.length === 0) throw new ParseError('no leap-second rows found', 1, 1, 'empty');
  return createLeapSecondTable(entries, source, expiresMjd);
}

function checkOrder(entries: LeapSecondEntry[], mjd: number, lineNo: number, column: number): void {
  const last = entries[entries.length - 1];
  if (last !== undefined && mjd <= last.mjd) throw new ParseError(`date (MJD ${mjd}) is not after the previous row`, lineNo, column, 'order');
}

function checkOffset(value: number, lineNo: number, column: number): void {
  if (Math.abs(value) > 1000) throw new ParseError(`TAI−UTC ${value} s is implausible`, lineNo, column, 'range');
}

/** Parses IERS Leap_Second.dat. */
export function parseLeapSecondDat(text: string): LeapSecondTable {
  const entries: LeapSecondEntry[] = [];
  let expiresMjd: number | undefined;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      const m = /File expires on\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/i.exec(line);
      if (m !== null) {
        const column = (m.index ?? 0) + 1;
        const month = monthNumber({ text: m[2] ?? '', column }, lineNo);
        expiresMjd = calendarMjd(Number(m[3]), month, Number(m[1]), lineNo, column);
      }
      continue;
    }
    const tokens = tokenize(line);
    if (tokens.length !== 5) throw new ParseError(`expected 5 fields (MJD day month year TAI−UTC), found ${tokens.length}`, lineNo, (tokens[5] ?? tokens[0])?.column ?? 1, 'field');
    const mjd = tokenNumber(tokens[0], lineNo, 'MJD');
    const day = tokenNumber(tokens[1], lineNo, 'day', true);
    const month = tokenNumber(tokens[2], lineNo, 'month', true);
    const year = tokenNumber(tokens[3], lineNo, 'year', true);
    const offsetS = tokenNumber(tokens[4], lineNo, 'TAI−UTC');
    const column = tokens[0]?.column ?? 1;
    if (calendarMjd(year, month, day, lineNo, tokens[1]?.column ?? 1) !== mjd) {
      throw new ParseError(`MJD ${mjd} does not match the date ${year}-${month}-${day}`, lineNo, column, 'inconsistent');
    }
    checkOffset(offsetS, lineNo, tokens[4]?.column ?? 1);
    checkOrder(entries, mjd, lineNo, column);
    entries.push({ mjd, offsetS, refMjd: mjd, driftSPerDay: 0 });
  }
  return build(entries, 'IERS Leap_Second.dat', expiresMjd);
}

/** Parses the IANA/IERS leap-seconds.list (NTP seconds), including its `#@` expiry. */
export function parseLeapSecondsList(text: string): LeapSecondTable {
  const entries: LeapSecondEntry[] = [];
  let expiresMjd: number | undefined;
  const lines = splitLines(text);
  const ntpDay = (token: Token | undefined, lineNo: number, what: string): number => {
    const seconds = tokenNumber(token, lineNo, what, true);
    if (seconds < 0 || seconds % 86_400 !== 0) {
      throw new ParseError(`${what} ${seconds} is not a whole number of NTP days`, lineNo, token?.column ?? 1, 'field');
    }
    return NTP_EPOCH_MJD + seconds / 86_400;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (line.startsWith('#@')) {
      const tokens = tokenize(line.slice(2)).map((t) => ({ ...t, column: t.column + 2 }));
      expiresMjd = ntpDay(tokens[0], lineNo, 'expiry');
      continue;
    }
    if (trimmed.startsWith('#')) continue;
    const hash = line.indexOf('#');
    const tokens = tokenize(hash >= 0 ? line.slice(0, hash) : line);
    if (tokens.length !== 2) throw new ParseError(`expected 2 fields (NTP seconds, TAI−UTC), found ${tokens.length}`, lineNo, tokens[2]?.column ?? 1, 'field');
    const mjd = ntpDay(tokens[0], lineNo, 'NTP seconds');
    const offsetS = tokenNumber(tokens[1], lineNo, 'TAI−UTC', true);
    checkOffset(offsetS, lineNo, tokens[1]?.column ?? 1);
    checkOrder(entries, mjd, lineNo, tokens[0]?.column ?? 1);
    entries.push({ mjd, offsetS, refMjd: mjd, driftSPerDay: 0 });
  }
  return build(entries, 'IANA leap-seconds.list', expiresMjd);
}

const TAI_UTC_LINE = /^\s*(\d{4})\s+([A-Za-z]{3})\s+(\d{1,2})\s+=JD\s+(\d+\.5)\s+TAI-UTC=\s*([+-]?\d+\.\d*)\s*S\s*\+\s*\(MJD\s*-\s*(\d+\.?\d*)\)\s*X\s*([+-]?\d*\.\d+|\d+)\s*S\s*$/;

/** Parses the USNO tai-utc.dat (with the 1961–1971 drift terms). No expiry is stated in this format. */
export function parseTaiUtcDat(text: string): LeapSecondTable {
  const entries: LeapSecondEntry[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '') continue;
    const m = TAI_UTC_LINE.exec(line);
    if (m === null) {
      // Point at the first field that breaks the pattern: the longest prefix of tokens that still could match.
      const tokens = tokenize(line);
      const expected = [/^\d{4}$/, /^[A-Za-z]{3}$/, /^\d{1,2}$/, /^=JD$/, /^\d+\.5$/, /^TAI-UTC=/];
      let column = line.length + 1;
      for (let k = 0; k < expected.length; k++) {
        const tok = tokens[k];
        if (tok === undefined || !(expected[k]?.test(tok.text) ?? false)) {
          column = tok?.column ?? line.length + 1;
          break;
        }
        column = tokens[k + 1]?.column ?? line.length + 1;
      }
      throw new ParseError('not a tai-utc.dat row ("YYYY MON DD =JD jd TAI-UTC= a S + (MJD - b) X c S")', lineNo, column, 'field');
    }
    const column = line.length - line.trimStart().length + 1;
    const month = monthNumber({ text: m[2] ?? '', column: column + 5 }, lineNo);
    const mjd = calendarMjd(Number(m[1]), month, Number(m[3]), lineNo, column);
    if (Number(m[4]) - 2_400_000.5 !== mjd) throw new ParseError(`JD ${m[4]} does not match the date`, lineNo, line.indexOf('=JD') + 1, 'inconsistent');
    const offsetS = Number(m[5]);
    const refMjd = Number(m[6]);
    const driftSPerDay = Number(m[7]);
    checkOffset(offsetS, lineNo, line.indexOf('TAI-UTC=') + 1);
    if (Math.abs(driftSPerDay) > 0.01) throw new ParseError(`drift ${driftSPerDay} s/day is implausible`, lineNo, line.lastIndexOf('X') + 1, 'range');
    checkOrder(entries, mjd, lineNo, column);
    entries.push({ mjd, offsetS, refMjd, driftSPerDay });
  }
  return build(entries, 'USNO tai-utc.dat', undefined);
}

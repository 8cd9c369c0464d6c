/**
 * Whole element files: TLE (2-line), 3LE (title + 2 lines, `0 NAME` or bare name) and OMM in JSON, XML, KVN or
 * CSV, told apart by their first non-blank characters. A bad record never loses the rest: it is listed in
 * `rejected` with its line, column and reason, and TLE reading resynchronises on the next line that starts
 * with `1 `.
 */
import { ParseError } from '../errors/index.js';
import type { ElementSet } from './element-set.js';
import { parseOmmCsv } from './omm-csv.js';
import { parseOmmJson } from './omm-json.js';
import { parseOmmKvn } from './omm-kvn.js';
import { parseOmmXml } from './omm-xml.js';
import { parseTle, type TleParseOptions } from './tle-parse.js';

/** One record that could not be read. */
export interface RejectedRecord {
  /** 1-based line and column of the fault within the input. */
  readonly line: number;
  readonly column: number;
  /** Machine-readable reason (`checksum`, `length`, `field`, `layout`, `alpha5`, `range`, `orphan-line`, …). */
  readonly reason: string;
  /** Human-readable message. */
  readonly message: string;
  /** The text of the rejected record (its lines joined by `\n`). */
  readonly text: string;
}

export interface ElementFileResult {
  readonly records: ElementSet[];
  readonly rejected: RejectedRecord[];
}

export type ElementFileFormat = 'tle' | 'omm-json' | 'omm-xml' | 'omm-kvn' | 'omm-csv';

/** Guesses the format from the first non-blank text. */
export function detectElementFormat(text: string): ElementFileFormat {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n' || text[i] === '\uFEFF')) i++;
  const c = text[i];
  if (c === '{' || c === '[') return 'omm-json';
  if (c === '<') return 'omm-xml';
  if (text.startsWith('CCSDS_OMM_VERS', i) || text.startsWith('COMMENT', i)) return 'omm-kvn';
  // CSV: a header row naming EPOCH among comma-separated keywords (a bare 3LE title may contain commas too)
  const firstLine = /^[^\r\n]*/.exec(text.slice(i, i + 1000))?.[0] ?? '';
  if (/^"?[A-Z_]+"?(,"?[A-Z_]+"?)+$/.test(firstLine) && firstLine.replace(/"/g, '').split(',').includes('EPOCH')) return 'omm-csv';
  return 'tle';
}

/** Splits text into lines on LF, CRLF or CR, without the terminators. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function rejectionOf(e: unknown, fallbackLine: number, text: string): RejectedRecord {
  if (e instanceof ParseError) return { line: e.line, column: e.column, reason: e.reason, message: e.message, text };
  if (e instanceof RangeError) return { line: fallbackLine, column: 1, reason: 'range', message: e.message, text };
  throw e;
}

/**
 * Reads TLE / 3LE text. A title line is any non-blank line that is neither `1 …` nor `2 …` and is immediately
 * followed by line 1 (a 3LE record is three consecutive lines). Blank lines and comment lines starting with `#`
 * are skipped.
 */
export function parseTleFile(text: string, options: TleParseOptions = {}): ElementFileResult {
  const lines = splitLines(text);
  const records: ElementSet[] = [];
  const rejected: RejectedRecord[] = [];
  let title: string | undefined;
  let titleNo = 0;
  const n = lines.length;
  for (let i = 0; i < n; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.startsWith('1 ')) {
      const next = lines[i + 1];
      if (next === undefined || !next.startsWith('2 ')) {
        const t = title === undefined ? line : `${title}\n${line}`;
        rejected.push({ line: lineNo + 1, column: 1, reason: 'missing-line-2', message: `line 1 at line ${lineNo} is not followed by a line 2`, text: t });
        title = undefined;
        continue;
      }
      const ctx = title === undefined
        ? { line1No: lineNo, line2No: lineNo + 1 }
        : { line1No: lineNo, line2No: lineNo + 1, titleLine: title, titleLineNo: titleNo };
      try {
        records.push(parseTle(line, next, undefined, options, ctx));
      } catch (e) {
        rejected.push(rejectionOf(e, lineNo, title === undefined ? `${line}\n${next}` : `${title}\n${line}\n${next}`));
      }
      title = undefined;
      i++;
      continue;
    }
    if (line.startsWith('2 ')) {
      rejected.push({ line: lineNo, column: 1, reason: 'orphan-line-2', message: 'line 2 without a preceding line 1', text: title === undefined ? line : `${title}\n${line}` });
      title = undefined;
      continue;
    }
    const skip = line.trim() === '' || line.startsWith('#'); // blank or comment (Vallado's SGP4-VER.TLE uses '#')
    if (title !== undefined) {
      rejected.push({ line: titleNo, column: 1, reason: 'orphan-title', message: 'title line not followed by TLE line 1', text: title });
      title = undefined;
    }
    if (skip) continue;
    title = line;
    titleNo = lineNo;
  }
  if (title !== undefined) {
    rejected.push({ line: titleNo, column: 1, reason: 'orphan-title', message: 'title line at the end of the input', text: title });
  }
  return { records, rejected };
}

/** Reads a whole element file in any supported format (auto-detected unless `format` is given). */
export function parseElementFile(input: string, options: TleParseOptions & { readonly format?: ElementFileFormat } = {}): ElementFileResult {
  // a UTF-8 byte-order mark is not part of the first record; line and column numbers count from after it
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const format = options.format ?? detectElementFormat(text);
  switch (format) {
    case 'omm-json':
      return parseOmmJson(text);
    case 'omm-xml':
      return parseOmmXml(text);
    case 'omm-kvn':
      return parseOmmKvn(text);
    case 'omm-csv':
      return parseOmmCsv(text);
    default:
      return parseTleFile(text, options);
  }
}

/**
 * OMM as CSV with CelesTrak's header (`OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,…,MEAN_MOTION_DDOT`; CelesTrak
 * GP `FORMAT=csv`). Columns are found by header name, so order does not matter; quoting per RFC 4180.
 */
import { ParseError } from '../errors/index.js';
import type { ElementSet } from './element-set.js';
import type { ElementFileResult, RejectedRecord } from './element-file.js';
import { elementSetToOmm, formatOmmNumber, OMM_FIELDS, rawOmmToElementSet, type RawField } from './omm.js';

interface Cell {
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

interface Row {
  readonly cells: Cell[];
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly error?: ParseError;
}

/** RFC 4180 rows with each cell's position; an unterminated quote is reported on its row. */
function csvRows(text: string): Row[] {
  const rows: Row[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  while (i < n) {
    const rowLine = line;
    const rowStart = i;
    const cells: Cell[] = [];
    let error: ParseError | undefined;
    for (;;) {
      const column = i - lineStart + 1;
      const cellLine = line;
      let value = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') {
            line++;
            lineStart = i + 1;
          }
          value += c;
          i++;
        }
        if (!closed) error ??= new ParseError('unterminated quoted CSV field', cellLine, column, 'csv');
        else if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error ??= new ParseError('text after a closing quote in a CSV field', line, i - lineStart + 1, 'csv');
          while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        }
      } else {
        const s = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        value = text.slice(s, i);
        if (value.includes('"')) error ??= new ParseError('quote inside an unquoted CSV field', cellLine, column, 'csv');
      }
      cells.push({ value, line: cellLine, column });
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    const end = i;
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    const blank = cells.length === 1 && (cells[0]?.value ?? '').trim() === '';
    if (!blank) rows.push({ cells, line: rowLine, start: rowStart, end, ...(error === undefined ? {} : { error }) });
  }
  return rows;
}

/** Reads OMM CSV (header row first). */
export function parseOmmCsv(text: string): ElementFileResult {
  const rows = csvRows(text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text);
  const records: ElementSet[] = [];
  const rejected: RejectedRecord[] = [];
  const header = rows[0];
  if (header === undefined) return { records, rejected };
  const names = header.cells.map((c) => c.value.trim().toUpperCase());
  if (header.error !== undefined || !names.includes('EPOCH')) {
    const e = header.error ?? new ParseError('CSV header has no EPOCH column', header.line, 1, 'csv');
    return { records, rejected: [{ line: e.line, column: e.column, reason: e.reason, message: e.message, text: text.slice(header.start, header.end) }] };
  }
  for (const row of rows.slice(1)) {
    const recText = text.slice(row.start, row.end);
    try {
      if (row.error !== undefined) throw row.error;
      if (row.cells.length !== names.length) {
        throw new ParseError(`CSV row has ${row.cells.length} fields, the header ${names.length}`, row.line, 1, 'csv');
      }
      const raw = new Map<string, RawField>();
      row.cells.forEach((c, k) => raw.set(names[k] ?? '', { value: c.value, line: c.line, column: c.column }));
      records.push(rawOmmToElementSet(raw, { format: 'omm-csv', text: recText, line: row.line }, row.line, 1));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message, text: recText });
    }
  }
  return { records, rejected };
}

function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? formatOmmNumber(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** OMM CSV with CelesTrak's header, CRLF line ends as CelesTrak serves it. */
export function formatOmmCsv(sets: readonly ElementSet[]): string {
  const lines = [OMM_FIELDS.join(',')];
  for (const es of sets) {
    const r = elementSetToOmm(es);
    lines.push(OMM_FIELDS.map((k) => csvCell(r[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

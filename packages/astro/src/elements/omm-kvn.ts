/**
 * OMM in Keyword = Value Notation (CCSDS 502.0-B-3 §4 and §7: one `KEYWORD = value` per line, optional
 * `[unit]` after the value, `COMMENT` lines, each message opened by `CCSDS_OMM_VERS`). Several messages may
 * follow each other in one text; a bad one is rejected alone.
 */
import { ParseError } from '../errors/index.js';
import type { ElementSet } from './element-set.js';
import type { ElementFileResult, RejectedRecord } from './element-file.js';
import { splitLines } from './element-file.js';
import { elementSetToOmm, formatOmmNumber, OMM_METADATA, rawOmmToElementSet, type OmmRecord, type RawField } from './omm.js';
import type { OmmHeaderOptions } from './omm-xml.js';

const LINE_RE = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/;
/** A trailing `[unit]` (CCSDS 502.0-B-3 §7.4.6), stripped from numeric values only: names may end in brackets. */
const UNIT_RE = /\s*\[[^\]]*\]$/;
const TEXT_KEYS = new Set(['OBJECT_NAME', 'OBJECT_ID', 'ORIGINATOR', 'CREATION_DATE', 'MESSAGE_ID']);

/** Reads OMM KVN text (one or more messages). */
export function parseOmmKvn(text: string): ElementFileResult {
  const lines = splitLines(text);
  const records: ElementSet[] = [];
  const rejected: RejectedRecord[] = [];
  let raw: Map<string, RawField> | undefined;
  let startLine = 0;
  let fault: ParseError | undefined;
  const flush = (endLine: number): void => {
    if (raw === undefined) return;
    const recText = lines.slice(startLine - 1, endLine).join('\n');
    try {
      if (fault !== undefined) throw fault;
      records.push(rawOmmToElementSet(raw, { format: 'omm-kvn', text: recText, line: startLine }, startLine, 1));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message, text: recText });
    }
    raw = undefined;
    fault = undefined;
  };
  let lastContent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed === 'COMMENT' || trimmed.startsWith('COMMENT ')) continue;
    const m = LINE_RE.exec(line);
    if (m !== null && m[1] === 'CCSDS_OMM_VERS') {
      flush(lastContent);
      raw = new Map();
      startLine = lineNo;
      lastContent = lineNo;
      continue;
    }
    if (raw === undefined) {
      rejected.push({ line: lineNo, column: 1, reason: 'kvn', message: 'KVN line before CCSDS_OMM_VERS', text: line });
      continue;
    }
    lastContent = lineNo;
    if (m === null) {
      fault ??= new ParseError(`not a KVN "KEYWORD = value" line: ${line.slice(0, 40)}`, lineNo, 1, 'kvn');
      continue;
    }
    const key = m[1] ?? '';
    const value = TEXT_KEYS.has(key) ? (m[2] ?? '') : (m[2] ?? '').replace(UNIT_RE, '');
    const column = line.indexOf('=') + 2 + (line.slice(line.indexOf('=') + 1).length - line.slice(line.indexOf('=') + 1).trimStart().length);
    if (raw.has(key) && !key.startsWith('USER_DEFINED')) {
      fault ??= new ParseError(`KVN keyword ${key} repeated in one message`, lineNo, 1, 'kvn');
      continue;
    }
    raw.set(key, { value, line: lineNo, column });
  }
  flush(lastContent);
  return { records, rejected };
}

function kvnValue(r: OmmRecord, k: keyof OmmRecord): string {
  const v = r[k];
  return typeof v === 'number' ? formatOmmNumber(v) : v;
}

/** OMM KVN text, one message per element set (blank line between messages). */
export function formatOmmKvn(sets: readonly ElementSet[], options: OmmHeaderOptions = {}): string {
  return sets.map((es) => {
    const r = elementSetToOmm(es);
    const out: string[] = ['CCSDS_OMM_VERS = 3.0'];
    if (options.creationDate !== undefined) out.push(`CREATION_DATE = ${options.creationDate}`);
    out.push(`ORIGINATOR = ${options.originator ?? 'stationkeeper'}`, '');
    out.push(`OBJECT_NAME = ${r.OBJECT_NAME}`, `OBJECT_ID = ${r.OBJECT_ID}`);
    for (const [k, v] of Object.entries(OMM_METADATA)) out.push(`${k} = ${v}`);
    out.push('');
    for (const k of ['EPOCH', 'MEAN_MOTION', 'ECCENTRICITY', 'INCLINATION', 'RA_OF_ASC_NODE', 'ARG_OF_PERICENTER', 'MEAN_ANOMALY'] as const) {
      out.push(`${k} = ${kvnValue(r, k)}`);
    }
    out.push('');
    for (const k of ['EPHEMERIS_TYPE', 'CLASSIFICATION_TYPE', 'NORAD_CAT_ID', 'ELEMENT_SET_NO', 'REV_AT_EPOCH', 'BSTAR', 'MEAN_MOTION_DOT', 'MEAN_MOTION_DDOT'] as const) {
      out.push(`${k} = ${kvnValue(r, k)}`);
    }
    return out.join('\n') + '\n';
  }).join('\n');
}

/**
 * OMM in JSON with CelesTrak's field names (CelesTrak GP `FORMAT=json`; Space-Track `gp` class JSON, whose
 * values are strings, reads the same). A top-level array of objects or a single object.
 */
import { ParseError } from '../errors/index.js';
import type { ElementSet } from './element-set.js';
import type { ElementFileResult, RejectedRecord } from './element-file.js';
import { elementSetToOmm, rawOmmToElementSet, type RawField } from './omm.js';

/** 1-based line and column of `offset` in `text`, given ascending line-start offsets. */
export function positionOf(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

/** Offsets at which each line starts (after LF, CRLF or a lone CR). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** Spans [start, end) of the elements of a top-level JSON array (text known to be valid JSON). */
function topLevelSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let inStr = false;
  let esc = false;
  let start = -1;
  let lastNonWs = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (esc) esc = false;
      else if (c === '\\') esc = true;
      else if (c === '"') {
        inStr = false;
        lastNonWs = i;
      }
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
    if (c === '"') {
      if (depth === 1 && start < 0) start = i;
      inStr = true;
      continue;
    }
    if (c === '{' || c === '[') {
      if (depth === 1 && start < 0) start = i;
      depth++;
      continue;
    }
    if (c === '}' || c === ']') {
      depth--;
      if (depth === 1 && start >= 0) {
        spans.push([start, i + 1]);
        start = -1;
      } else if (depth === 0 && start >= 0) {
        spans.push([start, lastNonWs + 1]);
        start = -1;
      }
      lastNonWs = i;
      continue;
    }
    if (depth === 1) {
      if (c === ',') {
        if (start >= 0) spans.push([start, lastNonWs + 1]);
        start = -1;
      } else if (start < 0) start = i;
    }
    lastNonWs = i;
  }
  return spans;
}

function jsonErrorPosition(e: Error, text: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(e.message);
  if (lc !== null) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(e.message);
  if (pos !== null) return positionOf(lineStartsOf(text), Number(pos[1]));
  return { line: 1, column: 1 };
}

/** Reads OMM JSON. Unparseable JSON yields one rejection (reason `json`); each bad object is rejected alone. */
export function parseOmmJson(text: string): ElementFileResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const p = jsonErrorPosition(e as Error, text);
    return { records: [], rejected: [{ ...p, reason: 'json', message: (e as Error).message, text: text.slice(0, 200) }] };
  }
  const items = Array.isArray(doc) ? (doc as unknown[]) : [doc];
  const starts = lineStartsOf(text);
  const spans = Array.isArray(doc) ? topLevelSpans(text) : [[0, text.length] as [number, number]];
  const aligned = spans.length === items.length;
  const records: ElementSet[] = [];
  const rejected: RejectedRecord[] = [];
  items.forEach((item, idx) => {
    const span = aligned ? spans[idx] : undefined;
    const recText = span === undefined ? JSON.stringify(item) ?? '' : text.slice(span[0], span[1]);
    const pos = span === undefined ? { line: 1, column: 1 } : positionOf(starts, span[0]);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      rejected.push({ ...pos, reason: 'field', message: 'OMM JSON element is not an object', text: recText });
      return;
    }
    const raw = new Map<string, RawField>();
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) raw.set(k, { value: v, line: pos.line, column: pos.column });
    try {
      records.push(rawOmmToElementSet(raw, { format: 'omm-json', text: recText, line: pos.line }, pos.line, pos.column));
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      rejected.push({ line: e.line, column: e.column, reason: e.reason, message: e.message, text: recText });
    }
  });
  return { records, rejected };
}

/** OMM JSON (an array of CelesTrak-keyed objects) of element sets; `indent` as for JSON.stringify. */
export function formatOmmJson(sets: readonly ElementSet[], indent?: number): string {
  return JSON.stringify(sets.map(elementSetToOmm), null, indent);
}

/**
 * File import: read (plain or gzip), detect the format by content, parse with the one parser for it
 * (`@stationkeeper/astro/elements`, `@stationkeeper/astro/time`, or this package's space-weather readers),
 * and store everything usable in ONE transaction with its ingest-log entry (`Store.ingest`).
 *
 * - Rejected records are reported with their 1-based line (and column) and the rest still imports
 *   (a `partial` ingest).
 * - A file with no recognisable format, or with nothing usable in it, is an `ImportError` and changes
 *   nothing; so does any failure (or a crash) during the transaction.
 * - Importing the same file again adds nothing: every record counts as a duplicate.
 */
import { parseElementFile, type ElementSet } from '@stationkeeper/astro/elements';
import { ParseError } from '@stationkeeper/astro/errors';
import { parseFinals2000A, type EopRow, type EopTable } from '@stationkeeper/astro/time';
import { decodeInput, readInputText } from '../formats/read-input.js';
import type { RejectedLine } from '../formats/rejected.js';
import { parseSpaceWeatherCsv } from '../formats/space-weather-csv.js';
import type { SpaceWeatherRecord } from '../formats/space-weather-record.js';
import { parseSpaceWeatherTxt } from '../formats/space-weather-txt.js';
import { validateElementSet } from '../store/element-rows.js';
import type { IngestSummary, Store } from '../store/types.js';
import { detectImportFormat, importKindOf, type ImportFormat } from './detect.js';

/** An import that changed nothing, with why (and the first rejections, when there were records). */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    message: string,
    readonly rejected: readonly RejectedLine[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type ImportPhase = 'parse' | 'store';

export interface ImportOptions {
  /** Wall-clock time of the import, recorded in the ingest log. */
  readonly at: Date;
  /** Label recorded as the source (defaults to the path). */
  readonly source?: string;
  /** Progress: during `store`, records written of the total. */
  readonly onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface ImportResult {
  readonly source: string;
  /** Format as recorded in the ingest log: `3le`, `tle`, `omm-json`, …, `sw-txt`, `sw-csv`, `finals2000a`. */
  readonly format: string;
  readonly kind: 'elements' | 'space-weather' | 'eop';
  /** Usable records found in the file. */
  readonly records: number;
  readonly summary: IngestSummary;
  /** Every rejected record, in file order. */
  readonly rejected: readonly RejectedLine[];
}

type Parsed =
  | { kind: 'elements'; records: ElementSet[]; rejected: RejectedLine[] }
  | { kind: 'space-weather'; records: SpaceWeatherRecord[]; rejected: RejectedLine[] }
  | { kind: 'eop'; records: EopRow[]; rejected: RejectedLine[] };

/** The rows of an `EopTable` (the time package's columnar form) as `EopRow`s. */
export function eopTableRows(t: EopTable): EopRow[] {
  const rows: EopRow[] = [];
  for (let i = 0; i < t.mjdUtc.length; i++) {
    const offsets = t.hasPoleOffsets[i] === 1;
    rows.push({
      mjdUtc: t.mjdUtc[i] ?? NaN,
      ut1MinusUtcS: t.ut1MinusUtcS[i] ?? NaN,
      xpRad: t.xpRad[i] ?? NaN,
      ypRad: t.ypRad[i] ?? NaN,
      ...(offsets ? { poleOffset1Rad: t.poleOffset1Rad[i] ?? NaN, poleOffset2Rad: t.poleOffset2Rad[i] ?? NaN } : {}),
      ut1Predicted: t.ut1Predicted[i] === 1,
      polarMotionPredicted: t.polarMotionPredicted[i] === 1,
    });
  }
  return rows;
}

/**
 * finals2000A: the whole-file parser first (the normal case); if it stops at a bad line, read line by line
 * so that every bad line is reported and every good one kept. Date-only rows (the file's tail) are skipped.
 */
function parseFinalsResilient(text: string): { records: EopRow[]; rejected: RejectedLine[] } {
  try {
    return { records: eopTableRows(parseFinals2000A(text)), rejected: [] };
  } catch (e) {
    if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
  }
  const records: EopRow[] = [];
  const rejected: RejectedLine[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let previous = -Infinity;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const [row] = eopTableRows(parseFinals2000A(line));
      if (row === undefined) return;
      if (row.mjdUtc <= previous) {
        rejected.push({ line: i + 1, column: 8, reason: 'order', message: `MJD ${row.mjdUtc} is not after the previous row` });
        return;
      }
      previous = row.mjdUtc;
      records.push(row);
    } catch (e) {
      if (e instanceof ParseError) {
        if (e.reason === 'empty') return; // a date-only row: no values published yet
        rejected.push({ line: i + 1, column: e.column, reason: e.reason, message: e.message });
      } else if (e instanceof RangeError) {
        rejected.push({ line: i + 1, column: 1, reason: 'range', message: e.message });
      } else throw e;
    }
  });
  return { records, rejected };
}

function parseAs(format: ImportFormat, text: string): Parsed {
  switch (format) {
    case 'sw-txt':
      return { kind: 'space-weather', ...parseSpaceWeatherTxt(text) };
    case 'sw-csv':
      return { kind: 'space-weather', ...parseSpaceWeatherCsv(text) };
    case 'finals2000a':
      return { kind: 'eop', ...parseFinalsResilient(text) };
    default: {
      const r = parseElementFile(text, { format });
      const rejected: RejectedLine[] = r.rejected.map((x) => ({ line: x.line, column: x.column, reason: x.reason, message: x.message }));
      // Sets the store cannot hold (see validateElementSet) are rejected like unparseable ones, so that both
      // backends keep the same records instead of one failing the whole import.
      const records = r.records.filter((set) => {
        try {
          validateElementSet(set);
          return true;
        } catch (e) {
          if (!(e instanceof RangeError)) throw e;
          rejected.push({ line: set.source?.line ?? 0, column: 1, reason: 'range', message: e.message });
          return false;
        }
      });
      return { kind: 'elements', records, rejected };
    }
  }
}

/** Imports text already in memory (e.g. a download). `source` names where it came from. */
export async function importText(store: Store, text: string, options: ImportOptions & { source: string; contentSha256?: string }): Promise<ImportResult> {
  const format = detectImportFormat(text);
  if (format === undefined) {
    throw new ImportError(`${options.source}: not a supported format (TLE/3LE, OMM JSON/XML/KVN/CSV, CelesTrak space weather txt/csv, IERS finals2000A)`);
  }
  options.onProgress?.('parse', 0, 1);
  let parsed: Parsed;
  try {
    parsed = parseAs(format, text);
  } catch (e) {
    if (e instanceof ParseError) throw new ImportError(`${options.source}: ${e.message}`, [{ line: e.line, column: e.column, reason: e.reason, message: e.message }], { cause: e });
    throw e;
  }
  options.onProgress?.('parse', 1, 1);
  const rejected = [...parsed.rejected].sort((a, b) => a.line - b.line);
  if (parsed.records.length === 0) {
    const why = rejected.length > 0 ? `all ${rejected.length} records were rejected (first: line ${rejected[0]?.line}: ${rejected[0]?.message})` : 'no records found';
    throw new ImportError(`${options.source}: nothing to import — ${why}`, rejected);
  }
  const elementFormat = parsed.kind === 'elements' ? (parsed.records[0]?.source?.format ?? format) : format;
  const progress = (done: number, total: number): void => options.onProgress?.('store', done, total);
  const summary = await store.ingest(
    {
      kind: parsed.kind,
      source: options.source,
      format: elementFormat,
      at: options.at,
      rejected: rejected.map((r) => ({ line: r.line, column: r.column, reason: r.reason })),
      ...(options.contentSha256 !== undefined ? { contentSha256: options.contentSha256 } : {}),
    },
    async (w) => {
      if (parsed.kind === 'elements') await w.addElementSets(parsed.records, progress);
      else if (parsed.kind === 'space-weather') await w.addSpaceWeather(parsed.records, progress);
      else await w.addEop(parsed.records, progress);
    },
  );
  return { source: options.source, format: elementFormat, kind: importKindOf(format), records: parsed.records.length, summary, rejected };
}

/** Imports one file (plain or gzip) in one transaction. */
export async function importFile(store: Store, path: string, options: ImportOptions): Promise<ImportResult> {
  let input;
  try {
    input = readInputText(path);
  } catch (e) {
    throw new ImportError(`${path}: ${e instanceof Error ? e.message : String(e)}`, [], { cause: e });
  }
  return importText(store, input.text, { ...options, source: options.source ?? path, contentSha256: input.sha256 });
}

/** Imports bytes (plain or gzip), e.g. an HTTP body. */
export function importBytes(store: Store, bytes: Uint8Array, options: ImportOptions & { source: string }): Promise<ImportResult> {
  let text: string;
  try {
    text = decodeInput(bytes).text;
  } catch (e) {
    return Promise.reject(new ImportError(`${options.source}: ${e instanceof Error ? e.message : String(e)}`, [], { cause: e }));
  }
  return importText(store, text, options);
}

/**
 * `stationkeeper import FILE...` — imports element sets (TLE/3LE, OMM JSON/XML/KVN/CSV), CelesTrak space
 * weather (SW-All.txt, SW-All.csv) and IERS finals2000A, plain or gzip, detected by content. Each file is one
 * transaction (docs/data.md): a failing file changes nothing and the others still import.
 */
import { ImportError, importFile, type ImportPhase, type ImportResult } from '@stationkeeper/data/import';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { STORE_FLAGS, openCliStore, splitArgs } from '../util/index.js';

/** Records above which a progress bar is drawn (when stderr is a terminal). */
const PROGRESS_MIN_RECORDS = 5000;
const MAX_LISTED_REJECTIONS = 20;

function progressBar(io: CliIo, label: string): (phase: ImportPhase, done: number, total: number) => void {
  if (io.stderr.isTTY !== true) return () => undefined;
  let lastPercent = -1;
  return (phase, done, total) => {
    if (phase !== 'store' || total < PROGRESS_MIN_RECORDS) return;
    const percent = Math.floor((100 * done) / total);
    if (percent === lastPercent) return;
    lastPercent = percent;
    const width = 30;
    const filled = Math.round((width * done) / total);
    io.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`);
    if (done >= total) io.stderr.write('\n');
  };
}

export function summaryLine(r: ImportResult): string {
  const s = r.summary;
  return `${r.source}: ${r.format}, ${r.records} records — ${s.accepted} accepted, ${s.updated} updated, ${s.duplicate} duplicate, ${s.rejected} rejected${s.status === 'partial' ? ' (partial)' : ''}`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import element sets, space weather or EOP files into the store',
  help: `Usage: stationkeeper import FILE... [--json] [--db PATH|URL] [--config FILE]

Imports each FILE (plain or gzip, format detected by content) into the store, one transaction per file:
  element sets     TLE / 3LE, OMM JSON, XML, KVN, CSV (CelesTrak, Space-Track)
  space weather    CelesTrak SW-All.txt (sw19571001.txt) and SW-All.csv
  Earth orientation IERS finals2000A.all / .data / .daily
Prints per file: records found, accepted (new), updated (replaced by better data), duplicate (already
stored), rejected (with line numbers). Importing a file twice adds nothing. A file that cannot be read or
has nothing usable changes nothing. A progress bar is drawn on stderr for large files on a terminal.

Exit status: 0 when every file imported (rejected records make it partial, still 0), 1 when a file failed.

Options:
  --json              one JSON summary per file on stdout
  --db PATH|URL       store (env STATIONKEEPER_DB / STATIONKEEPER_DATABASE_URL)
  --config FILE       config file (env STATIONKEEPER_CONFIG)

Example:
  stationkeeper import ISS_25544_gp_history.3le.gz sw19571001.txt.gz finals2000A.all.gz
`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = splitArgs(args, { ...STORE_FLAGS, json: 'boolean' });
    if (positional.length === 0) throw new UsageError('give at least one FILE to import');
    const { store } = await openCliStore(io, flags, new Date());
    let failed = 0;
    try {
      for (const file of positional) {
        try {
          const result = await importFile(store, resolve(io.cwd, file), { at: new Date(), source: file, onProgress: progressBar(io, file) });
          if (flags['json'] === true) io.stdout.write(`${JSON.stringify(result)}\n`);
          else io.stdout.write(`${summaryLine(result)}\n`);
          for (const r of result.rejected.slice(0, MAX_LISTED_REJECTIONS)) io.stderr.write(`  ${file}:${r.line}:${r.column}: ${r.reason}: ${r.message}\n`);
          if (result.rejected.length > MAX_LISTED_REJECTIONS) io.stderr.write(`  … and ${result.rejected.length - MAX_LISTED_REJECTIONS} more rejected records\n`);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          failed += 1;
          io.stderr.write(`stationkeeper import: ${error.message} — nothing imported from this file\n`);
          if (flags['json'] === true) io.stdout.write(`${JSON.stringify({ source: file, error: error.message })}\n`);
        }
      }
    } finally {
      await store.close();
    }
    return failed > 0 ? 1 : 0;
  },
};

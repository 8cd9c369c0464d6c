/**
 * Inputs of the element-file commands (`passes`, `groundtrack`): time scales with Earth orientation from an
 * `--eop` file, an ISO-8601 UTC flag as an `Instant`, and the element set to propagate chosen from a file.
 */
import { parseElementFile, type ElementSet } from '@stationkeeper/astro/elements';
import { createTimeScales, parseFinals2000A, type Instant, type TimeScales } from '@stationkeeper/astro/time';
import { UsageError, type CliIo } from '../io.js';
import { readInputText } from './files.js';
import { orUsageError } from './flags.js';

/** Time scales with EOP from `--eop` (finals2000A, plain or gzip), or UT1 = UTC without it. */
export function timeScalesFor(io: CliIo, eopPath: string | undefined): { ts: TimeScales; eopNote: string } {
  if (eopPath === undefined) {
    return { ts: createTimeScales({ onWarning: () => undefined }), eopNote: 'no Earth-orientation data: UT1 = UTC, no polar motion (pass times may be off by up to ~0.1 s; give --eop finals2000A.all)' };
  }
  const eop = parseFinals2000A(readInputText(io, eopPath, 'EOP file'));
  const warnings: string[] = [];
  const ts = createTimeScales({ eop, onWarning: (m) => warnings.push(m) });
  return { ts, eopNote: `EOP: ${eopPath}` };
}

/** The instant of an ISO-8601 UTC flag value; UsageError naming the flag. */
export function parseInstant(ts: TimeScales, text: string, flag: string): Instant {
  return orUsageError(() => ts.fromUtcIso(text), (reason) => `--${flag} needs an ISO-8601 UTC time (e.g. 2021-06-15T00:00:00Z): ${reason}`);
}

/** The element set to use: of `--norad` (required when the file holds several objects), epoch nearest `at`. */
export function pickElements(io: CliIo, path: string, norad: number | undefined, ts: TimeScales, at: Instant): ElementSet {
  const text = readInputText(io, path, 'element file');
  const { records, rejected } = parseElementFile(text);
  if (records.length === 0) {
    const why = rejected[0] !== undefined ? `: ${JSON.stringify(rejected[0])}` : '';
    throw new UsageError(`no element sets in '${path}'${why}`);
  }
  const ids = [...new Set(records.map((r) => r.noradId))];
  let pool = records;
  if (norad !== undefined) {
    pool = records.filter((r) => r.noradId === norad);
    if (pool.length === 0) throw new UsageError(`NORAD ${norad} is not in '${path}' (it holds ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})`);
  } else if (ids.length > 1) {
    throw new UsageError(`'${path}' holds ${ids.length} objects; choose one with --norad`);
  }
  const utc = ts.utc(at);
  const target = utc.jd1 + utc.jd2;
  return pool.reduce((best, r) => (Math.abs(r.epochUtc.jd1 + r.epochUtc.jd2 - target) < Math.abs(best.epochUtc.jd1 + best.epochUtc.jd2 - target) ? r : best));
}

/**
 * `stationkeeper update [--norad N...]` — fetch the newest element sets (CelesTrak GP) for the ISS and the
 * given objects, space weather (CelesTrak SW-All.csv) and Earth orientation (IERS finals2000A.all) into the
 * store. Each source is validated and stored in one transaction; a failing source leaves the store as it was.
 * Politeness: each URL is requested at most once per its update cycle (see docs/sources.md); `--force`
 * overrides that (requests stay conditional).
 *
 * Exit codes: 0 when every source was stored, unchanged or skipped as fresh; 1 when any source failed (3 when
 * all failed because the network is unreachable — "offline").
 */
import { HttpClient, JsonFileLedger, SourceError, runUpdate, type UpdateStep } from '@stationkeeper/data/sources';
import { openStore } from '@stationkeeper/data/store';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { VERSION } from '../version.js';
import { cliRuntime, readFlags } from '../util/index.js';

const HELP = `Usage: stationkeeper update [--norad N ...] [--force] [--no-space-weather] [--no-eop] [--history-from DAY --history-to DAY]

Fetches, validates and stores (online):
  - the newest element sets from CelesTrak GP (OMM JSON) for the ISS (25544) and each --norad N
    (and the "noradIds" of the config file),
  - space weather from CelesTrak (SW-All.csv: daily Kp/ap, Ap, F10.7 observed and predicted),
  - Earth orientation from the IERS (finals2000A.all: UT1-UTC, polar motion, dX/dY).
Each source is stored in one transaction; one that fails (offline, HTTP error, HTML error page, truncated or
empty answer) leaves the store exactly as it was and is reported. Sources are asked at most once per update
cycle (CelesTrak GP: 2 h, space weather: 6 h, IERS: 12 h); answers are conditional (ETag/Last-Modified).

Options:
  --norad N[,N...]    more objects (repeatable)
  --force             ignore the once-per-cycle rule (requests stay conditional)
  --no-space-weather  skip space weather
  --no-eop            skip Earth orientation
  --timeout S         seconds per attempt (default 60)
  --retries N         retries after network errors, 5xx and 429, with back-off (default 3)
  --config PATH       config file (default $XDG_CONFIG_HOME/stationkeeper/config.json; env STATIONKEEPER_CONFIG)
  --db PATH|URL       store (SQLite path or postgres:// URL; env STATIONKEEPER_DB / STATIONKEEPER_DATABASE_URL)
  --celestrak-url URL base URL of CelesTrak (default https://celestrak.org; env STATIONKEEPER_CELESTRAK_URL)
  --iers-url URL      finals2000A.all URL (default IERS Data Center; env STATIONKEEPER_IERS_URL)
  --history-from DAY --history-to DAY
                      also fetch every element set of the same objects with epochs in these UTC days
                      (YYYY-MM-DD) from Space-Track gp_history; needs SPACETRACK_USER and
                      SPACETRACK_PASSWORD in the environment (never stored or printed)
  --space-track-url URL  base URL of Space-Track (default https://www.space-track.org; env STATIONKEEPER_SPACETRACK_URL)

Exit status: 0 all sources stored, unchanged or fresh; 1 a source failed; 3 offline (nothing reachable).

Examples:
  stationkeeper update
  stationkeeper update --norad 48274 --norad 20580
`;

function icon(step: UpdateStep): string {
  return step.status === 'stored' ? 'stored' : step.status === 'not-modified' ? 'unchanged' : step.status === 'skipped' ? 'fresh' : 'FAILED';
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const f = readFlags(args, {
    norad: 'numbers', force: 'boolean', 'no-space-weather': 'boolean', 'no-eop': 'boolean', timeout: 'number', retries: 'number', config: 'string', db: 'string',
    'celestrak-url': 'string', 'iers-url': 'string', 'history-from': 'string', 'history-to': 'string', 'space-track-url': 'string',
  });
  const historyFrom = f['history-from'] as string | undefined;
  const historyTo = f['history-to'] as string | undefined;
  if ((historyFrom === undefined) !== (historyTo === undefined)) throw new UsageError('give both --history-from and --history-to (YYYY-MM-DD), or neither');
  for (const d of [historyFrom, historyTo]) if (d !== undefined && !/^\d{4}-\d\d-\d\d$/.test(d)) throw new UsageError(`history days must be YYYY-MM-DD, got '${d}'`);
  const spaceTrackUrl = (f['space-track-url'] as string | undefined) ?? io.env['STATIONKEEPER_SPACETRACK_URL'];
  const timeoutS = (f['timeout'] as number | undefined) ?? 60;
  if (!(timeoutS > 0 && timeoutS <= 600)) throw new UsageError(`--timeout must be in (0, 600] seconds, got ${timeoutS}`);
  const retries = (f['retries'] as number | undefined) ?? 3;
  if (!Number.isInteger(retries) || retries < 0 || retries > 10) throw new UsageError(`--retries must be an integer in 0..10, got ${retries}`);
  const runtime = await cliRuntime(io, f);
  const noradIds = [...(runtime.config.noradIds ?? []), ...((f['norad'] as number[] | undefined) ?? [])];
  const celestrak = (f['celestrak-url'] as string | undefined) ?? io.env['STATIONKEEPER_CELESTRAK_URL'];
  const iers = (f['iers-url'] as string | undefined) ?? io.env['STATIONKEEPER_IERS_URL'];

  const at = new Date();
  const http = new HttpClient({
    userAgent: `stationkeeper/${VERSION} (open-source ISS tracker; Node.js ${process.version})`,
    timeoutMs: timeoutS * 1000,
    retries,
    onEvent: (e) => {
      if (e.type === 'retry') io.stderr.write(`  retrying in ${(e.delayMs / 1000).toFixed(1)} s: ${e.reason}\n`);
    },
  });
  const ledger = new JsonFileLedger(runtime.ledgerPath);
  io.stderr.write(`updating ${runtime.storeDescription}\n`);
  const store = await openStore(runtime.store, { at });
  let steps: UpdateStep[];
  try {
    steps = await runUpdate(
      store,
      { http, ledger, now: () => Date.now() },
      {
        noradIds,
        ...(f['force'] === true ? { force: true } : {}),
        ...(f['no-space-weather'] === true ? { spaceWeather: false } : {}),
        ...(f['no-eop'] === true ? { eop: false } : {}),
        ...(celestrak === undefined || celestrak === '' ? {} : { celestrakBaseUrl: celestrak }),
        ...(iers === undefined || iers === '' ? {} : { iersFinalsUrl: iers }),
        ...(historyFrom === undefined || historyTo === undefined
          ? {}
          : { spaceTrackHistory: { fromDay: historyFrom, toDay: historyTo, ...(spaceTrackUrl === undefined || spaceTrackUrl === '' ? {} : { baseUrl: spaceTrackUrl }) } }),
        env: io.env,
      },
      {
        at,
        onStep: (label, step) => {
          if (step === undefined) io.stderr.write(`- ${label} ...\n`);
          else io.stderr.write(`  ${icon(step)}: ${step.message}\n`);
        },
      },
    );
  } finally {
    await store.close();
  }

  const failed = steps.filter((s) => s.status === 'failed');
  const offline = failed.length === steps.length && failed.every((s) => s.error instanceof SourceError && s.error.kind === 'offline');
  const width = Math.max(...steps.map((s) => s.label.length));
  io.stdout.write('Summary:\n');
  for (const s of steps) io.stdout.write(`  ${s.label.padEnd(width)}  ${icon(s).padEnd(9)}  ${s.message}\n`);
  if (offline) {
    io.stdout.write('Offline: no source could be reached. Nothing was written; the store is unchanged. Try again when online.\n');
    return 3;
  }
  if (failed.length > 0) {
    io.stdout.write(`${failed.length} of ${steps.length} sources failed; they left the store unchanged. The others were stored.\n`);
    return 1;
  }
  return 0;
}

export const updateCommand: Command = {
  name: 'update',
  summary: 'fetch the newest ISS elements, space weather and Earth orientation (online)',
  help: HELP,
  run,
};

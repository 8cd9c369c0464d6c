/**
 * `stationkeeper now` — where the ISS (or another object) is at an instant: sub-satellite point (WGS-84
 * geodetic latitude, longitude, height), inertial speed, whether it is sunlit, and the next passes over a
 * location given on the command line or in the config file.
 *
 * The record is `computeNow` of `@stationkeeper/analysis/now` (the one implementation, shared with
 * `GET /api/now`); this command reads the store (EOP, the element-set candidates of `chooseElementSet`), the
 * wall clock and the flags, and formats the result. With an empty store the bundled ISS sample is seeded and
 * every output says it is stale and how to update.
 */
import { chooseElementSet, computeNow, type NowRecord } from '@stationkeeper/analysis/now';
import { createTimeScales, type Instant, type TimeScales } from '@stationkeeper/astro/time';
import { observerFromDegrees } from '@stationkeeper/astro/frames';
import type { HomeLocation } from '@stationkeeper/data/config';
import { ISS_SAMPLE_NORAD_ID, isIssSample, issSampleWarning, seedIssSampleIfEmpty } from '@stationkeeper/data/sample';
import { NO_STORED_EOP_NOTE, openStore, type Store } from '@stationkeeper/data/store';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { cliRuntime, orUsageError, readFlags } from '../util/index.js';

export interface NowInputs {
  readonly noradId: number;
  readonly atIso?: string;
  readonly home?: HomeLocation;
  readonly passCount: number;
  readonly searchDays: number;
}

function parseAt(ts: TimeScales, iso: string): Instant {
  return orUsageError(() => ts.fromUtcIso(iso), (reason) => `--at needs an ISO-8601 UTC time such as 2026-08-22T12:00:00Z, got '${iso}' (${reason})`);
}

/**
 * The `now` record from an open store: reads the EOP and the element-set candidates, seeds the bundled ISS
 * sample into an empty store, and hands the rest to `computeNow` (exported for tests).
 */
export async function nowFromStore(store: Store, inputs: NowInputs, wallClock: Date): Promise<NowRecord> {
  const notes: string[] = [];
  const eop = await store.eopTable();
  // Without EOP our own note below says what to do; the time system's generic one would repeat it.
  const ts = createTimeScales({ ...(eop === undefined ? {} : { eop }), onWarning: (m) => (eop === undefined && m.startsWith('no EOP') ? undefined : notes.push(m)) });
  const t = inputs.atIso === undefined ? ts.fromDate(wallClock) : parseAt(ts, inputs.atIso);
  const utc = ts.utc(t);
  const atMjd = utc.jd1 - 2_400_000.5 + utc.jd2;

  const before = await store.latestElementSet(inputs.noradId, atMjd);
  const after = await store.firstElementSet(inputs.noradId, atMjd);
  let stored = chooseElementSet(atMjd, { before, after });
  if (stored === undefined && inputs.noradId === ISS_SAMPLE_NORAD_ID) {
    await seedIssSampleIfEmpty(store, wallClock);
    stored = await store.latestElementSet(inputs.noradId);
  }
  if (stored === undefined) {
    throw new RangeError(`no element set for NORAD ${inputs.noradId} in the store: run 'stationkeeper update --norad ${inputs.noradId}' or 'stationkeeper import FILE'`);
  }
  const sampleWarning = isIssSample(stored.elementSet) ? issSampleWarning(ts.toDate(t).getTime()) : undefined;
  if (eop === undefined) notes.push(NO_STORED_EOP_NOTE);
  return computeNow({
    elements: stored,
    timeScales: ts,
    at: t,
    ...(sampleWarning === undefined ? {} : { sampleWarning }),
    ...(inputs.home === undefined ? {} : { observer: inputs.home }),
    passes: { count: inputs.passCount, searchDays: inputs.searchDays },
    notes,
  });
}

/**
 * The JSON this command prints: the shared record as it was before `elements.stale` existed (the CLI's JSON
 * contract has no `stale`; the warnings say it), keys in the same order.
 */
function nowJson(r: NowRecord): Record<string, unknown> {
  const { epoch, ageDays, sample, source } = r.elements;
  return { ...r, elements: { epoch, ageDays, sample, source } };
}

function hhmmss(iso: string | undefined): string {
  return iso === undefined ? '--:--:--' : iso.slice(11, 19);
}

/** The human-readable form. */
export function formatNowTable(r: NowRecord): string {
  const lat = `${Math.abs(r.latitudeDeg).toFixed(4)}° ${r.latitudeDeg >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(r.longitudeDeg).toFixed(4)}° ${r.longitudeDeg >= 0 ? 'E' : 'W'}`;
  const lines = [
    `${r.name ?? 'object'} (NORAD ${r.noradId}) at ${r.time}`,
    `  position      ${lat}, ${lon}`,
    `  altitude      ${r.altitudeKm.toFixed(1)} km (above the WGS-84 ellipsoid)`,
    `  speed         ${r.speedKmS.toFixed(3)} km/s (inertial, TEME)`,
    `  sunlit        ${r.sunlit ? 'yes' : 'no'}${r.sunlitFraction > 0 && r.sunlitFraction < 1 ? ` (penumbra, ${(r.sunlitFraction * 100).toFixed(0)}% of the Sun)` : ''}`,
    `  elements      epoch ${r.elements.epoch} (${r.elements.ageDays.toFixed(2)} days before)${r.elements.sample ? ' — bundled SAMPLE' : ''}`,
  ];
  if (r.passes === null || r.passes === undefined) {
    lines.push('', "Passes: no location. Give --lat DEG --lon DEG, or set \"home\" in the config file (see docs/sources.md).");
  } else {
    const o = r.observer!;
    lines.push('', `Next passes over ${o.name ?? `${o.latitudeDeg.toFixed(4)}°, ${o.longitudeDeg.toFixed(4)}°`} (UTC; elevation in degrees):`);
    if (r.passes.length === 0) lines.push('  none in the search window');
    else {
      lines.push('  date        rise      culmination  max el  set       duration  visible  mag');
      for (const p of r.passes) {
        const start = p.rise?.time ?? p.culmination.time;
        const dur = p.durationS === null ? '   -    ' : `${Math.floor(p.durationS / 60)}m${String(Math.round(p.durationS % 60)).padStart(2, '0')}s`.padStart(8);
        const mag = p.maxMagnitude === null ? '  -' : p.maxMagnitude.toFixed(1).padStart(5);
        lines.push(
          `  ${start.slice(0, 10)}  ${hhmmss(p.rise?.time)}  ${hhmmss(p.culmination.time)}     ${p.maxElevationDeg.toFixed(1).padStart(5)}  ${hhmmss(p.set?.time)}  ${dur}  ${p.visible ? 'yes' : 'no '}     ${mag}`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const HELP = `Usage: stationkeeper now [--norad N] [--lat DEG --lon DEG [--height M]] [--at ISO] [--format table|json]

Where the ISS (or another object) is now: latitude/longitude (deg, WGS-84), altitude (km), inertial speed
(km/s), whether it is sunlit, and the next passes over a location given here or as "home" in the config file.

Options:
  --norad N           NORAD catalog number (default 25544, the ISS)
  --lat DEG           observer geodetic latitude, degrees north (-90..90)
  --lon DEG           observer longitude, degrees east (-180..180)
  --height M          observer height above the WGS-84 ellipsoid, metres (default 0)
  --at ISO            the instant, ISO-8601 UTC (default: the system clock)
  --passes N          number of passes to list (default 5)
  --days D            pass search window, days (default 3)
  --format FMT        table (default) or json
  --config PATH       config file (default $XDG_CONFIG_HOME/stationkeeper/config.json; env STATIONKEEPER_CONFIG)
  --db PATH|URL       store (SQLite path or postgres:// URL; env STATIONKEEPER_DB / STATIONKEEPER_DATABASE_URL)

With an empty store the bundled SAMPLE ISS element set (2008) is used and a warning says so; run
'stationkeeper update' for current elements.

Examples:
  stationkeeper now
  stationkeeper now --lat 52.52 --lon 13.405 --format json
  stationkeeper now --at 2008-09-20T12:30:00Z
`;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const f = readFlags(args, {
    norad: 'number', lat: 'number', lon: 'number', height: 'number', at: 'string', passes: 'number', days: 'number', format: 'string', config: 'string', db: 'string',
  });
  const format = (f['format'] as string | undefined) ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format must be table or json, got '${format}'`);
  const noradId = (f['norad'] as number | undefined) ?? ISS_SAMPLE_NORAD_ID;
  if (!Number.isInteger(noradId) || noradId < 1 || noradId > 339_999) throw new UsageError(`--norad needs a catalog number in 1..339999, got ${noradId}`);
  const lat = f['lat'] as number | undefined;
  const lon = f['lon'] as number | undefined;
  if ((lat === undefined) !== (lon === undefined)) throw new UsageError('give both --lat and --lon (degrees), or neither');
  const passCount = (f['passes'] as number | undefined) ?? 5;
  const searchDays = (f['days'] as number | undefined) ?? 3;
  if (!Number.isInteger(passCount) || passCount < 0 || passCount > 100) throw new UsageError(`--passes must be an integer in 0..100, got ${passCount}`);
  if (!(searchDays > 0 && searchDays <= 30)) throw new UsageError(`--days must be in (0, 30] days, got ${searchDays}`);

  const runtime = await cliRuntime(io, f);
  let home: HomeLocation | undefined = runtime.config.home;
  if (lat !== undefined && lon !== undefined) {
    observerFromDegrees(lat, lon, (f['height'] as number | undefined) ?? 0); // validates ranges (RangeError naming the quantity)
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new UsageError(`--lat must be in [-90, 90] and --lon in [-180, 180] degrees`);
    home = { latitudeDeg: lat, longitudeDeg: lon, heightM: (f['height'] as number | undefined) ?? 0 };
  }
  const wallClock = new Date();
  const store = await openStore(runtime.store, { at: wallClock });
  let record: NowRecord;
  try {
    record = await nowFromStore(
      store,
      { noradId, ...(f['at'] === undefined ? {} : { atIso: f['at'] as string }), ...(home === undefined ? {} : { home }), passCount, searchDays },
      wallClock,
    );
  } finally {
    await store.close();
  }
  for (const w of record.warnings) io.stderr.write(`${w.startsWith('WARNING') ? '' : 'note: '}${w}\n`);
  io.stdout.write(format === 'json' ? `${JSON.stringify(nowJson(record), null, 2)}\n` : formatNowTable(record));
  return 0;
}

export const nowCommand: Command = {
  name: 'now',
  summary: 'where the ISS is now (lat/lon/alt, speed, sunlit) and its next passes',
  help: HELP,
  run,
};

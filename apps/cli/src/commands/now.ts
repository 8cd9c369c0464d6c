/**
 * `stationkeeper now` — where the ISS (or another object) is at an instant: sub-satellite point (WGS-84
 * geodetic latitude, longitude, height), inertial speed, whether it is sunlit, and the next passes over a
 * location given on the command line or in the config file.
 *
 * Chain: newest stored element set at or before the instant → SGP4 (Vallado et al. 2006, TEME) → TEME→ITRF
 * with the stored EOP → WGS-84 geodetic; Sun in TEME (Meeus) + conical Earth shadow for "sunlit"; passes from
 * `@stationkeeper/astro/events`. With an empty store the bundled ISS sample is seeded and every output says it
 * is stale and how to update.
 */
import { createTimeScales, type Instant, type TimeScales } from '@stationkeeper/astro/time';
import { sunPositionTemeKm } from '@stationkeeper/astro/bodies';
import { geodeticFromItrf, observerFromDegrees, temeToItrf, type Observer } from '@stationkeeper/astro/frames';
import { isSunlit, predictPasses, shadowGeometry, sunlitFraction, type PassRecord } from '@stationkeeper/astro/events';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import type { HomeLocation } from '@stationkeeper/data/config';
import { ISS_SAMPLE_NORAD_ID, isIssSample, issSampleWarning, seedIssSampleIfEmpty } from '@stationkeeper/data/sample';
import { openStore, type StoredElementSet } from '@stationkeeper/data/store';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { cliRuntime, orUsageError, readFlags } from '../util/index.js';

const DEG = 180 / Math.PI;
/** An element set farther than this from the requested instant gets a staleness warning (SGP4 errors grow ~1–3 km/day for the ISS). */
const STALE_AFTER_DAYS = 3;

export interface NowRecord {
  readonly noradId: number;
  readonly name: string | null;
  /** The instant, ISO-8601 UTC. */
  readonly time: string;
  readonly latitudeDeg: number;
  readonly longitudeDeg: number;
  /** Height above the WGS-84 ellipsoid. */
  readonly altitudeKm: number;
  /** Speed in the TEME (inertial) frame. */
  readonly speedKmS: number;
  readonly sunlit: boolean;
  /** Fraction of the solar disc visible from the satellite (0 umbra … 1 full sunlight). */
  readonly sunlitFraction: number;
  readonly elements: {
    readonly epoch: string;
    readonly ageDays: number;
    readonly sample: boolean;
    readonly source: string | null;
  };
  readonly observer: { readonly latitudeDeg: number; readonly longitudeDeg: number; readonly heightM: number; readonly name?: string } | null;
  /** Next passes (null when no observer was given). */
  readonly passes: readonly PassRecord[] | null;
  readonly warnings: readonly string[];
}

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

/** Computes the `now` record from an open store (exported for tests and the server). */
export async function computeNow(store: Awaited<ReturnType<typeof openStore>>, inputs: NowInputs, wallClock: Date): Promise<NowRecord> {
  const warnings: string[] = [];
  const eop = await store.eopTable();
  // Without EOP our own note below says what to do; the time system's generic one would repeat it.
  const ts = createTimeScales({ ...(eop === undefined ? {} : { eop }), onWarning: (m) => (eop === undefined && m.startsWith('no EOP') ? undefined : warnings.push(m)) });
  const t = inputs.atIso === undefined ? ts.fromDate(wallClock) : parseAt(ts, inputs.atIso);
  const utc = ts.utc(t);
  const atMjd = utc.jd1 - 2_400_000.5 + utc.jd2;

  // The element set closest in time: the newest at or before the instant, or the first within 30 days after it.
  const before = await store.latestElementSet(inputs.noradId, atMjd);
  const after = (await store.elementHistory(inputs.noradId, { fromUtcMjd: atMjd, toUtcMjd: atMjd + 30 }))[0];
  let stored: StoredElementSet | undefined =
    before === undefined || (after !== undefined && after.epochUtcMjd - atMjd < atMjd - before.epochUtcMjd) ? after : before;
  stored ??= await store.latestElementSet(inputs.noradId);
  if (stored === undefined && inputs.noradId === ISS_SAMPLE_NORAD_ID) {
    await seedIssSampleIfEmpty(store, wallClock);
    stored = await store.latestElementSet(inputs.noradId);
  }
  if (stored === undefined) {
    throw new RangeError(`no element set for NORAD ${inputs.noradId} in the store: run 'stationkeeper update --norad ${inputs.noradId}' or 'stationkeeper import FILE'`);
  }
  const set = stored.elementSet;
  const sample = isIssSample(set);
  const ageDays = atMjd - stored.epochUtcMjd;
  if (sample) warnings.unshift(issSampleWarning(ts.toDate(t).getTime()));
  else if (Math.abs(ageDays) > STALE_AFTER_DAYS) {
    warnings.unshift(
      `WARNING: the newest stored element set (epoch ${stored.epochIso}) is ${Math.abs(ageDays).toFixed(1)} days from the requested time; ` +
        `positions degrade by kilometres per day. Run 'stationkeeper update${inputs.noradId === ISS_SAMPLE_NORAD_ID ? '' : ` --norad ${inputs.noradId}`}' for current elements.`,
    );
  }
  if (eop === undefined) warnings.push("no Earth-orientation data in the store: UT1 taken as UTC (< 0.9 s), no polar motion (< 0.6″) — < 0.5 km on the ground; 'stationkeeper update' fetches it.");

  // The sample is 17+ years old: lift SGP4's 10-year guard so it still gives an (illustrative) answer.
  const propagator = Sgp4Propagator.fromElements(set, ts, sample ? { guard: { maxDaysFromEpoch: Number.POSITIVE_INFINITY } } : {});
  const teme = propagator.stateAt(t);
  const itrf = temeToItrf(teme, ts);
  const geo = geodeticFromItrf(itrf.positionKm);
  const tt = t.tt;
  const shadow = shadowGeometry(teme.positionKm, sunPositionTemeKm(tt.jd1, tt.jd2));
  const [vx, vy, vz] = teme.velocityKmS;

  let observer: Observer | undefined;
  if (inputs.home !== undefined) {
    const h = inputs.home;
    observer = observerFromDegrees(h.latitudeDeg, h.longitudeDeg, h.heightM, h.name);
  }
  let passes: PassRecord[] | null = null;
  if (observer !== undefined) {
    const prediction = predictPasses(propagator, observer, t, inputs.searchDays * 86_400, ts);
    passes = prediction.passes.filter((p) => p.truncated !== 'start' || p.set !== null).slice(0, inputs.passCount);
    if (prediction.status !== 0) warnings.push(`pass search stopped early (SGP4 code ${prediction.status}) after ${(prediction.searchedS / 3600).toFixed(1)} h`);
  }
  const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
  return {
    noradId: set.noradId,
    name: set.name ?? null,
    time: ts.toIsoUtc(t, 3),
    latitudeDeg: round(geo.latitudeRad * DEG, 4),
    longitudeDeg: round(geo.longitudeRad * DEG, 4),
    altitudeKm: round(geo.heightKm, 3),
    speedKmS: round(Math.hypot(vx, vy, vz), 4),
    sunlit: isSunlit(shadow),
    sunlitFraction: round(sunlitFraction(shadow), 3),
    elements: { epoch: stored.epochIso, ageDays: round(ageDays, 3), sample, source: set.source?.format ?? null },
    observer:
      inputs.home === undefined
        ? null
        : { latitudeDeg: inputs.home.latitudeDeg, longitudeDeg: inputs.home.longitudeDeg, heightM: inputs.home.heightM, ...(inputs.home.name === undefined ? {} : { name: inputs.home.name }) },
    passes,
    warnings,
  };
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
  if (r.passes === null) {
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
    record = await computeNow(
      store,
      { noradId, ...(f['at'] === undefined ? {} : { atIso: f['at'] as string }), ...(home === undefined ? {} : { home }), passCount, searchDays },
      wallClock,
    );
  } finally {
    await store.close();
  }
  for (const w of record.warnings) io.stderr.write(`${w.startsWith('WARNING') ? '' : 'note: '}${w}\n`);
  io.stdout.write(format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : formatNowTable(record));
  return 0;
}

export const nowCommand: Command = {
  name: 'now',
  summary: 'where the ISS is now (lat/lon/alt, speed, sunlit) and its next passes',
  help: HELP,
  run,
};

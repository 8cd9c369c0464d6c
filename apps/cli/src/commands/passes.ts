/**
 * `stationkeeper passes` — rise, culmination and set of a satellite over an observer, with the visible segment
 * (satellite sunlit, Sun below −6° at the observer) and estimated magnitude. Chain: element file → SGP4
 * (Vallado et al. 2006) → TEME→ITRF (GMST 1982 + polar motion from --eop) → `predictPasses`
 * (`@stationkeeper/astro/events`, docs/passes.md).
 */
import { predictPasses, type PassPoint, type PassRecord } from '@stationkeeper/astro/events';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { checkRange, parseInstant, pickElements, readFlags, requireNumber, timeScalesFor } from '../util/index.js';

const D = Math.PI / 180;

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const pointJson = (p: PassPoint | null): Record<string, unknown> | null =>
  p === null ? null : { time: p.time, azimuthDeg: r3(p.azimuthDeg), elevationDeg: r3(p.elevationDeg), rangeKm: r3(p.rangeKm), sunlit: p.sunlit, magnitude: p.magnitude };

function passJson(p: PassRecord): Record<string, unknown> {
  return {
    rise: pointJson(p.rise),
    culmination: pointJson(p.culmination),
    set: pointJson(p.set),
    maxElevationDeg: r3(p.maxElevationDeg),
    durationS: p.durationS === null ? null : r3(p.durationS),
    truncated: p.truncated,
    visible: p.visible,
    visibleStart: p.visibleStart,
    visibleEnd: p.visibleEnd,
    maxMagnitude: p.maxMagnitude,
    sunAltitudeDeg: r3(p.sunAltitudeDeg),
    skyTrack: p.skyTrack.map((s) => ({ time: s.time, azimuthDeg: r3(s.azimuthDeg), elevationDeg: r3(s.elevationDeg), magnitude: s.magnitude })),
  };
}

const compass = (azDeg: number): string => ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'][Math.round(azDeg / 45) % 8]!;
const hms = (iso: string | null | undefined): string => (iso == null ? '—'.padEnd(12) : iso.slice(11, 23));

const HELP = `Usage: stationkeeper passes --elements FILE [--norad N] --lat DEG --lon DEG [--height-m M]
                            --from ISO --days N [--min-elevation DEG] [--refraction] [--visible-only]
                            [--magnitude M0] [--eop FILE] [--format table|json|csv]

Rise, culmination and set of a satellite over an observer (SGP4, WGS-84 observer), with the visible segment
(satellite sunlit while the Sun is below −6° at the observer) and an estimated visual magnitude.

Options:
  --elements FILE       TLE/3LE or OMM (JSON, XML, KVN, CSV) file, plain or gzip
  --norad N             catalog number (required if the file holds several objects); the element set whose
                        epoch is nearest --from is used
  --lat DEG, --lon DEG  observer geodetic latitude/longitude, degrees (east positive)
  --height-m M          observer height above the WGS-84 ellipsoid, metres (default 0)
  --from ISO            window start, ISO-8601 UTC (e.g. 2021-06-15T00:00:00Z)
  --days N              window length, days (0 < N ≤ 60)
  --min-elevation DEG   threshold elevation, degrees (default 0)
  --refraction          compare the apparent (refracted) elevation with the threshold
  --visible-only        list only passes with a visible segment
  --magnitude M0        standard magnitude at 1000 km and 90° phase (default −1.8, the ISS)
  --eop FILE            IERS finals2000A.all (plain or gzip); without it UT1 = UTC and the output says so
  --format FMT          table (default), json or csv

Times are UTC (ms); azimuth from north through east; elevation in degrees; range in km.
Example: stationkeeper passes --elements iss.tle --lat 51.5074 --lon -0.1278 --from 2021-06-15T00:00:00Z --days 3
`;

export const passesCommand: Command = {
  name: 'passes',
  summary: 'rise/culmination/set, visibility and magnitude of a satellite over an observer',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = readFlags(args, {
      elements: 'string', norad: 'number', lat: 'number', lon: 'number', 'height-m': 'number', from: 'string', days: 'number',
      'min-elevation': 'number', refraction: 'boolean', 'visible-only': 'boolean', magnitude: 'number', eop: 'string', format: 'string',
    });
    const format = (flags['format'] as string | undefined) ?? 'table';
    if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`--format must be table, json or csv, got '${format}'`);
    if (flags['elements'] === undefined) throw new UsageError('missing --elements FILE');
    if (flags['from'] === undefined) throw new UsageError('missing --from ISO');
    const lat = requireNumber(flags, 'lat', -90, 90, 'deg');
    const lon = requireNumber(flags, 'lon', -180, 360, 'deg');
    const heightM = checkRange((flags['height-m'] as number | undefined) ?? 0, 'height-m', -500, 9000, 'm');
    const days = requireNumber(flags, 'days', 0, 60, 'days');
    if (days <= 0) throw new UsageError('--days must be > 0');
    const minEl = checkRange((flags['min-elevation'] as number | undefined) ?? 0, 'min-elevation', -5, 89, 'deg');
    const norad = flags['norad'] as number | undefined;
    if (norad !== undefined && (!Number.isInteger(norad) || norad < 1 || norad > 339_999)) throw new UsageError(`--norad must be a catalog number 1…339999, got ${norad}`);
    const m0 = (flags['magnitude'] as number | undefined) ?? -1.8;

    const { ts, eopNote } = timeScalesFor(io, flags['eop'] as string | undefined);
    const start = parseInstant(ts, flags['from'] as string, 'from');
    const es = pickElements(io, flags['elements'] as string, norad, ts, start);
    const prop = Sgp4Propagator.fromElements(es, ts);
    const observer = { latitudeRad: lat * D, longitudeRad: lon * D, heightKm: heightM / 1000 };
    const result = predictPasses(prop, observer, start, days * 86_400, ts, {
      minElevationRad: minEl * D,
      refraction: flags['refraction'] === true,
      standardMagnitude: m0,
    });
    const passes = flags['visible-only'] === true ? result.passes.filter((p) => p.visible) : result.passes;
    const epoch = ts.toIsoUtc(ts.fromUtcJd(es.epochUtc.jd1, es.epochUtc.jd2), 3);
    const stopNote = result.status !== 0 ? `propagation stopped with SGP4 code ${result.status} after ${(result.searchedS / 86_400).toFixed(3)} days` : null;

    if (format === 'json') {
      io.stdout.write(`${JSON.stringify({
        object: { noradId: es.noradId, name: es.name ?? null, elementEpoch: epoch },
        observer: { latitudeDeg: lat, longitudeDeg: lon, heightM },
        window: { start: ts.toIsoUtc(start, 3), days, minElevationDeg: minEl, refraction: flags['refraction'] === true },
        earthOrientation: eopNote,
        status: result.status,
        ...(stopNote === null ? {} : { warning: stopNote }),
        passes: passes.map(passJson),
      }, null, 2)}\n`);
      return 0;
    }
    if (format === 'csv') {
      io.stdout.write('rise_utc,rise_az_deg,culmination_utc,culmination_az_deg,max_elevation_deg,culmination_range_km,set_utc,set_az_deg,duration_s,visible,visible_start_utc,visible_end_utc,max_magnitude\n');
      for (const p of passes) {
        io.stdout.write([
          p.rise?.time ?? '', p.rise === null ? '' : r3(p.rise.azimuthDeg), p.culmination.time, r3(p.culmination.azimuthDeg), r3(p.maxElevationDeg),
          r3(p.culmination.rangeKm), p.set?.time ?? '', p.set === null ? '' : r3(p.set.azimuthDeg), p.durationS === null ? '' : r3(p.durationS),
          p.visible, p.visibleStart ?? '', p.visibleEnd ?? '', p.maxMagnitude ?? '',
        ].join(',') + '\n');
      }
      return 0;
    }
    io.stdout.write(`${es.name ?? 'NORAD'} ${es.noradId} (elements ${epoch}) over ${lat.toFixed(4)}°, ${lon.toFixed(4)}°, ${heightM} m\n`);
    io.stdout.write(`${ts.toIsoUtc(start, 0)} + ${days} d, elevation ≥ ${minEl}°${flags['refraction'] === true ? ' (refracted)' : ''}; ${eopNote}\n`);
    if (stopNote !== null) io.stdout.write(`warning: ${stopNote}\n`);
    io.stdout.write(`${'date'.padEnd(10)}  ${'rise'.padEnd(12)} az    ${'culmination'.padEnd(12)}  el°    az    ${'set'.padEnd(12)} az    vis  ${'visible from–to'.padEnd(25)} mag\n`);
    for (const p of passes) {
      const day = (p.rise ?? p.culmination).time.slice(0, 10);
      io.stdout.write(
        `${day}  ${hms(p.rise?.time)} ${(p.rise === null ? '' : compass(p.rise.azimuthDeg)).padEnd(4)}  ${hms(p.culmination.time)} ${p.maxElevationDeg.toFixed(1).padStart(5)}  ${compass(p.culmination.azimuthDeg).padEnd(4)}  ` +
          `${hms(p.set?.time)} ${(p.set === null ? '' : compass(p.set.azimuthDeg)).padEnd(4)}  ${p.visible ? 'yes' : 'no '}  ` +
          `${p.visible ? `${hms(p.visibleStart)}–${hms(p.visibleEnd)}` : ''.padEnd(25)} ${p.maxMagnitude === null ? '' : p.maxMagnitude.toFixed(1)}\n`,
      );
    }
    io.stdout.write(`${passes.length} pass${passes.length === 1 ? '' : 'es'}${flags['visible-only'] === true ? ' (visible only)' : ''}\n`);
    return 0;
  },
};

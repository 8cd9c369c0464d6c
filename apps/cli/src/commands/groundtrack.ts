/**
 * `stationkeeper groundtrack` — sub-satellite points (WGS-84 geodetic) over a time span as GeoJSON (a
 * MultiLineString split at the antimeridian, RFC 7946 §3.1.9) or CSV, optionally with the visibility footprint
 * at the start. Chain: element file → SGP4 → TEME→ITRF (GMST 1982 + polar motion from --eop) → geodetic.
 */
import { footprintGeoJson, groundTrack, groundTrackGeoJson } from '@stationkeeper/astro/events';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { checkRange, parseInstant, pickElements, readFlags, timeScalesFor } from '../util/index.js';

const HELP = `Usage: stationkeeper groundtrack --elements FILE [--norad N] --from ISO [--minutes M] [--step-s S]
                                 [--footprint] [--min-elevation DEG] [--eop FILE] [--format geojson|csv]

Sub-satellite points of a satellite (SGP4; WGS-84 geodetic latitude, longitude, height).

Options:
  --elements FILE       TLE/3LE or OMM file, plain or gzip
  --norad N             catalog number (required if the file holds several objects)
  --from ISO            start, ISO-8601 UTC
  --minutes M           span, minutes (default 93, one ISS orbit; at most 14 400)
  --step-s S            sample step, seconds (default 30)
  --footprint           add the visibility footprint at the start (GeoJSON only)
  --min-elevation DEG   elevation limit of the footprint, degrees (default 0)
  --eop FILE            IERS finals2000A.all (plain or gzip); without it UT1 = UTC
  --format FMT          geojson (default) or csv

GeoJSON lines are split at ±180° longitude; coordinates are [longitude, latitude] in degrees.
`;

export const groundtrackCommand: Command = {
  name: 'groundtrack',
  summary: 'ground track (GeoJSON split at the antimeridian) and visibility footprint',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const flags = readFlags(args, {
      elements: 'string', norad: 'number', from: 'string', minutes: 'number', 'step-s': 'number', footprint: 'boolean',
      'min-elevation': 'number', eop: 'string', format: 'string',
    });
    const format = (flags['format'] as string | undefined) ?? 'geojson';
    if (format !== 'geojson' && format !== 'csv') throw new UsageError(`--format must be geojson or csv, got '${format}'`);
    if (flags['elements'] === undefined) throw new UsageError('missing --elements FILE');
    if (flags['from'] === undefined) throw new UsageError('missing --from ISO');
    const minutes = checkRange((flags['minutes'] as number | undefined) ?? 93, 'minutes', 0, 14_400, 'min');
    const stepS = checkRange((flags['step-s'] as number | undefined) ?? 30, 'step-s', 0.1, 86_400, 's');
    const minEl = checkRange((flags['min-elevation'] as number | undefined) ?? 0, 'min-elevation', 0, 89, 'deg');
    const { ts, eopNote } = timeScalesFor(io, flags['eop'] as string | undefined);
    const start = parseInstant(ts, flags['from'] as string, 'from');
    const es = pickElements(io, flags['elements'] as string, flags['norad'] as number | undefined, ts, start);
    const prop = Sgp4Propagator.fromElements(es, ts);
    const pts = groundTrack(prop, start, minutes * 60, stepS, ts);
    if (format === 'csv') {
      io.stdout.write('time_utc,latitude_deg,longitude_deg,altitude_km\n');
      for (const p of pts) io.stdout.write(`${ts.toIsoUtc(start.plusSeconds(p.tS), 3)},${p.latitudeDeg.toFixed(6)},${p.longitudeDeg.toFixed(6)},${p.altitudeKm.toFixed(3)}\n`);
      return 0;
    }
    const features: unknown[] = [
      groundTrackGeoJson(pts, {
        noradId: es.noradId,
        name: es.name ?? null,
        start: ts.toIsoUtc(start, 3),
        stepS,
        times: pts.map((p) => ts.toIsoUtc(start.plusSeconds(p.tS), 3)),
        earthOrientation: eopNote,
      }),
    ];
    const first = pts[0];
    if (flags['footprint'] === true && first !== undefined) {
      features.push({
        type: 'Feature',
        geometry: footprintGeoJson(first.latitudeDeg, first.longitudeDeg, first.altitudeKm, (minEl * Math.PI) / 180),
        properties: { kind: 'footprint', time: ts.toIsoUtc(start, 3), minElevationDeg: minEl },
      });
    }
    io.stdout.write(`${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
    return 0;
  },
};

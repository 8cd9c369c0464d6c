/**
 * GET /api/groundtrack — sub-satellite points (WGS-84 geodetic) as a GeoJSON FeatureCollection: the track as a
 * MultiLineString split at the antimeridian (RFC 7946 §3.1.9), the sub-satellite point, and the visibility
 * footprint at `at` (or the start). `groundTrack`/`groundTrackGeoJson`/`footprintGeoJson` of
 * `@stationkeeper/astro/events`; warnings ride along as a foreign member.
 */
import { footprintGeoJson, groundTrack, groundTrackGeoJson } from '@stationkeeper/astro/events';
import type { FastifyInstance } from 'fastify';
import { round, type Services } from '../context.js';
import { instantParam, noradParam, numberParam, type Query } from '../params.js';
import { elementsSummary } from './now.js';

const D = Math.PI / 180;

export function registerGroundTrack(app: FastifyInstance, services: Services): void {
  app.get('/api/groundtrack', async (request) => {
    const q = request.query as Query;
    const noradId = noradParam(q);
    const minutes = numberParam(q, 'minutes', 1, 1440, 'min', 93);
    const stepS = numberParam(q, 'stepS', 5, 600, 's', 30);
    const minElevationDeg = numberParam(q, 'minElevationDeg', 0, 89, 'deg', 0);
    const { ts, notes } = await services.timeScales();
    const now = ts.fromDate(services.now());
    const start = instantParam(q, 'from', ts, now.plusSeconds(-minutes * 30));
    const chosen = await services.elementsAt(noradId, start.plusSeconds(minutes * 30), ts);
    const points = groundTrack(chosen.propagator, start, minutes * 60, stepS, ts);
    const features: unknown[] = [
      groundTrackGeoJson(points, {
        kind: 'track', noradId: chosen.set.noradId, name: chosen.set.name ?? null, start: ts.toIsoUtc(start, 3), stepS,
        times: points.map((p) => ts.toIsoUtc(start.plusSeconds(p.tS), 3)),
        altitudesKm: points.map((p) => round(p.altitudeKm, 3)),
      }),
    ];
    const at = instantParam(q, 'at', ts, start);
    const here = groundTrack(chosen.propagator, at, 0, 1, ts)[0];
    if (here !== undefined) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round(here.longitudeDeg, 6), round(here.latitudeDeg, 6)] },
        properties: { kind: 'subsatellite-point', time: ts.toIsoUtc(at, 3), altitudeKm: round(here.altitudeKm, 3) },
      });
      features.push({
        type: 'Feature',
        geometry: footprintGeoJson(here.latitudeDeg, here.longitudeDeg, here.altitudeKm, minElevationDeg * D),
        properties: { kind: 'footprint', time: ts.toIsoUtc(at, 3), minElevationDeg },
      });
    }
    const warnings = [...chosen.warnings, ...notes];
    if (points.length > 0 && points[points.length - 1]!.tS < minutes * 60) warnings.push(`propagation stopped after ${round(points[points.length - 1]!.tS / 60, 1)} min`);
    return { type: 'FeatureCollection', features, elements: elementsSummary(chosen), warnings };
  });
}

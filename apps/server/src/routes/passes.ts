/**
 * GET /api/passes — rise, culmination and set over an observer with the visible segment (satellite sunlit while
 * the Sun is below −6° at the observer) and estimated magnitude: `predictPasses` of `@stationkeeper/astro/events`
 * (docs/passes.md) on SGP4 (Vallado et al. 2006) with the stored EOP. JSON fields as `stationkeeper passes
 * --format json`.
 */
import { predictPasses, type PassPoint, type PassRecord } from '@stationkeeper/astro/events';
import type { FastifyInstance } from 'fastify';
import { round, type Services } from '../context.js';
import { booleanParam, instantParam, noradParam, numberParam, observerParams, type Query } from '../params.js';
import { elementsSummary } from './now.js';

const D = Math.PI / 180;

const pointJson = (p: PassPoint | null): Record<string, unknown> | null =>
  p === null
    ? null
    : { time: p.time, azimuthDeg: round(p.azimuthDeg, 3), elevationDeg: round(p.elevationDeg, 3), rangeKm: round(p.rangeKm, 3), sunlit: p.sunlit, magnitude: p.magnitude };

export function passJson(p: PassRecord, withSkyTrack: boolean): Record<string, unknown> {
  return {
    rise: pointJson(p.rise),
    culmination: pointJson(p.culmination),
    set: pointJson(p.set),
    maxElevationDeg: round(p.maxElevationDeg, 3),
    durationS: p.durationS === null ? null : round(p.durationS, 3),
    truncated: p.truncated,
    visible: p.visible,
    visibleStart: p.visibleStart,
    visibleEnd: p.visibleEnd,
    maxMagnitude: p.maxMagnitude,
    sunAltitudeDeg: round(p.sunAltitudeDeg, 3),
    ...(withSkyTrack
      ? { skyTrack: p.skyTrack.map((s) => ({ time: s.time, azimuthDeg: round(s.azimuthDeg, 3), elevationDeg: round(s.elevationDeg, 3), magnitude: s.magnitude })) }
      : {}),
  };
}

export function registerPasses(app: FastifyInstance, services: Services): void {
  app.get('/api/passes', async (request) => {
    const q = request.query as Query;
    const noradId = noradParam(q);
    const site = observerParams(q, true)!;
    const days = numberParam(q, 'days', 0.01, 30, 'days', 3);
    const minElevationDeg = numberParam(q, 'minElevationDeg', -5, 89, 'deg', 10);
    const visibleOnly = booleanParam(q, 'visibleOnly', false);
    const skyTrack = booleanParam(q, 'skyTrack', false);
    const { ts, notes } = await services.timeScales();
    const start = instantParam(q, 'from', ts, ts.fromDate(services.now()));
    const chosen = await services.elementsAt(noradId, start.plusSeconds((days * 86_400) / 2), ts);
    const observer = { latitudeRad: site.latitudeDeg * D, longitudeRad: site.longitudeDeg * D, heightKm: site.heightM / 1000 };
    const result = predictPasses(chosen.propagator, observer, start, days * 86_400, ts, { minElevationRad: minElevationDeg * D });
    const passes = visibleOnly ? result.passes.filter((p) => p.visible) : result.passes;
    const warnings = [...chosen.warnings, ...notes];
    if (result.status !== 0) warnings.push(`propagation stopped with SGP4 code ${result.status} after ${(result.searchedS / 86_400).toFixed(3)} days`);
    return {
      object: { noradId: chosen.set.noradId, name: chosen.set.name ?? null, elementEpoch: chosen.stored.epochIso },
      elements: elementsSummary(chosen),
      observer: site,
      window: { start: ts.toIsoUtc(start, 3), end: ts.toIsoUtc(start.plusSeconds(days * 86_400), 3), days, minElevationDeg, visibleOnly },
      status: result.status,
      passes: passes.map((p) => passJson(p, skyTrack)),
      warnings,
    };
  });
}

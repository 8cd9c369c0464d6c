/**
 * GET /api/now — sub-satellite point (WGS-84 geodetic), inertial speed, sunlit state and, with lat/lon, the look
 * angles from an observer: `computeNow` of `@stationkeeper/analysis/now`, the implementation `stationkeeper now`
 * shares. This route reads the query, the injected clock and the store (via `Services`) and returns the record.
 */
import { computeNow } from '@stationkeeper/analysis/now';
import type { FastifyInstance } from 'fastify';
import { round, type Services } from '../context.js';
import { instantParam, noradParam, observerParams, type Query } from '../params.js';

export function registerNow(app: FastifyInstance, services: Services): void {
  app.get('/api/now', async (request) => {
    const q = request.query as Query;
    const noradId = noradParam(q);
    const site = observerParams(q, false);
    const { ts, notes } = await services.timeScales();
    const t = instantParam(q, 'at', ts, ts.fromDate(services.now()));
    const chosen = await services.elementsAt(noradId, t, ts);
    return computeNow({
      elements: chosen.stored,
      timeScales: ts,
      at: t,
      ...(chosen.sampleWarning === undefined ? {} : { sampleWarning: chosen.sampleWarning }),
      ...(site === undefined ? {} : { observer: site }),
      lookAngles: true,
      notes,
    });
  });
}

export function elementsSummary(chosen: { stored: { epochIso: string }; ageDays: number; sample: boolean; stale: boolean; set: { source?: { format: string } } }): Record<string, unknown> {
  return {
    epoch: chosen.stored.epochIso,
    ageDays: round(chosen.ageDays, 3),
    sample: chosen.sample,
    stale: chosen.stale,
    source: chosen.set.source?.format ?? null,
  };
}

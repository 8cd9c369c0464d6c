/**
 * GET /api/elements/:norad — the latest stored element set of an object (raw TLE/OMM text as imported, decoded
 * mean elements in degrees at this edge) with its age at the request time and the stale flag.
 */
import type { FastifyInstance } from 'fastify';
import { round, utcMjdOf, type Services } from '../context.js';
import { noradParam, type Query } from '../params.js';
import { elementsSummary } from './now.js';

const DEG = 180 / Math.PI;

export function registerElements(app: FastifyInstance, services: Services): void {
  app.get('/api/elements/:norad', async (request) => {
    const noradId = noradParam(request.params as Query, 'norad', undefined);
    const { ts } = await services.timeScales();
    const now = ts.fromDate(services.now());
    const latest = await services.ctx.store.latestElementSet(noradId);
    // Same selection, warnings and stale rule as every other route, applied to the newest set.
    const chosen = await services.elementsAt(noradId, latest === undefined ? now : ts.fromUtcJd(2_400_000.5, Math.max(latest.epochUtcMjd, utcMjdOf(ts, now))), ts);
    const s = chosen.set;
    return {
      noradId: s.noradId,
      name: s.name ?? null,
      intlDesignator: s.intlDesignator,
      ...elementsSummary(chosen),
      format: s.source?.format ?? null,
      text: s.source?.text ?? null,
      mean: {
        meanMotionRevPerDay: s.meanMotionRevPerDay,
        eccentricity: s.eccentricity,
        inclinationDeg: round(s.inclinationRad * DEG, 6),
        raanDeg: round(s.raanRad * DEG, 6),
        argPerigeeDeg: round(s.argPerigeeRad * DEG, 6),
        meanAnomalyDeg: round(s.meanAnomalyRad * DEG, 6),
        bstar: s.bstar,
      },
      warnings: chosen.warnings,
    };
  });
}

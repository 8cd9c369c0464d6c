/**
 * GET /api/history — an object's stored element history as mean altitudes (`historyRow` of
 * `@stationkeeper/data/store`: Brouwer mean semi-major axis from SGP4's un-Kozai'd mean motion, WGS-72, minus
 * the WGS-84 equatorial radius — Vallado et al. 2006), where reboosts show as steps. Rows as
 * `stationkeeper history --format json`.
 */
import { historyRow, WGS84_EQUATORIAL_RADIUS_KM } from '@stationkeeper/data/store';
import type { FastifyInstance } from 'fastify';
import { round, utcMjdOf, type Services } from '../context.js';
import { BadParameter, instantParam, noradParam, type Query } from '../params.js';
import { isIssSample, issSampleWarning } from '@stationkeeper/data/sample';

export const ALTITUDE_REFERENCE = `mean altitude = Brouwer mean semi-major axis (SGP4 un-Kozai, WGS-72) − WGS-84 equatorial radius ${WGS84_EQUATORIAL_RADIUS_KM} km`;

export function registerHistory(app: FastifyInstance, services: Services): void {
  app.get('/api/history', async (request) => {
    const q = request.query as Query;
    const noradId = noradParam(q);
    const { ts } = await services.timeScales();
    const from = instantParam(q, 'from', ts);
    const to = instantParam(q, 'to', ts);
    const fromUtcMjd = from === undefined ? undefined : utcMjdOf(ts, from);
    const toUtcMjd = to === undefined ? undefined : utcMjdOf(ts, to);
    if (fromUtcMjd !== undefined && toUtcMjd !== undefined && toUtcMjd < fromUtcMjd) throw new BadParameter('to', "parameter 'to' is before 'from'");
    const sets = await services.ctx.store.elementHistory(noradId, {
      ...(fromUtcMjd === undefined ? {} : { fromUtcMjd }),
      ...(toUtcMjd === undefined ? {} : { toUtcMjd }),
    });
    const name = (await services.ctx.store.objects([noradId]))[0]?.name ?? null;
    const warnings: string[] = [];
    if (sets.some((s) => isIssSample(s.elementSet))) warnings.push(issSampleWarning(services.now().getTime()));
    if (sets.length < 2) {
      warnings.push(`only ${sets.length} element set${sets.length === 1 ? '' : 's'} of NORAD ${noradId} in that range: import a history ('stationkeeper import FILE') to see the altitude over time`);
    }
    return {
      noradId,
      name,
      altitudeReference: ALTITUDE_REFERENCE,
      count: sets.length,
      rows: sets.map((s) => {
        const r = historyRow(s);
        return {
          epoch: r.epochIso,
          meanAltitudeKm: round(r.meanAltitudeKm, 4),
          perigeeAltitudeKm: round(r.perigeeAltitudeKm, 4),
          apogeeAltitudeKm: round(r.apogeeAltitudeKm, 4),
          meanMotionRevPerDay: r.meanMotionRevPerDay,
          eccentricity: r.eccentricity,
          bstar: r.bstar,
        };
      }),
      warnings,
    };
  });
}

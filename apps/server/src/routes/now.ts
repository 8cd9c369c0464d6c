/**
 * GET /api/now — sub-satellite point (WGS-84 geodetic), inertial speed, sunlit state and, with lat/lon, the look
 * angles from an observer. Chain as `stationkeeper now`: SGP4 (Vallado et al. 2006, TEME) → TEME→ITRF (GMST 1982
 * + stored EOP) → geodetic; Sun (Meeus, apparent, TEME) + conical Earth shadow (Montenbruck & Gill 2000 §3.4).
 */
import { sunPositionTemeKm } from '@stationkeeper/astro/bodies';
import { isSunlit, shadowGeometry, sunlitFraction } from '@stationkeeper/astro/events';
import { geodeticFromItrf, lookAngles, observerFromDegrees, temeToItrf } from '@stationkeeper/astro/frames';
import type { FastifyInstance } from 'fastify';
import { round, type Services } from '../context.js';
import { instantParam, noradParam, observerParams, type Query } from '../params.js';

const DEG = 180 / Math.PI;

export function registerNow(app: FastifyInstance, services: Services): void {
  app.get('/api/now', async (request) => {
    const q = request.query as Query;
    const noradId = noradParam(q);
    const site = observerParams(q, false);
    const { ts, notes } = await services.timeScales();
    const t = instantParam(q, 'at', ts, ts.fromDate(services.now()));
    const chosen = await services.elementsAt(noradId, t, ts);
    const teme = chosen.propagator.stateAt(t);
    const itrf = temeToItrf(teme, ts);
    const geo = geodeticFromItrf(itrf.positionKm);
    const tt = t.tt;
    const shadow = shadowGeometry(teme.positionKm, sunPositionTemeKm(tt.jd1, tt.jd2));
    const [vx, vy, vz] = teme.velocityKmS;
    let look: Record<string, number> | null = null;
    if (site !== undefined) {
      const angles = lookAngles(itrf, observerFromDegrees(site.latitudeDeg, site.longitudeDeg, site.heightM));
      look = {
        azimuthDeg: round(angles.azimuthRad * DEG, 3),
        elevationDeg: round(angles.elevationRad * DEG, 3),
        rangeKm: round(angles.rangeKm, 3),
        rangeRateKmS: round(angles.rangeRateKmS, 4),
      };
    }
    return {
      noradId: chosen.set.noradId,
      name: chosen.set.name ?? null,
      time: ts.toIsoUtc(t, 3),
      latitudeDeg: round(geo.latitudeRad * DEG, 4),
      longitudeDeg: round(geo.longitudeRad * DEG, 4),
      altitudeKm: round(geo.heightKm, 3),
      speedKmS: round(Math.hypot(vx, vy, vz), 4),
      sunlit: isSunlit(shadow),
      sunlitFraction: round(sunlitFraction(shadow), 3),
      elements: elementsSummary(chosen),
      observer: site ?? null,
      look,
      warnings: [...chosen.warnings, ...notes],
    };
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

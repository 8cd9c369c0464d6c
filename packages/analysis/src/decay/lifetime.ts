/**
 * Lifetime and reentry: the averaged propagator down to a mean perigee altitude (default 120 km, where an
 * orbit-averaged model stops being meaningful because the orbit decays within a revolution), then the full
 * numerical propagator of `@stationkeeper/astro/numerical` (Prince–Dormand 8(7), J2–J6, co-rotating drag with
 * the same atmosphere and drag parameter) from that orbit to the geodetic altitude of reentry (default 80 km,
 * the conventional break-up altitude of the IADC reentry campaigns). The numerical leg starts at perigee of the
 * mean orbit taken as osculating — the phase of a body at 120 km is not known to better than a revolution anyway.
 */
import type { Atmosphere, AtmosphereSample } from '@stationkeeper/astro/atmosphere';
import { altitudeCrossing, EARTH_GM_KM3_S2, NumericalPropagator } from '@stationkeeper/astro/numerical';
import { Instant } from '@stationkeeper/astro/time';
import type { Vec3 } from '@stationkeeper/astro/units';
import { propagateAveraged, type DecayPoint } from './averaged-propagator.js';
import type { MeanOrbit } from './mean-orbit.js';

/** Mean perigee altitude where the averaged leg hands over to the numerical one, km. */
export const HANDOVER_KM = 120;

export interface LifetimeOptions {
  readonly atmosphere: Atmosphere;
  /** Drag parameter C_D·A/m, m²/kg. */
  readonly cdAOverMM2Kg: number;
  /** Multiplies every density (default 1). */
  readonly densityScale?: number;
  /**
   * Mean perigee altitude whose crossing time is reported, km (default 120). The averaged leg ends at the lower of
   * this and 120 km, where the numerical leg takes over.
   */
  readonly untilAltitudeKm?: number;
  /** Geodetic altitude of reentry, km (default 80); `null` skips the numerical leg. */
  readonly reentryAltitudeKm?: number | null;
  /** TAI − UTC, s, for the numerical leg's time (default 37 s, valid since 2017-01-01). */
  readonly taiMinusUtcS?: number;
  /** Horizon of the averaged leg, days (default a century). */
  readonly maxDays?: number;
  readonly maxStepDays?: number;
  readonly maxDeltaAKm?: number;
  readonly nodes?: number;
}

export interface LifetimeResult {
  readonly start: MeanOrbit;
  /** The averaged leg: the start and every step. */
  readonly curve: DecayPoint[];
  /** When the mean perigee altitude reached `untilAltitudeKm` (interpolated; undefined: not within the horizon). */
  readonly altitudeReachedUtcMjd: number | undefined;
  /** When the geodetic altitude reached the reentry altitude (undefined: not reached or leg skipped). */
  readonly reentryUtcMjd: number | undefined;
  readonly steps: number;
}

/** An atmosphere whose density is multiplied by a constant. */
export function scaledAtmosphere(atmosphere: Atmosphere, scale: number): Atmosphere {
  if (scale === 1) return atmosphere;
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`density scale must be finite and > 0, got ${scale}`);
  return { name: `${atmosphere.name} ×${scale}`, densityKgM3: (s: AtmosphereSample) => scale * atmosphere.densityKgM3(s) };
}

/** Inertial (TEME-like, true-pole) position and velocity at perigee of a mean orbit taken as osculating. */
export function perigeeState(o: MeanOrbit): { positionKm: Vec3; velocityKmS: Vec3 } {
  const rp = o.aKm * (1 - o.e);
  const vp = Math.sqrt((EARTH_GM_KM3_S2 * (1 + o.e)) / rp);
  const cO = Math.cos(o.raanRad);
  const sO = Math.sin(o.raanRad);
  const ci = Math.cos(o.iRad);
  const si = Math.sin(o.iRad);
  const cu = Math.cos(o.argpRad);
  const su = Math.sin(o.argpRad);
  return {
    positionKm: [rp * (cO * cu - sO * su * ci), rp * (sO * cu + cO * su * ci), rp * su * si],
    velocityKmS: [vp * (-cO * su - sO * cu * ci), vp * (-sO * su + cO * cu * ci), vp * cu * si],
  };
}

/** Time (UTC MJD) of reaching the geodetic reentry altitude by numerical propagation from `o`, or undefined. */
export function numericalReentry(o: MeanOrbit, atmosphere: Atmosphere, cdAOverMM2Kg: number, reentryAltitudeKm: number,
  taiMinusUtcS = 37): number | undefined {
  const instant = Instant.fromTai(2_400_000.5 + o.utcMjd, taiMinusUtcS / 86_400);
  const { positionKm, velocityKmS } = perigeeState(o);
  const prop = new NumericalPropagator({
    initial: { frame: 'TEME', instant, positionKm, velocityKmS },
    spacecraft: { massKg: 1, dragAreaM2: cdAOverMM2Kg, dragCoefficient: 1 },
    atmosphere, thirdBody: false, srp: false, taiMinusUtcS,
  });
  const { events } = prop.propagate(instant.plusSeconds(3 * 86_400), [altitudeCrossing(reentryAltitudeKm, -1)]);
  const hit = events[0];
  return hit === undefined ? undefined : o.utcMjd + hit.instant.secondsSince(instant) / 86_400;
}

/** Decay from `start` to the altitude stop, then to reentry. */
export function predictLifetime(start: MeanOrbit, options: LifetimeOptions): LifetimeResult {
  const atmosphere = scaledAtmosphere(options.atmosphere, options.densityScale ?? 1);
  const drag = { atmosphere, cdAOverMM2Kg: options.cdAOverMM2Kg };
  const untilKm = options.untilAltitudeKm ?? 120;
  const res = propagateAveraged(start, {
    drag,
    stopPerigeeAltitudeKm: Math.min(untilKm, HANDOVER_KM),
    ...(options.maxDays !== undefined ? { maxDays: options.maxDays } : {}),
    ...(options.maxStepDays !== undefined ? { maxStepDays: options.maxStepDays } : {}),
    ...(options.maxDeltaAKm !== undefined ? { maxDeltaAKm: options.maxDeltaAKm } : {}),
    ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
  });
  let reached: number | undefined;
  const pts = res.points;
  if (pts[0]!.perigeeAltitudeKm <= untilKm) reached = start.utcMjd;
  for (let i = 1; i < pts.length && reached === undefined; i++) {
    const p = pts[i - 1]!;
    const q = pts[i]!;
    if (q.perigeeAltitudeKm <= untilKm) {
      reached = p.utcMjd + ((p.perigeeAltitudeKm - untilKm) / (p.perigeeAltitudeKm - q.perigeeAltitudeKm)) * (q.utcMjd - p.utcMjd);
    }
  }
  // The stop itself (its interpolated perigee may sit a rounding error above the altitude).
  if (reached === undefined && res.reason === 'altitude' && untilKm <= HANDOVER_KM) reached = res.final.utcMjd;
  const reentryKm = options.reentryAltitudeKm === undefined ? 80 : options.reentryAltitudeKm;
  let reentry: number | undefined;
  if (res.reason === 'altitude' && reentryKm !== null) {
    reentry = numericalReentry(res.final, atmosphere, options.cdAOverMM2Kg, reentryKm, options.taiMinusUtcS ?? 37);
  }
  return { start, curve: res.points, altitudeReachedUtcMjd: reached, reentryUtcMjd: reentry, steps: res.steps };
}

/**
 * Numerical propagator in TEME (chosen so that SGP4 states can seed it directly and the zonal field applies
 * on TEME's true-pole z axis): Prince–Dormand 8(7) by default, forces of `forces.ts`, drag from any
 * `Atmosphere`. Implements `Propagator<'TEME'>`; `stateAt` integrates from the last state it reached (forward
 * or backward), so monotone queries cost one pass. Events (e.g. `altitudeCrossing`) via `propagate`.
 * PropagationError codes: 1 = integration failure (step underflow / non-finite), 2 = below 0 km altitude.
 */
import type { Atmosphere } from '../atmosphere/atmosphere.js';
import { moonPositionTemeKm } from '../bodies/moon.js';
import { sunPositionTemeKm } from '../bodies/sun.js';
import type { StateVector } from '../frames/state-vector.js';
import { PropagationError, type Propagator } from '../propagator/index.js';
import type { Instant } from '../time/instant.js';
import { gmst82RadOf } from '../time/sidereal.js';
import { BodyNodes } from './body-nodes.js';
import { MOON_GM_KM3_S2, SUN_GM_KM3_S2 } from './constants.js';
import { addDrag, addSrp, addThirdBody, addZonalGravity, geodeticLatHeight, type Spacecraft } from './forces.js';
import { RungeKuttaIntegrator, type EventSpec, type IntegratorOptions } from './integrator.js';
import { PRINCE_DORMAND_87 } from './tableaus.js';

export interface NumericalPropagatorOptions {
  readonly initial: StateVector<'TEME'>;
  readonly spacecraft?: Spacecraft;
  /** Drag is applied when both an atmosphere and a spacecraft are given. */
  readonly atmosphere?: Atmosphere;
  /** Highest zonal degree, 0 or 2–6 (default 6). */
  readonly zonalDegree?: number;
  /** Sun and Moon point masses (default true). */
  readonly thirdBody?: boolean;
  /** Solar radiation pressure (default true when a spacecraft is given). */
  readonly srp?: boolean;
  /** TAI − UTC, s, for the atmosphere's UTC time and GMST (default 37 s, valid since 2017). */
  readonly taiMinusUtcS?: number;
  readonly integrator?: IntegratorOptions;
}

const MJD0 = 2_400_000.5;
/** Sun/Moon node spacing, s (body-nodes.ts: < 0.3 km interpolation error). */
const BODY_NODE_S = 600;

/** Event: geodetic (WGS-84) altitude crossing `altitudeKm` (direction −1: descending). */
export function altitudeCrossing(altitudeKm: number, direction: -1 | 0 | 1 = -1, terminal = true): EventSpec {
  return {
    g: (_t, y) => geodeticLatHeight(y[0]!, y[1]!, y[2]!).heightKm - altitudeKm,
    direction, terminal, timeTolerance: 1e-3,
  };
}

export class NumericalPropagator implements Propagator<'TEME'> {
  readonly frame = 'TEME' as const;
  readonly epoch: Instant;
  readonly #integrator: RungeKuttaIntegrator;
  #t: number;
  #y: Float64Array;
  readonly #y0: Float64Array;

  constructor(o: NumericalPropagatorOptions) {
    const deg = o.zonalDegree ?? 6;
    if (!(deg === 0 || (Number.isInteger(deg) && deg >= 2 && deg <= 6))) throw new RangeError(`zonalDegree must be 0 or 2–6, got ${deg}`);
    const sc = o.spacecraft;
    if (sc !== undefined && !(sc.massKg > 0 && sc.dragAreaM2 >= 0 && sc.dragCoefficient >= 0)) {
      throw new RangeError('spacecraft mass must be > 0 kg and area, Cd ≥ 0');
    }
    this.epoch = o.initial.instant;
    const tt = this.epoch.tt;
    const taiMinusUtc = o.taiMinusUtcS ?? 37;
    const utcMjd0 = this.epoch.taiJd1 - MJD0 + this.epoch.taiJd2 - taiMinusUtc / 86_400;
    const cdAm = sc ? (sc.dragCoefficient * sc.dragAreaM2) / sc.massKg : 0;
    const crAm = sc ? ((sc.reflectivity ?? 1.3) * (sc.srpAreaM2 ?? sc.dragAreaM2)) / sc.massKg : 0;
    const atm = sc ? o.atmosphere : undefined;
    const third = o.thirdBody ?? true;
    const srp = (o.srp ?? true) && sc !== undefined;
    const acc = new Float64Array(3);
    const r = new Float64Array(3);
    const v = new Float64Array(3);
    const sun = new Float64Array(3);
    const moon = new Float64Array(3);
    const sunNodes = new BodyNodes(BODY_NODE_S, (tS) => sunPositionTemeKm(tt.jd1, tt.jd2 + tS / 86_400, false));
    const moonNodes = new BodyNodes(BODY_NODE_S, (tS) => moonPositionTemeKm(tt.jd1, tt.jd2 + tS / 86_400));
    const f = (t: number, y: Float64Array, dydt: Float64Array): void => {
      r[0] = y[0]!; r[1] = y[1]!; r[2] = y[2]!;
      v[0] = y[3]!; v[1] = y[4]!; v[2] = y[5]!;
      acc[0] = 0; acc[1] = 0; acc[2] = 0;
      addZonalGravity(r[0], r[1], r[2], deg, acc);
      if (third || srp) {
        sunNodes.into(t, sun);
        if (third) {
          addThirdBody(r, sun, SUN_GM_KM3_S2, acc);
          moonNodes.into(t, moon);
          addThirdBody(r, moon, MOON_GM_KM3_S2, acc);
        }
        if (srp) addSrp(r, sun, crAm, acc);
      }
      if (atm !== undefined && cdAm > 0) {
        const utcMjd = utcMjd0 + t / 86_400;
        const th = gmst82RadOf(MJD0, utcMjd); // GMST 1982 with UT1 ≈ UTC
        const c = Math.cos(th);
        const s = Math.sin(th);
        const xe = c * r[0] + s * r[1];
        const ye = -s * r[0] + c * r[1];
        const { latRad, heightKm } = geodeticLatHeight(xe, ye, r[2]);
        if (!(heightKm > 0)) throw new PropagationError(`numerical propagation reached ${heightKm.toFixed(3)} km altitude`, 2);
        const rho = atm.densityKgM3({ utcMjd, latitudeRad: latRad, longitudeRad: Math.atan2(ye, xe), altitudeKm: heightKm });
        addDrag(r, v, rho, cdAm, acc);
      }
      dydt[0] = y[3]!; dydt[1] = y[4]!; dydt[2] = y[5]!;
      dydt[3] = acc[0]; dydt[4] = acc[1]; dydt[5] = acc[2];
    };
    this.#integrator = new RungeKuttaIntegrator(f, 6, {
      tableau: PRINCE_DORMAND_87, absTol: 1e-9, relTol: 1e-13, maxStep: 300, ...o.integrator,
    });
    const p = o.initial.positionKm;
    const w = o.initial.velocityKmS;
    this.#y0 = Float64Array.from([p[0], p[1], p[2], w[0], w[1], w[2]]);
    this.#t = 0;
    this.#y = Float64Array.from(this.#y0);
  }

  /** Integrates to `t`, detecting `events`; returns the final state and the events found. */
  propagate(t: Instant, events: readonly EventSpec[] = []): { state: StateVector<'TEME'>; events: { index: number; instant: Instant; state: StateVector<'TEME'> }[] } {
    const target = t.secondsSince(this.epoch);
    let res;
    try {
      res = this.#integrator.integrate(this.#t, this.#y, target, undefined, events);
    } catch (e) {
      if (e instanceof PropagationError) throw e;
      throw new PropagationError(`numerical integration failed: ${(e as Error).message}`, 1);
    }
    this.#t = res.t;
    this.#y = Float64Array.from(res.y);
    const toState = (tt: number, y: Float64Array): StateVector<'TEME'> => ({
      frame: 'TEME', instant: this.epoch.plusSeconds(tt), positionKm: [y[0]!, y[1]!, y[2]!], velocityKmS: [y[3]!, y[4]!, y[5]!],
    });
    return {
      state: toState(res.t, res.y),
      events: res.events.map((h) => ({ index: h.index, instant: this.epoch.plusSeconds(h.t), state: toState(h.t, h.y) })),
    };
  }

  stateAt(t: Instant): StateVector<'TEME'> {
    return this.propagate(t).state;
  }
}

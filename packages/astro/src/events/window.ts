/**
 * A search window: start instant, length, and what is needed to turn satellite states into Earth-fixed ones
 * quickly — UT1 − TAI and polar motion tabulated at daily nodes across the window and interpolated linearly
 * (the same linear interpolation of daily IERS values that Skyfield and the IERS use; UT1 − UTC curvature over a
 * day is < 0.1 ms, i.e. < 5 cm at the equator), GMST 1982 for SGP4's TEME, and an hourly table of the Sun
 * (linear interpolation between hourly nodes is good to 1e-7 rad, Sun moving 0.04°/h).
 *
 * Samplers adapt any `Propagator` (TEME, ITRF or GCRF) to the finders' `EcefSampler`; SGP4 gets an
 * allocation-free path through its `propagateMinutesInto` out-parameter API.
 */
import type { Propagator } from '../propagator/index.js';
import { gcrfToItrf, type EarthOrientationSource } from '../frames/transforms.js';
import type { Instant } from '../time/instant.js';
import { sunPositionTemeKm } from '../bodies/sun.js';
import { temeToItrfInPlace } from '../frames/terrestrial.js';
import { gmst82RadOf, gmst82RateRadS } from '../time/sidereal.js';
import type { EcefSampler } from './pass-finder.js';

const DAY_S = 86_400;
const TT_MINUS_TAI_DAYS = 32.184 / DAY_S;

/** The Earth-orientation view the window needs; `TimeScales` provides it. */
export interface EarthOrientationView {
  ut1MinusTaiS(t: Instant): number;
  polarMotion?(t: Instant): { readonly xpRad: number; readonly ypRad: number };
}

const SUN_NODE_S = 3_600;

export class SearchWindow {
  readonly start: Instant;
  /** The Earth-orientation view the window was built from (GCRF propagators need its full frames view). */
  readonly earth: EarthOrientationView;
  readonly durationS: number;
  private readonly dut: Float64Array;
  private readonly xp: Float64Array;
  private readonly yp: Float64Array;
  private readonly sun: Float64Array;
  /** GMST 1982 rate, rad/s (constant to 1e-15 over a window). */
  private readonly thetaRate: number;

  constructor(start: Instant, durationS: number, earth: EarthOrientationView) {
    if (!(durationS >= 0) || !Number.isFinite(durationS)) throw new RangeError(`window duration must be ≥ 0 s, got ${durationS}`);
    this.start = start;
    this.durationS = durationS;
    this.earth = earth;
    const nodes = Math.ceil(durationS / DAY_S) + 2;
    this.dut = new Float64Array(nodes);
    this.xp = new Float64Array(nodes);
    this.yp = new Float64Array(nodes);
    for (let k = 0; k < nodes; k++) {
      const t = start.plusSeconds(k * DAY_S);
      this.dut[k] = earth.ut1MinusTaiS(t);
      const pm = earth.polarMotion?.(t);
      this.xp[k] = pm?.xpRad ?? 0;
      this.yp[k] = pm?.ypRad ?? 0;
    }
    // Sun nodes are filled lazily (NaN = not yet computed): pass finding alone never pays for the series.
    this.sun = new Float64Array(3 * (Math.ceil(durationS / SUN_NODE_S) + 2)).fill(Number.NaN);
    this.thetaRate = gmst82RateRadS(start.taiJd1, start.taiJd2);
  }

  /** The instant `tS` seconds after the start. */
  at(tS: number): Instant {
    return this.start.plusSeconds(tS);
  }

  /** UT1 − TAI at `tS`, seconds (linear between daily nodes). */
  ut1MinusTaiS(tS: number): number {
    const x = Math.max(0, tS / DAY_S);
    const k = Math.min(Math.floor(x), this.dut.length - 2);
    const f = x - k;
    return this.dut[k]! + f * (this.dut[k + 1]! - this.dut[k]!);
  }

  /** GMST 1982 at `tS`, radians in [0, 2π) (Vallado et al. 2006, Appendix C). */
  gmstRad(tS: number): number {
    return gmst82RadOf(this.start.taiJd1, this.start.taiJd2 + (tS + this.ut1MinusTaiS(tS)) / DAY_S);
  }

  /** TEME state in out[0..5] → ITRF in place at `tS`. */
  temeToItrf(tS: number, out: Float64Array): void {
    const x = Math.max(0, tS / DAY_S);
    const k = Math.min(Math.floor(x), this.xp.length - 2);
    const f = x - k;
    const xp = this.xp[k]! + f * (this.xp[k + 1]! - this.xp[k]!);
    const yp = this.yp[k]! + f * (this.yp[k + 1]! - this.yp[k]!);
    temeToItrfInPlace(out, this.gmstRad(tS), this.thetaRate, xp, yp);
  }

  /** Apparent geocentric Sun in TEME at `tS`, km, into out[0..2]. */
  sunTemeInto(tS: number, out: Float64Array): void {
    const x = Math.max(0, tS / SUN_NODE_S);
    const k = Math.min(Math.floor(x), this.sun.length / 3 - 2);
    const f = x - k;
    const s = this.sun;
    if (Number.isNaN(s[3 * k]!)) this.fillSunNode(k);
    if (Number.isNaN(s[3 * k + 3]!)) this.fillSunNode(k + 1);
    out[0] = s[3 * k]! + f * (s[3 * k + 3]! - s[3 * k]!);
    out[1] = s[3 * k + 1]! + f * (s[3 * k + 4]! - s[3 * k + 1]!);
    out[2] = s[3 * k + 2]! + f * (s[3 * k + 5]! - s[3 * k + 2]!);
  }

  /** Sun in ITRF at `tS`, km, into out[0..2] (velocity slots untouched if out has 6). */
  sunItrfInto(tS: number, out: Float64Array): void {
    const tmp = this.scratch;
    this.sunTemeInto(tS, tmp);
    tmp[3] = 0;
    tmp[4] = 0;
    tmp[5] = 0;
    this.temeToItrf(tS, tmp);
    out[0] = tmp[0]!;
    out[1] = tmp[1]!;
    out[2] = tmp[2]!;
  }

  private readonly scratch = new Float64Array(6);

  private fillSunNode(k: number): void {
    const v = sunPositionTemeKm(this.start.taiJd1, this.start.taiJd2 + TT_MINUS_TAI_DAYS + (k * SUN_NODE_S) / DAY_S);
    this.sun[3 * k] = v[0];
    this.sun[3 * k + 1] = v[1];
    this.sun[3 * k + 2] = v[2];
  }
}

/** The slice of SGP4 the fast path uses (structural, so events does not depend on the sgp4 module). */
interface MinutesPropagator {
  readonly sgp4: { propagateMinutesInto(tsinceMin: number, out: Float64Array, offset?: number): number };
  minutesAt(t: Instant): number;
}

function isMinutesPropagator(p: unknown): p is MinutesPropagator {
  const q = p as Partial<MinutesPropagator> | null;
  return typeof q?.minutesAt === 'function' && typeof q.sgp4?.propagateMinutesInto === 'function';
}

/** Numeric status for a thrown propagation error (its `code`, else 1). */
function codeOf(error: unknown): number {
  const c = (error as { code?: unknown } | null)?.code;
  return typeof c === 'number' && c !== 0 ? c : 1;
}

/**
 * Writes the TEME (or the propagator's own frame) state at `tS` into out[0..5]; returns a status code.
 * Exposed for eclipse search, which works in TEME.
 */
export function frameSampler(propagator: Propagator, window: SearchWindow): (tS: number, out: Float64Array) => number {
  if (isMinutesPropagator(propagator)) {
    const m0 = propagator.minutesAt(window.start);
    const m1 = propagator.minutesAt(window.at(window.durationS));
    // no leap second inside the window: UTC minutes advance exactly with TAI seconds
    if (Math.abs(m1 - m0 - window.durationS / 60) < 1e-9 * Math.max(1, window.durationS)) {
      const sgp4 = propagator.sgp4;
      return (tS, out) => sgp4.propagateMinutesInto(m0 + tS / 60, out, 0);
    }
    return (tS, out) => propagator.sgp4.propagateMinutesInto(propagator.minutesAt(window.at(tS)), out, 0);
  }
  return (tS, out) => {
    try {
      writeState(propagator.stateAt(window.at(tS)), out);
      return 0;
    } catch (error) {
      if (error instanceof RangeError) return codeOf(error);
      throw error;
    }
  };
}

/** Position (km) and velocity (km/s) of a state into out[0..5]. */
function writeState(s: { readonly positionKm: readonly number[]; readonly velocityKmS: readonly number[] }, out: Float64Array): void {
  out[0] = s.positionKm[0]!;
  out[1] = s.positionKm[1]!;
  out[2] = s.positionKm[2]!;
  out[3] = s.velocityKmS[0]!;
  out[4] = s.velocityKmS[1]!;
  out[5] = s.velocityKmS[2]!;
}

/** Earth-fixed sampler for a propagator in TEME (GMST 1982 + polar motion), ITRF, or GCRF (IAU 2006/2000A). */
export function ecefSampler(propagator: Propagator, window: SearchWindow): EcefSampler {
  const raw = frameSampler(propagator, window);
  switch (propagator.frame) {
    case 'ITRF':
      return { sample: raw };
    case 'TEME':
      return {
        sample: (tS, out) => {
          const code = raw(tS, out);
          if (code === 0) window.temeToItrf(tS, out);
          return code;
        },
      };
    case 'GCRF': {
      // full IAU 2006/2000A CIO-based rotation per sample (frames package): slower, for numerical propagators
      const eop = window.earth as Partial<EarthOrientationSource>;
      if (typeof eop.ut1 !== 'function' || typeof eop.polarMotion !== 'function') {
        throw new RangeError('a GCRF propagator needs time scales with ut1() and polarMotion() (TimeScales)');
      }
      const frames = eop as EarthOrientationSource;
      return {
        sample: (tS, out) => {
          let s;
          try {
            s = propagator.stateAt(window.at(tS));
          } catch (error) {
            if (error instanceof RangeError) return codeOf(error);
            throw error;
          }
          if (s.frame !== 'GCRF') throw new RangeError(`propagator declared GCRF but returned ${s.frame}`);
          writeState(gcrfToItrf(s as Parameters<typeof gcrfToItrf>[0], frames), out);
          return 0;
        },
      };
    }
    default:
      throw new RangeError(`event finding needs a TEME, ITRF or GCRF propagator, got frame ${propagator.frame}`);
  }
}

/**
 * A tabulated Earth-fixed ephemeris: states sampled once on a uniform grid and read back by piecewise cubic
 * Hermite interpolation of position with its velocity (the interpolant's derivative gives the velocity). Use it
 * when many observers share one satellite: the expensive part (propagation plus TEME → ITRF) is paid once, and
 * every `findPasses` call on it costs a few table look-ups per sample.
 *
 * Accuracy: on a step h the position error is ≤ h⁴/384 · max|r⁽⁴⁾| and the velocity error of order
 * h³/96 · max|r⁽⁴⁾| (de Boor, "A Practical Guide to Splines", 2001, ch. II; Burden & Faires, "Numerical
 * Analysis", §3.4; Montenbruck & Gill 2000, §4.1). For a near-circular orbit |r⁽⁴⁾| ≈ n⁴ r: 0.2 mm for the ISS
 * at h = 10 s, ≈ 2–3 cm at h = 30 s. With SGP4 as the source, its velocity not being exactly the derivative of
 * its position adds ≈ 2 cm. The default step of `tabulate` is min(30 s, P/180), the same nodes per revolution
 * for any orbit.
 *
 * The tables are plain data (`EphemerisData`): optionally on SharedArrayBuffers, so that worker threads
 * (`@stationkeeper/workers`) read one table without copies and rebuild the sampler with `new
 * TabulatedEphemeris(data)`.
 */
import { EARTH_ANGULAR_VELOCITY_RAD_S } from '../frames/earth-rotation.js';
import type { EcefSampler } from './pass-finder.js';

/** The plain-data form of a tabulated ephemeris (what is posted to worker threads). */
export interface EphemerisData {
  /** Grid step, s. */
  readonly stepS: number;
  /** Number of nodes; node k is at k · stepS seconds after the window start. */
  readonly nodes: number;
  /** Length of the search window the grid covers, s ((nodes − 1) · stepS ≥ durationS). */
  readonly durationS: number;
  /** ITRF states, 6 per node: x, y, z (km), vx, vy, vz (km/s). */
  readonly states: Float64Array;
  /** The sampler's status code per node (0 = valid). */
  readonly codes: Int32Array;
}

export interface TabulateOptions {
  /** Grid step, s (default min(30 s, P/180), P from the first state's osculating period). */
  readonly stepS?: number;
  /** Allocate the tables on SharedArrayBuffers (for worker threads; default false). */
  readonly shared?: boolean;
}

/** GM for the osculating period that picks the default step (WGS-84, km³/s²; only sizes the grid). */
const MU_KM3_S2 = 398_600.4418;
/** Largest table the sampler constructor builds, nodes. */
const MAX_NODES = 5e6;

/** Osculating period (s) from an Earth-fixed state, or undefined when it is not on a bound orbit. */
function periodFromItrf(s: Float64Array): number | undefined {
  const vx = s[3]! - EARTH_ANGULAR_VELOCITY_RAD_S * s[1]!;
  const vy = s[4]! + EARTH_ANGULAR_VELOCITY_RAD_S * s[0]!;
  const vz = s[5]!;
  const r = Math.hypot(s[0]!, s[1]!, s[2]!);
  const energy = (vx * vx + vy * vy + vz * vz) / 2 - MU_KM3_S2 / r;
  if (!(r > 0) || !(energy < 0)) return undefined;
  const a = -MU_KM3_S2 / (2 * energy);
  return 2 * Math.PI * Math.sqrt((a * a * a) / MU_KM3_S2);
}

function float64(n: number, shared: boolean): Float64Array {
  return new Float64Array(shared ? new SharedArrayBuffer(n * 8) : new ArrayBuffer(n * 8));
}

function int32(n: number, shared: boolean): Int32Array {
  return new Int32Array(shared ? new SharedArrayBuffer(n * 4) : new ArrayBuffer(n * 4));
}

function checkStep(stepS: number, what: string): void {
  if (!(stepS > 0) || !Number.isFinite(stepS)) throw new RangeError(`${what} step must be > 0 s, got ${stepS}`);
}

/** An `EcefSampler` that interpolates a tabulated ephemeris. */
export class TabulatedEphemeris implements EcefSampler {
  readonly data: EphemerisData;
  /** Grid step, s. */
  readonly stepS: number;
  /** Length of the window the table covers, s. */
  readonly durationS: number;
  /** 0, or the code of the first node whose sample failed. */
  readonly status: number;
  private readonly states: Float64Array;
  private readonly codes: Int32Array;
  private readonly invStep: number;
  private readonly last: number;
  /** Past the table: a RangeError (`tabulate`, data), or the status / code 1 (sampler constructor). */
  private readonly throwOutside: boolean;

  /** Adopts tables made by `tabulate` (e.g. in a worker thread); times outside the grid throw RangeError. */
  constructor(data: EphemerisData);
  /**
   * Samples `source` every `stepS` over [0, durationS] plus one node past the end, stopping at the first failed
   * sample: from there on `sample` returns that code; past the table it returns the code (or 1).
   */
  constructor(source: EcefSampler, durationS: number, stepS: number);
  constructor(from: EphemerisData | EcefSampler, durationS?: number, stepS?: number) {
    let data: EphemerisData;
    if (!('sample' in from && typeof from.sample === 'function')) {
      data = from as EphemerisData;
      this.throwOutside = true;
    } else {
      checkStep(stepS!, 'table');
      if (!(durationS! >= 0) || !Number.isFinite(durationS)) throw new RangeError(`duration must be ≥ 0 s, got ${durationS}`);
      const nodes = Math.ceil(durationS! / stepS!) + 2;
      if (nodes > MAX_NODES) throw new RangeError(`table of ${nodes} nodes is too large (limit ${MAX_NODES})`);
      data = TabulatedEphemeris.sampleGrid(from, durationS!, stepS!, nodes, false, true, undefined);
      this.throwOutside = false;
    }
    checkStep(data.stepS, 'ephemeris');
    if (!Number.isInteger(data.nodes) || data.nodes < 2) throw new RangeError(`ephemeris needs ≥ 2 nodes, got ${data.nodes}`);
    if (data.states.length < 6 * data.nodes || data.codes.length < data.nodes) {
      throw new RangeError(`ephemeris tables hold ${data.states.length / 6} states and ${data.codes.length} codes; need ${data.nodes}`);
    }
    if (!(data.durationS >= 0) || data.durationS > (data.nodes - 1) * data.stepS) {
      throw new RangeError(`ephemeris covers ${(data.nodes - 1) * data.stepS} s; window of ${data.durationS} s does not fit`);
    }
    this.data = data;
    this.states = data.states;
    this.codes = data.codes;
    this.stepS = data.stepS;
    this.durationS = data.durationS;
    this.invStep = 1 / data.stepS;
    this.last = data.nodes - 1;
    let status = 0;
    for (let k = 0; k <= this.last && status === 0; k++) status = this.codes[k]!;
    this.status = status;
  }

  /**
   * Tabulates `sampler` on [0, durationS] (plus the node that closes the last step). A node whose sample fails
   * keeps the sampler's code, and sampling goes on; interpolation inside an interval touching it returns that code.
   */
  static tabulate(sampler: EcefSampler, durationS: number, options: TabulateOptions = {}): TabulatedEphemeris {
    if (!(durationS >= 0) || !Number.isFinite(durationS)) throw new RangeError(`window duration must be ≥ 0 s, got ${durationS}`);
    const first = new Float64Array(6);
    const code0 = sampler.sample(0, first);
    let stepS = options.stepS;
    if (stepS === undefined) {
      const period = code0 === 0 ? periodFromItrf(first) : undefined;
      stepS = Math.min(30, (period ?? 5_400) / 180);
    }
    checkStep(stepS, 'ephemeris');
    const nodes = Math.max(2, Math.ceil(durationS / stepS - 1e-9) + 1);
    const data = TabulatedEphemeris.sampleGrid(sampler, durationS, stepS, nodes, options.shared ?? false, false, { code: code0, state: first });
    return new TabulatedEphemeris(data);
  }

  /** Samples the grid; `stopAtFailure` marks every node from the first failed one with its code. */
  private static sampleGrid(sampler: EcefSampler, durationS: number, stepS: number, nodes: number, shared: boolean,
    stopAtFailure: boolean, node0: { code: number; state: Float64Array } | undefined): EphemerisData {
    const states = float64(6 * nodes, shared);
    const codes = int32(nodes, shared);
    const buf = new Float64Array(6);
    for (let k = 0; k < nodes; k++) {
      const code = k === 0 && node0 !== undefined ? node0.code : sampler.sample(k * stepS, buf);
      codes[k] = code;
      if (code === 0) states.set(k === 0 && node0 !== undefined ? node0.state : buf, 6 * k);
      else if (stopAtFailure) {
        codes.fill(code, k);
        break;
      }
    }
    return { stepS, nodes, durationS, states, codes };
  }

  /** Time of the first node whose sample failed, s (Infinity when every node is valid). */
  firstFailureS(): number {
    for (let k = 0; k <= this.last; k++) if (this.codes[k] !== 0) return k * this.stepS;
    return Infinity;
  }

  /** Interpolated ITRF state at `tS` into out[0..5]; returns 0 or the code of a failed node bounding `tS`. */
  sample(tS: number, out: Float64Array): number {
    const x = tS * this.invStep;
    if (!(x >= 0 && x <= this.last)) {
      if (this.throwOutside) throw new RangeError(`time ${tS} s is outside the tabulated ephemeris (0…${this.last * this.stepS} s)`);
      return this.status !== 0 ? this.status : 1;
    }
    const k = Math.min(Math.floor(x), this.last - 1);
    const c0 = this.codes[k]!;
    if (c0 !== 0) return c0;
    const c1 = this.codes[k + 1]!;
    if (c1 !== 0) return c1;
    const s = x - k;
    const h = this.stepS;
    const s2 = s * s;
    const s3 = s2 * s;
    // cubic Hermite basis and its derivative (per unit s)
    const h00 = 2 * s3 - 3 * s2 + 1;
    const h10 = (s3 - 2 * s2 + s) * h;
    const h01 = 3 * s2 - 2 * s3;
    const h11 = (s3 - s2) * h;
    const d00 = (6 * s2 - 6 * s) * this.invStep;
    const d10 = 3 * s2 - 4 * s + 1;
    const d11 = 3 * s2 - 2 * s;
    const st = this.states;
    const a = 6 * k;
    // unrolled over x, y, z: node k at a…a+5, node k+1 at a+6…a+11
    const x0 = st[a]!, y0 = st[a + 1]!, z0 = st[a + 2]!, u0 = st[a + 3]!, v0 = st[a + 4]!, w0 = st[a + 5]!;
    const x1 = st[a + 6]!, y1 = st[a + 7]!, z1 = st[a + 8]!, u1 = st[a + 9]!, v1 = st[a + 10]!, w1 = st[a + 11]!;
    out[0] = h00 * x0 + h10 * u0 + h01 * x1 + h11 * u1;
    out[1] = h00 * y0 + h10 * v0 + h01 * y1 + h11 * v1;
    out[2] = h00 * z0 + h10 * w0 + h01 * z1 + h11 * w1;
    out[3] = d00 * (x0 - x1) + d10 * u0 + d11 * u1;
    out[4] = d00 * (y0 - y1) + d10 * v0 + d11 * v1;
    out[5] = d00 * (z0 - z1) + d10 * w0 + d11 * w1;
    return 0;
  }
}

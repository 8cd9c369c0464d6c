/**
 * Single-satellite SGP4/SDP4 (Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack Report #3",
 * AIAA 2006-6753): `Sgp4.fromElements(es)` then `propagateMinutes(tsince)`. Status codes are returned, never
 * thrown (see `Sgp4Code`); states are TEME, km and km/s.
 */
import type { JulianDate } from '../time/julian-date.js';
import type { Vec3 } from '../units/index.js';
import { Sgp4Code } from './codes.js';
import { DEEP_SCRATCH_LENGTH } from './deep-space.js';
import { fillRecord, invalidElementsReason, type Sgp4Elements, type Sgp4Options } from './init.js';
import {
  ALTP, EPOCH_JD1, EPOCH_JD2, INIT_CODE, IREZ, METHOD, METHOD_DEEP_SPACE, NORAD, RADIUS_KM, RECORD_STRIDE,
} from './layout.js';
import { propagateSpan, type Sgp4StateArrays } from './propagate.js';

/** One propagated sample: a status code and the TEME state (zeros for codes 1–5 and 8–10). */
export interface Sgp4Result {
  readonly frame: 'TEME';
  readonly code: number;
  readonly positionKm: Vec3;
  readonly velocityKmS: Vec3;
}

/** Allocates state arrays for `n` samples, on a SharedArrayBuffer when `shared` (for worker threads). */
export function allocateSgp4States(n: number, shared = false): Sgp4StateArrays {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample count must be a non-negative integer, got ${n}`);
  const Buf = shared ? SharedArrayBuffer : ArrayBuffer;
  const f = (): Float64Array => new Float64Array(new Buf(n * 8));
  return { x: f(), y: f(), z: f(), vx: f(), vy: f(), vz: f(), codes: new Uint8Array(new Buf(n)) };
}

/** Runs the t = 0 sample the reference runs at the end of `sgp4init` and stores its code. */
export function checkRecordAtEpoch(rec: Float64Array, base: number, scratch: Float64Array, one: Sgp4StateArrays): number {
  if (rec[base + INIT_CODE] === Sgp4Code.INVALID_ELEMENTS) return Sgp4Code.INVALID_ELEMENTS;
  propagateSpan(rec, base, new Float64Array(1), 0, 1, 0, one, 0, scratch);
  const code = one.codes[0]!;
  rec[base + INIT_CODE] = code;
  return code;
}

export class Sgp4 {
  /** This satellite's constants (layout in `layout.ts`); read-only after construction. */
  readonly record: Float64Array;
  private readonly scratch = new Float64Array(DEEP_SCRATCH_LENGTH);
  private readonly one: Sgp4StateArrays = allocateSgp4States(1);
  private readonly time = new Float64Array(1);

  private constructor(record: Float64Array) {
    this.record = record;
  }

  /**
   * Initialises SGP4 from an element set. Throws RangeError for elements SGP4 cannot start from (non-finite
   * fields, eccentricity outside [0, 1), mean motion ≤ 0); a model failure at epoch is kept in `initCode`.
   */
  static fromElements(es: Sgp4Elements, options: Sgp4Options = {}): Sgp4 {
    const reason = invalidElementsReason(es);
    if (reason !== undefined) throw new RangeError(`SGP4 cannot initialise NORAD ${es.noradId}: ${reason}`);
    const rec = new Float64Array(RECORD_STRIDE);
    fillRecord(rec, 0, es, options);
    const s = new Sgp4(rec);
    checkRecordAtEpoch(rec, 0, s.scratch, s.one);
    return s;
  }

  get noradId(): number {
    return this.record[NORAD]!;
  }

  /** Element epoch, two-part UTC Julian date. */
  get epochUtc(): JulianDate {
    return { jd1: this.record[EPOCH_JD1]!, jd2: this.record[EPOCH_JD2]! };
  }

  /** 'deep-space' (SDP4, period ≥ 225 min) or 'near-earth'. */
  get method(): 'near-earth' | 'deep-space' {
    return this.record[METHOD] === METHOD_DEEP_SPACE ? 'deep-space' : 'near-earth';
  }

  /** Deep-space resonance: 0 none, 1 24-hour synchronous, 2 12-hour. */
  get resonance(): 0 | 1 | 2 {
    return this.record[IREZ] as 0 | 1 | 2;
  }

  /** The status code of the t = 0 sample the reference runs at initialisation (0 when valid). */
  get initCode(): number {
    return this.record[INIT_CODE]!;
  }

  /** Perigee altitude of the un-Kozai'd mean orbit at epoch, km above the model's equatorial radius. */
  get perigeeAltitudeKm(): number {
    return this.record[ALTP]! * this.record[RADIUS_KM]!;
  }

  /**
   * Out-parameter form: writes x, y, z (km), vx, vy, vz (km/s), TEME, to `out[offset … offset + 5]` and
   * returns the status code. No allocation.
   */
  propagateMinutesInto(tsinceMin: number, out: Float64Array, offset = 0): number {
    const one = this.one;
    this.time[0] = tsinceMin;
    propagateSpan(this.record, 0, this.time, 0, 1, 0, one, 0, this.scratch);
    out[offset] = one.x[0]!;
    out[offset + 1] = one.y[0]!;
    out[offset + 2] = one.z[0]!;
    out[offset + 3] = one.vx[0]!;
    out[offset + 4] = one.vy[0]!;
    out[offset + 5] = one.vz[0]!;
    return one.codes[0]!;
  }

  /** State `tsinceMin` minutes after the element epoch (TEME, km, km/s) with its status code. */
  propagateMinutes(tsinceMin: number): Sgp4Result {
    const one = this.one;
    this.time[0] = tsinceMin;
    propagateSpan(this.record, 0, this.time, 0, 1, 0, one, 0, this.scratch);
    return {
      frame: 'TEME',
      code: one.codes[0]!,
      positionKm: [one.x[0]!, one.y[0]!, one.z[0]!],
      velocityKmS: [one.vx[0]!, one.vy[0]!, one.vz[0]!],
    };
  }

  /**
   * Many times for this satellite into caller-owned arrays: sample k is `minutes[k]` minutes after epoch,
   * written at `outFirst + k`.
   */
  propagateManyInto(minutes: ArrayLike<number>, out: Sgp4StateArrays, outFirst = 0): void {
    const times = minutes instanceof Float64Array ? minutes : Float64Array.from(minutes);
    if (outFirst < 0 || outFirst + minutes.length > out.codes.length) {
      throw new RangeError(`output arrays hold ${out.codes.length} samples; need ${outFirst + minutes.length}`);
    }
    propagateSpan(this.record, 0, times, 0, times.length, 0, out, outFirst, this.scratch);
  }
}

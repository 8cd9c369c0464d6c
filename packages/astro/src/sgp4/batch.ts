/**
 * Catalog-scale SGP4: many satellites × many times into preallocated typed arrays. The catalog is one flat
 * `Float64Array` of records (see `layout.ts`), which a worker thread can adopt from a SharedArrayBuffer
 * without copying; the output is structure-of-arrays with sample (satellite s, time k) at `s · nTimes + k`
 * and a status code per sample. Nothing is allocated per sample, and results are identical to the
 * single-satellite API (both run `propagateSpan`).
 */
import type { JulianDate } from '../time/julian-date.js';
import { DEEP_SCRATCH_LENGTH } from './deep-space.js';
import { fillRecord, type Sgp4Elements, type Sgp4Options } from './init.js';
import { EPOCH_JD1, EPOCH_JD2, INIT_CODE, NORAD, RECORD_STRIDE } from './layout.js';
import { propagateSpan, type Sgp4StateArrays } from './propagate.js';
import { allocateSgp4States, checkRecordAtEpoch } from './sgp4.js';

export class Sgp4Catalog {
  /** `count` records of `RECORD_STRIDE` float64 each. */
  readonly records: Float64Array;
  readonly count: number;

  private constructor(records: Float64Array) {
    if (records.length % RECORD_STRIDE !== 0) {
      throw new RangeError(`record array length ${records.length} is not a multiple of ${RECORD_STRIDE}`);
    }
    this.records = records;
    this.count = records.length / RECORD_STRIDE;
  }

  /**
   * Initialises every element set. Invalid ones (non-finite, e ∉ [0, 1), n ≤ 0) are kept with init code 9
   * and yield code 9 at every sample, so indices stay aligned with the input. `shared` puts the records on
   * a SharedArrayBuffer for worker threads.
   */
  static fromElements(elements: readonly Sgp4Elements[], options: Sgp4Options = {}, shared = false): Sgp4Catalog {
    const n = elements.length;
    const bytes = n * RECORD_STRIDE * 8;
    const records = new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
    const scratch = new Float64Array(DEEP_SCRATCH_LENGTH);
    const one = allocateSgp4States(1);
    for (let i = 0; i < n; i++) {
      fillRecord(records, i * RECORD_STRIDE, elements[i]!, options);
      checkRecordAtEpoch(records, i * RECORD_STRIDE, scratch, one);
    }
    return new Sgp4Catalog(records);
  }

  /** Adopts records made by `fromElements` (e.g. received by a worker), without copying. */
  static fromRecords(records: Float64Array): Sgp4Catalog {
    return new Sgp4Catalog(records);
  }

  noradId(index: number): number {
    return this.records[this.checkIndex(index) * RECORD_STRIDE + NORAD]!;
  }

  epochUtc(index: number): JulianDate {
    const b = this.checkIndex(index) * RECORD_STRIDE;
    return { jd1: this.records[b + EPOCH_JD1]!, jd2: this.records[b + EPOCH_JD2]! };
  }

  /** Code of the t = 0 sample at initialisation (9 for rejected element sets). */
  initCode(index: number): number {
    return this.records[this.checkIndex(index) * RECORD_STRIDE + INIT_CODE]!;
  }

  private checkIndex(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) {
      throw new RangeError(`satellite index ${index} outside [0, ${this.count})`);
    }
    return index;
  }
}

export interface Sgp4BatchOptions {
  /**
   * When given, `minutes` count from this UTC two-part Julian date, common to all satellites (each one's
   * own offset from its epoch is added); otherwise `minutes` are minutes since each satellite's epoch.
   */
  readonly relativeToUtc?: JulianDate;
  /** First satellite to propagate (default 0). Output indices still start at this satellite's row. */
  readonly firstSatellite?: number;
  /** One past the last satellite to propagate (default `catalog.count`). */
  readonly endSatellite?: number;
}

/**
 * Propagates satellites [firstSatellite, endSatellite) of `catalog` to every time in `minutes`; sample
 * (s, k) goes to index `s · minutes.length + k` of `out` (allocate it with `allocateSgp4States(count ·
 * minutes.length)`). Returns `out`.
 */
export function propagateCatalog(catalog: Sgp4Catalog, minutes: ArrayLike<number>, out: Sgp4StateArrays,
  options: Sgp4BatchOptions = {}): Sgp4StateArrays {
  const times = minutes instanceof Float64Array ? minutes : Float64Array.from(minutes);
  const nTimes = times.length;
  const first = options.firstSatellite ?? 0;
  const end = options.endSatellite ?? catalog.count;
  if (!Number.isInteger(first) || !Number.isInteger(end) || first < 0 || end > catalog.count || first > end) {
    throw new RangeError(`satellite range [${first}, ${end}) outside [0, ${catalog.count})`);
  }
  const need = catalog.count * nTimes;
  for (const a of [out.x, out.y, out.z, out.vx, out.vy, out.vz, out.codes]) {
    if (a.length < need) throw new RangeError(`output arrays hold ${a.length} samples; need ${need} (satellites × times)`);
  }
  const rel = options.relativeToUtc;
  const rec = catalog.records;
  const scratch = new Float64Array(DEEP_SCRATCH_LENGTH);
  for (let s = first; s < end; s++) {
    const b = s * RECORD_STRIDE;
    const offsetMin = rel === undefined ? 0 : ((rel.jd1 - rec[b + EPOCH_JD1]!) + (rel.jd2 - rec[b + EPOCH_JD2]!)) * 1440.0;
    propagateSpan(rec, b, times, 0, nTimes, offsetMin, out, s * nTimes, scratch);
  }
  return out;
}

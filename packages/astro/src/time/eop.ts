/**
 * Earth orientation parameters (EOP): daily UT1−UTC, polar motion x_p, y_p and celestial-pole offsets, as
 * published by the IERS (Rapid Service/Prediction Centre Bulletin A, finals2000A.all; IERS Conventions 2010
 * ch. 5 and ch. 8). Values refer to 0h UTC of each day.
 *
 * Interpolation (`EopInterpolator`) is linear in TAI between daily rows. UT1 is interpolated as UT1−TAI, which
 * is continuous across leap seconds, whereas UT1−UTC jumps by 1 s there (IERS Conventions 2010 §5.5.1 note; this
 * is what Skyfield and SOFA users do). Linear interpolation of daily values leaves errors of ≲ 2e-5 s in UT1
 * (fortnightly tidal term, 0.8 ms amplitude, h²|f''|/8) and ≲ 0.05 mas in polar motion; the sub-daily ocean-tide
 * and libration terms (≤ 0.1 ms, ≤ 0.05 mas) are not modelled.
 */
import { RAD_PER_ARCSEC } from '../units/index.js';
import { type LeapSecondTable, taiMinusUtcAt } from './leap-seconds.js';

/** Which celestial-pole offsets an EOP source carries. */
export type PoleOffsetKind = 'dXdY' | 'dPsiDEps' | 'none';

/** One daily EOP row (internal units: seconds and radians). */
export interface EopRow {
  /** UTC MJD of the row (0h UTC). */
  readonly mjdUtc: number;
  readonly ut1MinusUtcS: number;
  readonly xpRad: number;
  readonly ypRad: number;
  /** Celestial-pole offsets (dX, dY w.r.t. IAU 2000A, or dψ, dε w.r.t. IAU 1980), when published. */
  readonly poleOffset1Rad?: number;
  readonly poleOffset2Rad?: number;
  /** True when UT1−UTC is a prediction rather than an IERS (observed/combined) value. */
  readonly ut1Predicted: boolean;
  readonly polarMotionPredicted: boolean;
}

/** A daily EOP series in columnar form. Build it with `createEopTable`. */
export interface EopTable {
  readonly source: string;
  readonly poleOffsetKind: PoleOffsetKind;
  readonly mjdUtc: Float64Array;
  readonly ut1MinusUtcS: Float64Array;
  readonly xpRad: Float64Array;
  readonly ypRad: Float64Array;
  /** dX (or dψ) in radians; meaningful only where `hasPoleOffsets` is 1. */
  readonly poleOffset1Rad: Float64Array;
  /** dY (or dε) in radians; meaningful only where `hasPoleOffsets` is 1. */
  readonly poleOffset2Rad: Float64Array;
  readonly hasPoleOffsets: Uint8Array;
  /** 1 where UT1−UTC is a prediction. */
  readonly ut1Predicted: Uint8Array;
  /** 1 where polar motion is a prediction. */
  readonly polarMotionPredicted: Uint8Array;
}

/** Builds a table from rows in increasing MJD order. Throws RangeError for non-finite or unordered rows. */
export function createEopTable(rows: readonly EopRow[], source: string, poleOffsetKind: PoleOffsetKind): EopTable {
  if (rows.length === 0) throw new RangeError('an EOP table needs at least one row');
  const n = rows.length;
  const t: EopTable = {
    source,
    poleOffsetKind,
    mjdUtc: new Float64Array(n),
    ut1MinusUtcS: new Float64Array(n),
    xpRad: new Float64Array(n),
    ypRad: new Float64Array(n),
    poleOffset1Rad: new Float64Array(n),
    poleOffset2Rad: new Float64Array(n),
    hasPoleOffsets: new Uint8Array(n),
    ut1Predicted: new Uint8Array(n),
    polarMotionPredicted: new Uint8Array(n),
  };
  let previous = -Infinity;
  rows.forEach((r, i) => {
    for (const [name, v] of [['MJD', r.mjdUtc], ['UT1−UTC', r.ut1MinusUtcS], ['x_p', r.xpRad], ['y_p', r.ypRad]] as const) {
      if (!Number.isFinite(v)) throw new RangeError(`EOP row ${i}: ${name} must be finite, got ${v}`);
    }
    if (Math.abs(r.ut1MinusUtcS) > 10) throw new RangeError(`EOP row ${i}: |UT1−UTC| ${r.ut1MinusUtcS} s exceeds 10 s`);
    if (Math.abs(r.xpRad) > 10 * RAD_PER_ARCSEC || Math.abs(r.ypRad) > 10 * RAD_PER_ARCSEC) {
      throw new RangeError(`EOP row ${i}: polar motion beyond 10 arcsec`);
    }
    if (!(r.mjdUtc > previous)) throw new RangeError(`EOP rows must be in strictly increasing MJD order (row ${i}, MJD ${r.mjdUtc})`);
    previous = r.mjdUtc;
    t.mjdUtc[i] = r.mjdUtc;
    t.ut1MinusUtcS[i] = r.ut1MinusUtcS;
    t.xpRad[i] = r.xpRad;
    t.ypRad[i] = r.ypRad;
    t.ut1Predicted[i] = r.ut1Predicted ? 1 : 0;
    t.polarMotionPredicted[i] = r.polarMotionPredicted ? 1 : 0;
    if (r.poleOffset1Rad !== undefined && r.poleOffset2Rad !== undefined) {
      if (!Number.isFinite(r.poleOffset1Rad) || !Number.isFinite(r.poleOffset2Rad)) {
        throw new RangeError(`EOP row ${i}: celestial-pole offsets must be finite`);
      }
      t.poleOffset1Rad[i] = r.poleOffset1Rad;
      t.poleOffset2Rad[i] = r.poleOffset2Rad;
      t.hasPoleOffsets[i] = 1;
    }
  });
  return t;
}

/** Interpolated Earth orientation at one instant. */
export interface EopSample {
  readonly ut1MinusTaiS: number;
  readonly xpRad: number;
  readonly ypRad: number;
  /** Present when both bracketing rows carry pole offsets. */
  readonly poleOffset1Rad?: number;
  readonly poleOffset2Rad?: number;
  /** 'inside' the table, or 'before'/'after' it (then the end row is held: UT1−UTC, x_p, y_p constant). */
  readonly coverage: 'inside' | 'before' | 'after';
  /** True when either bracketing row's UT1 is a prediction. */
  readonly predicted: boolean;
}

/** Linear interpolation of an EOP table on the TAI time axis (UT1 as UT1−TAI). Pure; build once per table. */
export class EopInterpolator {
  /** Row epochs as TAI MJD (0h UTC + TAI−UTC). */
  private readonly rowTaiMjd: Float64Array;
  private readonly ut1MinusTaiS: Float64Array;

  constructor(
    readonly table: EopTable,
    leapSeconds: LeapSecondTable,
  ) {
    const n = table.mjdUtc.length;
    this.rowTaiMjd = new Float64Array(n);
    this.ut1MinusTaiS = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const mjd = table.mjdUtc[i] ?? 0;
      const day = Math.floor(mjd);
      const dat = taiMinusUtcAt(leapSeconds, day, (mjd - day) * 86_400);
      this.rowTaiMjd[i] = mjd + dat / 86_400;
      this.ut1MinusTaiS[i] = (table.ut1MinusUtcS[i] ?? 0) - dat;
    }
  }

  get firstMjdUtc(): number {
    return this.table.mjdUtc[0] ?? 0;
  }

  get lastMjdUtc(): number {
    return this.table.mjdUtc[this.table.mjdUtc.length - 1] ?? 0;
  }

  /**
   * EOP at TAI MJD `taiMjd` (a day count precise to ~1e-10 d is ample: the values change by < 4 ms/day).
   * `taiMinusUtcS` is asked for only outside the table, where UT1−UTC of the end row is held.
   */
  sample(taiMjd: number, taiMinusUtcS: () => number): EopSample {
    const x = this.rowTaiMjd;
    const t = this.table;
    const n = x.length;
    const first = x[0] ?? 0;
    const last = x[n - 1] ?? 0;
    if (taiMjd < first || taiMjd > last || n === 1) {
      const i = taiMjd < first || n === 1 ? 0 : n - 1;
      return this.row(i, (t.ut1MinusUtcS[i] ?? 0) - taiMinusUtcS(), taiMjd < first ? 'before' : taiMjd > last ? 'after' : 'inside');
    }
    // Daily rows: guess the index from the day count, else binary search for x[lo] ≤ taiMjd < x[lo+1].
    let lo = Math.min(Math.max(Math.floor(taiMjd - first), 0), n - 2);
    let hi = lo + 1;
    if (!((x[lo] ?? 0) <= taiMjd && taiMjd < (x[hi] ?? 0))) {
      lo = 0;
      hi = n - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if ((x[mid] ?? 0) <= taiMjd) lo = mid;
        else hi = mid;
      }
    }
    const x0 = x[lo] ?? 0;
    const w = (taiMjd - x0) / ((x[hi] ?? 0) - x0);
    const ut1 = this.ut1MinusTaiS;
    const ut1MinusTaiS = (ut1[lo] ?? 0) + w * ((ut1[hi] ?? 0) - (ut1[lo] ?? 0));
    const xpRad = (t.xpRad[lo] ?? 0) + w * ((t.xpRad[hi] ?? 0) - (t.xpRad[lo] ?? 0));
    const ypRad = (t.ypRad[lo] ?? 0) + w * ((t.ypRad[hi] ?? 0) - (t.ypRad[lo] ?? 0));
    const predicted = t.ut1Predicted[lo] === 1 || t.ut1Predicted[hi] === 1;
    if (t.hasPoleOffsets[lo] === 1 && t.hasPoleOffsets[hi] === 1) {
      const d1 = t.poleOffset1Rad;
      const d2 = t.poleOffset2Rad;
      return {
        ut1MinusTaiS,
        xpRad,
        ypRad,
        poleOffset1Rad: (d1[lo] ?? 0) + w * ((d1[hi] ?? 0) - (d1[lo] ?? 0)),
        poleOffset2Rad: (d2[lo] ?? 0) + w * ((d2[hi] ?? 0) - (d2[lo] ?? 0)),
        coverage: 'inside',
        predicted,
      };
    }
    return { ut1MinusTaiS, xpRad, ypRad, coverage: 'inside', predicted };
  }

  private row(i: number, ut1MinusTaiS: number, coverage: EopSample['coverage']): EopSample {
    const t = this.table;
    const base = {
      ut1MinusTaiS,
      xpRad: t.xpRad[i] ?? 0,
      ypRad: t.ypRad[i] ?? 0,
      coverage,
      predicted: t.ut1Predicted[i] === 1,
    };
    return t.hasPoleOffsets[i] === 1
      ? { ...base, poleOffset1Rad: t.poleOffset1Rad[i] ?? 0, poleOffset2Rad: t.poleOffset2Rad[i] ?? 0 }
      : base;
  }
}

/**
 * Compact pass tables: one row per pass, one typed array per column (structure of arrays), rows grouped by
 * observer in observer order, with `observerStart` as the index (CSR offsets) — 138 000 observers × a few passes
 * each fit in a few MB and cross thread boundaries as transferable buffers. Times are seconds after the window
 * start; angles radians; ranges km. A pass already in progress at the window start has the `RISE_BEFORE_START`
 * flag and `riseS` = 0 (the window start); one still in progress at the end has `SET_AFTER_END` and `setS` =
 * the window length (or, when the ephemeris failed, the time the search stopped) — values are always finite,
 * the flags say what they mean.
 */

/** `flags` bit: the pass was in progress at the window start (no rise found; `riseS` is 0). */
export const RISE_BEFORE_START = 1;
/** `flags` bit: the pass was in progress at the window end (no set found; `setS` is the window length, or where the search stopped). */
export const SET_AFTER_END = 2;

/** Per-pass columns. */
export interface PassColumns {
  /** Index of the observer in the input list. */
  readonly observer: Uint32Array;
  readonly riseS: Float64Array;
  readonly culminationS: Float64Array;
  readonly setS: Float64Array;
  /** Geometric elevation at culmination, rad. */
  readonly maxElevationRad: Float64Array;
  /** Azimuth (from north through east) at rise, culmination and set, rad. */
  readonly riseAzimuthRad: Float64Array;
  readonly culminationAzimuthRad: Float64Array;
  readonly setAzimuthRad: Float64Array;
  /** Slant range at culmination, km. */
  readonly culminationRangeKm: Float64Array;
  /** `RISE_BEFORE_START` | `SET_AFTER_END`. */
  readonly flags: Uint8Array;
}

const FLOAT_COLUMNS = [
  'riseS', 'culminationS', 'setS', 'maxElevationRad', 'riseAzimuthRad', 'culminationAzimuthRad', 'setAzimuthRad',
  'culminationRangeKm',
] as const;
type FloatColumn = (typeof FLOAT_COLUMNS)[number];

/** A pass table for observers [0, observerCount): rows of observer i are observerStart[i] … observerStart[i+1]−1. */
export interface PassTable extends PassColumns {
  readonly count: number;
  readonly observerStart: Uint32Array;
}

/** One row of a pass table as a plain object (null rise/set for truncated passes). */
export interface PassRow {
  readonly observer: number;
  readonly riseS: number | null;
  readonly culminationS: number;
  readonly setS: number | null;
  readonly maxElevationRad: number;
  readonly riseAzimuthRad: number | null;
  readonly culminationAzimuthRad: number;
  readonly setAzimuthRad: number | null;
  readonly culminationRangeKm: number;
}

/** One pass as the builder takes it. */
export type PassValues = Omit<PassRow, 'observer'>;

/** Growable columns, filled in observer order. */
export class PassTableBuilder {
  private cap: number;
  private n = 0;
  private observer: Uint32Array;
  private flags: Uint8Array;
  private readonly floats: Record<FloatColumn, Float64Array>;

  constructor(initialCapacity = 256) {
    this.cap = Math.max(1, initialCapacity);
    this.observer = new Uint32Array(this.cap);
    this.flags = new Uint8Array(this.cap);
    this.floats = Object.fromEntries(FLOAT_COLUMNS.map((c) => [c, new Float64Array(this.cap)])) as Record<FloatColumn, Float64Array>;
  }

  get count(): number {
    return this.n;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const o = new Uint32Array(cap);
    o.set(this.observer);
    this.observer = o;
    const f = new Uint8Array(cap);
    f.set(this.flags);
    this.flags = f;
    for (const c of FLOAT_COLUMNS) {
      const a = new Float64Array(cap);
      a.set(this.floats[c]);
      this.floats[c] = a;
    }
    this.cap = cap;
  }

  /** Appends a pass of `observer`; `endS` (the window length, or where the search stopped) stands in for a missing set. */
  push(observer: number, p: PassValues, endS: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.observer[i] = observer;
    this.flags[i] = (p.riseS === null ? RISE_BEFORE_START : 0) | (p.setS === null ? SET_AFTER_END : 0);
    const fl = this.floats;
    fl.riseS[i] = p.riseS ?? 0;
    fl.culminationS[i] = p.culminationS;
    fl.setS[i] = p.setS ?? endS;
    fl.maxElevationRad[i] = p.maxElevationRad;
    fl.riseAzimuthRad[i] = p.riseAzimuthRad ?? p.culminationAzimuthRad;
    fl.culminationAzimuthRad[i] = p.culminationAzimuthRad;
    fl.setAzimuthRad[i] = p.setAzimuthRad ?? p.culminationAzimuthRad;
    fl.culminationRangeKm[i] = p.culminationRangeKm;
  }

  /** The filled columns, trimmed to their length (fresh buffers, transferable). */
  columns(): PassColumns {
    const n = this.n;
    const fl = this.floats;
    return {
      observer: this.observer.slice(0, n),
      flags: this.flags.slice(0, n),
      riseS: fl.riseS.slice(0, n),
      culminationS: fl.culminationS.slice(0, n),
      setS: fl.setS.slice(0, n),
      maxElevationRad: fl.maxElevationRad.slice(0, n),
      riseAzimuthRad: fl.riseAzimuthRad.slice(0, n),
      culminationAzimuthRad: fl.culminationAzimuthRad.slice(0, n),
      setAzimuthRad: fl.setAzimuthRad.slice(0, n),
      culminationRangeKm: fl.culminationRangeKm.slice(0, n),
    };
  }
}

/** The ArrayBuffers of a set of columns (to transfer them between threads). */
export function columnBuffers(c: PassColumns): ArrayBuffer[] {
  return [c.observer, c.flags, ...FLOAT_COLUMNS.map((k) => c[k])].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Joins column chunks (each in observer order, chunks in any order but covering disjoint observer ranges) into
 * one table for `observerCount` observers.
 */
export function joinPassColumns(chunks: readonly PassColumns[], observerCount: number): PassTable {
  const ordered = chunks.filter((c) => c.observer.length > 0).sort((a, b) => a.observer[0]! - b.observer[0]!);
  const count = ordered.reduce((n, c) => n + c.observer.length, 0);
  const observer = new Uint32Array(count);
  const flags = new Uint8Array(count);
  const floats = Object.fromEntries(FLOAT_COLUMNS.map((c) => [c, new Float64Array(count)])) as Record<FloatColumn, Float64Array>;
  let at = 0;
  for (const c of ordered) {
    observer.set(c.observer, at);
    flags.set(c.flags, at);
    for (const k of FLOAT_COLUMNS) floats[k].set(c[k], at);
    at += c.observer.length;
  }
  const observerStart = new Uint32Array(observerCount + 1);
  for (let i = 0; i < count; i++) {
    const o = observer[i]!;
    if (o >= observerCount) throw new RangeError(`pass row ${i} names observer ${o}; only ${observerCount} observers`);
    if (i > 0 && o < observer[i - 1]!) throw new RangeError('pass chunks overlap or are not in observer order');
    observerStart[o + 1]!++;
  }
  for (let i = 0; i < observerCount; i++) observerStart[i + 1]! += observerStart[i]!;
  return { count, observer, flags, ...floats, observerStart };
}

/** Row `i` of a table as a plain object. */
export function passRow(t: PassColumns, i: number): PassRow {
  if (!Number.isInteger(i) || i < 0 || i >= t.observer.length) throw new RangeError(`pass row ${i} is outside 0…${t.observer.length - 1}`);
  const f = t.flags[i]!;
  const noRise = (f & RISE_BEFORE_START) !== 0;
  const noSet = (f & SET_AFTER_END) !== 0;
  return {
    observer: t.observer[i]!,
    riseS: noRise ? null : t.riseS[i]!,
    culminationS: t.culminationS[i]!,
    setS: noSet ? null : t.setS[i]!,
    maxElevationRad: t.maxElevationRad[i]!,
    riseAzimuthRad: noRise ? null : t.riseAzimuthRad[i]!,
    culminationAzimuthRad: t.culminationAzimuthRad[i]!,
    setAzimuthRad: noSet ? null : t.setAzimuthRad[i]!,
    culminationRangeKm: t.culminationRangeKm[i]!,
  };
}

/** The passes of observer `observer`, in time order. */
export function passesOfObserver(t: PassTable, observer: number): PassRow[] {
  if (!Number.isInteger(observer) || observer < 0 || observer + 1 >= t.observerStart.length) {
    throw new RangeError(`observer ${observer} is outside 0…${t.observerStart.length - 2}`);
  }
  const out: PassRow[] = [];
  for (let i = t.observerStart[observer]!; i < t.observerStart[observer + 1]!; i++) out.push(passRow(t, i));
  return out;
}

/**
 * What every route shares: the open store, the wall clock (read only here, at the HTTP edge, and handed to the
 * libraries as an instant), time scales built from the stored EOP, and the choice of element set for a request
 * with its staleness warnings (the bundled ISS sample always carries `issSampleWarning`).
 */
import { chooseElementSet, isStale, staleElementsWarning } from '@stationkeeper/analysis/now';
import type { ElementSet } from '@stationkeeper/astro/elements';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import { createTimeScales, type Instant, type TimeScales } from '@stationkeeper/astro/time';
import { isIssSample, issSampleWarning } from '@stationkeeper/data/sample';
import { NO_STORED_EOP_NOTE, type Store, type StoredElementSet } from '@stationkeeper/data/store';

/** Stored EOP is re-read after this long, ms (an `update` may run beside the server). */
const EOP_REFRESH_MS = 10 * 60_000;

export interface ServerContext {
  readonly store: Store;
  /** How the store is described to people (path, or URL with the password masked). */
  readonly storeDescription: string;
  /** The wall clock — the only place the server reads it. Tests inject a fixed one. */
  readonly clock: () => Date;
}

export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** The chosen element set of a request, with what the response must say about it. */
export interface ChosenElements {
  readonly stored: StoredElementSet;
  readonly set: ElementSet;
  readonly sample: boolean;
  /** Requested instant − epoch, days. */
  readonly ageDays: number;
  readonly stale: boolean;
  /** `issSampleWarning` at the requested instant, present iff `sample`. */
  readonly sampleWarning?: string;
  /** The sample or staleness warning, if any (first in every response's `warnings`). */
  readonly warnings: string[];
  readonly propagator: Sgp4Propagator;
}

interface TimeCache {
  readonly ts: TimeScales;
  readonly notes: string[];
  readonly loadedAtMs: number;
}

/** Per-server caches around the context (time scales from the store's EOP). */
export class Services {
  private time: TimeCache | undefined;

  constructor(readonly ctx: ServerContext) {}

  now(): Date {
    return this.ctx.clock();
  }

  /** Time scales with the stored EOP (re-read every 10 min); `notes` say when there is none. */
  async timeScales(): Promise<{ ts: TimeScales; notes: readonly string[] }> {
    const nowMs = this.now().getTime();
    if (this.time === undefined || nowMs - this.time.loadedAtMs > EOP_REFRESH_MS || nowMs < this.time.loadedAtMs) {
      const eop = await this.ctx.store.eopTable();
      const notes =
        eop === undefined
          ? [NO_STORED_EOP_NOTE]
          : [];
      // Out-of-coverage notes from the time system are per instant; the routes do not repeat them per sample.
      const ts = createTimeScales({ ...(eop === undefined ? {} : { eop }), onWarning: () => undefined });
      this.time = { ts, notes, loadedAtMs: nowMs };
    }
    return { ts: this.time.ts, notes: this.time.notes };
  }

  /**
   * The element set of `noradId` closest to `at` by `chooseElementSet` of `@stationkeeper/analysis/now` (the rule
   * of `stationkeeper now`: the nearer of the newest at or before it and the first at or after it). NotFound when
   * none is stored.
   */
  async elementsAt(noradId: number, at: Instant, ts: TimeScales): Promise<ChosenElements> {
    const store = this.ctx.store;
    const atMjd = utcMjdOf(ts, at);
    const before = await store.latestElementSet(noradId, atMjd);
    const after = await store.firstElementSet(noradId, atMjd);
    const stored = chooseElementSet(atMjd, { before, after });
    if (stored === undefined) {
      throw new NotFound(`no element set for NORAD ${noradId} in the store: run 'stationkeeper update --norad ${noradId}' or 'stationkeeper import FILE'`);
    }
    const set = stored.elementSet;
    const sample = isIssSample(set);
    const ageDays = atMjd - stored.epochUtcMjd;
    const stale = isStale(ageDays, sample);
    const sampleWarning = sample ? issSampleWarning(ts.toDate(at).getTime()) : undefined;
    const first = sampleWarning ?? (stale ? staleElementsWarning(noradId, stored.epochIso, ageDays) : undefined);
    // The sample is years old: lift SGP4's 10-year guard so it still gives an (illustrative, flagged) answer.
    const propagator = Sgp4Propagator.fromElements(set, ts, sample ? { guard: { maxDaysFromEpoch: Number.POSITIVE_INFINITY } } : {});
    return { stored, set, sample, ageDays, stale, ...(sampleWarning === undefined ? {} : { sampleWarning }), warnings: first === undefined ? [] : [first], propagator };
  }
}

/** UTC MJD (days) of an instant. */
export function utcMjdOf(ts: TimeScales, t: Instant): number {
  const utc = ts.utc(t);
  return utc.jd1 - 2_400_000.5 + utc.jd2;
}

export const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

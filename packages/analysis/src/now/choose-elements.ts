/**
 * Which stored element set answers "where is it at instant t", and what to tell the reader about it.
 *
 * Rule (shared by `stationkeeper now` and `GET /api/now`): the set whose epoch is nearest to t among
 *   - `before`: the newest set with epoch ≤ t, and
 *   - `after`:  the first set with epoch ≥ t,
 * ties going to `after` only when strictly nearer — so it is the nearest stored set overall, on either side and at
 * any distance. SGP4 mean elements are fitted to observations around their epoch and their error grows roughly
 * symmetrically away from it (Vallado et al. 2006, "Revisiting Spacetrack Report #3", AIAA 2006-6753, §I; ~1–3 km/day
 * for the ISS), so the nearest epoch wins whatever its side. (Fix: an instant more than 30 days before the whole
 * stored history used to fall back to the NEWEST set — years away, so SGP4 refused it — instead of the earliest.)
 *
 * Pure: the caller queries its store for the two candidates and passes them in.
 */

/** An element set farther than this from the requested instant is flagged stale, days. */
export const STALE_AFTER_DAYS = 3;

/** The two candidates the rule chooses between (either may be missing). */
export interface ElementCandidates<T extends { readonly epochUtcMjd: number }> {
  /** Newest set with epoch ≤ the instant. */
  readonly before?: T | undefined;
  /** First set with epoch ≥ the instant. */
  readonly after?: T | undefined;
}

/** The element set nearest to `atUtcMjd` by the rule above, or undefined when no candidate exists. */
export function chooseElementSet<T extends { readonly epochUtcMjd: number }>(atUtcMjd: number, candidates: ElementCandidates<T>): T | undefined {
  if (!Number.isFinite(atUtcMjd)) throw new RangeError(`instant must be a finite UTC MJD (days), got ${atUtcMjd}`);
  const { before, after } = candidates;
  if (before !== undefined && before.epochUtcMjd > atUtcMjd) {
    throw new RangeError(`'before' candidate epoch (MJD ${before.epochUtcMjd}) is after the instant (MJD ${atUtcMjd})`);
  }
  if (after !== undefined && after.epochUtcMjd < atUtcMjd) {
    throw new RangeError(`'after' candidate epoch (MJD ${after.epochUtcMjd}) is before the instant (MJD ${atUtcMjd})`);
  }
  return before === undefined || (after !== undefined && after.epochUtcMjd - atUtcMjd < atUtcMjd - before.epochUtcMjd) ? after : before;
}

/** Whether a set `ageDays` (instant − epoch) from the instant is stale; the bundled sample always is. */
export function isStale(ageDays: number, sample: boolean): boolean {
  return sample || Math.abs(ageDays) > STALE_AFTER_DAYS;
}

/**
 * Beyond this many days from its epoch an element set's SGP4 position is not meaningful: the along-track error of
 * LEO sets grows by kilometres per day and faster with time (drag mis-modelling grows quadratically), so after a
 * few weeks it is a sizeable part of an orbit, and the drag terms extrapolate the decay rate of the epoch (an ISS set
 * of 2024 propagated 792 days puts the station at 50 km altitude). Vallado et al. 2006, AIAA 2006-6753 §I;
 * Kelso 2007, "Validation of SGP4 and IS-GPS-200D Against GPS Precision Ephemerides", AAS 07-127.
 */
export const MEANINGLESS_AFTER_DAYS = 30;

/** The warning for a (non-sample) element set farther than STALE_AFTER_DAYS from the instant. */
export function staleElementsWarning(noradId: number, epochIso: string, ageDays: number): string {
  const update = `Run 'stationkeeper update${noradId === 25_544 ? '' : ` --norad ${noradId}`}' for current elements.`;
  const days = Math.abs(ageDays).toFixed(1);
  if (Math.abs(ageDays) > MEANINGLESS_AFTER_DAYS) {
    return (
      `WARNING: the nearest stored element set (epoch ${epochIso}) is ${days} days from the requested time — more than ` +
      `${MEANINGLESS_AFTER_DAYS} days, so the position and altitude computed from it are NOT meaningful (SGP4 errors grow by kilometres ` +
      `per day and its drag terms extrapolate the decay of the epoch). ${update}`
    );
  }
  return `WARNING: the nearest stored element set (epoch ${epochIso}) is ${days} days from the requested time; positions degrade by kilometres per day. ${update}`;
}

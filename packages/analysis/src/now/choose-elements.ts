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

/** The warning for a (non-sample) element set farther than STALE_AFTER_DAYS from the instant. */
export function staleElementsWarning(noradId: number, epochIso: string, ageDays: number): string {
  return (
    `WARNING: the nearest stored element set (epoch ${epochIso}) is ${Math.abs(ageDays).toFixed(1)} days from the requested time; ` +
    `positions degrade by kilometres per day. Run 'stationkeeper update${noradId === 25_544 ? '' : ` --norad ${noradId}`}' for current elements.`
  );
}

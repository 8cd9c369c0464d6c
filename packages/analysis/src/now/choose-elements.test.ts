import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseElementSet, isStale, MEANINGLESS_AFTER_DAYS, STALE_AFTER_DAYS, staleElementsWarning } from './choose-elements.js';

interface Epoch {
  readonly epochUtcMjd: number;
}
const at = (epochUtcMjd: number): Epoch => ({ epochUtcMjd });

/** The candidates a store hands over for `t` (newest ≤ t; first ≥ t), from a sorted history. */
function candidatesOf(history: readonly Epoch[], t: number): { before?: Epoch; after?: Epoch } {
  const before = history.filter((e) => e.epochUtcMjd <= t).at(-1);
  const after = history.find((e) => e.epochUtcMjd >= t);
  return { ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/** The rule said another way, by brute force over the whole history: the set minimising |epoch − t| (ties to the earlier epoch). */
function nearestByBruteForce(history: readonly Epoch[], t: number): Epoch | undefined {
  let best: Epoch | undefined;
  for (const e of history) {
    const d = Math.abs(e.epochUtcMjd - t);
    if (best === undefined || d < Math.abs(best.epochUtcMjd - t) || (d === Math.abs(best.epochUtcMjd - t) && e.epochUtcMjd < best.epochUtcMjd)) best = e;
  }
  return best;
}

describe('chooseElementSet', () => {
  it('takes the nearer of the set before and the set after, whatever its side', () => {
    const before = at(59_000);
    const after = at(59_010);
    expect(chooseElementSet(59_004, { before, after })).toBe(before);
    expect(chooseElementSet(59_006, { before, after })).toBe(after);
  });

  it('keeps the set before on an exact tie (the later one must be strictly nearer)', () => {
    const before = at(59_000);
    const after = at(59_010);
    expect(chooseElementSet(59_005, { before, after })).toBe(before);
  });

  it('uses whichever side exists, at any distance', () => {
    expect(chooseElementSet(59_000, { before: at(58_990) })?.epochUtcMjd).toBe(58_990);
    expect(chooseElementSet(59_000, { after: at(59_030) })?.epochUtcMjd).toBe(59_030);
    expect(chooseElementSet(59_000, {})).toBeUndefined();
  });

  it('regression: an instant long before the whole history takes the EARLIEST set, not the newest', () => {
    // Before the fix, with no set within 30 days after t the rule fell back to the newest set overall.
    const history = [at(59_215), at(59_400), at(59_640)];
    expect(chooseElementSet(58_484, candidatesOf(history, 58_484))?.epochUtcMjd).toBe(59_215);
  });

  it('rejects candidates that break the contract, and a non-finite instant, with RangeError', () => {
    expect(() => chooseElementSet(59_000, { before: at(59_000.5) })).toThrow(RangeError);
    expect(() => chooseElementSet(59_000, { after: at(58_999.5) })).toThrow(/is before the instant/);
    expect(() => chooseElementSet(Number.NaN, {})).toThrow(/finite UTC MJD/);
  });

  it('equals the brute-force nearest set over random histories and instants', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 58_000, max: 58_200, noNaN: true }), { maxLength: 12 }),
        fc.double({ min: 57_900, max: 58_300, noNaN: true }),
        (epochs, t) => {
          const history = [...new Set(epochs)].sort((a, b) => a - b).map(at);
          expect(chooseElementSet(t, candidatesOf(history, t))).toBe(nearestByBruteForce(history, t));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isStale', () => {
  it(`flags sets more than ${STALE_AFTER_DAYS} days away on either side, and the sample always`, () => {
    expect(isStale(STALE_AFTER_DAYS, false)).toBe(false);
    expect(isStale(-STALE_AFTER_DAYS, false)).toBe(false);
    expect(isStale(STALE_AFTER_DAYS + 1e-6, false)).toBe(true);
    expect(isStale(-STALE_AFTER_DAYS - 1e-6, false)).toBe(true);
    expect(isStale(0, true)).toBe(true);
  });
});

describe('staleElementsWarning', () => {
  it('names the epoch, the distance in days (one decimal, either side) and the update command', () => {
    expect(staleElementsWarning(25_544, '2022-03-03T16:59:58.033248Z', 16.29)).toBe(
      "WARNING: the nearest stored element set (epoch 2022-03-03T16:59:58.033248Z) is 16.3 days from the requested time; positions degrade by kilometres per day. Run 'stationkeeper update' for current elements.",
    );
    expect(staleElementsWarning(48_274, '2021-01-01T05:19:37.382880Z', -12.21)).toMatch(/is 12\.2 days from .*'stationkeeper update --norad 48274'/);
  });

  it(`regression: a set more than ${MEANINGLESS_AFTER_DAYS} days away says the position is not meaningful (a 792-day-old ISS set gave 50 km altitude with only "positions degrade")`, () => {
    expect(staleElementsWarning(25_544, '2024-10-01T12:52:02.775936Z', 792.29)).toMatch(/792\.3 days .*NOT meaningful.*'stationkeeper update'/);
    expect(staleElementsWarning(25_544, 'E', -(MEANINGLESS_AFTER_DAYS + 0.01))).toMatch(/NOT meaningful/);
    expect(staleElementsWarning(25_544, 'E', MEANINGLESS_AFTER_DAYS)).not.toMatch(/NOT meaningful/);
  });
});

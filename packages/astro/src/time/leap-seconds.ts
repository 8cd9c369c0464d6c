/**
 * Leap-second tables: TAI−UTC as a function of UTC.
 *
 * From 1972-01-01 TAI−UTC is a whole number of seconds that steps at the end of a UTC month (IERS Bulletin C).
 * From 1961-01-01 to 1971-12-31 UTC ran at an offset rate ("rubber seconds"): TAI−UTC = A + (MJD − B)·C with
 * the published A, B, C of the USNO table tai-utc.dat (Explanatory Supplement to the Astronomical Almanac 1992,
 * §2.58; the same constants are in ERFA `eraDat`). Before 1961-01-01 UTC did not exist: like ERFA we take
 * TAI−UTC = 0 there, and `TimeScales` warns.
 *
 * A table is an ascending list of entries, each valid from 0h UTC of its `mjd` until the next entry begins,
 * plus an optional expiry: after it a new leap second may have been announced that the table does not know.
 */

/** One line of a leap-second table: TAI−UTC = offsetS + (MJD_UTC − refMjd) · driftSPerDay from 0h UTC of `mjd`. */
export interface LeapSecondEntry {
  /** UTC MJD (0h) from which this entry applies. */
  readonly mjd: number;
  /** TAI−UTC in seconds at `refMjd` (whole seconds from 1972). */
  readonly offsetS: number;
  /** Reference MJD of the drift term (irrelevant when `driftSPerDay` is 0). */
  readonly refMjd: number;
  /** Drift of TAI−UTC in seconds per UTC day (non-zero only 1961–1971). */
  readonly driftSPerDay: number;
}

/** TAI−UTC history with its expiry (UTC MJD after which the table may be incomplete). */
export interface LeapSecondTable {
  readonly entries: readonly LeapSecondEntry[];
  /** UTC MJD at which the table expires, if the source states one. */
  readonly expiresMjd?: number;
  /** Where the table came from (file name, bulletin). */
  readonly source: string;
}

/** Builds a validated table. Throws RangeError for non-finite values or entries out of order. */
export function createLeapSecondTable(
  entries: readonly LeapSecondEntry[],
  source: string,
  expiresMjd?: number,
): LeapSecondTable {
  if (entries.length === 0) throw new RangeError('a leap-second table needs at least one entry');
  let previous = -Infinity;
  for (const e of entries) {
    if (!Number.isInteger(e.mjd)) throw new RangeError(`leap-second entry MJD must be an integer day, got ${e.mjd}`);
    if (!Number.isFinite(e.offsetS) || !Number.isFinite(e.refMjd) || !Number.isFinite(e.driftSPerDay)) {
      throw new RangeError(`leap-second entry at MJD ${e.mjd} has a non-finite TAI−UTC term`);
    }
    if (Math.abs(e.offsetS) > 1000 || Math.abs(e.driftSPerDay) > 1) {
      throw new RangeError(`leap-second entry at MJD ${e.mjd}: TAI−UTC ${e.offsetS} s is implausible`);
    }
    if (e.mjd <= previous) throw new RangeError(`leap-second entries must be in strictly increasing MJD order (MJD ${e.mjd})`);
    previous = e.mjd;
  }
  if (expiresMjd !== undefined && !Number.isFinite(expiresMjd)) throw new RangeError('leap-second table expiry must be finite');
  const frozen = entries.map((e) => Object.freeze({ ...e }));
  return expiresMjd === undefined
    ? Object.freeze({ entries: Object.freeze(frozen), source })
    : Object.freeze({ entries: Object.freeze(frozen), source, expiresMjd });
}

/** The entry in force at UTC day `mjd` (0h), or undefined before the table starts (pre-1961: TAI−UTC = 0). */
export function leapEntryAt(table: LeapSecondTable, mjd: number): LeapSecondEntry | undefined {
  const entries = table.entries;
  // Most queries are recent: scan from the end.
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e !== undefined && e.mjd <= mjd) return e;
  }
  return undefined;
}

/** TAI−UTC (s) of an entry at UTC day `mjd` + `sodS` seconds (UTC seconds of day). */
export function entryOffsetS(entry: LeapSecondEntry | undefined, mjd: number, sodS: number): number {
  if (entry === undefined) return 0;
  if (entry.driftSPerDay === 0) return entry.offsetS;
  return entry.offsetS + (mjd - entry.refMjd + sodS / 86_400) * entry.driftSPerDay;
}

/** TAI−UTC (s) at UTC day `mjd` plus `sodS` UTC seconds. Inside a leap second, the value still in force (the old one). */
export function taiMinusUtcAt(table: LeapSecondTable, mjd: number, sodS = 0): number {
  return entryOffsetS(leapEntryAt(table, mjd), mjd, sodS);
}

/**
 * Length of UTC day `mjd` in UTC seconds: 86 400 plus the jump of TAI−UTC at its end (86 401 on a day with a
 * positive leap second; fractional before 1972, e.g. 86 399.95 on 1961-07-31).
 */
export function utcDayLengthS(table: LeapSecondTable, mjd: number): number {
  const today = leapEntryAt(table, mjd);
  const tomorrow = leapEntryAt(table, mjd + 1);
  if (today === tomorrow) return 86_400;
  return 86_400 + entryOffsetS(tomorrow, mjd + 1, 0) - entryOffsetS(today, mjd + 1, 0);
}

const step = (mjd: number, offsetS: number): LeapSecondEntry => ({ mjd, offsetS, refMjd: 41_317, driftSPerDay: 0 });
const rubber = (mjd: number, offsetS: number, refMjd: number, driftSPerDay: number): LeapSecondEntry => ({
  mjd,
  offsetS,
  refMjd,
  driftSPerDay,
});

/**
 * A fresh copy of the built-in table.
 * - 1972-01-01 .. 2017-01-01: the 28 steps of IERS Bulletin C (TAI−UTC 10 s .. 37 s), as in IERS Leap_Second.dat.
 * - 1961-01-01 .. 1971-12-31: the 13 drift formulae of the USNO table tai-utc.dat (Explanatory Supplement 1992).
 * - Expiry 2027-06-28 (MJD 61584): IERS Bulletin C 72 (July 2026) announced no leap second for the end of
 *   December 2026, and Leap_Second.dat "Updated through IERS Bulletin 72" states "File expires on 28 June 2027".
 */
export function builtinLeapSeconds(): LeapSecondTable {
  return createLeapSecondTable(
    [
      rubber(37_300, 1.422_818, 37_300, 0.001_296),
      rubber(37_512, 1.372_818, 37_300, 0.001_296),
      rubber(37_665, 1.845_858, 37_665, 0.001_123_2),
      rubber(38_334, 1.945_858, 37_665, 0.001_123_2),
      rubber(38_395, 3.240_13, 38_761, 0.001_296),
      rubber(38_486, 3.340_13, 38_761, 0.001_296),
      rubber(38_639, 3.440_13, 38_761, 0.001_296),
      rubber(38_761, 3.540_13, 38_761, 0.001_296),
      rubber(38_820, 3.640_13, 38_761, 0.001_296),
      rubber(38_942, 3.740_13, 38_761, 0.001_296),
      rubber(39_004, 3.840_13, 38_761, 0.001_296),
      rubber(39_126, 4.313_17, 39_126, 0.002_592),
      rubber(39_887, 4.213_17, 39_126, 0.002_592),
      step(41_317, 10), // 1972-01-01
      step(41_499, 11), // 1972-07-01
      step(41_683, 12), // 1973-01-01
      step(42_048, 13), // 1974-01-01
      step(42_413, 14), // 1975-01-01
      step(42_778, 15), // 1976-01-01
      step(43_144, 16), // 1977-01-01
      step(43_509, 17), // 1978-01-01
      step(43_874, 18), // 1979-01-01
      step(44_239, 19), // 1980-01-01
      step(44_786, 20), // 1981-07-01
      step(45_151, 21), // 1982-07-01
      step(45_516, 22), // 1983-07-01
      step(46_247, 23), // 1985-07-01
      step(47_161, 24), // 1988-01-01
      step(47_892, 25), // 1990-01-01
      step(48_257, 26), // 1991-01-01
      step(48_804, 27), // 1992-07-01
      step(49_169, 28), // 1993-07-01
      step(49_534, 29), // 1994-07-01
      step(50_083, 30), // 1996-01-01
      step(50_630, 31), // 1997-07-01
      step(51_179, 32), // 1999-01-01
      step(53_736, 33), // 2006-01-01
      step(54_832, 34), // 2009-01-01
      step(56_109, 35), // 2012-07-01
      step(57_204, 36), // 2015-07-01
      step(57_754, 37), // 2017-01-01
    ],
    'built-in: IERS Bulletin C 72 (steps 1972–2017) + USNO tai-utc.dat (1961–1971)',
    61_584,
  );
}

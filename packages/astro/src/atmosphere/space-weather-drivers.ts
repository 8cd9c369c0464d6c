/**
 * From daily space-weather records to the NRLMSISE-00 drivers, following the model's definitions
 * (Picone et al. 2002; NRLMSISE-00 FORTRAN header):
 * - F10.7: observed daily flux of the PREVIOUS day;
 * - F10.7A: 81-day average of observed F10.7 centred on the day;
 * - Ap: daily Ap of the day;
 * - the 7-element ap history: daily Ap, 3-hour ap of the current interval, of 3, 6 and 9 hours before, and
 *   the means of the eight 3-hour values 12–33 and 36–57 hours before.
 * Plus constant scenarios (fixed F10.7, F10.7A, Ap). Pure: the caller passes the records in.
 */
import type { SpaceWeather, SpaceWeatherDay } from './space-weather.js';

/** The drivers of one NRLMSISE-00 evaluation. */
export interface MsisDrivers {
  readonly f107: number;
  readonly f107A: number;
  readonly ap: number;
  /** 7 values (see module doc). */
  readonly apArray: readonly number[];
}

/** Gives the drivers at a UTC MJD; throws RangeError outside its coverage. */
export type MsisDriverSource = (utcMjd: number) => MsisDrivers;

/** A constant scenario: the same F10.7 (previous day), F10.7A and Ap at all times. */
export function constantDrivers(f107Sfu: number, f107ASfu: number, ap: number): MsisDriverSource {
  for (const [name, v] of [['F10.7 (sfu)', f107Sfu], ['F10.7A (sfu)', f107ASfu], ['Ap', ap]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite non-negative number, got ${v}`);
  }
  const d: MsisDrivers = { f107: f107Sfu, f107A: f107ASfu, ap, apArray: Object.freeze([ap, ap, ap, ap, ap, ap, ap]) };
  return () => d;
}

/** Drivers read from daily records (observed, then predicted). Days must be sorted by MJD. */
export function spaceWeatherDrivers(sw: SpaceWeather): MsisDriverSource {
  const days = sw.days;
  if (days.length === 0) throw new RangeError('space weather has no days');
  const first = days[0]!.mjd;
  const contiguous = days.every((d, i) => d.mjd === first + i);
  const dayAt = (mjd: number): SpaceWeatherDay => {
    let d: SpaceWeatherDay | undefined;
    if (contiguous) d = days[mjd - first];
    else {
      let lo = 0;
      let hi = days.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = days[mid]!.mjd;
        if (m === mjd) {
          d = days[mid];
          break;
        }
        if (m < mjd) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    if (d === undefined) throw new RangeError(`space weather has no record for MJD ${mjd} (UTC day)`);
    return d;
  };
  /** 3-hour ap of the interval `k` intervals before the current one (falls back to daily Ap without 3-h data). */
  const ap3hBack = (mjd: number, slot: number, k: number): number => {
    let s = slot - k;
    let m = mjd;
    while (s < 0) {
      s += 8;
      m -= 1;
    }
    const d = dayAt(m);
    return d.ap3h.length === 8 ? d.ap3h[s]! : d.apDaily;
  };
  return (utcMjd: number): MsisDrivers => {
    if (!Number.isFinite(utcMjd)) throw new RangeError(`utcMjd must be finite, got ${utcMjd}`);
    const mjd = Math.floor(utcMjd);
    const today = dayAt(mjd);
    const yesterday = dayAt(mjd - 1);
    const slot = Math.min(7, Math.floor((utcMjd - mjd) * 8));
    const mean = (from: number): number => {
      let s = 0;
      for (let k = from; k < from + 8; k++) s += ap3hBack(mjd, slot, k);
      return s / 8;
    };
    return {
      f107: yesterday.f107ObsSfu,
      f107A: today.f107ObsCenter81Sfu,
      ap: today.apDaily,
      apArray: [today.apDaily, ap3hBack(mjd, slot, 0), ap3hBack(mjd, slot, 1), ap3hBack(mjd, slot, 2), ap3hBack(mjd, slot, 3),
        mean(4), mean(12)],
    };
  };
}

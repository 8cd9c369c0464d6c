/**
 * TDB − TT at the geocentre by the short periodic series of Fairhead & Bretagnon (1990), truncated as in
 * USNO Circular 179 (Kaplan 2005), eq. 2.6. The series' error against the full Fairhead & Bretagnon theory
 * (ERFA `eraDtdb`) is below 10 µs over 1600–2200 (measured 7.9 µs max over 1972–2027 in the shared reference
 * fixture header); the topocentric terms (≤ 2 µs for an observer on the Earth) are omitted.
 */
import { DAYS_PER_JULIAN_CENTURY, J2000_JD } from './julian-date.js';

/** TDB − TT in seconds at TT Julian date `jd1 + jd2` (TT may stand in for TDB in the argument: 1.7 ms is negligible). */
export function tdbMinusTtS(jd1: number, jd2: number): number {
  const t = (jd1 - J2000_JD + jd2) / DAYS_PER_JULIAN_CENTURY;
  return (
    0.001_657 * Math.sin(628.3076 * t + 6.2401) +
    0.000_022 * Math.sin(575.3385 * t + 4.297) +
    0.000_014 * Math.sin(1256.6152 * t + 6.1969) +
    0.000_005 * Math.sin(606.9777 * t + 4.0212) +
    0.000_005 * Math.sin(52.9691 * t + 0.4444) +
    0.000_002 * Math.sin(21.3299 * t + 5.5431) +
    0.000_010 * t * Math.sin(628.3076 * t + 4.249)
  );
}

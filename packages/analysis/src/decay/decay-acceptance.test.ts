/**
 * Acceptance on real data from ../shared (skipped without it): the CZ-5B core stage 45601 reentry, the ISS's
 * 2021 element history (arc-to-arc decay prediction, nodal rate), and the ISS without reboosts from the last 2022
 * set. Space weather: CelesTrak/CSSI sw19571001 (observed to 2026-08-21, then daily and monthly predictions).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NrlmsiseAtmosphere, spaceWeatherDrivers, type Atmosphere } from '@stationkeeper/astro/atmosphere';
import { parseElementFile } from '@stationkeeper/astro/elements';
import { parseSpaceWeatherTxt, toSpaceWeather } from '@stationkeeper/data/formats';
import { hasShared, readSharedText } from '#testing';
import { averagedRates, trapezoidNodes } from './averaged-rates.js';
import { arcPairPredictions } from './arc-pairs.js';
import { fitBallisticCoefficient, historyPoints, type HistoryPoint } from './ballistic-fit.js';
import { predictLifetime } from './lifetime.js';
import { completeSpaceWeather, meanObservedAp } from './space-weather.js';

/** 2020-05-11T15:33Z, the 18th Space Control Squadron's reentry epoch (reentry_epochs.csv, checked below). */
const CZ5B_REENTRY_MJD = 58_980 + (15 * 60 + 33) / 1440;

/** The `reentry_utc` of a NORAD number in ../shared/data/reentries/reentry_epochs.csv, as a UTC MJD. */
function sharedReentryUtcMjd(noradId: number): number {
  const row = readSharedText('data', 'reentries', 'reentry_epochs.csv').split('\n').find((l) => l.startsWith(`${noradId},`));
  const iso = row?.split(',')[4] ?? '';
  return Date.parse(iso.replace(/Z$/, ':00Z')) / 86_400_000 + 40_587;
}

let atmosphere: Atmosphere;
let iss: HistoryPoint[];

describe.skipIf(!hasShared)('decay acceptance on shared data', () => {
  beforeAll(() => {
    const parsed = parseSpaceWeatherTxt(readSharedText('data', 'space-weather', 'sw19571001.txt.gz'));
    const fill = meanObservedAp(toSpaceWeather(parsed.records).weather);
    const sw = toSpaceWeather(parsed.records, { apDailyFill: fill }).weather;
    atmosphere = new NrlmsiseAtmosphere(spaceWeatherDrivers(completeSpaceWeather(sw, 70_000).weather));
    iss = historyPoints(parseElementFile(readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz')).records);
  });

  it('CZ-5B 45601: predictions from the sets 1, 2 and 3 days out land within ±20 % of the remaining time', () => {
    expect(Math.abs(sharedReentryUtcMjd(45_601) - CZ5B_REENTRY_MJD) * 86_400).toBeLessThan(1); // the authority's epoch
    const sets = parseElementFile(readSharedText('data', 'reentries', 'CZ-5B_R-B_45601_2020-05-05_2020-05-11.tle')).records;
    const points = historyPoints(sets);
    const errors: number[] = [];
    for (const daysOut of [1, 2, 3]) {
      const start = [...points].reverse().find((p) => p.utcMjd <= CZ5B_REENTRY_MJD - daysOut)!;
      // Default fit window: the 30 days before the start (here: the whole history since launch).
      const fit = fitBallisticCoefficient(points, start.utcMjd - 30, start.utcMjd, { atmosphere });
      const res = predictLifetime(start.orbit, { atmosphere, cdAOverMM2Kg: fit.cdAOverMM2Kg });
      errors.push((res.reentryUtcMjd! - CZ5B_REENTRY_MJD) / (CZ5B_REENTRY_MJD - start.utcMjd));
    }
    // IADC campaign rule of thumb: ±20 % of the remaining time (measured, least-squares fit: +0.6 %, −0.5 %, −4.7 %).
    for (const e of errors) expect(Math.abs(e)).toBeLessThan(0.2);
    // The aim, ±10 %, is met too; guarded so that a regression past it is seen (not only past ±20 %).
    for (const e of errors) expect(Math.abs(e)).toBeLessThan(0.1);
  });

  it('ISS 2021: B fitted on one reboost-free arc predicts the next arc’s altitude loss (every pair reported in docs/decay.md)', () => {
    const pairs = arcPairPredictions(iss, { atmosphere });
    const done = pairs.filter((p) => p.relativeError !== undefined);
    const skippedPairs = pairs.filter((p) => p.skipped !== undefined);
    expect(done.length).toBe(12); // 22 maneuvers → 23 arcs → 22 pairs, 10 with an arc < 3 days (docs/decay.md)
    expect(skippedPairs.length).toBe(10);
    const abs = done.map((p) => Math.abs(p.relativeError!)).sort((a, b) => a - b);
    // What the method achieves (docs/decay.md explains each miss: drag-area changes such as the June 2021 iROSA
    // arrays, NRLMSISE-00's weak storm response, 9–11-day arcs). Measured 2026-11 (least-squares arc fit):
    // 5 of 12 within 15 %, 7 within 20 %, median 17.4 %, worst 52.8 %. Regression guards one step looser.
    expect(abs.filter((e) => e < 0.15).length).toBeGreaterThanOrEqual(5);
    expect(abs.filter((e) => e < 0.2).length).toBeGreaterThanOrEqual(7);
    expect(0.5 * (abs[5]! + abs[6]!)).toBeLessThan(0.2); // median of 12
    expect(abs[abs.length - 1]!).toBeLessThan(0.6);
  });

  it('ISS 2021 arc pairs: the least-squares arc fit is no worse than the two-end-point fit (regression: end-point noise)', () => {
    const ls = arcPairPredictions(iss, { atmosphere }).filter((p) => p.relativeError !== undefined);
    const ep = arcPairPredictions(iss, { atmosphere, method: 'end-points' }).filter((p) => p.relativeError !== undefined);
    const within = (r: typeof ls): number => r.filter((p) => Math.abs(p.relativeError!) < 0.15).length;
    // Measured: 5 vs 4 pairs within 15 %; the January pair (noisiest fit-arc ends) −17.0 % → −10.2 %.
    expect(within(ls)).toBeGreaterThanOrEqual(within(ep));
    const jan = (r: typeof ls): number => Math.abs(r.find((p) => p.fitArc.fromUtcMjd < 59_216)!.relativeError!);
    expect(jan(ls)).toBeLessThan(jan(ep));
  });

  it('ISS nodal regression of the averaged model matches the observed RAAN drift of the 2021 history', () => {
    const arc = iss.filter((p) => p.utcMjd >= 59_290 && p.utcMjd <= 59_305);
    const first = arc[0]!;
    const last = arc[arc.length - 1]!;
    let dRaan = last.orbit.raanRad - first.orbit.raanRad;
    const turns = Math.round((dRaan - -0.0873 * (last.utcMjd - first.utcMjd)) / (2 * Math.PI));
    dRaan -= turns * 2 * Math.PI;
    const observed = dRaan / ((last.utcMjd - first.utcMjd) * 86_400);
    const out = new Float64Array(5);
    const y = Float64Array.from([first.orbit.aKm, first.orbit.e, first.orbit.iRad, first.orbit.raanRad, first.orbit.argpRad]);
    averagedRates(y, first.utcMjd, { atmosphere, cdAOverMM2Kg: 0 }, trapezoidNodes(8), out);
    // First-order J2 only; the J2² and J4 secular terms are ~0.1 % of the ISS rate: 1e-3 (measured 4e-5, −4.945°/day).
    expect(Math.abs(out[3]! / observed - 1)).toBeLessThan(1e-3);
  });

  it('ISS without reboosts from the last 2022 set: nominal reentry within Energia’s 2–5 years or earlier (solar maximum)', () => {
    const start = iss[iss.length - 1]!;
    const fit = fitBallisticCoefficient(iss, start.utcMjd - 30, start.utcMjd, { atmosphere });
    const res = predictLifetime(start.orbit, { atmosphere, cdAOverMM2Kg: fit.cdAOverMM2Kg });
    const years = (res.reentryUtcMjd! - start.utcMjd) / 365.25;
    // Measured 1.79 years (2023-12) with the observed cycle-25 maximum; Energia's 2022 statement was 2–5 years.
    // Bounds 1–5 years catch unit or sign errors (which move it by orders of magnitude), not model detail.
    expect(years).toBeGreaterThan(1);
    expect(years).toBeLessThan(5);
    expect(res.reentryUtcMjd! - res.altitudeReachedUtcMjd!).toBeLessThan(1);
  });
});

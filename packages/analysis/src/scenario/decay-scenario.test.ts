import { describe, expect, it } from 'vitest';
import { constantDrivers, NrlmsiseAtmosphere, type SpaceWeather } from '@stationkeeper/astro/atmosphere';
import { parseElementFile } from '@stationkeeper/astro/elements';
import { parseSpaceWeatherTxt, toSpaceWeather, type SpaceWeatherRecord } from '@stationkeeper/data/formats';
import { hasShared, readSharedText } from '#testing';
import { historyPoints } from '../decay/ballistic-fit.js';
import { predictLifetime } from '../decay/lifetime.js';
import type { MonteCarloSample, MonteCarloSpec } from '../decay/monte-carlo.js';
import { msafeMonthlySpread, spreadAt } from '../decay/msafe-spread.js';
import { MSAFE_SIGMA_LN_F107, parseMsafe } from '../decay/space-weather.js';
import { runDecayScenario, type DecayScenarioInput } from './decay-scenario.js';
import { DecayScenarioError } from './errors.js';

// ISS, CelesTrak's 2008-09-20 example set (~350 km then).
const ISS_2008 = parseElementFile(`ISS (ZARYA)
1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927
2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537
`).records;
const constant: DecayScenarioInput = { sets: ISS_2008, weather: { kind: 'constant', f107: 150, ap: 15 }, cdAreaMassM2Kg: 0.008 };

async function refusal(p: Promise<unknown>): Promise<DecayScenarioError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DecayScenarioError) return e;
    throw e;
  }
  throw new Error('expected a DecayScenarioError');
}

describe('runDecayScenario', () => {
  it('with a given C_D·A/m and constant weather has no spread: p5 = p50 = p95 = one predictLifetime run', async () => {
    const res = await runDecayScenario(constant);
    const direct = predictLifetime(historyPoints(ISS_2008)[0]!.orbit, {
      atmosphere: new NrlmsiseAtmosphere(constantDrivers(150, 150, 15)), cdAOverMM2Kg: 0.008, untilAltitudeKm: 120, taiMinusUtcS: 33, maxDays: 50 * 365.25,
    });
    expect(res.reentryUtcMjd).toEqual({ p5: direct.reentryUtcMjd, p50: direct.reentryUtcMjd, p95: direct.reentryUtcMjd });
    expect(res.altitudeReachedUtcMjd).toBe(direct.altitudeReachedUtcMjd);
    expect(res.method).toMatchObject({ kind: 'corner-runs', sigmaLnB: 0, sigmaLnF107: 0, spread: 'none' });
    expect(res.fit).toBeUndefined();
    expect(res.curve.length).toBeLessThanOrEqual(401);
    expect(res.curve[res.curve.length - 1]![0]).toBe(direct.curve[direct.curve.length - 1]!.utcMjd);
    expect(JSON.parse(JSON.stringify(res))).toEqual(res); // JSON-safe
  });

  it('says why it cannot run, with a code and the numbers an edge needs', async () => {
    expect((await refusal(runDecayScenario({ ...constant, fromUtcMjd: 50_000 }))).code).toBe('no-start-set');
    const { cdAreaMassM2Kg: _, ...unfitted } = constant;
    const fit = await refusal(runDecayScenario(unfitted));
    expect(fit.code).toBe('fit-failed');
    expect(fit.details.setsInWindow).toBe(1);
    expect((await refusal(runDecayScenario({ ...constant, weather: { kind: 'store' } }))).code).toBe('no-space-weather');
    const late: SpaceWeather = { days: Array.from({ length: 4100 }, (_, i) => ({ mjd: 60_000 + i, f107ObsSfu: 100, f107AdjSfu: 100, f107ObsCenter81Sfu: 100, apDaily: 10, ap3h: [], kind: 'observed' as const })) };
    const tooLate = await refusal(runDecayScenario({ ...constant, weather: { kind: 'store' }, spaceWeather: () => late }));
    expect(tooLate.code).toBe('space-weather-too-late');
    expect(tooLate.details.firstDayUtcMjd).toBe(60_000);
    await expect(runDecayScenario({ ...constant, sets: [] })).rejects.toThrow(DecayScenarioError);
    await expect(runDecayScenario({ ...constant, cdAreaMassM2Kg: -1 })).rejects.toThrow(RangeError);
  });

  it('hands the Monte Carlo to the injected executor and takes Hyndman–Fan 7 percentiles of what it returns', async () => {
    let seen: { spec: MonteCarloSpec; samples: readonly MonteCarloSample[] } | undefined;
    const res = await runDecayScenario(constant, {
      monteCarlo: {
        runs: 20, execute: (spec, samples) => {
          seen = { spec, samples };
          return Promise.resolve(samples.map((s) => ({ index: s.index, altitudeReachedUtcMjd: null, reentryUtcMjd: 60_000 + s.index })));
        },
      },
    });
    expect(seen?.samples).toHaveLength(20);
    expect(seen?.spec.cdAOverMM2Kg).toBe(0.008);
    // numpy.percentile(60000 + arange(20), [5, 50, 95]) = 60000.95, 60009.5, 60018.05 (1e-9 d: binary rounding).
    expect(Math.abs(res.reentryUtcMjd.p5! - 60_000.95)).toBeLessThan(1e-9);
    expect(res.reentryUtcMjd.p50).toBe(60_009.5);
    expect(Math.abs(res.reentryUtcMjd.p95! - 60_018.05)).toBeLessThan(1e-9);
    expect(res.method).toMatchObject({ kind: 'monte-carlo', runs: 20 });
    await expect(runDecayScenario(constant, { monteCarlo: { runs: 3, execute: () => Promise.resolve([]) } })).rejects.toThrow(RangeError);
  });

  it('regression: --monte-carlo 1 is the nominal run for every percentile (it was reported as interpolated corner runs)', async () => {
    const nominal = await runDecayScenario(constant);
    const one = await runDecayScenario(constant, { monteCarlo: { runs: 1 } });
    expect(one.reentryUtcMjd).toEqual(nominal.reentryUtcMjd);
  });

  describe.skipIf(!hasShared)('ISS from the last 2022 set, space weather as known on 2022-03-03', () => {
    it('month-by-month MSAFE spreads (σ ln F10.7 > 0.2 over 2022–2024) widen the corner envelope of the global 0.164', async () => {
      const sets = parseElementFile(readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz')).records;
      const lastObserved = 59_641; // 2022-03-03: what was observed when the last set was published
      const records: SpaceWeatherRecord[] = parseSpaceWeatherTxt(readSharedText('data', 'space-weather', 'sw19571001.txt.gz')).records.filter((r) => r.kind === 'observed' && r.mjd <= lastObserved);
      const msafe = parseMsafe(readSharedText('data', 'space-weather', 'MSAFE_nov2020f10_prd.txt'));
      const input: DecayScenarioInput = { sets, weather: { kind: 'store' }, spaceWeather: (o) => toSpaceWeather(records, o).weather, cdAreaMassM2Kg: 0.008 };
      const global = await runDecayScenario(input);
      const monthly = await runDecayScenario({ ...input, msafe });
      expect(global.firstPredictedUtcMjd).toBe(lastObserved + 1);
      expect(global.method.spread).toBe('msafe-global');
      expect(monthly.method.spread).toBe('msafe-monthly');
      expect(monthly.reentryUtcMjd.p50).toBe(global.reentryUtcMjd.p50); // the nominal run does not use the spread
      // Premise, from the table: over the months from the start to the late corner's reentry σ ln F10.7 averages
      // above the table mean (the cycle-25 rise and maximum are its most uncertain years).
      const table = msafeMonthlySpread(msafe);
      const sig: number[] = [];
      for (let mjd = lastObserved + 1; mjd <= monthly.reentryUtcMjd.p95!; mjd += 30) sig.push(spreadAt(table, mjd).sigmaLnF107);
      expect(sig.reduce((x, y) => x + y, 0) / sig.length).toBeGreaterThan(MSAFE_SIGMA_LN_F107);
      expect(monthly.method.monthlyRange!.sigmaLnF107[1]).toBeGreaterThan(0.2);
      // So the monthly corners lie outside the global ones, by more than a day (the runs end ~1–3 years out).
      expect(monthly.reentryUtcMjd.p5!).toBeLessThan(global.reentryUtcMjd.p5! - 1);
      expect(monthly.reentryUtcMjd.p95!).toBeGreaterThan(global.reentryUtcMjd.p95! + 1);
    });
  });
});

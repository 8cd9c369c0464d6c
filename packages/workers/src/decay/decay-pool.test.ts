import { afterAll, describe, expect, it } from 'vitest';
import { planMonteCarlo, runMonteCarlo, type MonteCarloOutcome, type MonteCarloSample, type MonteCarloSpec } from '@stationkeeper/analysis/decay';
import { DecayWorkerPool } from './index.js';

// Workers run the compiled dist/ (npm test builds first).
const spec: MonteCarloSpec = {
  start: { utcMjd: 59_000, aKm: 6378.137 + 180, e: 0.001, iRad: 0.9, raanRad: 0, argpRad: 0 },
  cdAOverMM2Kg: 0.01, weather: { kind: 'constant', f107Sfu: 150, f107ASfu: 150, ap: 15 }, scaleFromUtcMjd: 59_000,
  untilAltitudeKm: 120, reentryAltitudeKm: 80, taiMinusUtcS: 37, maxDays: 365,
};

describe('DecayWorkerPool', () => {
  const pool = DecayWorkerPool.create(2);
  afterAll(async () => pool.close());

  it('gives exactly the in-thread results, in sample order, whatever the chunking', async () => {
    const samples = planMonteCarlo(7, { sigmaLnB: 0.2, sigmaLnF107: 0.15, sigmaLnAp: 0.3 }, 3);
    let progress = 0;
    const pooled = await pool.run<MonteCarloSpec, MonteCarloSample, MonteCarloOutcome>(spec, samples, { chunkSize: 2, onProgress: (d) => { progress = d; } });
    expect(pooled).toEqual(runMonteCarlo(spec, samples));
    expect(progress).toBe(7);
    expect(pooled.every((o) => o.reentryUtcMjd !== null)).toBe(true);
  });

  it('reports a failing runner and rejects bad arguments', async () => {
    await expect(pool.run(spec, [{ index: 0 }], { factory: 'noSuchExport' })).rejects.toThrow(/noSuchExport/);
    expect(await pool.run(spec, [])).toEqual([]);
    await expect(pool.run(spec, [1], { chunkSize: 0 })).rejects.toThrow(RangeError);
    expect(() => DecayWorkerPool.create(0)).toThrow(RangeError);
  });
});

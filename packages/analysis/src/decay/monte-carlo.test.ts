import { describe, expect, it } from 'vitest';
import { percentile, planMonteCarlo, runMonteCarlo, type MonteCarloSpec } from './monte-carlo.js';

describe('planMonteCarlo', () => {
  it('is deterministic, starts with the nominal run, and draws lognormals with the requested σ', () => {
    const sig = { sigmaLnB: 0.2, sigmaLnF107: 0.15, sigmaLnAp: 0.3 };
    const a = planMonteCarlo(4000, sig, 7);
    expect(planMonteCarlo(4000, sig, 7)).toEqual(a);
    expect(planMonteCarlo(10, sig, 8)[1]).not.toEqual(a[1]);
    expect(a[0]).toEqual({ index: 0, bScale: 1, f107Scale: 1, apScale: 1, f107Z: 0, apZ: 0 });
    // The recorded deviates are the ones behind the scales (used by a month-by-month spread): exact up to exp/log rounding.
    for (const x of a.slice(1, 50)) {
      expect(Math.abs(Math.log(x.f107Scale) - 0.15 * x.f107Z!)).toBeLessThan(1e-12);
      expect(Math.abs(Math.log(x.apScale) - 0.3 * x.apZ!)).toBeLessThan(1e-12);
    }
    const logs = a.slice(1).map((s) => Math.log(s.bScale));
    const mean = logs.reduce((x, y) => x + y, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((x, y) => x + (y - mean) ** 2, 0) / (logs.length - 1));
    // 4000 draws: standard error of the mean 0.2/√4000 = 0.0032 (4σ → 0.013); of the sd ≈ 0.2/√8000 = 0.0022 (4σ → 0.009).
    expect(Math.abs(mean)).toBeLessThan(0.013);
    expect(Math.abs(sd - 0.2)).toBeLessThan(0.009);
    expect(() => planMonteCarlo(0, sig)).toThrow(RangeError);
    expect(() => planMonteCarlo(3, { ...sig, sigmaLnB: -1 })).toThrow(RangeError);
  });
});

describe('percentile', () => {
  it('follows Hyndman & Fan definition 7 (NumPy default)', () => {
    // numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95]) = [1.2, 3.0, 8.8]
    const v = [10, 2, 4, 1, 3];
    expect(Math.abs(percentile(v, 5)! - 1.2)).toBeLessThan(1e-12); // exact decimal value up to binary rounding
    expect(percentile(v, 50)).toBe(3);
    expect(Math.abs(percentile(v, 95)! - 8.8)).toBeLessThan(1e-12);
  });
  it('treats runs that never came down as +∞ and reports null where they decide', () => {
    expect(percentile([1, 2, null], 50)).toBe(2);
    expect(percentile([1, 2, null], 95)).toBeNull();
    expect(() => percentile([], 50)).toThrow(RangeError);
  });
});

describe('runMonteCarlo', () => {
  it('runs samples in-thread; a larger drag parameter comes down sooner', () => {
    const spec: MonteCarloSpec = {
      start: { utcMjd: 59_000, aKm: 6378.137 + 200, e: 0.001, iRad: 0.9, raanRad: 0, argpRad: 0 },
      cdAOverMM2Kg: 0.01, weather: { kind: 'constant', f107Sfu: 150, f107ASfu: 150, ap: 15 }, scaleFromUtcMjd: 59_000,
      untilAltitudeKm: 120, reentryAltitudeKm: null, taiMinusUtcS: 37, maxDays: 365,
    };
    const out = runMonteCarlo(spec, [
      { index: 0, bScale: 1, f107Scale: 1, apScale: 1 }, { index: 1, bScale: 2, f107Scale: 1, apScale: 1 },
      { index: 2, bScale: 1, f107Scale: 1.5, apScale: 1 },
    ]);
    expect(out.map((o) => o.index)).toEqual([0, 1, 2]);
    const life = out.map((o) => o.altitudeReachedUtcMjd! - 59_000);
    // Lifetime ∝ 1/B to first order: doubling B roughly halves it (between 0.4 and 0.6 of nominal).
    expect(life[1]! / life[0]!).toBeGreaterThan(0.4);
    expect(life[1]! / life[0]!).toBeLessThan(0.6);
    expect(life[2]!).toBeLessThan(life[0]!);
    expect(out[0]!.reentryUtcMjd).toBeNull();
  });
});

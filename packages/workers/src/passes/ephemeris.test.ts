/**
 * TabulatedEphemeris against the sampler it tabulates (SGP4 → TEME → ITRF through astro's SearchWindow), on an
 * ISS-like element set built here (not a copy of any published set): exact at the nodes, and between them within
 * the cubic Hermite error bound plus SGP4's own velocity/position inconsistency.
 */
import { describe, expect, it } from 'vitest';
import { ecefSampler, SearchWindow, type EcefSampler } from '@stationkeeper/astro/events';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import { createTimeScales } from '@stationkeeper/astro/time';
import { TabulatedEphemeris } from './ephemeris.js';

const D = Math.PI / 180;

function issLike(): { sampler: EcefSampler; durationS: number } {
  const ts = createTimeScales();
  const prop = Sgp4Propagator.fromElements({
    noradId: 99_001, epochYear: 2024, epochDayOfYear: 80.5, epochUtc: { jd1: 2_460_309.5, jd2: 80.5 },
    meanMotionRevPerDay: 15.5, bstar: 2e-4, inclinationRad: 51.64 * D, raanRad: 120 * D, eccentricity: 4e-4,
    argPerigeeRad: 90 * D, meanAnomalyRad: 270 * D,
  }, ts);
  const durationS = 86_400;
  return { sampler: ecefSampler(prop, new SearchWindow(ts.fromUtcIso('2024-03-21T00:00:00Z'), durationS, ts)), durationS };
}

describe('TabulatedEphemeris', () => {
  const { sampler, durationS } = issLike();
  const eph = TabulatedEphemeris.tabulate(sampler, durationS);
  const a = new Float64Array(6);
  const b = new Float64Array(6);

  it('defaults to a 30 s grid for LEO covering the window, on SharedArrayBuffers', () => {
    expect(eph.data.stepS).toBe(30);
    expect(eph.data.nodes).toBe(2881);
    expect(eph.data.states.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(eph.data.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(eph.firstFailureS()).toBe(Infinity);
  });

  it('reproduces the sampler exactly at the nodes', () => {
    for (const k of [0, 1, 1234, 2879, 2880]) {
      expect(sampler.sample(k * 30, a)).toBe(0);
      expect(eph.sample(k * 30, b)).toBe(0);
      expect(Array.from(b)).toEqual(Array.from(a));
    }
  });

  it('interpolates between nodes to ≤ 0.25 m and ≤ 0.05 m/s of direct SGP4', () => {
    let dp = 0;
    let dv = 0;
    for (let t = 0.37; t < durationS; t += 7.3) {
      sampler.sample(t, a);
      expect(eph.sample(t, b)).toBe(0);
      dp = Math.max(dp, Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!));
      dv = Math.max(dv, Math.hypot(a[3]! - b[3]!, a[4]! - b[4]!, a[5]! - b[5]!));
    }
    // Hermite bound h⁴/384·r·n⁴ ≈ 2 cm at 30 s; measured 6 cm, the rest from SGP4's velocity differing from
    // the time derivative of its own position by up to ~0.02 m/s (measured), which the interpolant follows.
    expect(dp).toBeLessThan(0.25e-3);
    // same cause: the interpolant's velocity is the derivative of positions, SGP4's is not exactly (0.03 m/s)
    expect(dv).toBeLessThan(0.05e-3);
  });

  it('a failed node makes every interval touching it return that code', () => {
    const failing: EcefSampler = { sample: (t, out) => (t >= 40_000 && t <= 40_100 ? 6 : sampler.sample(t, out)) };
    const e = TabulatedEphemeris.tabulate(failing, durationS, { shared: false });
    expect(e.firstFailureS()).toBe(40_020);
    expect(e.sample(39_985, b)).toBe(0); // interval 39 960 … 39 990: both nodes valid
    expect(e.sample(39_995, b)).toBe(6); // interval 39 990 … 40 020 touches the failed node at 40 020
    expect(e.sample(40_105, b)).toBe(6); // interval 40 080 … 40 110: node 40 080 failed
    expect(e.sample(40_115, b)).toBe(0); // interval 40 110 … 40 140: both valid again
  });

  it('rejects times outside the grid and bad steps with RangeError', () => {
    expect(() => eph.sample(-1, b)).toThrow(RangeError);
    expect(() => eph.sample(86_401, b)).toThrow(RangeError);
    expect(() => eph.sample(Number.NaN, b)).toThrow(RangeError);
    expect(() => TabulatedEphemeris.tabulate(sampler, 100, { stepS: 0 })).toThrow(RangeError);
    expect(() => TabulatedEphemeris.tabulate(sampler, -5)).toThrow(RangeError);
    expect(() => new TabulatedEphemeris({ ...eph.data, durationS: 1e6 })).toThrow(RangeError);
  });

  it('the last node closes a window that is not a whole number of steps', () => {
    const e = TabulatedEphemeris.tabulate(sampler, 100, { stepS: 30, shared: false });
    expect(e.data.nodes).toBe(5); // 0, 30, 60, 90, 120
    expect(e.sample(100, b)).toBe(0);
  });
});

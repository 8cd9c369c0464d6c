import { describe, expect, it } from 'vitest';
import { DORMAND_PRINCE_54, PRINCE_DORMAND_87, RungeKuttaIntegrator, type OdeFunction } from './index.js';

const oscillator: OdeFunction = (_t, y, d) => {
  d[0] = y[1]!;
  d[1] = -y[0]!;
};
const MU = 398_600.4415;
const kepler: OdeFunction = (_t, y, d) => {
  const r = Math.hypot(y[0]!, y[1]!, y[2]!);
  const k = -MU / (r * r * r);
  d[0] = y[3]!; d[1] = y[4]!; d[2] = y[5]!;
  d[3] = k * y[0]!; d[4] = k * y[1]!; d[5] = k * y[2]!;
};

for (const tableau of [DORMAND_PRINCE_54, PRINCE_DORMAND_87]) {
  describe(`${tableau.name}`, () => {
    it('tableau rows sum to c (consistency)', () => {
      tableau.a.forEach((row, i) => expect(Math.abs(row.reduce((s, v) => s + v, 0) - tableau.c[i]!)).toBeLessThan(1e-14));
      expect(Math.abs(tableau.b.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-14);
      expect(Math.abs(tableau.bHat.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-14);
    });
    it('harmonic oscillator over 10 periods matches cos/sin', () => {
      const integ = new RungeKuttaIntegrator(oscillator, 2, { tableau, absTol: 1e-12, relTol: 1e-12 });
      const tEnd = 20 * Math.PI;
      const res = integ.integrate(0, Float64Array.from([1, 0]), tEnd);
      // Global error of a tolerance-1e-12 run over ~100 steps: a few 1e-10.
      expect(Math.abs(res.y[0]! - Math.cos(tEnd))).toBeLessThan(1e-9);
      expect(Math.abs(res.y[1]! + Math.sin(tEnd))).toBeLessThan(1e-9);
    });
    it('Kepler orbit (ISS-like, e = 0.1) returns to its start after 10 revolutions; energy conserved', () => {
      const a = 7000;
      const e = 0.1;
      const rp = a * (1 - e);
      const vp = Math.sqrt((MU * (1 + e)) / rp);
      const y0 = Float64Array.from([rp, 0, 0, 0, vp * Math.cos(0.9), vp * Math.sin(0.9)]);
      const period = 2 * Math.PI * Math.sqrt((a * a * a) / MU);
      const integ = new RungeKuttaIntegrator(kepler, 6, { tableau, absTol: 1e-10, relTol: 1e-13 });
      const energy = (y: Float64Array): number => 0.5 * (y[3]! ** 2 + y[4]! ** 2 + y[5]! ** 2) - MU / Math.hypot(y[0]!, y[1]!, y[2]!);
      const e0 = energy(y0);
      let worstDe = 0;
      const res = integ.integrate(0, y0, 10 * period, (s) => {
        worstDe = Math.max(worstDe, Math.abs(energy(s.y1) / e0 - 1));
      });
      const dr = Math.hypot(res.y[0]! - y0[0]!, res.y[1]! - y0[1]!, res.y[2]! - y0[2]!);
      // Analytic solution: back at perigee. 10 revolutions at atol 1e-10 km: well under 1 m.
      expect(dr).toBeLessThan(1e-3);
      // Energy drift: relative 1e-10 (tolerances 1e-13 rel over ~1000 steps).
      expect(worstDe).toBeLessThan(1e-10);
    });
    it('event detection: oscillator zero crossings at (k + ½)π', () => {
      const integ = new RungeKuttaIntegrator(oscillator, 2, { tableau, absTol: 1e-12, relTol: 1e-12 });
      const res = integ.integrate(0, Float64Array.from([1, 0]), 10, undefined, [{ g: (_t, y) => y[0]!, terminal: false, timeTolerance: 1e-10 }]);
      expect(res.events.map((h) => h.t).length).toBe(3);
      res.events.forEach((h, k) => expect(Math.abs(h.t - (k + 0.5) * Math.PI)).toBeLessThan(1e-8)); // root tol 1e-10 + solution error
    });
    it('terminal event stops at the crossing; direction filter works', () => {
      const integ = new RungeKuttaIntegrator(oscillator, 2, { tableau, absTol: 1e-12, relTol: 1e-12 });
      const res = integ.integrate(0, Float64Array.from([1, 0]), 10, undefined, [{ g: (_t, y) => y[0]!, direction: 1, timeTolerance: 1e-10 }]);
      expect(res.stoppedByEvent).toBe(true);
      expect(Math.abs(res.t - 1.5 * Math.PI)).toBeLessThan(1e-8);
    });
  });
}

describe('integrator errors', () => {
  it('rejects a bad dimension and non-finite bounds', () => {
    expect(() => new RungeKuttaIntegrator(oscillator, 0)).toThrow(RangeError);
    expect(() => new RungeKuttaIntegrator(oscillator, 2).integrate(0, Float64Array.from([1, 0]), Number.NaN)).toThrow(RangeError);
  });
});

describe('event refinement', () => {
  it('polishes on exact states even when g is exactly 0 on the dense output (regression: event state metres off)', () => {
    // Loose tolerances make 3 s steps whose cubic Hermite dense output is off by ~1e-2; g is y quantised to
    // 1e-3, so an Illinois iterate on the dense output lands on an exact 0 before the 0.03 s time tolerance
    // (before the fix the event state had |y| = 0.0105, measured); the secant polish on exact states then
    // steps (±0.03 s ≫ the 1e-3 band) into the band.
    const integ = new RungeKuttaIntegrator(oscillator, 2, { tableau: PRINCE_DORMAND_87, absTol: 1e-3, relTol: 1e-3, maxStep: 3 });
    const quantised = (_t: number, y: Float64Array): number => Math.round(y[0]! * 1e3) / 1e3;
    const res = integ.integrate(0, Float64Array.of(1, 0), 10, undefined, [{ g: quantised, direction: -1, timeTolerance: 0.03 }]);
    expect(res.events).toHaveLength(1);
    // The event state itself must be in g's zero band, |y| ≤ 5e-4 (+ rounding), not where the interpolant was 0.
    expect(Math.abs(res.events[0]!.y[0]!)).toBeLessThanOrEqual(5.000001e-4);
  });
});

import { describe, expect, it } from 'vitest';
import type { Atmosphere } from '@stationkeeper/astro/atmosphere';
import { EARTH_GM_KM3_S2, EARTH_ROTATION_RAD_S } from '@stationkeeper/astro/numerical';
import { averagedRates, trapezoidNodes } from './averaged-rates.js';

const constantDensity = (rho: number): Atmosphere => ({ name: 'constant', densityKgM3: () => rho });
const DEG = Math.PI / 180;

describe('averagedRates', () => {
  it('equatorial circular orbit in a uniform co-rotating atmosphere: Gauss da/dt = −ρB·a²v(v − ωa)²/μ exactly', () => {
    // Authority: Gauss's equation da/dt = 2a²v S/μ with the along-track drag S = −½ρB(v − ω⊕a)²
    // (Vallado 2013 eq. 9-24 with F_R = F_W = 0): the relative wind is exactly along-track here.
    const a = 6378.137 + 400;
    const rho = 3e-12;
    const b = 0.01;
    const out = new Float64Array(5);
    averagedRates(Float64Array.from([a, 0, 0, 0.3, 0]), 60_000, { atmosphere: constantDensity(rho), cdAOverMM2Kg: b }, trapezoidNodes(16), out);
    const v = Math.sqrt(EARTH_GM_KM3_S2 / a);
    const vrel = v - EARTH_ROTATION_RAD_S * a;
    const expected = (-rho * b * 1000 * a * a * v * vrel * vrel) / EARTH_GM_KM3_S2;
    // Pure arithmetic identity: relative 1e-12 (rounding of 16 summed nodes).
    expect(Math.abs(out[0]! / expected - 1)).toBeLessThan(1e-12);
    expect(Math.abs(out[1]!)).toBeLessThan(1e-20); // no eccentricity change on a circle in a uniform atmosphere
    expect(Math.abs(out[2]!)).toBeLessThan(1e-20); // no out-of-plane wind at i = 0
  });

  it('eccentric orbit, uniform non-rotating limit: <de/dt> = 0 and <da/dt> matches King-Hele’s series to O(e²)', () => {
    // King-Hele (1987) eq. 3.17 for constant ρ: <da/dt> = −ρB√(μa)(1 + 3e²/4 + …) — check at e = 0.01 to 1e-5 relative
    // (next term O(e⁴) ~ 1e-8; the rotating-wind correction is removed by evaluating at i = 0 with ω⊕ scaled out).
    const a = 6378.137 + 500;
    const e = 0.01;
    const rho = 1e-12;
    const b = 0.02;
    const nodes = trapezoidNodes(64);
    const out = new Float64Array(5);
    // Polar orbit (i = 90°) with node at the x axis: the wind ω⊕ × r is normal to the plane, changing |v_rel|
    // only at second order (ω⊕r/v ≈ 0.06 → 0.2 % in |v_rel|); tolerance 0.5 % covers it.
    averagedRates(Float64Array.from([a, e, 90 * DEG, 0, 0]), 60_000, { atmosphere: constantDensity(rho), cdAOverMM2Kg: b }, nodes, out);
    const expected = -rho * b * 1000 * Math.sqrt(EARTH_GM_KM3_S2 * a) * (1 + 0.75 * e * e);
    expect(Math.abs(out[0]! / expected - 1)).toBeLessThan(5e-3);
    // Averaging Gauss's de/dt = −ρBv(e + cos ν) over M for constant ρ: <de/dt> = −ρB(1 − e²)<v cos E>_E
    // = −ρB√(μ/a)·e/2 + O(e³), i.e. (de/dt)/((da/dt)/a) = e/2 to O(e²): 1 % covers O(e) terms and the wind.
    expect(out[1]!).toBeLessThan(0);
    expect(Math.abs(out[1]! / (out[0]! / a) / (e / 2) - 1)).toBeLessThan(0.01);
  });

  it('J2 secular rate: an 800 km, 98.6° orbit is Sun-synchronous (+0.9856°/day)', () => {
    // (The ISS's nodal rate is checked against its observed element history in decay-acceptance.test.ts.)
    const out = new Float64Array(5);
    const none = { atmosphere: constantDensity(0), cdAOverMM2Kg: 0 };
    averagedRates(Float64Array.from([6378.137 + 800, 0.001, 98.6 * DEG, 0, 0]), 60_000, none, trapezoidNodes(8), out);
    // Sun-synchronous rate 360°/365.2422 d = 0.98565°/day (Vallado 2013 Example 9-7: i ≈ 98.6° at 800 km); 0.01°/day.
    expect(Math.abs(out[3]! * 86_400 / DEG - 0.98565)).toBeLessThan(0.01);
  });

  it('rejects orbits outside the model', () => {
    const out = new Float64Array(5);
    expect(() => averagedRates(Float64Array.from([6000, 0, 0, 0, 0]), 60_000, { atmosphere: constantDensity(0), cdAOverMM2Kg: 0 }, trapezoidNodes(8), out)).toThrow(RangeError);
    expect(() => trapezoidNodes(2)).toThrow(RangeError);
  });
});

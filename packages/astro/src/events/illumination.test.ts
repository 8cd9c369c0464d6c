import { describe, expect, it } from 'vitest';
import { findEclipses, isSunlit, shadowGeometry, sunlitFraction, SHADOW_EARTH_RADIUS_KM } from './illumination.js';

const AU = 149_597_870.7;
const SUN: [number, number, number] = [AU, 0, 0];

describe('conical shadow', () => {
  it('full Sun on the day side, umbra behind the Earth, about half a disc on the shadow axis edge', () => {
    expect(sunlitFraction(shadowGeometry([0, 7000, 0], SUN))).toBe(1);
    expect(sunlitFraction(shadowGeometry([-7000, 0, 0], SUN))).toBe(0);
    expect(isSunlit(shadowGeometry([-7000, 0, 0], SUN))).toBe(false);
    // the Sun's centre exactly on the Earth's limb: c = b → ~half the disc (curvature makes it not exactly ½)
    const r = 7000;
    const g0 = shadowGeometry([-r, 0, 0], SUN);
    const limbAngle = Math.PI - g0.earthRadiusRad; // angle from the Sun direction where c = b (Sun at infinity)
    const g = shadowGeometry([r * Math.cos(limbAngle), r * Math.sin(limbAngle), 0], SUN);
    expect(Math.abs(sunlitFraction(g) - 0.5)).toBeLessThan(0.01); // disc radii ratio a/b ≈ 0.004: overlap ≈ half
  });

  it('shows a penumbra wider than the umbra by about two solar radii on a circular orbit', () => {
    const r = 6778;
    const n = Math.sqrt(398_600.4418 / r ** 3);
    const sampler = (t: number, sat: Float64Array, sun: Float64Array): number => {
      sat[0] = r * Math.cos(n * t);
      sat[1] = r * Math.sin(n * t);
      sat[2] = 0;
      sun.set(SUN);
      return 0;
    };
    const period = (2 * Math.PI) / n;
    const { events, status } = findEclipses(sampler, period);
    expect(status).toBe(0);
    expect(events.map((e) => e.kind)).toEqual(['penumbra-entry', 'umbra-entry', 'umbra-exit', 'penumbra-exit']);
    const [pIn, uIn, uOut, pOut] = events.map((e) => e.tS) as [number, number, number, number];
    // symmetric about the anti-Sun point (t = P/2): 1 ms refinement tolerance
    expect(Math.abs((uIn + uOut) / 2 - period / 2)).toBeLessThan(1e-3);
    expect(Math.abs((pIn + pOut) / 2 - period / 2)).toBeLessThan(1e-3);
    // cylinder (point Sun) half-width asin(R/r) lies between umbra and penumbra half-widths
    const cyl = Math.asin(SHADOW_EARTH_RADIUS_KM / r) / n;
    const halfU = (uOut - uIn) / 2;
    const halfP = (pOut - pIn) / 2;
    expect(halfU).toBeLessThan(cyl);
    expect(halfP).toBeGreaterThan(cyl);
    // penumbra crossing ≈ Sun's diameter (0.53°) / orbital rate, enlarged by the grazing geometry: 5–15 s here
    expect(uIn - pIn).toBeGreaterThan(5);
    expect(uIn - pIn).toBeLessThan(15);
  });

  it('rejects a satellite inside the Earth', () => {
    expect(() => shadowGeometry([100, 0, 0], SUN)).toThrow(RangeError);
  });
});

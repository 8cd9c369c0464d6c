/**
 * Solar radiation pressure under the conical shadow of events/illumination.ts (itself checked against Skyfield's
 * sunlit flags in events/passes-reference.test.ts): full sunlight gives the cannonball formula of Montenbruck &
 * Gill (2000) eq. 3.75 computed here independently; umbra gives zero; through the penumbra the acceleration is
 * the sunlit fraction of the full value and changes continuously (the cylindrical shadow it replaces switched
 * SRP off in one step at the umbra/penumbra midline).
 */
import { describe, expect, it } from 'vitest';
import { shadowGeometry, sunlitFraction } from '../events/illumination.js';
import type { Vec3 } from '../units/index.js';
import { addSrp, AU_KM } from './index.js';

const SUN: Vec3 = [AU_KM, 0, 0];
const CR_A_OVER_M = 1.3 * 1_600 / 420_000; // ISS-like Cr·A/m, m²/kg

/** Cannonball SRP magnitude in full Sun at r, km/s² (M&G eq. 3.75 with ν = 1). */
function fullSrp(r: Vec3): number {
  const d = Math.hypot(AU_KM - r[0], r[1], r[2]);
  return (4.56e-6 * CR_A_OVER_M * (AU_KM / d) ** 2) / 1000;
}

function srp(r: Vec3): number {
  const acc = new Float64Array(3);
  addSrp(r, SUN, CR_A_OVER_M, acc);
  return Math.hypot(acc[0]!, acc[1]!, acc[2]!);
}

describe('addSrp with the conical Earth shadow', () => {
  const rKm = 6_778;

  it('full Sun: P·Cr·A/m·(AU/d)² away from the Sun (relative 1e-12: rounding only)', () => {
    const r: Vec3 = [0, rKm, 0];
    expect(Math.abs(srp(r) / fullSrp(r) - 1)).toBeLessThan(1e-12);
    const acc = new Float64Array(3);
    addSrp(r, SUN, CR_A_OVER_M, acc);
    expect(acc[0]).toBeLessThan(0); // pushed away from the Sun (+x)
  });

  it('umbra: zero; inside the Earth radius: zero (no RangeError from the shadow geometry)', () => {
    expect(srp([-rKm, 0, 0])).toBe(0);
    expect(srp([-6_000, 0, 0])).toBe(0);
  });

  it('penumbra: the sunlit fraction of full SRP, continuous across the boundary (regression: cylindrical step)', () => {
    // Walk the satellite around the terminator on a circle in the x–y plane, 0.001° steps through the shadow edge.
    let last = 1;
    let sawPenumbra = 0;
    for (let deg = 103; deg <= 125; deg += 0.001) {
      const a = (deg * Math.PI) / 180;
      const r: Vec3 = [rKm * Math.cos(a), rKm * Math.sin(a), 0];
      const ratio = srp(r) / fullSrp(r);
      const nu = sunlitFraction(shadowGeometry(r, SUN));
      // 1e-12: the same ν times the full-Sun formula, up to rounding.
      expect(Math.abs(ratio - nu)).toBeLessThan(1e-12);
      if (nu > 0 && nu < 1) sawPenumbra++;
      // 0.001° of arc is 0.12 km; the penumbra of a LEO satellite is ~20 km wide, so each step changes ν by < 0.02.
      expect(Math.abs(ratio - last)).toBeLessThan(0.02);
      last = ratio;
    }
    expect(sawPenumbra).toBeGreaterThan(50);
    expect(last).toBe(0);
  });
});

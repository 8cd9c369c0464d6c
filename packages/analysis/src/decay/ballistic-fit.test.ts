import { describe, expect, it } from 'vitest';
import { constantDrivers, NrlmsiseAtmosphere } from '@stationkeeper/astro/atmosphere';
import { propagateAveraged } from './averaged-propagator.js';
import { arcEndpoint, elementNoiseKm, fitBallisticCoefficient, fitDragParameter, splitAtManeuvers, type HistoryPoint } from './ballistic-fit.js';
import { EQUATORIAL_RADIUS_KM, type MeanOrbit } from './mean-orbit.js';

const atmosphere = new NrlmsiseAtmosphere(constantDrivers(140, 140, 12));
const B = 0.008;

/** A synthetic ISS-like history: sets every 0.37 d, a reboost of +1.5 km after day 10, ±15 m deterministic noise. */
function syntheticHistory(): HistoryPoint[] {
  const start: MeanOrbit = { utcMjd: 59_300, aKm: EQUATORIAL_RADIUS_KM + 420, e: 0.0004, iRad: 0.9013, raanRad: 1, argpRad: 1 };
  const pts: HistoryPoint[] = [];
  let orbit = start;
  let k = 0;
  for (let t = start.utcMjd; t <= start.utcMjd + 20; t += 0.37) {
    if (t > start.utcMjd + 10 && orbit.utcMjd <= start.utcMjd + 10) {
      orbit = { ...propagateAveraged(orbit, { drag: { atmosphere, cdAOverMM2Kg: B }, untilUtcMjd: start.utcMjd + 10 }).final };
      orbit = { ...orbit, aKm: orbit.aKm + 1.5 };
    }
    orbit = t > orbit.utcMjd ? propagateAveraged(orbit, { drag: { atmosphere, cdAOverMM2Kg: B }, untilUtcMjd: t }).final : orbit;
    const noise = 0.015 * Math.sin(k++ * 2.3999);
    const noisy = { ...orbit, aKm: orbit.aKm + noise };
    pts.push({ utcMjd: t, orbit: noisy, meanAltitudeKm: noisy.aKm - EQUATORIAL_RADIUS_KM });
  }
  return pts;
}

describe('ballistic-coefficient fit (Molczan)', () => {
  const history = syntheticHistory();

  it('recovers the drag parameter between two exact sets to the iteration tolerance', () => {
    const from = history[0]!;
    const exact = propagateAveraged(from.orbit, { drag: { atmosphere, cdAOverMM2Kg: B }, untilUtcMjd: from.utcMjd + 5 }).final;
    const b = fitDragParameter(from, { utcMjd: exact.utcMjd, orbit: exact, meanAltitudeKm: 0 }, { atmosphere });
    // Δa is matched to 1e-4 relative and Δa ∝ B: 2e-4 relative.
    expect(Math.abs(b! / B - 1)).toBeLessThan(2e-4);
    expect(fitDragParameter(history[1]!, history[0]!, { atmosphere })).toBeUndefined(); // backwards in time
  });

  it('finds the reboost, splits the arcs there and fits B across them within the noise', () => {
    const { arcs, maneuvers } = splitAtManeuvers(history);
    expect(maneuvers).toHaveLength(1);
    expect(maneuvers[0]!.beforeUtcMjd).toBeLessThan(59_310);
    expect(maneuvers[0]!.afterUtcMjd).toBeGreaterThan(59_310);
    expect(Math.abs(maneuvers[0]!.deltaAKm - 1.5)).toBeLessThan(0.1); // 1.5 km burn ± noise and a step of decay
    expect(arcs).toHaveLength(2);
    const fit = fitBallisticCoefficient(history, 59_300, 59_320, { atmosphere });
    expect(fit.arcs).toHaveLength(2);
    expect(fit.sigmaSource).toBe('sub-arc scatter');
    // ~0.45 km of decay per 10-day arc; the 1-day median end points carry ≲ 10 m of the ±15 m noise: 5 %.
    expect(Math.abs(fit.cdAOverMM2Kg / B - 1)).toBeLessThan(0.05);
    // The sub-arc scatter must cover the actual error (an honest uncertainty).
    expect(fit.sigmaM2Kg).toBeGreaterThan(Math.abs(fit.cdAOverMM2Kg - B) / 3);
    expect(() => fitBallisticCoefficient(history, 59_400, 59_420, { atmosphere })).toThrow(RangeError);
  });

  it('robust end points and the element-noise estimate', () => {
    const arc = history.slice(0, 20);
    const end = arcEndpoint(arc, 'end', 1);
    expect(end.utcMjd).toBeLessThanOrEqual(arc[arc.length - 1]!.utcMjd);
    expect(end.utcMjd).toBeGreaterThan(arc[arc.length - 1]!.utcMjd - 1);
    const noise = elementNoiseKm(arc)!;
    // The injected noise is 15 m·sin(…): rms 10.6 m; a quadratic absorbs a little. 5–15 m.
    expect(noise).toBeGreaterThan(0.005);
    expect(noise).toBeLessThan(0.015);
    expect(elementNoiseKm(arc.slice(0, 3))).toBeUndefined();
  });
});

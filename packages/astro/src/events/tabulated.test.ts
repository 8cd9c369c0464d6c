import { describe, expect, it } from 'vitest';
import { parseTle } from '../elements/index.js';
import { Sgp4Propagator } from '../sgp4/index.js';
import { createTimeScales } from '../time/index.js';
import { siteFromGeodetic, topocentricInto } from './earth.js';
import { findPasses } from './pass-finder.js';
import { TabulatedEphemeris } from './tabulated.js';
import { ecefSampler, SearchWindow } from './window.js';

const D = Math.PI / 180;

describe('TabulatedEphemeris (cubic Hermite on SGP4 ISS states)', () => {
  const ts = createTimeScales();
  const prop = Sgp4Propagator.fromElements(
    parseTle('1 25544U 98067A   21041.57615741  .00001759  00000-0  40135-4 0  9993', '2 25544  51.6448 248.9575 0002608 358.5155  49.0474 15.48952309268974'),
    ts,
  );
  const start = ts.fromUtcIso('2021-02-10T13:49:40Z');
  const direct = ecefSampler(prop, new SearchWindow(start, 2 * 86_400, ts));
  const table = new TabulatedEphemeris(direct, 2 * 86_400, 10);

  it('interpolates positions within 10 cm and velocities within 10 cm/s at 10 s nodes', () => {
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    let worstKm = 0;
    let worstKmS = 0;
    for (let t = 3.7; t < 2 * 86_400; t += 997.3) {
      expect(table.sample(t, a)).toBe(0);
      direct.sample(t, b);
      worstKm = Math.max(worstKm, Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!));
      worstKmS = Math.max(worstKmS, Math.hypot(a[3]! - b[3]!, a[4]! - b[4]!, a[5]! - b[5]!));
    }
    // the Hermite truncation itself is h⁴n⁴r/384 ≈ 0.3 mm; what remains is SGP4's velocity not being exactly
    // the time derivative of its position (measured ≈ 2 cm): 3 µs of ISS motion, irrelevant for event times
    expect(worstKm).toBeLessThan(1e-4);
    expect(worstKmS).toBeLessThan(1e-4); // measured 3 cm/s, same cause
  });

  it('misses no pass at 40 scattered sites (1 day, ISS) compared with a 5 s brute-force scan', () => {
    const st = new Float64Array(6);
    const topo = new Float64Array(5);
    for (let k = 0; k < 40; k++) {
      const lat = Math.asin(-0.95 + (1.9 * (k + 0.5)) / 40);
      const lon = ((k * 2.399963229728653) % (2 * Math.PI)) - Math.PI;
      const site = siteFromGeodetic(lat, lon, 0);
      const ours = findPasses(direct, site, 86_400).passes;
      let above = false;
      let scanned = 0;
      for (let t = 0; t <= 86_400; t += 5) {
        direct.sample(t, st);
        topocentricInto(topo, st, site);
        const now = topo[0]! >= 0;
        if (now && !above) scanned++;
        above = now;
      }
      // ours may add passes shorter than the scan step (grazing); it must never have fewer
      expect(ours.length).toBeGreaterThanOrEqual(scanned);
      const extra = ours.length - scanned;
      const grazing = ours.filter((p) => p.maxElevationRad < 0.05 * D).length;
      expect(extra).toBeLessThanOrEqual(grazing);
    }
  });

  it('gives the same passes as the direct ephemeris within 1 ms, and refuses times outside the table', () => {
    const site = siteFromGeodetic(-33.8688 * D, 151.2093 * D, 0.05);
    const p1 = findPasses(direct, site, 2 * 86_400).passes;
    const p2 = findPasses(table, site, 2 * 86_400).passes;
    expect(p2.length).toBe(p1.length);
    p1.forEach((p, i) => {
      expect(Math.abs(p2[i]!.riseS! - p.riseS!)).toBeLessThan(1e-3); // refinement tolerance
      expect(Math.abs(p2[i]!.setS! - p.setS!)).toBeLessThan(1e-3);
    });
    expect(table.sample(3 * 86_400, new Float64Array(6))).not.toBe(0);
    expect(() => new TabulatedEphemeris(direct, 10, 0)).toThrow(RangeError);
  });

  it('stops at the first failed sample (its code from there on) and round-trips through its plain data', () => {
    const failing = { sample: (t: number, out: Float64Array): number => (t >= 50_000 ? 6 : direct.sample(t, out)) };
    const cut = new TabulatedEphemeris(failing, 86_400, 10);
    expect(cut.status).toBe(6);
    expect(cut.sample(49_985, new Float64Array(6))).toBe(0);
    expect(cut.sample(50_005, new Float64Array(6))).toBe(6);
    expect(cut.sample(80_000, new Float64Array(6))).toBe(6);
    expect(cut.sample(90_000, new Float64Array(6))).toBe(6); // past the table: the status, not a throw
    // Adopted data (as a worker thread does) interpolates bit for bit the same; outside it throws.
    const adopted = new TabulatedEphemeris(table.data);
    const a = new Float64Array(6), b = new Float64Array(6);
    for (const t of [0, 12.5, 86_399.9, 2 * 86_400]) {
      expect(table.sample(t, a)).toBe(adopted.sample(t, b));
      expect(Array.from(b)).toEqual(Array.from(a));
    }
    expect(() => adopted.sample(3 * 86_400, b)).toThrow(RangeError);
    const tab = TabulatedEphemeris.tabulate(direct, 3_600);
    expect(tab.stepS).toBe(30); // ISS: min(30 s, P/180 ≈ 31 s)
    expect(tab.data.states.buffer).toBeInstanceOf(ArrayBuffer); // shared only when asked (browser-safe default)
  });
});

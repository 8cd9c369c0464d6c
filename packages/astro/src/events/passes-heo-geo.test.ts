/**
 * The pass finder on real SGP4/SDP4 deep-space orbits from ../shared/data/catalog (Space-Track full catalog,
 * 2022-07-15): MOLNIYA 2-10 (e = 0.67, 12 h) over Reykjavik — the case where Skyfield 1.45 found 1 of 21 rises
 * (shared/reference/passes.json notes) — and INTELSAT 30 (GEO). Authority: a dense brute-force elevation scan
 * (10 s) with bisection to 1 µs on the same ephemeris, which shares no logic with the finder.
 */
import { describe, expect, it } from 'vitest';
import { hasShared, readSharedText } from '#testing';
import { parseTle } from '../elements/index.js';
import { Sgp4Propagator } from '../sgp4/index.js';
import { createTimeScales } from '../time/index.js';
import { siteFromGeodetic, topocentricInto, type Site } from './earth.js';
import { findPasses, type EcefSampler } from './pass-finder.js';
import { ecefSampler, SearchWindow } from './window.js';
import { predictPasses } from './passes.js';

const D = Math.PI / 180;

function tleOf(catalog: string, norad: string): [string, string] {
  const lines = catalog.split(/\r?\n/);
  const i = lines.findIndex((l) => l.startsWith(`1 ${norad}U`));
  if (i < 0) throw new Error(`NORAD ${norad} not in catalog`);
  return [lines[i]!, lines[i + 1]!];
}

function scan(sampler: EcefSampler, site: Site, durationS: number, thresholdRad: number, stepS: number) {
  const st = new Float64Array(6);
  const topo = new Float64Array(5);
  const f = (t: number): number => {
    expect(sampler.sample(t, st)).toBe(0);
    topocentricInto(topo, st, site);
    return topo[0]! - thresholdRad;
  };
  const bisect = (a: number, b: number): number => {
    let fa = f(a);
    while (b - a > 1e-6) {
      const m = (a + b) / 2;
      const fm = f(m);
      if ((fm < 0) === (fa < 0)) {
        a = m;
        fa = fm;
      } else b = m;
    }
    return (a + b) / 2;
  };
  const rises: number[] = [];
  const sets: number[] = [];
  let t0 = 0;
  let f0 = f(0);
  const startsAbove = f0 >= 0;
  while (t0 < durationS) {
    const t1 = Math.min(t0 + stepS, durationS);
    const f1 = f(t1);
    if (f0 < 0 && f1 >= 0) rises.push(bisect(t0, t1));
    if (f0 >= 0 && f1 < 0) sets.push(bisect(t0, t1));
    t0 = t1;
    f0 = f1;
  }
  return { rises, sets, startsAbove };
}

describe.skipIf(!hasShared)('passes of deep-space orbits (SDP4) vs a brute-force scan', () => {
  const ts = createTimeScales();
  const catalog = hasShared ? readSharedText('data', 'catalog', 'spacetrack_full_catalog_3le_2022-07-15.txt.gz') : '';

  it('MOLNIYA 2-10 over Reykjavik, 4 days, 0° and 10°: every rise and set within 1 ms', () => {
    const [l1, l2] = tleOf(catalog, '07376');
    const prop = Sgp4Propagator.fromElements(parseTle(l1, l2), ts);
    const start = ts.fromUtcIso('2022-07-14T00:00:00Z');
    const days = 4 * 86_400;
    const sampler = ecefSampler(prop, new SearchWindow(start, days, ts));
    const site = siteFromGeodetic(64.1466 * D, -21.9426 * D, 0.05);
    for (const thrDeg of [0, 10]) {
      const ours = findPasses(sampler, site, days, { minElevationRad: thrDeg * D });
      const ref = scan(sampler, site, days, thrDeg * D, 10);
      const rises = ours.passes.map((p) => p.riseS).filter((t): t is number => t !== null);
      const sets = ours.passes.map((p) => p.setS).filter((t): t is number => t !== null);
      expect(rises.length).toBe(ref.rises.length);
      expect(sets.length).toBe(ref.sets.length);
      expect(rises.length).toBeGreaterThanOrEqual(6); // two apogees a day over the northern hemisphere
      rises.forEach((t, i) => expect(Math.abs(t - ref.rises[i]!)).toBeLessThan(1e-3)); // 1 ms: refinement tolerance
      sets.forEach((t, i) => expect(Math.abs(t - ref.sets[i]!)).toBeLessThan(1e-3));
      for (const p of ours.passes) expect(p.culminationsS.length + (p.riseS === null || p.setS === null ? 1 : 0)).toBeGreaterThanOrEqual(1);
    }
  });

  it('MOLNIYA pass records stay JSON-safe with bounded sky tracks', () => {
    const [l1, l2] = tleOf(catalog, '07376');
    const prop = Sgp4Propagator.fromElements(parseTle(l1, l2), ts);
    const start = ts.fromUtcIso('2022-07-14T00:00:00Z');
    const obs = { latitudeRad: 64.1466 * D, longitudeRad: -21.9426 * D, heightKm: 0.05 };
    const res = predictPasses(prop, obs, start, 2 * 86_400, ts, { minElevationRad: 10 * D });
    expect(res.status).toBe(0);
    expect(res.passes.length).toBeGreaterThanOrEqual(3);
    for (const p of res.passes) {
      expect(p.skyTrack.length).toBeLessThanOrEqual(362);
      expect(JSON.parse(JSON.stringify(p))).toEqual(p); // plain data: no NaN, no Infinity, no class instances
      expect(p.maxElevationDeg).toBeGreaterThanOrEqual(10);
    }
  });

  it('INTELSAT 30 (GEO): one never-setting pass where it is in view, none (cheaply) where it is not', () => {
    const [l1, l2] = tleOf(catalog, '40271');
    const prop = Sgp4Propagator.fromElements(parseTle(l1, l2), ts);
    const start = ts.fromUtcIso('2022-07-14T00:00:00Z');
    const days = 3 * 86_400;
    const sampler = ecefSampler(prop, new SearchWindow(start, days, ts));
    const s = new Float64Array(6);
    sampler.sample(0, s);
    const subLon = Math.atan2(s[1]!, s[0]!);
    const inView = findPasses(sampler, siteFromGeodetic(10 * D, subLon + 20 * D, 0), days);
    expect(inView.passes.length).toBe(1);
    expect(inView.passes[0]!.riseS).toBeNull();
    expect(inView.passes[0]!.setS).toBeNull();
    const hidden = findPasses(sampler, siteFromGeodetic(0, subLon + Math.PI, 0), days);
    expect(hidden.passes.length).toBe(0);
    expect(hidden.evaluations).toBeLessThan(100);
  });
});

describe('a GCRF propagator (numerical propagators) gives the same passes as its TEME source', () => {
  it('SGP4 wrapped into GCRF through the frames package: same ISS passes within 1 ms', async () => {
    const { temeToGcrf } = await import('../frames/index.js');
    const ts = createTimeScales();
    const prop = Sgp4Propagator.fromElements(
      parseTle('1 25544U 98067A   21041.57615741  .00001759  00000-0  40135-4 0  9993', '2 25544  51.6448 248.9575 0002608 358.5155  49.0474 15.48952309268974'),
      ts,
    );
    const gcrfProp = { frame: 'GCRF' as const, stateAt: (t: Parameters<typeof prop.stateAt>[0]) => temeToGcrf(prop.stateAt(t), ts) };
    const start = ts.fromUtcIso('2021-02-10T13:49:40Z');
    const site = siteFromGeodetic(51.5074 * D, -0.1278 * D, 0.011);
    const a = findPasses(ecefSampler(prop, new SearchWindow(start, 86_400, ts)), site, 86_400).passes;
    const b = findPasses(ecefSampler(gcrfProp, new SearchWindow(start, 86_400, ts)), site, 86_400).passes;
    expect(b.length).toBe(a.length);
    // TEME→GCRF→ITRF is the same rotation as TEME→PEF→ITRF up to rounding (measured 5e-8 s); 1 ms = tolerance
    a.forEach((p, i) => {
      expect(Math.abs(b[i]!.riseS! - p.riseS!)).toBeLessThan(1e-3);
      expect(Math.abs(b[i]!.setS! - p.setS!)).toBeLessThan(1e-3);
    });
  });
});

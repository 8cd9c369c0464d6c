import { describe, expect, it } from 'vitest';
import { findPasses, type EcefSampler } from './pass-finder.js';
import { siteFromGeodetic, topocentricInto, EARTH_ROTATION_RAD_S, type Site } from './earth.js';

const MU = 398_600.4418;
const D = Math.PI / 180;

/** A Keplerian orbit seen from the rotating Earth: an exact synthetic ephemeris independent of SGP4. */
function keplerSampler(aKm: number, e: number, incDeg: number, raanDeg: number, argpDeg: number, m0Deg: number): EcefSampler {
  const n = Math.sqrt(MU / (aKm * aKm * aKm));
  const ci = Math.cos(incDeg * D);
  const si = Math.sin(incDeg * D);
  const cO = Math.cos(raanDeg * D);
  const sO = Math.sin(raanDeg * D);
  const cw = Math.cos(argpDeg * D);
  const sw = Math.sin(argpDeg * D);
  const p = aKm * (1 - e * e);
  return {
    sample(tS: number, out: Float64Array): number {
      const m = m0Deg * D + n * tS;
      let ea = m;
      for (let k = 0; k < 30; k++) ea -= (ea - e * Math.sin(ea) - m) / (1 - e * Math.cos(ea));
      const nu = 2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(ea / 2), Math.sqrt(1 - e) * Math.cos(ea / 2));
      const r = p / (1 + e * Math.cos(nu));
      const xo = r * Math.cos(nu);
      const yo = r * Math.sin(nu);
      const vxo = -Math.sqrt(MU / p) * Math.sin(nu);
      const vyo = Math.sqrt(MU / p) * (e + Math.cos(nu));
      // perifocal → inertial
      const r11 = cO * cw - sO * sw * ci;
      const r12 = -cO * sw - sO * cw * ci;
      const r21 = sO * cw + cO * sw * ci;
      const r22 = -sO * sw + cO * cw * ci;
      const r31 = sw * si;
      const r32 = cw * si;
      const x = r11 * xo + r12 * yo;
      const y = r21 * xo + r22 * yo;
      const z = r31 * xo + r32 * yo;
      const vx = r11 * vxo + r12 * vyo;
      const vy = r21 * vxo + r22 * vyo;
      const vz = r31 * vxo + r32 * vyo;
      // inertial → Earth-fixed
      const th = EARTH_ROTATION_RAD_S * tS;
      const c = Math.cos(th);
      const s = Math.sin(th);
      out[0] = c * x + s * y;
      out[1] = -s * x + c * y;
      out[2] = z;
      out[3] = c * vx + s * vy + EARTH_ROTATION_RAD_S * out[1];
      out[4] = -s * vx + c * vy - EARTH_ROTATION_RAD_S * out[0];
      out[5] = vz;
      return 0;
    },
  };
}

/** Brute force: elevation every `stepS`, crossings refined by bisection to 1 µs. Independent of the finder. */
function bruteForce(sampler: EcefSampler, site: Site, durationS: number, thresholdRad: number, stepS: number) {
  const st = new Float64Array(6);
  const topo = new Float64Array(5);
  const el = (t: number): number => {
    sampler.sample(t, st);
    topocentricInto(topo, st, site);
    return topo[0]! - thresholdRad;
  };
  const bisect = (a: number, b: number): number => {
    let fa = el(a);
    while (b - a > 1e-6) {
      const m = (a + b) / 2;
      const fm = el(m);
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
  let f0 = el(0);
  while (t0 < durationS) {
    const t1 = Math.min(t0 + stepS, durationS);
    const f1 = el(t1);
    if (f0 < 0 && f1 >= 0) rises.push(bisect(t0, t1));
    if (f0 >= 0 && f1 < 0) sets.push(bisect(t0, t1));
    t0 = t1;
    f0 = f1;
  }
  return { rises, sets };
}

const london = siteFromGeodetic(51.5074 * D, -0.1278 * D, 0.011);

describe('findPasses on Keplerian orbits (vs a 1 s brute-force scan)', () => {
  it('finds every LEO pass over two days with rise/set within 1 ms', () => {
    const sat = keplerSampler(6_790, 0.0005, 51.64, 40, 10, 0);
    const days = 2 * 86_400;
    const ours = findPasses(sat, london, days);
    const ref = bruteForce(sat, london, days, 0, 1);
    expect(ours.passes.length).toBe(ref.rises.length);
    expect(ours.passes.length).toBeGreaterThan(5);
    ours.passes.forEach((p, i) => {
      // 1e-3 s: the requested refinement tolerance
      expect(Math.abs(p.riseS! - ref.rises[i]!)).toBeLessThan(1e-3);
      expect(Math.abs(p.setS! - ref.sets[i]!)).toBeLessThan(1e-3);
      expect(p.culminationS).toBeGreaterThan(p.riseS!);
      expect(p.culminationS).toBeLessThan(p.setS!);
    });
    // efficiency: far fewer evaluations than a 1 s scan (172 800)
    expect(ours.evaluations).toBeLessThan(5_000);
  });

  it('does not miss a grazing pass only 0.001° above the threshold (a few seconds long)', () => {
    const sat = keplerSampler(6_790, 0.0005, 51.64, 40, 10, 0);
    const all = findPasses(sat, london, 86_400).passes;
    const lowest = all.reduce((a, b) => (a.maxElevationRad < b.maxElevationRad ? a : b));
    const threshold = lowest.maxElevationRad - 0.001 * D;
    const res = findPasses(sat, london, 86_400, { minElevationRad: threshold });
    const found = res.passes.filter((p) => Math.abs(p.culminationS - lowest.culminationS) < 1);
    expect(found.length).toBe(1);
    const g = found[0]!;
    expect(g.setS! - g.riseS!).toBeGreaterThan(0);
    expect(g.setS! - g.riseS!).toBeLessThan(60);
  });

  it('reports an object that never sets as one pass with null rise and set (GEO over its sub-point region)', () => {
    const aGeo = Math.cbrt(MU / (EARTH_ROTATION_RAD_S * EARTH_ROTATION_RAD_S));
    const geo = keplerSampler(aGeo, 0, 0, 0, 0, 0);
    const site = siteFromGeodetic(0, 10 * D, 0);
    const res = findPasses(geo, site, 3 * 86_400);
    expect(res.passes.length).toBe(1);
    expect(res.passes[0]!.riseS).toBeNull();
    expect(res.passes[0]!.setS).toBeNull();
    expect(res.passes[0]!.maxElevationRad).toBeGreaterThan(70 * D);
  });

  it('finds nothing for an object that never rises (equatorial LEO seen from the pole)', () => {
    const sat = keplerSampler(6_790, 0.0005, 0.1, 0, 0, 0);
    const res = findPasses(sat, siteFromGeodetic(89 * D, 0, 0), 86_400);
    expect(res.passes.length).toBe(0);
    // and it proves it cheaply
    expect(res.evaluations).toBeLessThan(2_000);
  });

  it('matches a brute-force scan for a Molniya orbit (e = 0.74) over Reykjavik, 4 days', () => {
    const molniya = keplerSampler(26_560, 0.74, 63.4, 120, 270, 0);
    const rey = siteFromGeodetic(64.1466 * D, -21.9426 * D, 0.05);
    const days = 4 * 86_400;
    const ours = findPasses(molniya, rey, days, { minElevationRad: 10 * D });
    const ref = bruteForce(molniya, rey, days, 10 * D, 5);
    const rises = ours.passes.map((p) => p.riseS).filter((t): t is number => t !== null);
    const sets = ours.passes.map((p) => p.setS).filter((t): t is number => t !== null);
    expect(rises.length).toBe(ref.rises.length);
    expect(sets.length).toBe(ref.sets.length);
    rises.forEach((t, i) => expect(Math.abs(t - ref.rises[i]!)).toBeLessThan(1e-3)); // 1 ms: tolerance
    sets.forEach((t, i) => expect(Math.abs(t - ref.sets[i]!)).toBeLessThan(1e-3));
  });

  it('stops at an ephemeris failure and reports its code', () => {
    const sat = keplerSampler(6_790, 0.0005, 51.64, 40, 10, 0);
    const failing: EcefSampler = { sample: (t, out) => (t > 40_000 ? 6 : sat.sample(t, out)) };
    const res = findPasses(failing, london, 86_400);
    expect(res.status).toBe(6);
    expect(res.searchedS).toBeLessThanOrEqual(40_000);
    for (const p of res.passes) if (p.setS !== null) expect(p.setS).toBeLessThan(40_000);
  });

  it('with refraction, rises when the geometric elevation is −34′ (standard horizontal refraction, Meeus ch. 16)', () => {
    const sat = keplerSampler(6_790, 0.0005, 51.64, 40, 10, 0);
    const geo = findPasses(sat, london, 86_400).passes;
    const refr = findPasses(sat, london, 86_400, { refraction: true }).passes;
    expect(refr.length).toBe(geo.length);
    const st = new Float64Array(6);
    const topo = new Float64Array(5);
    refr.forEach((p, i) => {
      expect(p.riseS!).toBeLessThan(geo[i]!.riseS!); // refraction lifts the satellite: earlier rise
      sat.sample(p.riseS!, st);
      topocentricInto(topo, st, london);
      const elDeg = topo[0]! / D;
      expect(elDeg).toBeGreaterThan(-0.6); // 34′ ± 1.8′: Sæmundsson vs the tabulated standard value
      expect(elDeg).toBeLessThan(-0.54);
    });
  });

  it('rejects bad options with RangeError', () => {
    const sat = keplerSampler(6_790, 0.0005, 51.64, 40, 10, 0);
    expect(() => findPasses(sat, london, -1)).toThrow(RangeError);
    expect(() => findPasses(sat, london, 10, { minElevationRad: 2 })).toThrow(RangeError);
    expect(() => findPasses(sat, london, 10, { toleranceS: 0 })).toThrow(RangeError);
  });
});

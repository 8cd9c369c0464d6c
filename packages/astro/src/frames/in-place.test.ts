/**
 * The allocation-free kernels the event finders run per sample, against the general frames API (itself checked
 * against Skyfield/ERFA in reference-frames.test.ts and look-angles.test.ts) and Skyfield's look angles.
 */
import { hasShared, readSharedJson } from '#testing';
import { describe, expect, it } from 'vitest';
import { RAD_PER_ARCSEC, type Vec3 } from '../units/index.js';
import { lookAngles, siteFromGeodetic, topocentricInto, topocentricSite } from './look-angles.js';
import { observerFromDegrees } from './observer.js';
import { polarMotionMatrix } from './polar-motion.js';
import { rotatePefToItrf, rotateTemeToPef, temeToItrfInPlace } from './terrestrial.js';
import { Instant } from '../time/instant.js';

const DEG = 180 / Math.PI;

describe('temeToItrfInPlace (first-order polar motion) vs rotateTemeToPef + exact polarMotionMatrix', () => {
  it('LEO and GEO states, x_p = 0.3″, y_p = 0.5″: position within 3e-7 km, velocity within 1e-10 km/s', () => {
    const xp = 0.3 * RAD_PER_ARCSEC, yp = 0.5 * RAD_PER_ARCSEC;
    const w = polarMotionMatrix(xp, yp, 0);
    const states: [Vec3, Vec3][] = [
      [[-2_500.1, 5_800.7, 2_900.3], [-6.1, -3.2, 3.9]],
      [[30_000, -29_600, 120], [2.16, 2.19, 0.01]],
    ];
    for (const [r, v] of states) {
      for (const gmst of [0.1, 2.5, 5.9]) {
        const exact = rotatePefToItrf(rotateTemeToPef({ positionKm: r, velocityKmS: v }, gmst, 7.2921158e-5), w);
        const out = Float64Array.of(...r, ...v);
        temeToItrfInPlace(out, gmst, 7.2921158e-5, xp, yp);
        // Neglected second-order terms: (x_p² + y_p²)/2 ≈ 4e-12 rad × |r| ≤ 42 200 km → 1.7e-7 km.
        for (let k = 0; k < 3; k++) expect(Math.abs(out[k]! - exact.positionKm[k]!)).toBeLessThan(3e-7);
        // The same terms on |v| ≤ 7.6 km/s: 3e-11 km/s.
        for (let k = 0; k < 3; k++) expect(Math.abs(out[k + 3]! - exact.velocityKmS[k]!)).toBeLessThan(1e-10);
      }
    }
  });
});

describe('topocentricInto', () => {
  it('elevation rate is the derivative of elevation along the ITRF velocity (central difference, ±0.05 s)', () => {
    const site = siteFromGeodetic(51.5 / DEG, -0.13 / DEG, 0.011);
    const s = Float64Array.of(3_900, -150, 5_600, -1.2, 7.1, 0.9);
    const out = new Float64Array(5), a = new Float64Array(5), b = new Float64Array(5);
    topocentricInto(out, s, site);
    const at = (h: number, o: Float64Array): void => {
      topocentricInto(o, Float64Array.of(s[0]! + h * s[3]!, s[1]! + h * s[4]!, s[2]! + h * s[5]!, s[3]!, s[4]!, s[5]!), site);
    };
    at(0.05, a);
    at(-0.05, b);
    // The difference quotient's error is el‴·h²/6: 4e-8 rad/s at h = 0.5 s for this 700 km pass, so 4e-10 at
    // h = 0.05 s; rounding adds ~1e-15 rad / 0.1 s. A wrong rate formula is off by ≥ 1e-5 rad/s.
    expect(Math.abs(out[1]! - (a[0]! - b[0]!) / 0.1)).toBeLessThan(2e-9);
    expect(() => siteFromGeodetic(2, 0, 0)).toThrow(RangeError);
    expect(() => siteFromGeodetic(0, 0, 2000)).toThrow(RangeError);
  });

  describe.skipIf(!hasShared)('vs ../shared/reference/frames.json (Skyfield look angles)', () => {
    interface Topo { observer: string; az_deg: number; el_deg: number; range_km: number }
    interface FrameCase { itrs: { r_km: Vec3; v_km_s: Vec3 }; topocentric: Topo[] }
    interface Header { observers: { name: string; lat_deg: number; lon_deg: number; height_m: number }[] }
    it('azimuth and elevation within 1e-5 deg, range within 1e-5 km (the fixture header tolerances), same as lookAngles', () => {
      const ref = readSharedJson<{ header: Header; cases: FrameCase[] }>('reference', 'frames.json');
      const sites = new Map(ref.header.observers.map((o) => [o.name, topocentricSite(observerFromDegrees(o.lat_deg, o.lon_deg, o.height_m, o.name))]));
      const out = new Float64Array(5);
      let n = 0;
      for (const c of ref.cases) {
        for (const t of c.topocentric) {
          const site = sites.get(t.observer)!;
          topocentricInto(out, Float64Array.of(...c.itrs.r_km, ...c.itrs.v_km_s), site);
          expect(Math.abs(out[0]! * DEG - t.el_deg)).toBeLessThan(1e-5);
          let dAz = Math.abs(out[2]! * DEG - t.az_deg) % 360;
          dAz = Math.min(dAz, 360 - dAz) * Math.cos(out[0]!);
          expect(dAz).toBeLessThan(1e-5);
          expect(Math.abs(out[3]! - t.range_km)).toBeLessThan(1e-5);
          // And the general API agrees to rounding (1e-12 rad, 1e-9 km).
          const la = lookAngles({ frame: 'ITRF', instant: Instant.fromTai(2_459_369.5, 0), positionKm: c.itrs.r_km, velocityKmS: c.itrs.v_km_s }, site);
          expect(Math.abs(la.elevationRad - out[0]!)).toBeLessThan(1e-12);
          expect(Math.abs(la.rangeKm - out[3]!)).toBeLessThan(1e-9);
          n++;
        }
      }
      expect(n).toBeGreaterThan(500);
    });
  });
});

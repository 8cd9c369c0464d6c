import { hasShared, readSharedJson } from '#testing';
import { describe, expect, it } from 'vitest';
import { Instant } from '../time/instant.js';
import type { Vec3 } from '../units/index.js';
import { geodeticFromItrf } from './geodetic.js';
import { lookAngles, lookAnglesInto, topocentricSite } from './look-angles.js';
import { observerFromDegrees } from './observer.js';
import type { StateVector } from './state-vector.js';

const DEG = 180 / Math.PI;
interface Topo { observer: string; az_deg: number; el_deg: number; range_km: number; range_rate_km_s: number }
interface FrameCase { id: string; itrs: { r_km: Vec3; v_km_s: Vec3 }; topocentric: Topo[] }
interface Header { observers: { name: string; lat_deg: number; lon_deg: number; height_m: number }[] }
const epoch = Instant.fromTai(2_459_369.5, 0);

describe.skipIf(!hasShared)('lookAngles vs ../shared/reference/frames.json (Skyfield, 200 states × 5 observers)', () => {
  const ref = hasShared ? readSharedJson<{ header: Header; cases: FrameCase[] }>('reference', 'frames.json') : undefined;
  it('azimuth, elevation within 1e-5 deg (az: /cos el), range 1e-5 km, range rate 1e-7 km/s (header tolerances)', () => {
    if (ref === undefined) return;
    const sites = new Map(ref.header.observers.map((o) => [o.name, topocentricSite(observerFromDegrees(o.lat_deg, o.lon_deg, o.height_m, o.name))]));
    let wEl = 0, wAz = 0, wRange = 0, wRate = 0, n = 0;
    for (const c of ref.cases) {
      // Skyfield's range rate uses its ITRS velocity (ω about the ITRS z axis): the field `itrs.v_km_s`.
      const sat: StateVector<'ITRF'> = { frame: 'ITRF', instant: epoch, positionKm: c.itrs.r_km, velocityKmS: c.itrs.v_km_s };
      for (const t of c.topocentric) {
        const site = sites.get(t.observer);
        if (site === undefined) throw new Error(`unknown observer ${t.observer}`);
        const la = lookAngles(sat, site);
        wEl = Math.max(wEl, Math.abs(la.elevationRad * DEG - t.el_deg));
        let dAz = Math.abs(la.azimuthRad * DEG - t.az_deg) % 360;
        dAz = Math.min(dAz, 360 - dAz);
        wAz = Math.max(wAz, dAz * Math.cos(t.el_deg / DEG));
        wRange = Math.max(wRange, Math.abs(la.rangeKm - t.range_km));
        wRate = Math.max(wRate, Math.abs(la.rangeRateKmS - t.range_rate_km_s));
        n++;
      }
    }
    expect(n).toBe(1000);
    expect(wEl).toBeLessThan(1e-5);
    expect(wAz).toBeLessThan(1e-5);
    expect(wRange).toBeLessThan(1e-5);
    expect(wRate).toBeLessThan(1e-7);
  });
});

describe('lookAngles geometry', () => {
  it('a point straight above the observer is at elevation 90° with range = height difference', () => {
    const obs = observerFromDegrees(51.5074, -0.1278, 11);
    const site = topocentricSite(obs);
    const up = site.enu.subarray(6, 9);
    const p: Vec3 = [site.positionKm[0] + 500 * up[0]!, site.positionKm[1] + 500 * up[1]!, site.positionKm[2] + 500 * up[2]!];
    const la = lookAngles({ frame: 'ITRF', instant: epoch, positionKm: p, velocityKmS: [up[0]!, up[1]!, up[2]!] }, obs);
    expect(Math.abs(la.elevationRad - Math.PI / 2)).toBeLessThan(1e-12);
    expect(Math.abs(la.rangeKm - 500)).toBeLessThan(1e-9);
    expect(Math.abs(la.rangeRateKmS - 1)).toBeLessThan(1e-12); // receding at 1 km/s along the vertical
    expect(Math.abs(geodeticFromItrf(p).heightKm - 500.011)).toBeLessThan(1e-9); // geodetic vertical = ENU up
  });

  it('due north and due east on the horizon give azimuth 0 and 90°', () => {
    const obs = observerFromDegrees(0, 0, 0);
    const out = new Float64Array(8);
    lookAnglesInto(topocentricSite(obs), 6378.137, 0, 100, 0, 0, 0, out, 0);
    lookAnglesInto(topocentricSite(obs), 6378.137, 100, 0, 0, 0, 0, out, 4);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(0);
    expect(Math.abs(out[4]! - Math.PI / 2)).toBeLessThan(1e-15);
  });

  it('observerFromDegrees rejects out-of-range input with RangeError and normalises longitude', () => {
    expect(() => observerFromDegrees(91, 0, 0)).toThrow(RangeError);
    expect(() => observerFromDegrees(0, Number.NaN, 0)).toThrow(RangeError);
    expect(() => observerFromDegrees(0, 0, 1e6)).toThrow(RangeError);
    expect(Math.abs(observerFromDegrees(0, 270, 0).longitudeRad + Math.PI / 2)).toBeLessThan(1e-15);
  });
});

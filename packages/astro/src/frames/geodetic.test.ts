import { hasShared, readSharedJson } from '#testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Vec3 } from '../units/index.js';
import { geodeticFromItrf, itrfFromGeodetic, WGS84_A_KM } from './geodetic.js';

const DEG = 180 / Math.PI;
interface FrameCase { id: string; itrs: { r_km: Vec3 }; geodetic_wgs84: { lat_deg: number; lon_deg: number; height_km: number } }

describe.skipIf(!hasShared)('geodeticFromItrf vs ../shared/reference/frames.json (Skyfield wgs84, 200 LEO–HEO points)', () => {
  const cases = hasShared ? readSharedJson<{ cases: FrameCase[] }>('reference', 'frames.json').cases : [];
  it('latitude/longitude within 1e-7 deg and height within 1 mm (header tolerance: 1e-7 deg, 1e-5 km)', () => {
    let wLat = 0, wLon = 0, wH = 0;
    for (const c of cases) {
      const g = geodeticFromItrf(c.itrs.r_km);
      wLat = Math.max(wLat, Math.abs(g.latitudeRad * DEG - c.geodetic_wgs84.lat_deg));
      let dLon = Math.abs(g.longitudeRad * DEG - c.geodetic_wgs84.lon_deg) % 360;
      dLon = Math.min(dLon, 360 - dLon);
      wLon = Math.max(wLon, dLon);
      wH = Math.max(wH, Math.abs(g.heightKm - c.geodetic_wgs84.height_km));
    }
    expect(cases.length).toBe(200);
    expect(wLat).toBeLessThan(1e-7);
    expect(wLon).toBeLessThan(1e-7);
    expect(wH).toBeLessThan(1e-6);
  });
});

describe('geodetic ↔ ITRF', () => {
  it('round-trips any point from 12 km below the ellipsoid to 400 000 km up within 1 µm and 1e-14 rad', () => {
    fc.assert(fc.property(
      fc.double({ min: -Math.PI / 2, max: Math.PI / 2, noNaN: true }),
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      fc.double({ min: -12, max: 400_000, noNaN: true }),
      (lat, lon, h) => {
        const r = itrfFromGeodetic({ latitudeRad: lat, longitudeRad: lon, heightKm: h });
        const g = geodeticFromItrf(r);
        const back = itrfFromGeodetic(g);
        // Position round trip is the physically meaningful check: 1e-9 km = 1 µm (rounding at 4e5 km is ~1e-10 km).
        expect(Math.hypot(back[0] - r[0], back[1] - r[1], back[2] - r[2])).toBeLessThan(1e-9 + 1e-15 * Math.hypot(...r));
        expect(Math.abs(g.latitudeRad - lat)).toBeLessThan(1e-14 * (1 + Math.abs(h) / WGS84_A_KM) + 1e-14);
        expect(Math.abs(g.heightKm - h)).toBeLessThan(1e-9 + 1e-15 * Math.abs(h));
      },
    ), { numRuns: 2000 });
  });

  it('handles the poles, the equator and the centre without NaN', () => {
    const north = geodeticFromItrf([0, 0, 7000]);
    expect(north.latitudeRad).toBe(Math.PI / 2);
    expect(Math.abs(north.heightKm - (7000 - 6356.752314245179))).toBeLessThan(1e-9); // polar radius b (WGS-84)
    const eq = geodeticFromItrf([7000, 0, 0]);
    expect(eq.latitudeRad).toBe(0);
    expect(Math.abs(eq.heightKm - (7000 - WGS84_A_KM))).toBeLessThan(1e-12);
    const centre = geodeticFromItrf([0, 0, 0]);
    expect(Number.isNaN(centre.latitudeRad) || Number.isNaN(centre.heightKm)).toBe(false);
  });

  it('rejects non-finite input with a RangeError', () => {
    expect(() => geodeticFromItrf([Number.NaN, 0, 0])).toThrow(RangeError);
  });
});

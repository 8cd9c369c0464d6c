import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTle } from '../elements/index.js';
import { Sgp4Propagator } from '../sgp4/index.js';
import { createTimeScales } from '../time/index.js';
import { footprintGeoJson, footprintRadiusRad, groundTrack, groundTrackGeoJson, splitAtAntimeridian } from './ground-track.js';

const D = Math.PI / 180;

function centralAngleDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(((lat2 - lat1) * D) / 2) ** 2 + Math.cos(lat1 * D) * Math.cos(lat2 * D) * Math.sin(((lon2 - lon1) * D) / 2) ** 2;
  return (2 * Math.asin(Math.sqrt(a))) / D;
}

describe('splitAtAntimeridian', () => {
  it('never leaves a segment jumping more than 180° and keeps every input point (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -89, max: 89, noNaN: true })), { minLength: 2, maxLength: 50 }), (pts) => {
        const parts = splitAtAntimeridian(pts as [number, number][]);
        for (const part of parts) {
          for (let i = 1; i < part.length; i++) expect(Math.abs(part[i]![0] - part[i - 1]![0])).toBeLessThanOrEqual(180);
        }
        const kept = parts.flat().filter((p) => pts.some((q) => q[0] === p[0] && q[1] === p[1])).length;
        expect(kept).toBeGreaterThanOrEqual(pts.length - 1); // a lone final fragment of one point is dropped
      }),
    );
  });

  it('interpolates the crossing latitude at ±180', () => {
    const parts = splitAtAntimeridian([[170, 0], [-170, 10]]);
    expect(parts).toEqual([[[170, 0], [180, 5]], [[-180, 5], [-170, 10]]]);
  });
});

describe('ISS ground track (SGP4)', () => {
  it('stays within the inclination band, at ISS altitude, and splits into lines within ±180°', () => {
    const ts = createTimeScales();
    const es = parseTle('1 25544U 98067A   21041.57615741  .00001759  00000-0  40135-4 0  9993', '2 25544  51.6448 248.9575 0002608 358.5155  49.0474 15.48952309268974');
    const prop = Sgp4Propagator.fromElements(es, ts);
    const pts = groundTrack(prop, ts.fromUtcIso('2021-02-10T14:00:00Z'), 3 * 5_560, 30, ts);
    const maxLat = Math.max(...pts.map((p) => Math.abs(p.latitudeDeg)));
    // geodetic latitude of the sub-point peaks slightly above the 51.64° inclination (flattening: ≤ +0.2°)
    expect(maxLat).toBeGreaterThan(51.3);
    expect(maxLat).toBeLessThan(51.9);
    for (const p of pts) {
      expect(p.altitudeKm).toBeGreaterThan(380);
      expect(p.altitudeKm).toBeLessThan(450);
    }
    const gj = groundTrackGeoJson(pts, { norad: 25544 });
    expect(gj.geometry.coordinates.length).toBeGreaterThanOrEqual(3); // three orbits cross ±180 at least twice
    for (const line of gj.geometry.coordinates) for (const [lon] of line) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
  });
});

describe('footprint', () => {
  it('has the textbook radius for the ISS (≈ 20° at 420 km, 0° elevation) and every vertex on that circle', () => {
    const lam = footprintRadiusRad(420) / D;
    expect(lam).toBeGreaterThan(19.5);
    expect(lam).toBeLessThan(20.5);
    const g = footprintGeoJson(30, 10, 420);
    expect(g.type).toBe('Polygon');
    if (g.type === 'Polygon') {
      for (const [lon, lat] of g.coordinates[0]!) expect(Math.abs(centralAngleDeg(30, 10, lat, lon) - lam)).toBeLessThan(1e-4); // 1e-4°: rounding to 1e-6°
    }
  });

  it('splits a footprint that straddles the antimeridian into two polygons within ±180°', () => {
    const g = footprintGeoJson(10, 175, 420);
    expect(g.type).toBe('MultiPolygon');
    if (g.type === 'MultiPolygon') {
      expect(g.coordinates.length).toBe(2);
      for (const poly of g.coordinates) for (const [lon] of poly[0]!) expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    }
  });

  it('rejects a non-positive altitude', () => {
    expect(() => footprintRadiusRad(0)).toThrow(RangeError);
  });
});

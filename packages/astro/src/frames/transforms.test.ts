/**
 * The StateVector API wired to the real TimeScales (time package) with EOP parsed from the shared
 * finals2000A.all — the whole chain a user runs — against ../shared/reference/frames.json, plus round trips
 * and the compile-time frame check.
 */
import { hasShared, readSharedJson, readSharedText } from '#testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Instant } from '../time/instant.js';
import { parseFinals2000A } from '../time/finals2000a.js';
import { createTimeScales } from '../time/time-scales.js';
import type { Vec3 } from '../units/index.js';
import { celestialTerrestrialRotation } from './celestial.js';
import type { StateVector } from './state-vector.js';
import {
  type EarthOrientationSource, earthOrientationAt, gcrfToItrf, gcrfToTeme, itrfToGcrf, itrfToPef, itrfToTeme, pefToItrf,
  pefToTeme, temeToGcrf, temeToItrf, temeToPef,
} from './transforms.js';

interface Rv { r_km: Vec3; v_km_s: Vec3 }
interface FrameCase { id: string; utc: string; teme: Rv; itrs: Rv & { v_km_s_vallado_teme2ecef: Vec3 }; gcrs: Rv }
const dist = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** A synthetic EOP source with fixed values, for tests that need no data. */
const fixedEop = (xpRad: number, ypRad: number, dut1S: number, offsets?: { kind: 'dXdY' | 'dPsiDEps'; offset1Rad: number; offset2Rad: number }): EarthOrientationSource => ({
  ut1: (t) => ({ jd1: t.taiJd1, jd2: t.taiJd2 + dut1S / 86_400 }),
  polarMotion: () => ({ xpRad, ypRad }),
  celestialPoleOffsets: () => offsets,
});

describe.skipIf(!hasShared)('TimeScales-driven transforms vs ../shared/reference/frames.json', () => {
  const cases = hasShared ? readSharedJson<{ cases: FrameCase[] }>('reference', 'frames.json').cases : [];
  const ts = hasShared ? createTimeScales({ eop: parseFinals2000A(readSharedText('data', 'eop', 'finals2000A.all.gz')) }) : createTimeScales();
  const temeOf = (c: FrameCase): StateVector<'TEME'> => ({ frame: 'TEME', instant: ts.fromUtcIso(c.utc), positionKm: c.teme.r_km, velocityKmS: c.teme.v_km_s });

  it('temeToItrf: position within 0.1 m (acceptance), velocity within 1e-7 km/s (Vallado convention)', () => {
    // Our own EOP interpolation (linear in TAI) vs Skyfield's (linear in TT): identical up to ~1e-9 s of UT1.
    let wr = 0, wv = 0;
    for (const c of cases) {
      const i = temeToItrf(temeOf(c), ts);
      expect(i.frame).toBe('ITRF');
      wr = Math.max(wr, dist(i.positionKm, c.itrs.r_km));
      wv = Math.max(wv, dist(i.velocityKmS, c.itrs.v_km_s_vallado_teme2ecef));
    }
    expect(cases.length).toBe(200);
    expect(wr).toBeLessThan(1e-4);
    expect(wv).toBeLessThan(1e-7);
  });

  it('temeToGcrf within 1 cm (IAU 2006/2000A budget) and 1e-8 km/s', () => {
    let wr = 0, wv = 0;
    for (const c of cases) {
      const g = temeToGcrf(temeOf(c), ts, { poleOffsets: false }); // Skyfield applies no dX/dY
      wr = Math.max(wr, dist(g.positionKm, c.gcrs.r_km));
      wv = Math.max(wv, dist(g.velocityKmS, c.gcrs.v_km_s));
    }
    expect(wr).toBeLessThan(1e-5);
    expect(wv).toBeLessThan(1e-8);
  });

  it('temeToItrf → itrfToGcrf reaches the reference GCRS within 1 cm (polar motion cancels)', () => {
    let wr = 0;
    for (const c of cases) wr = Math.max(wr, dist(itrfToGcrf(temeToItrf(temeOf(c), ts), ts, { poleOffsets: false }).positionKm, c.gcrs.r_km));
    expect(wr).toBeLessThan(1e-5);
  });

  it('dX, dY from finals2000A move GCRF by no more than their size (≤ 1 mas ≈ 0.2 m at 42 000 km) — and do move it', () => {
    let worst = 0;
    for (const c of cases.slice(0, 40)) {
      const itrf = temeToItrf(temeOf(c), ts);
      const a = itrfToGcrf(itrf, ts), b = itrfToGcrf(itrf, ts, { poleOffsets: false });
      worst = Math.max(worst, dist(a.positionKm, b.positionKm) / Math.hypot(...c.itrs.r_km));
    }
    expect(worst).toBeGreaterThan(1e-11);
    expect(worst).toBeLessThan(5e-9); // 1 mas = 4.8e-9 rad
  });
});

describe('frame transforms: algebra', () => {
  const instantArb = fc.double({ min: 2_433_282.5, max: 2_488_069.5, noNaN: true }).map((jd) => Instant.fromTai(Math.floor(jd), jd - Math.floor(jd)));
  const vecArb = (lo: number, hi: number) => fc.tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }));
  const eopArb = fc.tuple(fc.double({ min: -3e-6, max: 3e-6, noNaN: true }), fc.double({ min: -3e-6, max: 3e-6, noNaN: true }), fc.double({ min: -0.9, max: 0.9, noNaN: true }))
    .map(([x, y, d]) => fixedEop(x, y, d, { kind: 'dXdY', offset1Rad: x * 1e-3, offset2Rad: y * 1e-3 }));

  it('every conversion composed with its inverse is the identity (1e-9 km, 1e-12 km/s; 1950–2100, LEO–GEO)', () => {
    fc.assert(fc.property(instantArb, vecArb(-45_000, 45_000), vecArb(-8, 8), eopArb, (instant, r, v, eop) => {
      const teme: StateVector<'TEME'> = { frame: 'TEME', instant, positionKm: r, velocityKmS: v };
      const pairs: [Vec3, Vec3][] = [];
      const t1 = itrfToTeme(temeToItrf(teme, eop), eop);
      const t2 = gcrfToTeme(temeToGcrf(teme, eop), eop);
      const t3 = pefToTeme(itrfToPef(pefToItrf(temeToPef(teme, eop), eop), eop), eop);
      const itrf: StateVector<'ITRF'> = { frame: 'ITRF', instant, positionKm: r, velocityKmS: v };
      const i1 = gcrfToItrf(itrfToGcrf(itrf, eop), eop);
      for (const s of [t1, t2, t3]) pairs.push([s.positionKm, r], [s.velocityKmS, v]);
      pairs.push([i1.positionKm, r], [i1.velocityKmS, v]);
      for (let k = 0; k < pairs.length; k += 2) {
        expect(dist(pairs[k]![0], pairs[k]![1])).toBeLessThan(1e-9);
        expect(dist(pairs[k + 1]![0], pairs[k + 1]![1])).toBeLessThan(1e-12);
      }
      // Rotations preserve length.
      expect(Math.abs(Math.hypot(...temeToGcrf(teme, eop).positionKm) - Math.hypot(...r))).toBeLessThan(1e-9);
    }), { numRuns: 60 });
  });

  it('the CIP in the GCRS, Qᵀ·e_z, is (X + dX, Y + dY, ·): celestial-pole offsets enter as IERS 2010 eq. 5.7', () => {
    const t = Instant.fromTai(2_460_000, 0.25);
    const base = celestialTerrestrialRotation(earthOrientationAt(t, fixedEop(0, 0, 0)));
    const dX = 2e-9, dY = -1e-9; // 0.4 mas, −0.2 mas: typical finals2000A sizes
    const off = celestialTerrestrialRotation(earthOrientationAt(t, fixedEop(0, 0, 0, { kind: 'dXdY', offset1Rad: dX, offset2Rad: dY })));
    expect(Math.abs(off.q[6]! - base.q[6]! - dX)).toBeLessThan(1e-17);
    expect(Math.abs(off.q[7]! - base.q[7]! - dY)).toBeLessThan(1e-17);
    // IAU 1980 dψ/dε (finals.all) do not apply to this model and are ignored.
    const e80 = earthOrientationAt(t, fixedEop(0, 0, 0, { kind: 'dPsiDEps', offset1Rad: 1e-7, offset2Rad: 1e-7 }));
    expect(e80.dXRad).toBeUndefined();
  });

  it('polarMotion: false makes ITRF equal PEF', () => {
    const t = Instant.fromTai(2_460_000, 0.5);
    const eop = fixedEop(1e-6, 2e-6, 0.1);
    const teme: StateVector<'TEME'> = { frame: 'TEME', instant: t, positionKm: [10, 20, 7000], velocityKmS: [0, 7.5, 1] };
    const a = temeToItrf(teme, eop, { polarMotion: false }), b = temeToPef(teme, eop);
    expect(dist(a.positionKm, b.positionKm)).toBe(0);
    expect(dist(temeToItrf(teme, eop).positionKm, b.positionKm)).toBeGreaterThan(0.015); // over the pole: 7000 km × √(x_p² + y_p²) = 15.7 m
  });

  it('passing the wrong frame is a compile error', () => {
    const t = Instant.fromTai(2_460_000, 0.5);
    const eop = fixedEop(0, 0, 0);
    const itrf: StateVector<'ITRF'> = { frame: 'ITRF', instant: t, positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] };
    const gcrf: StateVector<'GCRF'> = { frame: 'GCRF', instant: t, positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] };
    // @ts-expect-error an ITRF state is not a TEME state
    temeToItrf(itrf, eop);
    // @ts-expect-error a GCRF state is not an ITRF state
    itrfToGcrf(gcrf, eop);
    // @ts-expect-error temeToGcrf returns GCRF, not ITRF
    const wrong: StateVector<'ITRF'> = temeToGcrf({ frame: 'TEME', instant: t, positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] }, eop);
    expect(wrong.frame).toBe('GCRF'); // at run time the frame tag tells the truth
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gravityModel } from '../sgp4/gravity.js';
import {
  MEAN_ALTITUDE_REFERENCE_RADIUS_KM, brouwerMeanMotionRadPerMin, brouwerSemiMajorAxisKm, meanAltitudes,
} from './mean-orbit.js';
import { parseTle } from './tle-parse.js';

/**
 * python-sgp4 (Debian python3-sgp4 2.15, Vallado's SGP4, WGS-72) at initialisation: [line 1, line 2,
 * `Satrec.no_unkozai` rad/min, `Satrec.a` Earth radii of 6378.135 km], printed by tools/gen-mean-orbit-reference.py
 * from the Vallado et al. 2006 verification set (../shared/data/sgp4-verification/SGP4-VER.TLE, md5
 * be5eef57e8bdda975918ee37a10807b6): e from 0.0001 to 0.73, i from 6.9° to 98.4°, near-Earth and deep-space.
 */
const PYTHON_SGP4: readonly (readonly [string, string, string, string])[] = [
  ['1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753', '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667', '0.04720630155917529', '1.3538998206027828'],
  ['1 04632U 70093B   04031.91070959 -.00000084  00000-0  10000-3 0  9955', '2 04632  11.4628 273.1101 1450506 207.6000 143.9350  1.20231981 44145', '0.005245868658927085', '5.85744527364774'],
  ['1 06251U 62025E   06176.82412014  .00008885  00000-0  12808-3 0  3985', '2 06251  58.0579  54.0425 0030035 139.1568 221.1854 15.56387291  6774', '0.06791803699335106', '1.0623389334899322'],
  ['1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813', '2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656', '0.008748547019630239', '4.165136398215489'],
  ['1 09880U 77021A   06176.56157475  .00000421  00000-0  10000-3 0  9814', '2 09880  64.5968 349.3786 7069051 270.0229  16.3320  2.00813614112380', '0.008762667060363351', '4.160660766820133'],
  ['1 11801U          80230.29629788  .01431103  00000-0  14311-1      13', '2 11801  46.7916 230.4354 7318036  47.4722  10.4117  2.28537848    13', '0.009971131604592858', '3.8173051894225996'],
  ['1 14128U 83058A   06176.02844893 -.00000158  00000-0  10000-3 0  9627', '2 14128  11.4384  35.2134 0011562  26.4582 333.5652  0.98870114 46093', '0.004313874514604088', '6.673313223874473'],
  ['1 23599U 95029B   06171.76535463  .00085586  12891-6  12956-2 0  2905', '2 23599   6.9327   0.2849 5782022 274.4436  25.2425  4.47796565123555', '0.01952919673236198', '2.438542119684739'],
  ['1 28057U 03049A   06177.78615833  .00000060  00000-0  35940-4 0  1836', '2 28057  98.4283 247.6961 0000884  88.1964 271.9322 14.35478080140550', '0.06267239862091457', '1.1208193944291043'],
  ['1 28350U 04020A   06167.21788666  .16154492  76267-5  18678-3 0  8894', '2 28350  64.9977 345.6130 0024870 260.7578  99.9590 16.47856722116490', '0.07192721985507419', '1.0224866949611664'],
  ['1 29238U 06022G   06177.28732010  .00766286  10823-4  13334-2 0   101', '2 29238  51.5595 213.7903 0202579  95.2503 267.9010 15.73823839  1061', '0.06866301602202655', '1.0546408708731045'],
];

const WGS72_RADIUS_KM = 6378.135;

describe('Brouwer mean orbit of an element set (SGP4 initl, WGS-72)', () => {
  it('matches python-sgp4 on 11 orbits of the SGP4 verification set', () => {
    let worstN = 0;
    let worstA = 0;
    for (const [l1, l2, no, a] of PYTHON_SGP4) {
      const s = parseTle(l1, l2);
      worstN = Math.max(worstN, Math.abs(brouwerMeanMotionRadPerMin(s) / Number(no) - 1));
      worstA = Math.max(worstA, Math.abs(brouwerSemiMajorAxisKm(s) - Number(a) * WGS72_RADIUS_KM));
    }
    // Same formula and constants: agreement to rounding (relative 1e-14 ≈ 50 ulp; 1e-8 km = 10 µm at GEO-like a).
    expect(worstN).toBeLessThan(1e-14);
    expect(worstA).toBeLessThan(1e-8);
  });

  it('mean altitudes are a − R, a(1 − e) − R, a(1 + e) − R above the WGS-84 equatorial radius', () => {
    const [l1, l2] = PYTHON_SGP4[2]!;
    const s = parseTle(l1, l2);
    const m = meanAltitudes(s);
    const a = brouwerSemiMajorAxisKm(s);
    expect(MEAN_ALTITUDE_REFERENCE_RADIUS_KM).toBe(6378.137);
    expect(m.semiMajorAxisKm).toBe(a);
    expect(m.meanAltitudeKm).toBe(a - 6378.137);
    expect(Math.abs(m.perigeeAltitudeKm - (a * (1 - 0.0030035) - 6378.137))).toBeLessThan(1e-9); // km, rounding
    expect(Math.abs(m.apogeeAltitudeKm - (a * (1 + 0.0030035) - 6378.137))).toBeLessThan(1e-9);
  });

  it('property: n₀″ and a₀″ obey Kepler’s third law in SGP4 units; the correction vanishes at the critical inclination', () => {
    const { xke } = gravityModel('wgs72');
    fc.assert(fc.property(
      fc.double({ min: 0.5, max: 17, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }),
      fc.double({ min: 0, max: Math.PI, noNaN: true }),
      (n, e, i) => {
        const s = { noradId: 1, meanMotionRevPerDay: n, eccentricity: e, inclinationRad: i };
        const no = brouwerMeanMotionRadPerMin(s);
        const aEr = brouwerSemiMajorAxisKm(s) / WGS72_RADIUS_KM;
        // a³n² = k_e² (canonical units) to rounding.
        expect(Math.abs((aEr ** 3 * no * no) / (xke * xke) - 1)).toBeLessThan(1e-12);
        // |δ₀| ≤ ¾J2(3+1)/(1−e²)^1.5/a² ≪ 1: the Brouwer motion differs from Kozai's by less than that bound.
        const noKozai = (n * 2 * Math.PI) / 1440;
        const bound = (0.75 * 0.001082616 * 4) / (1 - e * e) ** 1.5 / (xke / noKozai) ** (4 / 3) * 1.01 + 1e-15;
        expect(Math.abs(noKozai / no - 1)).toBeLessThanOrEqual(bound);
      },
    ), { numRuns: 300 });
    const critical = Math.acos(1 / Math.sqrt(3)); // 3 cos² i = 1: δ = 0
    const s = { noradId: 1, meanMotionRevPerDay: 15.5, eccentricity: 0.001, inclinationRad: critical };
    expect(Math.abs(brouwerMeanMotionRadPerMin(s) / ((15.5 * 2 * Math.PI) / 1440) - 1)).toBeLessThan(1e-15);
  });

  it('refuses elements SGP4 could not start from (RangeError)', () => {
    const base = { noradId: 25544, meanMotionRevPerDay: 15.5, eccentricity: 0.0004, inclinationRad: 0.9 };
    expect(() => brouwerSemiMajorAxisKm({ ...base, meanMotionRevPerDay: 0 })).toThrow(RangeError);
    expect(() => brouwerSemiMajorAxisKm({ ...base, meanMotionRevPerDay: Number.NaN })).toThrow(RangeError);
    expect(() => brouwerSemiMajorAxisKm({ ...base, eccentricity: 1 })).toThrow(RangeError);
    expect(() => brouwerSemiMajorAxisKm({ ...base, eccentricity: -0.1 })).toThrow(RangeError);
    expect(() => meanAltitudes({ ...base, meanMotionRevPerDay: -1 })).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEG_PER_RAD, TWO_PI } from '../units/index.js';
import { eraRad, gmst06Rad, gmst82Rad, gmst82RadOf, gmst82RateRadS } from './sidereal.js';

/** Vallado's gstime as published (AIAA 2006-6753 App. C), one double: the definition gmst82Rad must reproduce. */
function gstimeOneDouble(jdut1: number): number {
  const tut1 = (jdut1 - 2_451_545.0) / 36_525.0;
  let temp = -6.2e-6 * tut1 * tut1 * tut1 + 0.093_104 * tut1 * tut1 + (876_600.0 * 3600 + 8_640_184.812_866) * tut1 + 67_310.548_41;
  temp = ((temp * (Math.PI / 180)) / 240.0) % TWO_PI;
  return temp < 0 ? temp + TWO_PI : temp;
}

const angleDiff = (a: number, b: number): number => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));

describe('sidereal angles', () => {
  it('GMST-82 reproduces Vallado Example 3-5 (1992-08-20 12:14 UT1: 152.578787810°)', () => {
    const gmstDeg = gmst82Rad({ jd1: 2_448_854.5, jd2: (12 * 60 + 14) / 1440 }) * DEG_PER_RAD;
    expect(Math.abs(gmstDeg - 152.578_787_81)).toBeLessThan(1e-6); // the example's 9 printed decimals of a degree (the JD rounded to 1e-6 d would be 8e-5° off)
  });

  it('GMST-82 equals one-double gstime to its rounding (≤ 3e-9 rad: a JD near 2.45e6 resolves 4.7e-10 d)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_433_282, max: 2_488_069 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (jd1, jd2) => {
        expect(angleDiff(gmst82Rad({ jd1, jd2 }), gstimeOneDouble(jd1 + jd2))).toBeLessThan(3e-9);
      }),
      { numRuns: 2_000 },
    );
  });

  it('ERA at J2000.0 UT1 is 2π·0.7790572732640 (IERS 2010 eq. 5.15) and advances 1.00273781191135448 turns per day', () => {
    expect(Math.abs(eraRad({ jd1: 2_451_545, jd2: 0 }) - TWO_PI * 0.779_057_273_264)).toBeLessThan(1e-15);
    const a = eraRad({ jd1: 2_460_000, jd2: 0.25 });
    const b = eraRad({ jd1: 2_460_001, jd2: 0.25 });
    expect(angleDiff(b - a, TWO_PI * 0.002_737_811_911_354_48)).toBeLessThan(1e-12); // one day of rotation beyond a whole turn
  });

  it('GMST-06 − ERA is the IERS 2010 eq. 5.32 polynomial (0.014506″ at J2000)', () => {
    const j2000 = { jd1: 2_451_545, jd2: 0 };
    const diffArcsec = ((gmst06Rad(j2000, j2000) - eraRad(j2000)) * DEG_PER_RAD * 3600);
    expect(Math.abs(diffArcsec - 0.014_506)).toBeLessThan(1e-9);
    for (const v of [gmst82Rad(j2000), eraRad(j2000), gmst06Rad(j2000, j2000)]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(TWO_PI);
    }
  });
});

describe('gmst82RateRadS', () => {
  it('is the derivative of gmst82Rad (central difference over ±60 s at 1980, 2000, 2024, 2050)', () => {
    for (const jd1 of [2_444_239.5, 2_451_545.0, 2_460_310.5, 2_469_807.5]) {
      const jd2 = 0.25;
      const h = 60 / 86_400;
      const numeric = (gmst82Rad({ jd1, jd2: jd2 + h }) - gmst82Rad({ jd1, jd2: jd2 - h })) / 120;
      // 1e-14 rad/s: the angles' rounding (~1e-15 rad) over 120 s is 1e-17 rad/s; the T² term's change over 2 min
      // is far below that. A wrong coefficient (e.g. no precession term) is off by ~2e-10 rad/s.
      expect(Math.abs(gmst82RateRadS(jd1, jd2) - numeric)).toBeLessThan(1e-14);
      expect(gmst82RadOf(jd1, jd2)).toBe(gmst82Rad({ jd1, jd2 }));
    }
  });
});

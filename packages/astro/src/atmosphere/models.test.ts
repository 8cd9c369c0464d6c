import { describe, expect, it } from 'vitest';
import { constantDrivers, ExponentialAtmosphere, HarrisPriesterAtmosphere, NrlmsiseAtmosphere, spaceWeatherDrivers, type SpaceWeatherDay } from './index.js';
import { dayOfYear } from './calendar.js';

const sample = { utcMjd: 59_580.5, latitudeRad: 0.5, longitudeRad: 1.0, altitudeKm: 400 };

describe('exponential atmosphere (Vallado Table 8-4)', () => {
  const atm = new ExponentialAtmosphere();
  it('reproduces the tabulated base densities', () => {
    // The table's own nodes (Vallado 2013 Table 8-4): relative 1e-12 (pure arithmetic).
    expect(Math.abs(atm.densityKgM3({ ...sample, altitudeKm: 400 }) / 3.725e-12 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(atm.densityKgM3({ ...sample, altitudeKm: 0 }) / 1.225 - 1)).toBeLessThan(1e-12);
  });
  it('is nearly continuous across bands (table is a fit: jumps below 10 %)', () => {
    for (const h of [25, 100, 150, 400, 700, 1000]) {
      const below = atm.densityKgM3({ ...sample, altitudeKm: h - 1e-9 });
      const above = atm.densityKgM3({ ...sample, altitudeKm: h });
      expect(Math.abs(below / above - 1)).toBeLessThan(0.1);
    }
  });
  it('rejects negative altitude', () => expect(() => atm.densityKgM3({ ...sample, altitudeKm: -1 })).toThrow(RangeError));
});

describe('Harris–Priester (Montenbruck & Gill 2000, Table 3.8)', () => {
  const atm = new HarrisPriesterAtmosphere(4);
  it('stays between the tabulated minimum and maximum at a node', () => {
    for (let lon = 0; lon < 6.3; lon += 0.3) {
      const rho = atm.densityKgM3({ ...sample, longitudeRad: lon, altitudeKm: 400 });
      expect(rho).toBeGreaterThanOrEqual(2.249e-12 * (1 - 1e-12));
      expect(rho).toBeLessThanOrEqual(7.492e-12 * (1 + 1e-12));
    }
  });
  it('peaks near 14 h local time (the 30° bulge lag) and bottoms near 2 h', () => {
    // At equinox-ish date, equator: scan longitude and find the maximum's local solar time.
    let best = { lst: 0, rho: 0 };
    let worst = { lst: 0, rho: Infinity };
    const mjd = 59_658.5; // 2022-03-21 12:00 UTC
    for (let lonDeg = -180; lonDeg < 180; lonDeg += 1) {
      const rho = atm.densityKgM3({ utcMjd: mjd, latitudeRad: 0, longitudeRad: (lonDeg * Math.PI) / 180, altitudeKm: 500 });
      const lst = (((12 + lonDeg / 15) % 24) + 24) % 24;
      if (rho > best.rho) best = { lst, rho };
      if (rho < worst.rho) worst = { lst, rho };
    }
    // Apex at Sun + 30° = 14 h LST; equation of time (−7 min) and the 1° scan step allow 0.3 h.
    expect(Math.abs(best.lst - 14)).toBeLessThan(0.3);
    expect(Math.abs(worst.lst - 2)).toBeLessThan(0.3);
  });
  it('rejects altitudes outside 100–1000 km', () => expect(() => atm.densityKgM3({ ...sample, altitudeKm: 1200 })).toThrow(RangeError));
});

describe('the three models agree on the order of magnitude at ISS altitude', () => {
  it('400 km, moderate activity: within a factor 3 of each other', () => {
    const msis = new NrlmsiseAtmosphere(constantDrivers(150, 150, 15)).densityKgM3(sample);
    const hp = new HarrisPriesterAtmosphere(4).densityKgM3(sample);
    const ex = new ExponentialAtmosphere().densityKgM3(sample);
    // Climatological models differ by tens of percent; a factor 3 catches unit slips (1e3) and table errors.
    for (const [a, b] of [[msis, hp], [msis, ex], [hp, ex]] as const) expect(Math.abs(Math.log(a / b))).toBeLessThan(Math.log(3));
  });
});

describe('space-weather drivers', () => {
  const day = (mjd: number, f107: number, ap3h: number[]): SpaceWeatherDay => ({
    mjd, f107ObsSfu: f107, f107AdjSfu: f107, f107ObsCenter81Sfu: 100 + mjd - 60_000, apDaily: ap3h.reduce((s, v) => s + v, 0) / 8,
    ap3h, kind: 'observed',
  });
  const days = [0, 1, 2, 3].map((k) => day(60_000 + k, 70 + k, [0, 1, 2, 3, 4, 5, 6, 7].map((s) => 10 * k + s)));
  const src = spaceWeatherDrivers({ days });
  it('takes F10.7 of the previous day, F10.7A and Ap of the day', () => {
    const d = src(60_003.4);
    expect(d.f107).toBe(72);
    expect(d.f107A).toBe(103);
    expect(d.ap).toBe(33.5);
  });
  it('builds the 7-element ap history across midnight', () => {
    // 60003.4 → 09:36 UT, slot 3 (09–12 h) of day 3 whose ap3h = 30..37.
    const a = src(60_003.4).apArray;
    expect(a.slice(0, 5)).toEqual([33.5, 33, 32, 31, 30]);
    // 12–33 h before: slots 3-4 … 3-11 → day 2 slots 7..0 = 27..20: mean 23.5.
    expect(a[5]).toBe(23.5);
    // 36–57 h before: day 1 slots 7..0 = 17..10: mean 13.5.
    expect(a[6]).toBe(13.5);
  });
  it('throws RangeError outside coverage', () => {
    expect(() => src(60_000.5)).toThrow(RangeError); // needs the previous day
    expect(() => src(60_010)).toThrow(RangeError);
  });
  it('constant scenario rejects negative flux', () => expect(() => constantDrivers(-1, 100, 4)).toThrow(RangeError));
});

describe('calendar', () => {
  it('day of year and UT seconds from MJD', () => {
    expect(dayOfYear(51_544.5)).toEqual({ year: 2000, doy: 1, secUt: 43_200 });
    expect(dayOfYear(51_603)).toEqual({ year: 2000, doy: 60, secUt: 0 }); // 2000-02-29
  });
});

import { describe, expect, it } from 'vitest';
import { jb2008Drivers, type Jb2008DtcDay, type Jb2008IndexData, type Jb2008SolarDay } from './jb2008-indices.js';

const MJD = 57_949; // 2017-07-15

/** A day whose every index encodes its MJD offset from MJD, so that a lag shows up in the value. */
function solarDay(mjd: number): Jb2008SolarDay {
  const k = mjd - MJD;
  return {
    mjd, f10Sfu: 100 + k, f10bSfu: 200 + k, s10Sfu: 300 + k, s10bSfu: 400 + k,
    m10Sfu: 500 + k, m10bSfu: 600 + k, y10Sfu: 700 + k, y10bSfu: 800 + k,
  };
}
const dtcDay = (mjd: number): Jb2008DtcDay => ({ mjd, dtcK: Array.from({ length: 24 }, (_, h) => 10 * (mjd - MJD) + h) });

function data(from: number, to: number): Jb2008IndexData {
  const solar: Jb2008SolarDay[] = [];
  const dtc: Jb2008DtcDay[] = [];
  for (let m = from; m <= to; m++) {
    solar.push(solarDay(m));
    dtc.push(dtcDay(m));
  }
  return { solar, dtc };
}

describe('jb2008Drivers', () => {
  const src = jb2008Drivers(data(MJD - 10, MJD + 1));

  it('takes F10/S10 from 1 day earlier, M10 from 2 days, Y10 from 5 days (the model definition)', () => {
    const d = src(MJD + 0.796);
    expect([d.f10, d.f10b, d.s10, d.s10b]).toEqual([99, 199, 299, 399]);
    expect([d.m10, d.m10b]).toEqual([498, 598]);
    expect([d.y10, d.y10b]).toEqual([695, 795]);
  });

  it('interpolates dTc linearly between hourly values, across midnight too', () => {
    // MJD + 7/24 is 7 h to ~1 µs (double MJD); the interpolation is continuous, so the values are exact to ~1e-9 K (checked to 5e-7 K).
    expect(src(MJD + 7 / 24).dstDtcK).toBeCloseTo(7, 6);
    expect(src(MJD + 7.25 / 24).dstDtcK).toBeCloseTo(7.25, 6);
    // 23:30 on MJD: halfway between 23 K (MJD, 23h) and 10 K (MJD+1, 0h).
    expect(src(MJD + 23.5 / 24).dstDtcK).toBeCloseTo(16.5, 6);
  });

  it('gives the same result with non-contiguous days (binary-search path)', () => {
    const full = data(MJD - 10, MJD + 1);
    const gappy = jb2008Drivers({ solar: full.solar.filter((d) => d.mjd !== MJD - 7), dtc: full.dtc });
    expect(gappy(MJD + 0.3)).toEqual(src(MJD + 0.3));
    expect(() => gappy(MJD - 2 + 0.3)).toThrow(/solar indices have no record for 2017-189/); // Y10 of MJD − 7
  });

  it('throws RangeError outside the data, for missing (0.0) indices and for malformed data', () => {
    expect(() => src(MJD - 6)).toThrow(RangeError); // Y10 of MJD − 11 is absent
    expect(() => src(MJD + 1.99)).toThrow(RangeError); // 23:45 of MJD+1 needs dTc of MJD+2, 0h
    expect(() => src(Number.NaN)).toThrow(RangeError);
    const missing = data(MJD - 10, MJD + 1);
    const solar = missing.solar.map((d) => (d.mjd === MJD - 1 ? { ...d, s10bSfu: 0 } : d));
    expect(() => jb2008Drivers({ solar, dtc: missing.dtc })(MJD + 0.5)).toThrow(/s10bSfu is 0 \(missing\) for 2017-195/);
    expect(() => jb2008Drivers({ solar: [...missing.solar].reverse(), dtc: missing.dtc })).toThrow(RangeError);
    expect(() => jb2008Drivers({ solar: missing.solar, dtc: [{ mjd: MJD, dtcK: [1, 2, 3] }] })).toThrow(RangeError);
    expect(() => jb2008Drivers({ solar: [], dtc: missing.dtc })).toThrow(RangeError);
    expect(() => jb2008Drivers({ solar: [{ ...solarDay(MJD), f10Sfu: Number.NaN }], dtc: missing.dtc })).toThrow(RangeError);
  });
});

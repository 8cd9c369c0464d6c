import { describe, expect, it } from 'vitest';
import { constantDrivers, type SpaceWeatherDay } from '@stationkeeper/astro/atmosphere';
import { ParseError } from '@stationkeeper/astro/errors';
import { hasShared, readSharedText } from '#testing';
import {
  completeSpaceWeather, meanObservedAp, MSAFE_SIGMA_LN_AP, MSAFE_SIGMA_LN_F107, msafeLogSpread, parseMsafe, percentileScale,
  scaledDrivers, SOLAR_CYCLE_DAYS,
} from './space-weather.js';

const day = (mjd: number, f: number, ap: number, kind: SpaceWeatherDay['kind'] = 'observed'): SpaceWeatherDay => ({
  mjd, f107ObsSfu: f, f107AdjSfu: f, f107ObsCenter81Sfu: f, apDaily: ap, ap3h: [], kind,
});

describe('completeSpaceWeather', () => {
  it('interpolates between monthly predictions and fills every day', () => {
    const days = [day(100, 100, 10), day(101, 110, 12), day(131, 140, 20, 'monthly-predicted')];
    const { weather, interpolatedDays, firstPredictedMjd } = completeSpaceWeather({ days }, 131);
    expect(weather.days.map((d) => d.mjd)).toEqual(Array.from({ length: 32 }, (_, i) => 100 + i));
    expect(interpolatedDays).toBe(29);
    // Linear: halfway between 110 (MJD 101) and 140 (MJD 131) is 125 at MJD 116 — exact in binary floating point.
    expect(weather.days[16]!.f107ObsSfu).toBe(125);
    expect(weather.days[16]!.apDaily).toBe(16);
    expect(weather.days[16]!.kind).toBe('monthly-predicted');
    expect(firstPredictedMjd).toBe(102);
  });

  it('repeats the solar cycle past the last record (documented fallback)', () => {
    const days = Array.from({ length: SOLAR_CYCLE_DAYS + 10 }, (_, i) => day(1000 + i, 70 + (i % 97), 5 + (i % 7)));
    const { weather, cycleRepeatedDays } = completeSpaceWeather({ days }, 1000 + SOLAR_CYCLE_DAYS + 20);
    expect(cycleRepeatedDays).toBe(11);
    const last = weather.days[weather.days.length - 1]!;
    expect(last.kind).toBe('scenario');
    const source = weather.days[weather.days.length - 1 - SOLAR_CYCLE_DAYS]!;
    expect(last.apDaily).toBe(source.apDaily);
    expect(last.f107ObsCenter81Sfu).toBe(source.f107ObsCenter81Sfu);
    expect(last.f107ObsSfu).toBe(source.f107ObsCenter81Sfu);
    expect(() => completeSpaceWeather({ days: days.slice(0, 100) }, 2000)).toThrow(RangeError);
    expect(() => completeSpaceWeather({ days: [] }, 2000)).toThrow(RangeError);
  });

  it('regression: a repeated flare-burst day (2011-03-07, F10.7 938.6 sfu) carried into a forecast blew up the ISS run; the repeat now carries the 81-day level', () => {
    const days = Array.from({ length: SOLAR_CYCLE_DAYS + 1 }, (_, i) => ({ ...day(1000 + i, 120, 10), f107ObsCenter81Sfu: 115 }));
    days[1] = { ...days[1]!, f107ObsSfu: 938.6, f107AdjSfu: 924.4 }; // repeated at index SOLAR_CYCLE_DAYS + 1
    const { weather } = completeSpaceWeather({ days }, 1000 + SOLAR_CYCLE_DAYS * 2);
    const copy = weather.days[SOLAR_CYCLE_DAYS]!; // the last observed day; the next repeats day 1
    expect(weather.days[SOLAR_CYCLE_DAYS + 1]!.kind).toBe('scenario');
    expect(copy.kind).toBe('observed');
    const repeat = weather.days[SOLAR_CYCLE_DAYS * 2]!;
    expect(repeat.mjd).toBe(1000 + SOLAR_CYCLE_DAYS * 2);
    expect(weather.days[SOLAR_CYCLE_DAYS + 1]!.f107ObsSfu).toBe(115);
    // adjusted keeps the source day's 1 AU ratio 924.4/938.6 (1e-12 relative: one division and product).
    expect(Math.abs(weather.days[SOLAR_CYCLE_DAYS + 1]!.f107AdjSfu / (115 * 924.4 / 938.6) - 1)).toBeLessThan(1e-12);
    expect(repeat.f107ObsSfu).toBe(115);
  });

  it('meanObservedAp averages the last observed days only', () => {
    expect(meanObservedAp({ days: [day(1, 70, 4), day(2, 70, 8), day(3, 70, 100, 'monthly-predicted')] })).toBe(6);
  });
});

describe('scaledDrivers and percentile scenarios', () => {
  it('scales F10.7, F10.7A and Ap from the given day on, and leaves the past alone', () => {
    const d = scaledDrivers(constantDrivers(100, 90, 10), 50, 1.5, 2);
    expect(d(49.9)).toEqual({ f107: 100, f107A: 90, ap: 10, apArray: [10, 10, 10, 10, 10, 10, 10] });
    expect(d(50)).toEqual({ f107: 150, f107A: 135, ap: 20, apArray: [20, 20, 20, 20, 20, 20, 20] });
    expect(() => scaledDrivers(constantDrivers(1, 1, 1), 0, 0, 1)).toThrow(RangeError);
  });

  it('p5 and p95 are symmetric in log around p50', () => {
    const lo = percentileScale(5);
    const hi = percentileScale(95);
    expect(percentileScale(50)).toEqual({ f107Scale: 1, apScale: 1 });
    // exp(−z σ)·exp(z σ) = 1 up to rounding (1e-15).
    expect(Math.abs(lo.f107Scale * hi.f107Scale - 1)).toBeLessThan(1e-15);
    expect(hi.f107Scale).toBeGreaterThan(1.2);
  });
});

describe('parseMsafe', () => {
  it('reads rows and rejects malformed ones with a ParseError naming the line', () => {
    const text = ' header\n 2020.3337   MAY    71.4      70.9      70.3       5.7       5.2       4.9\n';
    expect(parseMsafe(text)).toEqual([{ decimalYear: 2020.3337, month: 'MAY', f107: { p95: 71.4, p50: 70.9, p5: 70.3 }, ap: { p95: 5.7, p50: 5.2, p5: 4.9 } }]);
    const bad = `${text} 2020.4170   JUN    72.8      x      70.6       6.2       5.3       4.5\n`;
    expect(() => parseMsafe(bad)).toThrow(ParseError);
    try {
      parseMsafe(bad);
    } catch (e) {
      expect((e as ParseError).line).toBe(3);
    }
    expect(() => parseMsafe('nothing')).toThrow(ParseError);
  });

  describe.skipIf(!hasShared)('the shared MSAFE Nov 2020 table', () => {
    it('gives the transcribed spreads σ_lnF10.7 = 0.164, σ_lnAp = 0.296', () => {
      const months = parseMsafe(readSharedText('data', 'space-weather', 'MSAFE_nov2020f10_prd.txt'));
      expect(months).toHaveLength(258); // May 2020 – Oct 2041
      const { sigmaLnF107, sigmaLnAp } = msafeLogSpread(months);
      // The constants are rounded to 3 decimals: ±0.0005.
      expect(Math.abs(sigmaLnF107 - MSAFE_SIGMA_LN_F107)).toBeLessThan(5e-4);
      expect(Math.abs(sigmaLnAp - MSAFE_SIGMA_LN_AP)).toBeLessThan(5e-4);
    });
  });
});

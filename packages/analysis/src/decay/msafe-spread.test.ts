import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantDrivers } from '@stationkeeper/astro/atmosphere';
import { hasShared, readSharedText } from '#testing';
import { civilToMjd, monthlySpreadDrivers, msafeMonthlySpread, spreadAt, type MonthlySpread } from './msafe-spread.js';
import { msafeLogSpread, parseMsafe, percentileScale, scaledDrivers, Z95, type MsafeMonth } from './space-weather.js';

const row = (decimalYear: number, month: string, f: [number, number, number], a: [number, number, number]): MsafeMonth => ({
  decimalYear, month, f107: { p95: f[0], p50: f[1], p5: f[2] }, ap: { p95: a[0], p50: a[1], p5: a[2] },
});

describe('civilToMjd', () => {
  it('equals the JavaScript Date (proleptic Gregorian, Unix epoch = MJD 40587) for any date 1600–2600', () => {
    fc.assert(fc.property(fc.integer({ min: 1600, max: 2600 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
      expect(civilToMjd(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000 + 40_587);
    }));
    expect(civilToMjd(2020, 5, 1)).toBe(58_970); // CZ-5B reentry day 2020-05-11 is MJD 58980
  });
});

describe('msafeMonthlySpread', () => {
  const table = [row(2020.4170, 'JUN', [72.8, 71.4, 70.6], [6.2, 5.3, 4.5]), row(2020.3337, 'MAY', [71.4, 70.9, 70.3], [5.7, 5.2, 4.9])];

  it('gives each calendar month σ = ln(p95/p5)/(2·1.645), sorted, with the table mean outside', () => {
    const s = msafeMonthlySpread(table);
    expect(s.months.map((m) => [m.fromUtcMjd, m.toUtcMjd])).toEqual([[58_970, 59_001], [59_001, 59_031]]);
    // From the rows with Python's math.log and z95 = 1.6448536269514722: 0.00471959033, 0.04597095062 (1e-10: printed digits).
    expect(Math.abs(s.months[0]!.sigmaLnF107 - 0.00471959033)).toBeLessThan(1e-10);
    expect(Math.abs(s.months[0]!.sigmaLnAp - 0.04597095062)).toBeLessThan(1e-10);
    expect(s.fallback).toEqual(msafeLogSpread(table));
    expect(spreadAt(s, 58_969.99)).toBe(s.fallback);
    expect(spreadAt(s, 58_970)).toBe(s.months[0]);
    expect(spreadAt(s, 59_030.5)).toBe(s.months[1]);
    expect(spreadAt(s, 59_031)).toBe(s.fallback);
  });

  it('rejects gaps, repeats, unknown months and impossible percentiles', () => {
    expect(() => msafeMonthlySpread([table[1]!, row(2020.5003, 'JUL', [1, 1, 1], [1, 1, 1])])).toThrow(RangeError);
    expect(() => msafeMonthlySpread([table[1]!, table[1]!])).toThrow(RangeError);
    expect(() => msafeMonthlySpread([row(2020.33, 'MAI', [1, 1, 1], [1, 1, 1])])).toThrow(RangeError);
    expect(() => msafeMonthlySpread([row(2020.33, 'MAY', [1, 1, 2], [1, 1, 1])])).toThrow(RangeError);
    expect(() => msafeMonthlySpread([])).toThrow(RangeError);
  });

  describe.skipIf(!hasShared)('the shared MSAFE Nov 2020 table', () => {
    it('covers May 2020 … Oct 2041 month by month; its mean is the global spread', () => {
      const months = parseMsafe(readSharedText('data', 'space-weather', 'MSAFE_nov2020f10_prd.txt'));
      const s = msafeMonthlySpread(months);
      expect(s.months).toHaveLength(258);
      expect(s.months[0]!.fromUtcMjd).toBe(civilToMjd(2020, 5, 1));
      expect(s.months[257]!.toUtcMjd).toBe(civilToMjd(2041, 11, 1));
      // The file's March 2022 row: F10.7 158.2 / 77.1, Ap 10.4 / 4.8 (95 % / 5 %).
      const mar2022 = spreadAt(s, civilToMjd(2022, 3, 15));
      expect(Math.abs(mar2022.sigmaLnF107 - Math.log(158.2 / 77.1) / (2 * Z95))).toBeLessThan(1e-15);
      expect(Math.abs(mar2022.sigmaLnAp - Math.log(10.4 / 4.8) / (2 * Z95))).toBeLessThan(1e-15);
      // The spread grows with lead time: May 2020 (the near past) is far tighter than the cycle-25 maximum.
      expect(s.months[0]!.sigmaLnF107).toBeLessThan(0.01);
      expect(mar2022.sigmaLnF107).toBeGreaterThan(0.2);
    });
  });
});

describe('monthlySpreadDrivers', () => {
  const base = constantDrivers(100, 90, 10);
  const spread: MonthlySpread = {
    months: [{ fromUtcMjd: 100, toUtcMjd: 131, sigmaLnF107: 0.1, sigmaLnAp: 0.2 }, { fromUtcMjd: 131, toUtcMjd: 159, sigmaLnF107: 0.3, sigmaLnAp: 0.4 }],
    fallback: { sigmaLnF107: 0.164, sigmaLnAp: 0.296 },
  };

  it('scales each day by exp(z·σ of its month) from the given day on and leaves the past alone', () => {
    const d = monthlySpreadDrivers(base, 110, 1.5, -1, spread);
    expect(d(109.5)).toEqual(base(109.5));
    const may = d(120);
    // Relative 1e-15: one exp and one multiplication.
    expect(Math.abs(may.f107 / (100 * Math.exp(0.15)) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(may.f107A / (90 * Math.exp(0.15)) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(may.ap / (10 * Math.exp(-0.2)) - 1)).toBeLessThan(1e-15);
    expect(may.apArray.every((v) => Math.abs(v / (10 * Math.exp(-0.2)) - 1) < 1e-15)).toBe(true);
    expect(Math.abs(d(140).f107 / (100 * Math.exp(0.45)) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(d(500).f107 / (100 * Math.exp(1.5 * 0.164)) - 1)).toBeLessThan(1e-15);
    expect(monthlySpreadDrivers(base, 0, 0, 0, spread)).toBe(base);
    expect(() => monthlySpreadDrivers(base, 0, Number.NaN, 0, spread)).toThrow(RangeError);
  });

  it('a table of one constant σ is the global percentile scaling, exactly (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 100, max: 400 }), (sf, sa, mjd) => {
      const uniform: MonthlySpread = { months: spread.months.map((m) => ({ ...m, sigmaLnF107: sf, sigmaLnAp: sa })), fallback: { sigmaLnF107: sf, sigmaLnAp: sa } };
      const a = monthlySpreadDrivers(base, 100, Z95, Z95, uniform)(mjd);
      const b = scaledDrivers(base, 100, Math.exp(Z95 * sf), Math.exp(Z95 * sa))(mjd);
      expect(a).toEqual(b);
    }));
    // and p95 of the global constants is exp(+1.645 σ).
    const g = percentileScale(95);
    const fromGlobal = monthlySpreadDrivers(base, 0, Z95, Z95, { months: [], fallback: { sigmaLnF107: Math.log(g.f107Scale) / Z95, sigmaLnAp: Math.log(g.apScale) / Z95 } })(5);
    expect(Math.abs(fromGlobal.f107 / (100 * g.f107Scale) - 1)).toBeLessThan(1e-15);
  });
});

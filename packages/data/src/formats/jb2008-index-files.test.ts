import { Jb2008Atmosphere, jb2008Drivers, type Jb2008IndexData } from '@stationkeeper/astro/atmosphere';
import { ParseError } from '@stationkeeper/astro/errors';
import { geodeticFromItrf } from '@stationkeeper/astro/frames';
import { hasShared, readSharedBytes, readSharedText } from '#testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDtcFile, parseJb2008IndexFiles, parseSolfsmy } from './jb2008-index-files.js';
import { decodeInput } from './read-input.js';
import { calendarToMjd } from './utc-mjd.js';

const DIR = ['data', 'nrlmsise00', 'jb2008'] as const;
const SOL_ROW = '  2017 195   2457949.0  94.4  76.0  67.6  65.1  84.3  75.8  89.9  83.9  1C11';
const DTC_ROW = 'DTC 2017 196   24   0   0   0  24  24  24  24  24  24  24  24  24  24  24  24  24  24  24  24  24  24  24  24';

/** Asserts that `f` throws a ParseError at (line, column). */
function expectParseError(f: () => unknown, line: number, column: number): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    expect([(e as ParseError).line, (e as ParseError).column]).toEqual([line, column]);
    return;
  }
  throw new Error('expected a ParseError');
}

describe('SOLFSMY.TXT', () => {
  it('reads a row: day of year → MJD of 0h UTC, the eight indices in sfu', () => {
    const { days, header } = parseSolfsmy(`# header\n${SOL_ROW}\n`);
    expect(header).toEqual(['header']);
    expect(days).toEqual([{
      mjd: calendarToMjd(2017, 7, 14), f10Sfu: 94.4, f10bSfu: 76, s10Sfu: 67.6, s10bSfu: 65.1,
      m10Sfu: 84.3, m10bSfu: 75.8, y10Sfu: 89.9, y10bSfu: 83.9,
    }]);
    expect(parseSolfsmy(SOL_ROW.replace('  1C11', '')).days).toHaveLength(1); // the source code is optional
  });

  it('ParseError at the offending field for unreadable lines', () => {
    expectParseError(() => parseSolfsmy(`#\n${SOL_ROW.replace('67.6', '67,6')}`), 2, SOL_ROW.indexOf('67.6') + 1);
    expectParseError(() => parseSolfsmy(SOL_ROW.replace('2017', '2017.5')), 1, 3);
    expectParseError(() => parseSolfsmy('  2017 195   2457949.0  94.4'), 1, 29);
    expectParseError(() => parseSolfsmy(`${SOL_ROW} extra`), 1, SOL_ROW.length + 2);
    expectParseError(() => parseSolfsmy(SOL_ROW.replace('1C11', '1C-1')), 1, SOL_ROW.indexOf('1C11') + 1);
  });

  it('RangeError for readable values outside their domain', () => {
    expect(() => parseSolfsmy(SOL_ROW.replace(' 195 ', ' 366 '))).toThrow(/day of year 366 outside 1–365 for 2017/);
    expect(() => parseSolfsmy(SOL_ROW.replace('94.4', '-4.4'))).toThrow(/line 1: F10 \(sfu\) -4.4 outside/);
    expect(() => parseSolfsmy(SOL_ROW.replace('2457949.0', '2457950.0'))).toThrow(RangeError);
    expect(() => parseSolfsmy(`${SOL_ROW}\n${SOL_ROW}`)).toThrow(/line 2: day 2017-195 is not after/);
    expect(() => parseSolfsmy(SOL_ROW.replace('2017', '1492'))).toThrow(RangeError);
  });
});

describe('DTCFILE.TXT', () => {
  it('reads a row: 24 hourly dTc values (K) of a UTC day', () => {
    expect(parseDtcFile(`${DTC_ROW}\r\n`)).toEqual([{ mjd: calendarToMjd(2017, 7, 15), dtcK: [24, 0, 0, 0, ...Array<number>(20).fill(24)] }]);
  });

  it('ParseError for unreadable lines, RangeError for out-of-range values', () => {
    expectParseError(() => parseDtcFile(`\n${DTC_ROW.replace('DTC', 'DTX')}`), 2, 1);
    expectParseError(() => parseDtcFile(DTC_ROW.slice(0, -4)), 1, DTC_ROW.length - 3);
    expectParseError(() => parseDtcFile(DTC_ROW.replace('   0   0   0', '   0  x0   0')), 1, DTC_ROW.indexOf('   0   0   0') + 7);
    expect(() => parseDtcFile(DTC_ROW.replace('   0   0   0', '   0 9999  0'))).toThrow(/dTc 02h \(K\) 9999 outside/);
    expect(() => parseDtcFile(DTC_ROW.replace(' 196 ', '   0 '))).toThrow(RangeError);
  });
});

describe('fuzz: the parsers only ever throw ParseError or RangeError', () => {
  const typed = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
    }
  };
  // Lines built from the characters of real rows (digits, signs, dots, spaces, letters), mutated rows, and noise.
  const alphabet = fc.constantFrom(...'0123456789 .-+eEDTC#\t1ABxZ\r\n'.split(''));
  const noise = fc.array(alphabet, { maxLength: 140 }).map((a) => a.join(''));
  const mutated = (row: string): fc.Arbitrary<string> =>
    fc.tuple(fc.nat(row.length), fc.nat(6), noise).map(([at, cut, ins]) => row.slice(0, at) + ins.slice(0, 8) + row.slice(at + cut));

  it('SOLFSMY', () => {
    fc.assert(fc.property(fc.array(fc.oneof(noise, mutated(SOL_ROW), fc.string()), { maxLength: 6 }), (ls) => typed(() => parseSolfsmy(ls.join('\n')))), { numRuns: 2000 });
  });
  it('DTCFILE', () => {
    fc.assert(fc.property(fc.array(fc.oneof(noise, mutated(DTC_ROW), fc.string()), { maxLength: 6 }), (ls) => typed(() => parseDtcFile(ls.join('\n')))), { numRuns: 2000 });
  });
});

describe.skipIf(!hasShared)('the shared SET files (release 5_4g, PROVENANCE.md)', () => {
  const solText = decodeInput(readSharedBytes(...DIR, 'SOLFSMY.TXT.gz')).text;
  const dtcText = decodeInput(readSharedBytes(...DIR, 'DTCFILE.TXT.gz')).text;

  it('SOLFSMY: 7,913 daily records 1997-001 .. 2018-243, as its header says; 0.0 marks missing S10/S81c in 1998–99', () => {
    const { days, header } = parseSolfsmy(solText);
    expect(days).toHaveLength(7913);
    expect(header.some((h) => h.includes('Number of records = 7913'))).toBe(true);
    expect(days[0]!.mjd).toBe(calendarToMjd(1997, 1, 1));
    expect(days.at(-1)!.mjd).toBe(calendarToMjd(2018, 1, 1) + 242);
    expect(days.at(-1)).toMatchObject({ f10Sfu: 67.5, f10bSfu: 68.5, y10bSfu: 65.2 });
    expect(days.filter((d) => d.s10bSfu === 0)).toHaveLength(303); // 1998-136 .. 1999-073
  });

  it('DTCFILE: 7,912 days 1997-001 .. 2018-242, 24 values each', () => {
    const days = parseDtcFile(dtcText);
    expect(days).toHaveLength(7912);
    expect(days[0]!.mjd).toBe(calendarToMjd(1997, 1, 1));
    expect(days.at(-1)!.mjd).toBe(calendarToMjd(2018, 1, 1) + 241);
    expect(days.reduce((m, d) => Math.max(m, ...d.dtcK), -Infinity)).toBe(564);
  });

  it('drives Jb2008Atmosphere to the official FORTRAN outputs within the Sun-model difference', () => {
    const data: Jb2008IndexData = parseJb2008IndexFiles(solText, dtcText);
    const drivers = jb2008Drivers(data);
    const atm = new Jb2008Atmosphere(drivers);
    const DEG = Math.PI / 180;
    for (const run of ['01', '02']) {
      const input = readSharedText(...DIR, `JB2008_AUTO_INPUT_${run}.DAT`).trim().split(/\s+/).map(Number);
      const [yr, doy, hr, mn, sec] = input as [number, number, number, number, number];
      const utcMjd = calendarToMjd(yr, 1, 1) + doy - 1 + (hr * 3600 + mn * 60 + sec) / 86_400;
      const lines = readSharedText(...DIR, `JB2008_AUTO_OUTPUT_${run}.DAT.gz`).split('\n');
      // The indices the official driver printed (F8.0): ours must round to them.
      const hdr = lines.map((l) => l.trim().split(/\s+/)).find((f) => f.length === 10)!.slice(1).map(Number);
      const d = drivers(utcMjd);
      [d.f10, d.f10b, d.s10, d.s10b, d.m10, d.m10b, d.y10, d.y10b, d.dstDtcK].forEach((v, i) => expect(Math.abs(v - hdr[i]!)).toBeLessThanOrEqual(0.5));
      let n = 0;
      const worst = { rhoRel: 0, tinfK: 0 };
      for (const line of lines) {
        const f = line.trim().split(/\s+/);
        if (f.length !== 6) continue;
        const [z, lon, latC, tinf, , rho] = f.map(Number) as [number, number, number, number, number, number];
        // The point with geocentric latitude latC, longitude lon and WGS-84 geodetic height z, as an ITRF vector.
        const u = [Math.cos(latC * DEG) * Math.cos(lon * DEG), Math.cos(latC * DEG) * Math.sin(lon * DEG), Math.sin(latC * DEG)] as const;
        let r = 6371 + z;
        for (let i = 0; i < 8; i++) r += z - geodeticFromItrf([r * u[0], r * u[1], r * u[2]]).heightKm;
        const out = atm.evaluateAtItrf([r * u[0], r * u[1], r * u[2]], utcMjd);
        worst.rhoRel = Math.max(worst.rhoRel, Math.abs(out.densityKgM3 / rho - 1));
        worst.tinfK = Math.max(worst.tinfK, Math.abs(out.exosphericTemperatureK - tinf));
        n++;
      }
      expect(n).toBe(7714);
      // Budget: our Sun (Meeus ch. 25) vs the driver's SUNPOS differ by ≤ 0.01° in the hour angle, which moves
      // density by ≤ ~1e-4 (jb2008-atmosphere.test.ts); the printed values are rounded to 5 digits (≤ 5e-5) and
      // T∞ to 0.1 K (≤ 0.05 K). Allowance 2e-4 in density and 0.15 K in T∞.
      expect(worst.rhoRel).toBeLessThan(2e-4);
      expect(worst.tinfK).toBeLessThan(0.15);
      console.log(`Jb2008Atmosphere vs official run ${run}: worst |Δρ/ρ| ${worst.rhoRel.toExponential(2)}, worst |ΔT∞| ${worst.tinfK.toFixed(3)} K`);
    }
  });
});

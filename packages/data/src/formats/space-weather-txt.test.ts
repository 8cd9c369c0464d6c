import { ParseError } from '@stationkeeper/astro/errors';
import { hasShared, readSharedText } from '#testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSpaceWeather } from './space-weather-record.js';
import { parseSpaceWeatherTxt, parseSpaceWeatherTxtRow } from './space-weather-txt.js';
import { calendarToMjd } from './utc-mjd.js';

const FIRST_ROW = '1957 10 01 1700 19 43 40 30 20 37 23 43 37 273  32  27  15   7  22   9  32  22  21 1.1 5 334 269.8 0 266.8 235.5 269.3 266.6 230.9';
const MONTHLY_ROW = '2026 11 01 2635  7                                                                        83 119.3   116.8 114.3 121.1 118.4 113.5';

describe('SW-All.txt rows', () => {
  it('reads every field of a published observed row (first row of sw19571001.txt)', () => {
    const r = parseSpaceWeatherTxtRow(FIRST_ROW, 18, 'observed');
    expect(r).toEqual({
      mjd: 36112, // 1957-10-01 (Sputnik launched 1957-10-04 = MJD 36115)
      kind: 'observed',
      bartelsRotation: 1700,
      bartelsDay: 19,
      kp3hTenths: [43, 40, 30, 20, 37, 23, 43, 37],
      kpSumTenths: 273,
      ap3h: [32, 27, 15, 7, 22, 9, 32, 22],
      apDaily: 21,
      cp: 1.1,
      c9: 5,
      isn: 334,
      f107AdjSfu: 269.8,
      f107Qualifier: 0,
      f107AdjCenter81Sfu: 266.8,
      f107AdjLast81Sfu: 235.5,
      f107ObsSfu: 269.3,
      f107ObsCenter81Sfu: 266.6,
      f107ObsLast81Sfu: 230.9,
      f107DataType: null,
    });
  });

  it('reads a monthly prediction (F10.7 and ISN only) with nulls, never NaN', () => {
    const r = parseSpaceWeatherTxtRow(MONTHLY_ROW, 25233, 'monthly-predicted');
    expect(r.kp3hTenths).toEqual([]);
    expect(r.ap3h).toEqual([]);
    expect(r.apDaily).toBeNull();
    expect([r.isn, r.f107AdjSfu, r.f107ObsSfu, r.f107ObsLast81Sfu]).toEqual([83, 119.3, 121.1, 113.5]);
    expect(r.mjd).toBe(calendarToMjd(2026, 11, 1));
  });

  it('reports a corrupted field with its line and column', () => {
    const bad = FIRST_ROW.slice(0, 112) + ' 2x9.3' + FIRST_ROW.slice(118);
    expect(() => parseSpaceWeatherTxtRow(bad, 40, 'observed')).toThrow(ParseError);
    try {
      parseSpaceWeatherTxtRow(bad, 40, 'observed');
    } catch (e) {
      expect(e).toMatchObject({ line: 40, column: 113, reason: 'field' });
    }
    const partialKp = FIRST_ROW.slice(0, 18) + '   ' + FIRST_ROW.slice(21);
    expect(() => parseSpaceWeatherTxtRow(partialKp, 41, 'observed')).toThrow(/7 of 8/);
    expect(() => parseSpaceWeatherTxtRow('1957 02 30' + FIRST_ROW.slice(10), 42, 'observed')).toThrow(/no such date/);
  });

  it('property: any edit of a row yields a record or a ParseError — nothing else, never NaN', () => {
    fc.assert(
      fc.property(fc.nat(FIRST_ROW.length + 5), fc.string({ maxLength: 8 }), fc.nat(6), (at, insert, del) => {
        const line = FIRST_ROW.slice(0, at) + insert + FIRST_ROW.slice(at + del);
        try {
          const r = parseSpaceWeatherTxtRow(line, 1, 'observed');
          for (const v of Object.values(r)) {
            if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: arbitrary text parses or throws ParseError only', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('BEGIN OBSERVED', 'END OBSERVED', 'BEGIN MONTHLY_PREDICTED', FIRST_ROW, MONTHLY_ROW))), (parts) => {
        try {
          const r = parseSpaceWeatherTxt(parts.join('\n'));
          expect(r.records.length + r.rejected.length).toBeLessThanOrEqual(parts.length);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe.skipIf(!hasShared)('sw19571001.txt (CelesTrak SW-All layout), whole file', () => {
  const text = hasShared ? readSharedText('data', 'space-weather', 'sw19571001.txt.gz') : '';
  const parsed = hasShared ? parseSpaceWeatherTxt(text) : { records: [], rejected: [] };

  it('reads every row of every section; counts match the file header and an independent section count', () => {
    const lines = text.split(/\r?\n/);
    const count = (section: string): number => {
      const a = lines.indexOf(`BEGIN ${section}`);
      const b = lines.indexOf(`END ${section}`);
      return lines.slice(a + 1, b).filter((l) => l.trim() !== '').length;
    };
    const header = (key: string): number => Number(/\d+/.exec(lines.find((l) => l.startsWith(key)) ?? '')?.[0]);
    expect(parsed.rejected).toEqual([]);
    const by = (k: string): number => parsed.records.filter((r) => r.kind === k).length;
    expect(by('observed')).toBe(count('OBSERVED'));
    expect(by('observed')).toBe(header('NUM_OBSERVED_POINTS'));
    expect(by('daily-predicted')).toBe(header('NUM_DAILY_PREDICTED_POINTS'));
    expect(by('monthly-predicted')).toBe(header('NUM_MONTHLY_PREDICTED_POINTS'));
    expect([by('observed'), by('daily-predicted'), by('monthly-predicted')]).toEqual([25162, 45, 180]); // PROVENANCE.md
    expect('updated' in parsed && parsed.updated).toBe('2026 Aug 22 02:32:10 UTC');
  });

  it('agrees field by field with a whitespace split of every observed row (independent reading)', () => {
    const lines = text.split(/\r?\n/);
    const a = lines.indexOf('BEGIN OBSERVED');
    const b = lines.indexOf('END OBSERVED');
    const observed = parsed.records.filter((r) => r.kind === 'observed');
    const rows = lines.slice(a + 1, b);
    let mismatches = 0;
    rows.forEach((line, i) => {
      const t = line.trim().split(/\s+/).map(Number);
      const r = observed[i];
      if (r === undefined || t.length !== 33) return void (mismatches += 1);
      const want = [
        calendarToMjd(t[0] ?? 0, t[1] ?? 0, t[2] ?? 0), t[3], t[4], ...t.slice(5, 13), t[13], ...t.slice(14, 22), t[22], t[23], t[24], t[25],
        t[26], t[27], t[28], t[29], t[30], t[31], t[32],
      ];
      const got = [
        r.mjd, r.bartelsRotation, r.bartelsDay, ...r.kp3hTenths, r.kpSumTenths, ...r.ap3h, r.apDaily, r.cp, r.c9, r.isn,
        r.f107AdjSfu, r.f107Qualifier, r.f107AdjCenter81Sfu, r.f107AdjLast81Sfu, r.f107ObsSfu, r.f107ObsCenter81Sfu, r.f107ObsLast81Sfu,
      ];
      if (JSON.stringify(want) !== JSON.stringify(got)) mismatches += 1;
    });
    expect(rows.length).toBe(25162);
    expect(mismatches).toBe(0);
  });

  it('days are consecutive through the observed and daily-predicted sections', () => {
    const daily = parsed.records.filter((r) => r.kind !== 'monthly-predicted');
    const gaps = daily.slice(1).filter((r, i) => r.mjd - (daily[i]?.mjd ?? 0) !== 1);
    expect(gaps).toEqual([]);
    expect(daily[0]?.mjd).toBe(calendarToMjd(1957, 10, 1));
    expect(daily.at(-1)?.mjd).toBe(calendarToMjd(2026, 10, 5));
  });

  it('converts to SpaceWeather: monthly predictions lack Ap and are omitted unless a fill is given', () => {
    const { weather, omitted } = toSpaceWeather(parsed.records);
    expect(weather.days.length).toBe(25162 + 45);
    expect(omitted.length).toBe(180);
    expect(omitted[0]?.missing).toEqual(['apDaily']);
    const filled = toSpaceWeather(parsed.records, { apDailyFill: 15 });
    expect(filled.weather.days.length).toBe(25162 + 45 + 180);
    expect(filled.weather.days.at(-1)).toMatchObject({ kind: 'monthly-predicted', apDaily: 15, ap3h: [] });
    expect(() => toSpaceWeather(parsed.records, { apDailyFill: Number.NaN })).toThrow(RangeError);
  });

  it('a corrupted copy: bad lines are reported with their line numbers, the rest still reads', () => {
    const lines = text.split('\n');
    const victims = [20, 5000, 25190]; // 0-based: an observed row, another, a daily prediction
    for (const v of victims) lines[v] = (lines[v] ?? '').slice(0, 60) + 'garbage' + (lines[v] ?? '').slice(67);
    const r = parseSpaceWeatherTxt(lines.join('\n'));
    expect(r.rejected.map((x) => x.line)).toEqual(victims.map((v) => v + 1));
    expect(r.records.length).toBe(25162 + 45 + 180 - 3);
  });
});

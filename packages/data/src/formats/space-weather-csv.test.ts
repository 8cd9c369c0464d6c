import { ParseError } from '@stationkeeper/astro/errors';
import { hasShared, readSharedText } from '#testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpaceWeatherCsv } from './space-weather-csv.js';
import type { SpaceWeatherRecord } from './space-weather-record.js';
import { parseSpaceWeatherTxt } from './space-weather-txt.js';
import { calendarToMjd, utcMjdToIso } from './utc-mjd.js';

const HEADER =
  'DATE,BSRN,ND,KP1,KP2,KP3,KP4,KP5,KP6,KP7,KP8,KP_SUM,AP1,AP2,AP3,AP4,AP5,AP6,AP7,AP8,AP_AVG,CP,C9,ISN,' +
  'F10.7_OBS,F10.7_ADJ,F10.7_DATA_TYPE,F10.7_OBS_CENTER81,F10.7_OBS_LAST81,F10.7_ADJ_CENTER81,F10.7_ADJ_LAST81';

/** Writes a record in the published CSV layout (test-side writer, independent of the parser). */
function csvRow(r: SpaceWeatherRecord, type: string): string {
  const v = (x: number | null): string => (x === null ? '' : String(x));
  const eight = (xs: readonly number[]): string[] => (xs.length === 8 ? xs.map(String) : Array<string>(8).fill(''));
  return [
    utcMjdToIso(r.mjd).slice(0, 10), v(r.bartelsRotation), v(r.bartelsDay), ...eight(r.kp3hTenths), v(r.kpSumTenths), ...eight(r.ap3h),
    v(r.apDaily), v(r.cp), v(r.c9), v(r.isn), v(r.f107ObsSfu), v(r.f107AdjSfu), type, v(r.f107ObsCenter81Sfu), v(r.f107ObsLast81Sfu),
    v(r.f107AdjCenter81Sfu), v(r.f107AdjLast81Sfu),
  ].join(',');
}

const SAMPLE = `${HEADER}
2026-08-02,2631,24,3,7,13,10,40,57,37,17,183,2,3,5,4,27,67,22,6,17,0.9,4,126,126.9,130.7,OBS,125.2,134.5,128.7,138.6
2026-11-01,2635,7,,,,,,,,,,,,,,,,,,,,,83,121.1,119.3,PRM,118.4,113.5,116.8,114.3
`;

describe('CelesTrak space-weather CSV', () => {
  it('reads an observed row and a monthly prediction by column name', () => {
    const { records, rejected } = parseSpaceWeatherCsv(SAMPLE);
    expect(rejected).toEqual([]);
    expect(records[0]).toMatchObject({
      mjd: calendarToMjd(2026, 8, 2),
      kind: 'observed',
      kp3hTenths: [3, 7, 13, 10, 40, 57, 37, 17],
      ap3h: [2, 3, 5, 4, 27, 67, 22, 6],
      apDaily: 17,
      f107ObsSfu: 126.9,
      f107AdjSfu: 130.7,
      f107ObsCenter81Sfu: 125.2,
      f107DataType: 'OBS',
    });
    expect(records[1]).toMatchObject({ kind: 'monthly-predicted', kp3hTenths: [], apDaily: null, isn: 83, f107ObsSfu: 121.1 });
  });

  it('does not depend on column order', () => {
    const lines = SAMPLE.trim().split('\n').map((l) => l.split(','));
    const order = lines[0]?.map((_, i) => i).reverse() ?? [];
    const reversed = lines.map((cells) => order.map((i) => cells[i]).join(',')).join('\n');
    expect(parseSpaceWeatherCsv(reversed).records).toEqual(parseSpaceWeatherCsv(SAMPLE).records);
  });

  it('rejects bad rows with line and column, keeps the rest; refuses text without the header', () => {
    const text = `${SAMPLE}2026-08-03,2631,25,3,7,13,10,40,57,37,17,183,2,3,5,4,27,67,22,6,17,0.9,4,126,12x.9,130.7,OBS,125.2,134.5,128.7,138.6
2026-08-04,2631,26,3,7
2026-08-05,2631,27,3,7,13,10,40,57,37,17,183,2,3,5,4,27,67,22,6,17,0.9,4,126,126.9,130.7,XYZ,125.2,134.5,128.7,138.6
`;
    const { records, rejected } = parseSpaceWeatherCsv(text);
    expect(records.length).toBe(2);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, 'field'],
      [5, 'layout'],
      [6, 'field'],
    ]);
    expect(rejected[0]?.column).toBe((text.split('\n')[3]?.indexOf('12x.9') ?? -2) + 1);
    expect(() => parseSpaceWeatherCsv('hello,world\n1,2\n')).toThrow(ParseError);
  });

  it('property: arbitrary cells parse or raise ParseError only', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 31, maxLength: 31 }), { maxLength: 5 }), (rows) => {
        try {
          const r = parseSpaceWeatherCsv([HEADER, ...rows.map((c) => c.join(','))].join('\n'));
          for (const rec of r.records) expect(Number.isFinite(rec.mjd)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it.skipIf(!hasShared)('reads the same values as the text file for 2021–2026 written in the CSV layout', () => {
    const txt = parseSpaceWeatherTxt(readSharedText('data', 'space-weather', 'sw19571001.txt.gz')).records;
    const slice = txt.filter((r) => r.mjd >= calendarToMjd(2021, 1, 1));
    const type = (r: SpaceWeatherRecord): string => (r.kind === 'observed' ? 'OBS' : r.kind === 'daily-predicted' ? 'PRD' : 'PRM');
    const csv = [HEADER, ...slice.map((r) => csvRow(r, type(r)))].join('\r\n');
    const got = parseSpaceWeatherCsv(csv);
    expect(got.rejected).toEqual([]);
    const strip = (r: SpaceWeatherRecord) => ({ ...r, f107Qualifier: null, f107DataType: null });
    expect(got.records.map(strip)).toEqual(slice.map(strip));
  });
});

import { describe, expect, it } from 'vitest';
import { tleChecksum } from './checksum.js';
import { detectElementFormat, parseElementFile } from './element-file.js';
import { format3le } from './tle-format.js';

const L1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const L2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';
const fix = (s: string): string => s.slice(0, 68) + String(tleChecksum(s));
const M1 = fix(L1.replace('25544U', '00005U'));
const M2 = fix(L2.replace('2 25544', '2 00005'));

describe('parseElementFile (TLE / 3LE)', () => {
  it('reads 2-line, Space-Track 3LE and CelesTrak-style titled sets in one text, with CRLF', () => {
    const text = [L1, L2, '0 VANGUARD 1', M1, M2, 'ISS (ZARYA)             ', L1, L2, ''].join('\r\n');
    const { records, rejected } = parseElementFile(text);
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.noradId, r.name, r.source?.format, r.source?.line])).toEqual([
      [25544, undefined, 'tle', 1], [5, 'VANGUARD 1', '3le', 3], [25544, 'ISS (ZARYA)', '3le', 6],
    ]);
    // the CelesTrak title's 24-column padding and missing "0 " come back
    expect(format3le(records[2] ?? (records[0] as never))[0]).toBe('ISS (ZARYA)             ');
  });

  it('one bad record never loses the rest; reasons and positions are reported; reading resynchronises on "1 "', () => {
    const bad1 = L1.slice(0, 68) + '0'; // checksum
    const lines = [
      '0 GOOD A', L1, L2,
      '0 BAD CHECKSUM', bad1, L2,
      '0 LOST LINE 2', M1,
      '0 GOOD B', M1, M2,
      L2, // orphan line 2
      '0 TITLE ONLY',
      'garbage that is not a title',
      '0 GOOD C', L1, L2,
      '0 TRUNCATED', L1.slice(0, 40), L2,
      '0 AT END',
    ];
    const { records, rejected } = parseElementFile(lines.join('\n'));
    expect(records.map((r) => r.name)).toEqual(['GOOD A', 'GOOD B', 'GOOD C']);
    expect(rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [5, 69, 'checksum'],
      [9, 1, 'missing-line-2'],
      [12, 1, 'orphan-line-2'],
      [13, 1, 'orphan-title'],
      [14, 1, 'orphan-title'],
      [19, 41, 'length'],
      [21, 1, 'orphan-title'],
    ]);
    expect(rejected[0]?.text).toBe(`0 BAD CHECKSUM\n${bad1}\n${L2}`);
  });

  it('regression (fuzz): a comment or blank line between title and line 1 orphans the title, keeping records contiguous', () => {
    const { records, rejected } = parseElementFile(['0 COSMOS 1827', '# note', L1, L2, '0 ISS', '', L1, L2].join('\n'));
    expect(records.map((r) => [r.name, r.source?.line])).toEqual([[undefined, 3], [undefined, 7]]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([[1, 'orphan-title'], [5, 'orphan-title']]);
  });

  it('detects the format from the first characters', () => {
    expect(detectElementFormat(' [{"EPOCH":1}]')).toBe('omm-json');
    expect(detectElementFormat('<?xml version="1.0"?><ndm/>')).toBe('omm-xml');
    expect(detectElementFormat('CCSDS_OMM_VERS = 3.0\n')).toBe('omm-kvn');
    expect(detectElementFormat('OBJECT_NAME,OBJECT_ID,EPOCH\n')).toBe('omm-csv');
    expect(detectElementFormat(`0 ISS\n${L1}\n${L2}`)).toBe('tle');
    expect(parseElementFile('')).toEqual({ records: [], rejected: [] });
    // a bare (CelesTrak-style) title that happens to look like comma-separated words is still a TLE file
    expect(detectElementFormat(`FOO,BAR\n${L1}\n${L2}`)).toBe('tle');
    expect(parseElementFile(`\uFEFF0 ISS\n${L1}\n${L2}`).records[0]?.name).toBe('ISS');
  });
});

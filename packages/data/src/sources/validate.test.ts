import fc from 'fast-check';
import { hasShared, readSharedText } from '#testing';
import { describe, expect, it } from 'vitest';
import { SourceError } from './errors.js';
import {
  SPACE_WEATHER_CSV_COLUMNS,
  looksLikeHtml,
  mjdToIsoDay,
  tleChecksum,
  validateFinals2000A,
  validateOmmJson,
  validateSpaceWeatherCsv,
  validateSpaceWeatherTxt,
  validateTleText,
} from './validate.js';
import { swTxtToCsv } from './test-fixtures.js';

const URL_ = 'http://127.0.0.1/test';

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SourceError) return e.kind;
    throw e;
  }
  return 'ok';
}

const HTML_PAGE = '<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>down</body></html>\n';

describe('looksLikeHtml', () => {
  it('recognises error pages and not data', () => {
    expect(looksLikeHtml(HTML_PAGE)).toBe(true);
    expect(looksLikeHtml('  <html>\n<body>x</body></html>')).toBe(true);
    expect(looksLikeHtml('[{"NORAD_CAT_ID":25544}]')).toBe(false);
    expect(looksLikeHtml('0 ISS (ZARYA)\n1 25544U')).toBe(false);
  });
});

describe('mjdToIsoDay', () => {
  it('matches known dates (MJD 51544 = 2000-01-01, 41684 = 1973-01-02 per finals2000A line 1)', () => {
    expect(mjdToIsoDay(51544)).toBe('2000-01-01');
    expect(mjdToIsoDay(41684)).toBe('1973-01-02');
    expect(mjdToIsoDay(0)).toBe('1858-11-17');
  });
});

describe.skipIf(!hasShared)('validators on the shared reference data', () => {
  it('accept the whole ISS gp_history 3LE file: 2,096 sets of 25544 (PROVENANCE.md count)', () => {
    const text = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz');
    const s = validateTleText(URL_, text);
    expect(s.records).toBe(2096);
    expect([...s.catalogNumbers]).toEqual(['25544']);
  });

  it('accept the CelesTrak OMM JSON sample: 40 records (PROVENANCE.md count)', () => {
    const s = validateOmmJson(URL_, readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json'));
    expect(s.records).toBe(40);
  });

  it('accept SW-All.txt: 25,162 observed + 45 daily + 180 monthly predicted rows (the file\'s NUM_ lines)', () => {
    const s = validateSpaceWeatherTxt(URL_, readSharedText('data', 'space-weather', 'sw19571001.txt.gz'));
    expect(s.rows).toBe(25162 + 45 + 180);
    expect(s.firstDay).toBe('1957-10-01');
    expect(s.lastDay).toBe('2041-10-01');
  });

  it('accept finals2000A.all: 20,005 daily rows from 1973-01-02 (MJD 41684)', () => {
    const s = validateFinals2000A(URL_, readSharedText('data', 'eop', 'finals2000A.all.gz'));
    expect(s.rows).toBe(20005);
    expect(s.firstMjd).toBe(41684);
    expect(s.lastMjd).toBe(41684 + 20004);
  });

  it('accept a CSV made from SW-All.txt rows and reject it cut inside a row', () => {
    const csv = swTxtToCsv(readSharedText('data', 'space-weather', 'sw19571001.txt.gz'), 20);
    const s = validateSpaceWeatherCsv(URL_, csv);
    expect(s.rows).toBe(20 * 3);
    expect(kindOf(() => validateSpaceWeatherCsv(URL_, csv.slice(0, csv.length - 30)))).toBe('truncated');
  });

  it('find every single-digit corruption of a TLE line through its checksum (property)', () => {
    const text = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz');
    const lines = text.split(/\r?\n/);
    const sets = Array.from({ length: 200 }, (_, k) => lines.slice(3 * k, 3 * k + 3));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 67 }), fc.integer({ min: 1, max: 9 }), (k, which, col, delta) => {
        const set = [...sets[k]!];
        const line = set[which]!;
        const c = line.charCodeAt(col);
        if (c < 48 || c > 57) return; // only digits change the checksum predictably
        set[which] = line.slice(0, col) + String.fromCharCode(48 + ((c - 48 + delta) % 10)) + line.slice(col + 1);
        expect(kindOf(() => validateTleText(URL_, set.join('\n')))).toBe('invalid-body');
      }),
      { numRuns: 300 },
    );
  });

  it('never accept a 3LE body cut mid-record, and count whole records when cut between them (property)', () => {
    const text = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz')
      .split(/\r?\n/)
      .slice(0, 30)
      .join('\n');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: text.length - 1 }), (cut) => {
        const body = text.slice(0, cut);
        const k = kindOf(() => validateTleText(URL_, body));
        const complete = body.split('\n').filter((l) => l.trim() !== '').length;
        if (k === 'ok') {
          // Only cuts at a record boundary (title + 2 lines) pass, and they hold whole records.
          expect(complete % 3).toBe(0);
          expect(validateTleText(URL_, body).records).toBe(complete / 3);
        } else {
          expect(['truncated', 'invalid-body']).toContain(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never accept OMM JSON cut anywhere (property)', () => {
    const text = readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.trimEnd().length - 1 }), (cut) => {
        expect(['truncated', 'invalid-body']).toContain(kindOf(() => validateOmmJson(URL_, text.slice(0, cut))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('validators reject what is not data, saying why', () => {
  it('HTML error pages, for every format', () => {
    for (const v of [validateTleText, validateOmmJson, validateSpaceWeatherTxt, validateSpaceWeatherCsv, validateFinals2000A]) {
      let message = '';
      try {
        v(URL_, HTML_PAGE);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain('HTML page');
      expect(message).toContain('503 Service Unavailable');
    }
  });

  it('an empty JSON array', () => {
    expect(() => validateOmmJson(URL_, '[]')).toThrow(/empty array/);
  });

  it('an empty body', () => {
    expect(() => validateTleText(URL_, '  \n')).toThrow(/empty body/);
  });

  it('OMM objects that lack SGP4 keywords', () => {
    expect(() => validateOmmJson(URL_, '[{"NORAD_CAT_ID": 25544}]')).toThrow(/lacks EPOCH/);
  });

  it('a SW-All.txt whose block is not closed', () => {
    const body = 'DATATYPE CssiSpaceWeather\nNUM_OBSERVED_POINTS 2\nBEGIN OBSERVED\n1957 10 01 1700 19\n';
    expect(kindOf(() => validateSpaceWeatherTxt(URL_, body))).toBe('truncated');
  });

  it('a CSV with the wrong header', () => {
    expect(() => validateSpaceWeatherCsv(URL_, 'DATE,F107\n2024-01-01,150\n')).toThrow(/header line/);
    expect(SPACE_WEATHER_CSV_COLUMNS).toHaveLength(31);
  });

  it('a finals2000A file with a day missing', () => {
    const l = (mjd: number): string => `73 1 2 ${mjd.toFixed(2)} I  0.120733`;
    expect(() => validateFinals2000A(URL_, [l(41684), l(41686)].join('\n'))).toThrow(/does not follow 41684/);
  });
});

describe('tleChecksum', () => {
  it('reproduces the published checksums of the Wikipedia ISS example', () => {
    const l1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
    const l2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';
    expect(tleChecksum(l1)).toBe(7);
    expect(tleChecksum(l2)).toBe(7);
  });
});

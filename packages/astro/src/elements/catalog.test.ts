/**
 * Every TLE of the shared Space-Track catalogs and the ISS history: parsed or rejected with a stated reason,
 * and reproduced character for character by formatting. Each file is read and parsed once.
 */
import { describe, expect, it } from 'vitest';
import { hasShared, readSharedText } from '#testing';
import { RAD_PER_DEG } from '../units/index.js';
import { format3le } from './tle-format.js';
import { formatEpochIso } from './epoch.js';
import { parseElementFile, splitLines } from './element-file.js';
import type { ElementFileResult } from './element-file.js';

const FILES = [
  'spacetrack_full_catalog_3le_2019-12-19.txt.gz',
  'spacetrack_full_catalog_3le_2022-07-15.txt.gz',
  'leo_payloads_3le_2026-06-10.txt.gz',
] as const;

/** Record counts from catalog/PROVENANCE.md and iss-tle-history/PROVENANCE.md. */
const EXPECTED_OBJECTS: Record<string, number> = {
  'spacetrack_full_catalog_3le_2019-12-19.txt.gz': 18_470,
  'spacetrack_full_catalog_3le_2022-07-15.txt.gz': 24_132,
  'leo_payloads_3le_2026-06-10.txt.gz': 16_032,
};

/** ±0.NNNNN×10^±E as ECMAScript's correctly rounded decimal parsing reads it. */
const expField = (f: string): number => Number(`${f[0] === '-' ? '-' : ''}0.${f.slice(1, 6)}e${f.slice(6, 8)}`);

function checkRoundTrip(text: string, result: ElementFileResult): number {
  const lines = splitLines(text);
  let checked = 0;
  for (const es of result.records) {
    const first = es.source?.line ?? 0;
    const [t, l1, l2] = format3le(es);
    const want = [lines[first - 1] ?? '', lines[first] ?? '', lines[first + 1] ?? ''] as const;
    if (t !== want[0] || l1 !== want[1] || l2 !== want[2]) expect.fail(`not reproduced:\n${want.join('\n')}\n${[t, l1, l2].join('\n')}`);
    // every value is the correctly rounded double of its decimal text (the parser divides exact integers)
    const a = want[1];
    const b = want[2];
    const same =
      es.epochDayOfYear === Number(a.slice(20, 32)) && Object.is(es.meanMotionDot, Number(`${a[33] === '-' ? '-' : ''}0${a.slice(34, 43)}`)) &&
      Object.is(es.meanMotionDdot, expField(a.slice(44, 52))) && Object.is(es.bstar, expField(a.slice(53, 61))) &&
      es.inclinationRad === Number(b.slice(8, 16)) * RAD_PER_DEG && es.raanRad === Number(b.slice(17, 25)) * RAD_PER_DEG &&
      es.eccentricity === Number(`0.${b.slice(26, 33)}`) && es.argPerigeeRad === Number(b.slice(34, 42)) * RAD_PER_DEG &&
      es.meanAnomalyRad === Number(b.slice(43, 51)) * RAD_PER_DEG && es.meanMotionRevPerDay === Number(b.slice(52, 63));
    if (!same) expect.fail(`values differ from the decimal text:\n${a}\n${b}`);
    checked++;
  }
  return checked;
}

describe.skipIf(!hasShared)('shared catalogs', () => {
  for (const file of FILES) {
    it(`${file}: every record parses and round-trips exactly`, () => {
      const text = readSharedText('data', 'catalog', file);
      const result = parseElementFile(text);
      expect(result.rejected).toEqual([]);
      expect(result.records.length).toBe(EXPECTED_OBJECTS[file]);
      expect(checkRoundTrip(text, result)).toBe(EXPECTED_OBJECTS[file]);
      for (const es of result.records) {
        expect(es.source?.format).toBe('3le');
        expect(Number.isFinite(es.epochUtc.jd1 + es.epochUtc.jd2)).toBe(true);
      }
      if (file.includes('2022')) {
        const alpha5 = result.records.filter((r) => r.noradId >= 100_000);
        expect(alpha5.length).toBe(273); // PROVENANCE: 273 Alpha-5 numbers, all T-series
        for (const r of alpha5) {
          const printed = (r.source?.text.split('\n')[1] ?? '').slice(2, 7);
          expect(printed[0]).toBe('T');
          expect(r.noradId).toBe(270_000 + Number(printed.slice(1)));
        }
        expect(new Set(result.records.map((r) => r.noradId)).size).toBe(24_132);
      }
    });
  }

  it('ISS gp_history (CRLF): 2096 sets parse, round-trip, and stay in epoch order', () => {
    const text = readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz');
    const result = parseElementFile(text);
    expect(result.rejected).toEqual([]);
    expect(result.records.length).toBe(2096);
    expect(checkRoundTrip(text, result)).toBe(2096);
    let prev = -Infinity;
    for (const es of result.records) {
      expect(es.noradId).toBe(25544);
      expect(es.name).toBe('ISS (ZARYA)');
      const jd = es.epochUtc.jd1 + es.epochUtc.jd2;
      expect(jd).toBeGreaterThanOrEqual(prev);
      prev = jd;
    }
    // PROVENANCE: epochs 2021-01-01 05:19:37 .. 2022-03-03 16:59:58 UTC; JD 2459215.72196 .. 2459642.20831
    const first = result.records[0];
    const last = result.records[result.records.length - 1];
    // 1e-8 day (0.9 ms) is the TLE's printed epoch resolution
    expect(Math.abs((first?.epochUtc.jd1 ?? 0) + (first?.epochUtc.jd2 ?? 0) - (2_459_215.5 + 0.22196045))).toBeLessThan(1e-8);
    expect(formatEpochIso(last?.epochYear ?? 0, last?.epochDayOfYear ?? 0, 0)).toBe('2022-03-03T16:59:58');
  });
});

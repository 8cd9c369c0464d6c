/** Pass tables: builder growth, truncation flags, joining chunks in any order (property test), row access. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinPassColumns, passesOfObserver, passRow, PassTableBuilder, RISE_BEFORE_START, SET_AFTER_END, type PassColumns, type PassRow } from './pass-table.js';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const passArb = fc.record({
  riseS: fc.option(finite, { nil: null }),
  culminationS: finite,
  setS: fc.option(finite, { nil: null }),
  maxElevationRad: finite,
  culminationAzimuthRad: finite,
  culminationRangeKm: finite,
  riseAz: finite,
  setAz: finite,
});

describe('pass tables', () => {
  it('round trip: rows pushed per observer come back per observer, whatever the chunking and chunk order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(passArb, { maxLength: 5 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 1_000 }),
        (perObserver, chunkSize, shuffleSeed) => {
          const expected: PassRow[][] = perObserver.map((ps, o) => ps.map((p) => ({
            observer: o, riseS: p.riseS, culminationS: p.culminationS, setS: p.setS, maxElevationRad: p.maxElevationRad,
            riseAzimuthRad: p.riseS === null ? null : p.riseAz, culminationAzimuthRad: p.culminationAzimuthRad,
            setAzimuthRad: p.setS === null ? null : p.setAz, culminationRangeKm: p.culminationRangeKm,
          })));
          const chunks: PassColumns[] = [];
          for (let first = 0; first < perObserver.length; first += chunkSize) {
            const b = new PassTableBuilder(1);
            for (let o = first; o < Math.min(perObserver.length, first + chunkSize); o++) {
              for (const r of expected[o]!) b.push(o, r, 86_400);
            }
            chunks.push(b.columns());
          }
          // workers finish in any order
          const rotated = chunks.map((_, i) => chunks[(i + shuffleSeed) % chunks.length]!);
          const table = joinPassColumns(rotated, perObserver.length);
          expect(table.count).toBe(expected.flat().length);
          expected.forEach((rows, o) => expect(passesOfObserver(table, o)).toEqual(rows));
        },
      ),
      { seed: 4, numRuns: 200 },
    );
  });

  it('stores truncated passes with finite window edges and flags', () => {
    const b = new PassTableBuilder();
    b.push(0, { riseS: null, culminationS: 0, setS: 120, maxElevationRad: 0.2, riseAzimuthRad: null, culminationAzimuthRad: 1, setAzimuthRad: 2, culminationRangeKm: 900 }, 86_400);
    b.push(0, { riseS: 86_000, culminationS: 86_400, setS: null, maxElevationRad: 0.1, riseAzimuthRad: 3, culminationAzimuthRad: 4, setAzimuthRad: null, culminationRangeKm: 1200 }, 86_400);
    const c = b.columns();
    expect(Array.from(c.flags)).toEqual([RISE_BEFORE_START, SET_AFTER_END]);
    expect(c.riseS[0]).toBe(0);
    expect(c.setS[1]).toBe(86_400);
    for (const col of [c.riseS, c.setS, c.riseAzimuthRad, c.setAzimuthRad]) expect(col.every(Number.isFinite)).toBe(true);
    expect(passRow(c, 0).riseS).toBeNull();
    expect(passRow(c, 1).setS).toBeNull();
    expect(passRow(c, 1).setAzimuthRad).toBeNull();
  });

  it('rejects overlapping chunks, unknown observers and out-of-range rows', () => {
    const a = new PassTableBuilder();
    const p = { riseS: 1, culminationS: 2, setS: 3, maxElevationRad: 0, riseAzimuthRad: 0, culminationAzimuthRad: 0, setAzimuthRad: 0, culminationRangeKm: 500 };
    a.push(0, p, 10);
    a.push(2, p, 10);
    const b = new PassTableBuilder();
    b.push(1, p, 10);
    expect(() => joinPassColumns([a.columns(), b.columns()], 3)).toThrow(RangeError);
    expect(() => joinPassColumns([a.columns()], 2)).toThrow(RangeError);
    const t = joinPassColumns([a.columns()], 3);
    expect(() => passRow(t, 2)).toThrow(RangeError);
    expect(() => passesOfObserver(t, 3)).toThrow(RangeError);
    expect(passesOfObserver(t, 1)).toEqual([]);
  });
});

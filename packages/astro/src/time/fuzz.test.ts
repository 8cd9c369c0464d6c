/**
 * Fuzzing: ≥ 100 000 mutated inputs in total across the time parsers. Each may succeed or throw ParseError /
 * RangeError — never anything else, and a success never carries a non-finite number.
 */
import { hasShared, readSharedText } from '#testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/index.js';
import { parseFinals2000A } from './finals2000a.js';
import { parseLeapSecondDat, parseLeapSecondsList, parseTaiUtcDat } from './leap-second-files.js';
import { createTimeScales } from './time-scales.js';

/** One edit of a text: replace, insert or delete a character, or cut the text short. */
const edit = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate', 'duplicate-line'),
  at: fc.nat(),
  char: fc.constantFrom(...'0123456789 .,+-:TZtz#@\n\rIPJANX=eE\u00a0\u2212é'.split('')),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: readonly Edit[]): string {
  let s = text;
  for (const e of edits) {
    const i = s.length === 0 ? 0 : e.at % (s.length + 1);
    if (e.kind === 'replace') s = s.slice(0, i) + e.char + s.slice(i + 1);
    else if (e.kind === 'insert') s = s.slice(0, i) + e.char + s.slice(i);
    else if (e.kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
    else if (e.kind === 'truncate') s = s.slice(0, i);
    else {
      const lines = s.split('\n');
      const k = e.at % lines.length;
      lines.splice(k, 0, lines[k] ?? '');
      s = lines.join('\n');
    }
  }
  return s;
}

let total = 0;
function fuzz(name: string, seeds: readonly string[], parse: (text: string) => unknown, numRuns: number): void {
  it(`${name}: ${numRuns} mutated inputs throw only ParseError/RangeError`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        total++;
        const text = mutate(seed, edits);
        try {
          assertFinite(parse(text));
        } catch (e) {
          if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
          if (e instanceof ParseError) {
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns, seed: 20_261_125 + numRuns },
    );
  });
}

/** Walks a result: every number must be finite (typed arrays included). */
function assertFinite(value: unknown): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number ${value} in a parse result`);
  } else if (value instanceof Float64Array) {
    for (const v of value) assertFinite(v);
  } else if (Array.isArray(value)) {
    for (const v of value) assertFinite(v);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const v of Object.values(value)) assertFinite(v);
  }
}

describe('fuzzing the time parsers', () => {
  const ts = createTimeScales({ onWarning: () => undefined });
  fuzz(
    'ISO 8601',
    ['2016-12-31T23:59:60.5Z', '2024-03-01T12:34:56.789+05:30', '1999-12-31 23:59:59,999999', '2024-03-01', '1965-09-01T12:00-0330'],
    (text) => {
      const t = ts.fromUtcIso(text);
      return [t.taiJd1, t.taiJd2, ts.toIsoUtc(t, 9).length];
    },
    50_000,
  );

  const shared = (name: string, fallback: string): string => (hasShared ? readSharedText('data', 'eop', name) : fallback);
  fuzz('Leap_Second.dat', [shared('Leap_Second.dat', '# File expires on 28 June 2027\n    41317.0    1  1 1972       10\n')], parseLeapSecondDat, 15_000);
  fuzz('leap-seconds.list', [shared('leap-seconds.list', '#@\t3991593600\n2272060800\t10\t# 1 Jan 1972\n')], parseLeapSecondsList, 15_000);
  fuzz(
    'tai-utc.dat',
    [shared('tai-utc.dat', ' 1961 JAN  1 =JD 2437300.5  TAI-UTC=   1.4228180 S + (MJD - 37300.) X 0.001296 S\n')],
    parseTaiUtcDat,
    15_000,
  );

  // A slice of finals2000A.all: the first rows, a leap-second boundary, the I→P switch and date-only rows.
  const finalsSeed = ((): string => {
    if (!hasShared) {
      return '73 1 2 41684.00 I  0.120733 0.009786  0.136966 0.015902  I 0.8084178 0.0002710  0.0000 0.1916  P    -0.766    0.199    -0.720    0.300\n';
    }
    const lines = readSharedText('data', 'eop', 'finals2000A.all.gz').split('\n');
    return [...lines.slice(0, 4), ...lines.slice(19_578, 19_584), ...lines.slice(19_998, 20_002)].join('\n');
  })();
  fuzz('finals2000A', [finalsSeed], (text) => parseFinals2000A(text), 15_000);

  it('ran at least 100 000 inputs in total', () => {
    expect(total).toBeGreaterThanOrEqual(100_000);
  });
});

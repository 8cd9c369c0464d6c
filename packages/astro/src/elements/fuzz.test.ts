/**
 * Fuzzing: 100,000+ mutated inputs built from real records (bit flips, random bytes, column shifts by
 * insertion and deletion, truncation, line drops and swaps, digit changes with the checksum repaired so the
 * deeper field checks are reached). Properties:
 * - `parseTle` only ever throws ParseError (or RangeError); `parseElementFile` never throws at all;
 * - no returned record holds a NaN or infinity;
 * - whatever is accepted is reproduced character for character by formatting (the parser accepts only text
 *   it can write back).
 * A seeded generator keeps the run reproducible; the seed is in the test name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasShared, readSharedText } from '#testing';
import { ParseError } from '../errors/index.js';
import { tleChecksum } from './checksum.js';
import type { ElementSet } from './element-set.js';
import { parseElementFile, splitLines } from './element-file.js';
import { formatOmmCsv } from './omm-csv.js';
import { formatOmmJson } from './omm-json.js';
import { formatOmmKvn } from './omm-kvn.js';
import { formatOmmXml } from './omm-xml.js';
import { format3le, formatTle } from './tle-format.js';
import { parseTle } from './tle-parse.js';

const SEED = 20_260_610;

/** mulberry32: a small, fast, seedable PRNG (Tommy Ettinger, public domain). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
const pick = (rng: Rng, n: number): number => Math.floor(rng() * n);
const PRINTABLE = ' 0123456789.+-ABCTUZIO<>&"\',=:[]{}#\t';

function mutate(rng: Rng, s: string): string {
  if (s.length === 0) return String.fromCharCode(pick(rng, 256));
  const i = pick(rng, s.length);
  switch (pick(rng, 8)) {
    case 0: // bit flip
      return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << pick(rng, 8))) + s.slice(i + 1);
    case 1: // random byte (or an astral character now and then)
      return s.slice(0, i) + (rng() < 0.05 ? '\u{1F680}' : String.fromCharCode(pick(rng, 256))) + s.slice(i + 1);
    case 2: // column shift right
      return s.slice(0, i) + (PRINTABLE[pick(rng, PRINTABLE.length)] ?? ' ') + s.slice(i);
    case 3: // column shift left
      return s.slice(0, i) + s.slice(i + 1);
    case 4: // truncation
      return s.slice(0, i);
    case 5: { // another digit
      const c = s.charCodeAt(i);
      return c >= 48 && c <= 57 ? s.slice(0, i) + String(pick(rng, 10)) + s.slice(i + 1) : s;
    }
    case 6: { // drop or duplicate a line
      const lines = s.split('\n');
      const k = pick(rng, lines.length);
      if (rng() < 0.5) lines.splice(k, 1);
      else lines.splice(k, 0, lines[k] ?? '');
      return lines.join('\n');
    }
    default: { // swap two lines
      const lines = s.split('\n');
      const a = pick(rng, lines.length);
      const b = pick(rng, lines.length);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
  }
}

/** Recomputes column 69 of every TLE-looking line, so mutations get past the checksum into the fields. */
function repairChecksums(text: string): string {
  return text.split('\n').map((l) => (l.length === 69 && (l[0] === '1' || l[0] === '2') ? l.slice(0, 68) + String(tleChecksum(l)) : l)).join('\n');
}

const NUMERIC: (keyof ElementSet)[] = [
  'noradId', 'epochYear', 'epochDayOfYear', 'meanMotionRevPerDay', 'meanMotionDot', 'meanMotionDdot', 'bstar',
  'inclinationRad', 'raanRad', 'eccentricity', 'argPerigeeRad', 'meanAnomalyRad', 'ephemerisType', 'elementSetNo', 'revNumber',
];

function assertFinite(es: ElementSet): void {
  for (const k of NUMERIC) {
    const v = es[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) expect.fail(`${k} = ${String(v)} is not finite`);
  }
  if (!Number.isFinite(es.epochUtc.jd1) || !Number.isFinite(es.epochUtc.jd2)) expect.fail('epochUtc is not finite');
}

function onlyTypedErrors(f: () => void, input: string): void {
  try {
    f();
  } catch (e) {
    if (e instanceof ParseError || e instanceof RangeError) return;
    expect.fail(`untyped ${String(e)} for input ${JSON.stringify(input)}`);
  }
}

describe.skipIf(!hasShared)(`fuzzing the element parsers (seed ${SEED})`, () => {
  const catalog = splitLines(readSharedText('data', 'catalog', 'spacetrack_full_catalog_3le_2019-12-19.txt.gz'));
  const iss = splitLines(readSharedText('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz'));
  const seeds: string[] = [];
  // every 61st record of the 2019 catalog (all its quirks: blank padding, + signs, zero padding), ISS sets
  for (let i = 0; i + 2 < catalog.length; i += 3 * 61) seeds.push(catalog.slice(i, i + 3).join('\n'));
  for (let i = 0; i + 2 < iss.length; i += 3 * 100) seeds.push(iss.slice(i, i + 3).join('\n'));
  const sets2022 = parseElementFile(readSharedText('data', 'catalog', 'spacetrack_full_catalog_3le_2022-07-15.txt.gz')).records;
  for (const es of sets2022.filter((r) => r.noradId >= 100_000).slice(0, 30)) seeds.push(format3le(es).join('\n'));
  const omm = parseElementFile(readSharedText('data', 'iss-tle-history', 'ISS_25544_2024-09_celestrak_omm_sample40.json')).records;
  const ommSeeds: string[] = [];
  for (const sets of [omm.slice(0, 1), omm.slice(1, 3)]) {
    ommSeeds.push(formatOmmJson(sets, 1), formatOmmXml(sets), formatOmmKvn(sets), formatOmmCsv(sets));
  }

  it('70,000 mutated TLE/3LE records: typed errors only, finite values, accepted text reproduced exactly', () => {
    const rng = prng(SEED);
    let accepted = 0;
    let inputs = 0;
    for (let n = 0; n < 70_000; n++) {
      let text = seeds[pick(rng, seeds.length)] ?? '';
      const rounds = 1 + pick(rng, 3);
      for (let r = 0; r < rounds; r++) text = mutate(rng, text);
      if (rng() < 0.6) text = repairChecksums(text);
      inputs++;
      const lines = text.split('\n');
      const l1 = lines[1] ?? '';
      const l2 = lines[2] ?? '';
      const bare = (l: string): string => l.replace(/[\r\n]+$/, ''); // parseTle ignores a line terminator
      onlyTypedErrors(() => {
        const es = parseTle(l1, l2);
        assertFinite(es);
        accepted++;
        const [f1, f2] = formatTle(es);
        if (f1 !== bare(l1) || f2 !== bare(l2)) expect.fail(`accepted but not reproduced:\n${l1}\n${f1}\n${l2}\n${f2}`);
      }, text);
      const { records } = parseElementFile(text);
      const fileLines = splitLines(text); // CR counts as a line end there, as a mutation may insert one
      for (const es of records) {
        assertFinite(es);
        const first = (es.source?.line ?? 1) - 1;
        const want = es.source?.format === '3le' ? fileLines.slice(first, first + 3) : fileLines.slice(first, first + 2);
        const got = es.source?.format === '3le' ? format3le(es) : formatTle(es);
        if (got.join("\n") !== want.join("\n")) expect.fail(`file record not reproduced: ${JSON.stringify(text)} ${JSON.stringify(es.source)}`);
      }
    }
    expect(inputs).toBe(70_000);
    // the repaired-checksum half must reach the accepting path often enough to mean something
    expect(accepted).toBeGreaterThan(5_000);
  });

  it('30,000 mutated OMM texts (JSON, XML, KVN, CSV): never a throw, never a non-finite value', () => {
    const rng = prng(SEED + 1);
    let records = 0;
    for (let n = 0; n < 30_000; n++) {
      let text = ommSeeds[n % ommSeeds.length] ?? '';
      const rounds = 1 + pick(rng, 3);
      for (let r = 0; r < rounds; r++) text = mutate(rng, text);
      const result = parseElementFile(text);
      for (const es of result.records) assertFinite(es);
      for (const rej of result.rejected) {
        if (!(rej.line >= 1 && rej.column >= 1)) expect.fail(`rejection without a position: ${JSON.stringify(rej)}`);
      }
      records += result.records.length;
    }
    expect(records).toBeGreaterThan(5_000);
  });
});

describe('fast-check fuzzing of arbitrary text', () => {
  const prefixes = ['', '0 ', '1 ', '2 ', '[', '{', '<', 'CCSDS_OMM_VERS = 2.0\n', 'OBJECT_NAME,EPOCH\n'];
  it('parseElementFile never throws and returns only finite records for arbitrary text in every detected format', () => {
    fc.assert(
      fc.property(fc.constantFrom(...prefixes), fc.string({ unit: 'binary', maxLength: 300 }), (prefix, body) => {
        const { records, rejected } = parseElementFile(prefix + body);
        for (const es of records) assertFinite(es);
        for (const r of rejected) if (!(r.line >= 1 && r.column >= 1)) expect.fail(`rejection without a position: ${JSON.stringify(r)}`);
      }),
      { numRuns: 3000 },
    );
  });
  it('parseTle throws only ParseError for arbitrary 69-character lines', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 69, maxLength: 69 }), fc.string({ minLength: 69, maxLength: 69 }), (a, b) => {
        onlyTypedErrors(() => assertFinite(parseTle(`1 ${a.slice(2)}`, `2 ${b.slice(2)}`, undefined, { verifyChecksum: false })), a + b);
      }),
      { numRuns: 3000 },
    );
  });
});

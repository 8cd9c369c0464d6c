/**
 * SGP4 against the authorities:
 * - Vallado's C++ reference output `tcppver.out` for the 33 cases of `SGP4-VER.TLE` (Vallado, Crawford, Hujsak
 *   & Kelso 2006, AIAA 2006-6753; files as distributed with python-sgp4, see the shared PROVENANCE.md);
 * - python-sgp4 2.15 on 50 real catalog objects (`reference/sgp4-catalog.json`).
 * Tolerances: 2e-7 km and 1e-9 km/s — the printed precision of tcppver.out (8 and 9 decimals) plus the
 * spread between independent exact ports (satellite.js 7.1 and python-sgp4 reach 1.2e-7 km, 8.5e-10 km/s).
 */
import { describe, expect, it } from 'vitest';
import { hasShared, readSharedJson, readSharedText } from '#testing';
import { parseTle } from '../elements/index.js';
import { Sgp4, type Sgp4Elements } from './index.js';

/** The verification set has hand-edited lines (bad checksums) and start/stop/step after column 69. */
function readTle(line1: string, line2: string): Sgp4Elements {
  return parseTle(line1, line2, undefined, { verifyChecksum: false, trailingText: 'ignore' });
}

interface Case { line1: string; line2: string; start: number; stop: number; step: number }
interface Row { t: number; r: [number, number, number]; v: [number, number, number] }

function readCases(text: string): Case[] {
  const cases: Case[] = [];
  let line1 = '';
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('1 ')) line1 = raw;
    else if (raw.startsWith('2 ')) {
      const [start, stop, step] = raw.slice(69).trim().split(/\s+/).map(Number) as [number, number, number];
      cases.push({ line1, line2: raw.slice(0, 69), start, stop, step });
    }
  }
  return cases;
}

function readBlocks(text: string): { norad: number; rows: Row[] }[] {
  const blocks: { norad: number; rows: Row[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('xx')) blocks.push({ norad: Number(line.split(/\s+/)[0]), rows: [] });
    else if (line.trim() !== '') {
      const f = line.trim().split(/\s+/).slice(0, 7).map(Number);
      blocks.at(-1)!.rows.push({ t: f[0]!, r: [f[1]!, f[2]!, f[3]!], v: [f[4]!, f[5]!, f[6]!] });
    }
  }
  return blocks;
}

/** Times the reference test driver (testcpp / python-sgp4 tests.py) requests: 0, then start..stop by step, then stop. */
function driverTimes(c: Case): number[] {
  const times = [0];
  let t = c.start;
  while (t <= c.stop) {
    if (!(t === c.start && t === 0)) times.push(t);
    t += c.step;
  }
  if (t - c.stop < c.step - 1e-6) times.push(c.stop);
  return times;
}

/**
 * Codes where the reference stops, in file order (22312, 28350, 28872, 29141, 33333, 33334, 20413 long run):
 * python-sgp4's tests.py, which reproduces tcppver.out, lists exactly these.
 */
const EXPECTED_STOPS: ReadonlyMap<string, number> = new Map([
  ['22312', 1], ['28350', 1], ['28872', 6], ['29141', 6], ['33333', 4], ['33334', 3], ['20413#2', 6],
]);

const POSITION_TOL_KM = 2e-7; // printed 8 decimals + spread between exact ports (1.2e-7 km)
const VELOCITY_TOL_KM_S = 1e-9; // printed 9 decimals + spread between exact ports (8.5e-10 km/s)

describe.skipIf(!hasShared)('SGP4 vs Vallado C++ (tcppver.out)', () => {
  const cases = hasShared ? readCases(readSharedText('data', 'sgp4-verification', 'SGP4-VER.TLE')) : [];
  const blocks = hasShared ? readBlocks(readSharedText('data', 'sgp4-verification', 'tcppver.out')) : [];

  it('has 33 cases and 33 reference blocks', () => {
    expect(cases.length).toBe(33);
    expect(blocks.length).toBe(33);
  });

  it('matches every printed sample and stops with the reference code', () => {
    let worstR = 0;
    let worstV = 0;
    let compared = 0;
    const stops = new Map<string, number>();
    const seen = new Set<string>();
    cases.forEach((c, i) => {
      const block = blocks[i]!;
      const sat = Sgp4.fromElements(readTle(c.line1, c.line2));
      expect(sat.noradId).toBe(block.norad);
      const key = seen.has(String(block.norad)) ? `${block.norad}#2` : String(block.norad);
      seen.add(String(block.norad));
      const times = driverTimes(c);
      let printed = 0;
      for (const t of times) {
        const res = sat.propagateMinutes(t);
        if (res.code !== 0) {
          stops.set(key, res.code);
          break;
        }
        const row = block.rows[printed]!;
        expect(row, `${key} t=${t}: reference printed no row`).toBeDefined();
        expect(Math.abs(row.t - t)).toBeLessThan(1e-8); // same requested time (printed to 8 decimals)
        for (let a = 0; a < 3; a++) {
          worstR = Math.max(worstR, Math.abs(res.positionKm[a]! - row.r[a]!));
          worstV = Math.max(worstV, Math.abs(res.velocityKmS[a]! - row.v[a]!));
        }
        printed++;
        compared++;
      }
      // The reference printed exactly the rows we found valid — except 33334, whose t = 0 row tcppver.out
      // prints from stale buffers although its t = 0 call fails (python-sgp4 tests.py notes the same).
      if (key !== '33334') expect(printed, `${key} printed rows`).toBe(block.rows.length);
    });
    expect(Object.fromEntries(stops)).toEqual(Object.fromEntries(EXPECTED_STOPS));
    // 700 lines − 33 headers − the stale 33334 row = 666 states, as python-sgp4's peer check counts.
    expect(compared).toBe(666);
    console.info(`tcppver.out: ${compared} states, worst |Δr| ${worstR.toExponential(2)} km, |Δv| ${worstV.toExponential(2)} km/s`);
    expect(worstR).toBeLessThan(POSITION_TOL_KM);
    expect(worstV).toBeLessThan(VELOCITY_TOL_KM_S);
  });
});

interface CatalogObject {
  id: string; norad: number; line1: string; line2: string; category: string;
  states: { tsince_min: number; error: number; r_km: number[] | null; v_km_s: number[] | null }[];
}

describe.skipIf(!hasShared)('SGP4 vs python-sgp4 2.15 on real catalog objects (sgp4-catalog.json)', () => {
  it('matches position, velocity and error code of all 50 objects × 4 times', () => {
    const fixture = readSharedJson<{ objects: CatalogObject[] }>('reference', 'sgp4-catalog.json');
    expect(fixture.objects.length).toBe(50);
    let worstR = 0;
    let worstV = 0;
    let compared = 0;
    for (const o of fixture.objects) {
      const sat = Sgp4.fromElements(readTle(o.line1, o.line2));
      for (const s of o.states) {
        const res = sat.propagateMinutes(s.tsince_min);
        // Exact code, default guards included: the decay guard never fires on these real objects.
        expect(res.code, `${o.id} ${o.norad} t=${s.tsince_min}`).toBe(s.error);
        if (s.r_km === null || s.v_km_s === null) continue;
        for (let a = 0; a < 3; a++) {
          worstR = Math.max(worstR, Math.abs(res.positionKm[a]! - s.r_km[a]!));
          worstV = Math.max(worstV, Math.abs(res.velocityKmS[a]! - s.v_km_s[a]!));
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
    console.info(`sgp4-catalog.json: ${compared} states, worst |Δr| ${worstR.toExponential(2)} km, |Δv| ${worstV.toExponential(2)} km/s`);
    expect(worstR).toBeLessThan(POSITION_TOL_KM);
    expect(worstV).toBeLessThan(VELOCITY_TOL_KM_S);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, readSharedJson, sharedPath } from '#testing';
import { UsageError, type CliIo } from '../io.js';
import { passesCommand } from './passes.js';

const L1 = '1 25544U 98067A   21041.57615741  .00001759  00000-0  40135-4 0  9993';
const L2 = '2 25544  51.6448 248.9575 0002608 358.5155  49.0474 15.48952309268974';

function setup(): { dir: string; io: CliIo; out: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'sk-passes-'));
  writeFileSync(join(dir, 'iss.tle'), `ISS (ZARYA)\n${L1}\n${L2}\n`);
  let out = '';
  const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {}, cwd: dir };
  return { dir, io, out: () => out };
}

const base = ['--elements', 'iss.tle', '--lat', '51.5074', '--lon', '-0.1278', '--height-m', '11', '--from', '2021-02-10T13:49:40.000Z', '--days', '10'];

interface RefPass { rise: { utc: string } | null; set: { utc: string } | null; max_elevation_deg: number; visible: boolean; visible_borderline: boolean }

describe('stationkeeper passes', () => {
  it('prints JSON with the contract fields and says UT1 = UTC without --eop', async () => {
    const s = setup();
    expect(await passesCommand.run([...base, '--days', '1', '--format', 'json'], s.io)).toBe(0);
    const doc = JSON.parse(s.out()) as { earthOrientation: string; passes: Record<string, unknown>[] };
    expect(doc.earthOrientation).toContain('UT1 = UTC');
    expect(doc.passes.length).toBeGreaterThan(3);
    for (const p of doc.passes) {
      for (const k of ['rise', 'culmination', 'set']) {
        const e = p[k] as Record<string, unknown>;
        expect(typeof e['time']).toBe('string');
        expect(e['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        for (const f of ['azimuthDeg', 'elevationDeg', 'rangeKm']) expect(typeof e[f]).toBe('number');
      }
      for (const f of ['visible', 'visibleStart', 'visibleEnd', 'maxMagnitude']) expect(f in p).toBe(true);
    }
  });

  it.skipIf(!hasShared)('matches the shared reference (London, Feb 2021) with --eop: rise/set ≤ 0.1 s, visible flags', async () => {
    const s = setup();
    const eop = sharedPath('data', 'eop', 'finals2000A.all.gz');
    expect(await passesCommand.run([...base, '--eop', eop, '--format', 'json'], s.io)).toBe(0);
    const doc = JSON.parse(s.out()) as { earthOrientation: string; passes: { rise: { time: string }; set: { time: string }; maxElevationDeg: number; visible: boolean }[] };
    expect(doc.earthOrientation).toContain('EOP');
    const ref = readSharedJson<{ pairs: { id: string; passes_0deg: RefPass[] }[] }>('reference', 'passes.json').pairs.find((p) => p.id === 'S-P01')!;
    expect(doc.passes.length).toBe(ref.passes_0deg.length);
    doc.passes.forEach((p, i) => {
      const r = ref.passes_0deg[i]!;
      expect(Math.abs(Date.parse(p.rise.time) - Date.parse(r.rise!.utc))).toBeLessThanOrEqual(100); // 0.1 s, in ms
      expect(Math.abs(Date.parse(p.set.time) - Date.parse(r.set!.utc))).toBeLessThanOrEqual(100);
      expect(Math.abs(p.maxElevationDeg - r.max_elevation_deg)).toBeLessThan(0.01); // 0.01°: acceptance
      if (!r.visible_borderline) expect(p.visible).toBe(r.visible);
    });
  });

  it('--visible-only keeps only visible passes; table and csv render', async () => {
    const s = setup();
    expect(await passesCommand.run([...base, '--visible-only', '--format', 'json'], s.io)).toBe(0);
    const doc = JSON.parse(s.out()) as { passes: { visible: boolean; maxMagnitude: number | null }[] };
    expect(doc.passes.length).toBeGreaterThan(0);
    for (const p of doc.passes) {
      expect(p.visible).toBe(true);
      expect(p.maxMagnitude).not.toBeNull();
      expect(p.maxMagnitude!).toBeLessThan(5); // a sunlit ISS at ≤ 2500 km is a naked-eye object
    }
    const t = setup();
    expect(await passesCommand.run([...base, '--days', '1'], t.io)).toBe(0);
    expect(t.out()).toContain('UT1 = UTC');
    expect(t.out()).toMatch(/\d+ passes/);
    const c = setup();
    expect(await passesCommand.run([...base, '--days', '1', '--format', 'csv'], c.io)).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines[0]).toContain('rise_utc');
    expect(lines.length).toBeGreaterThan(3);
  });

  it('rejects bad flags with UsageError', async () => {
    const s = setup();
    await expect(passesCommand.run(['--lat', '91', ...base.slice(4)], s.io)).rejects.toThrow(UsageError);
    await expect(passesCommand.run([...base, '--format', 'xml'], s.io)).rejects.toThrow(UsageError);
    await expect(passesCommand.run([...base, '--bogus'], s.io)).rejects.toThrow(UsageError);
    await expect(passesCommand.run([...base, '--days', 'x'], s.io)).rejects.toThrow(UsageError);
    await expect(passesCommand.run([...base, '--norad', '5'], s.io)).rejects.toThrow(UsageError);
    await expect(passesCommand.run(['--elements', 'missing.tle', ...base.slice(2)], s.io)).rejects.toThrow(UsageError);
    await expect(passesCommand.run([...base, '--from', 'yesterday'], s.io)).rejects.toThrow(UsageError);
  });
});

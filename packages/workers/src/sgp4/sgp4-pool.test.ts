/**
 * Sgp4WorkerPool against the single-threaded batch (itself verified against Vallado's tcppver.out and
 * python-sgp4 in packages/astro/src/sgp4): identical numbers and codes, whatever the chunking. The worker
 * script is compiled JS (dist/), so this runs after `npm run build` (which `npm test` does first).
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { hasShared, readSharedText } from '#testing';
import { parseTle, type ElementSet } from '@stationkeeper/astro/elements';
import { Sgp4Catalog, allocateSgp4States, propagateCatalog } from '@stationkeeper/astro/sgp4';
import { Sgp4WorkerPool } from './sgp4-pool.js';

const built = existsSync(new URL('../../dist/sgp4/sgp4-worker.js', import.meta.url));
if (!built) console.warn('[workers] dist/sgp4/sgp4-worker.js missing: run `npm run build`; pool tests SKIPPED.');

describe.skipIf(!built || !hasShared)('Sgp4WorkerPool', () => {
  const lines = hasShared ? readSharedText('data', 'catalog', 'spacetrack_full_catalog_3le_2022-07-15.txt.gz').split(/\r?\n/) : [];
  const elements: ElementSet[] = [];
  for (let i = 0; i + 1 < lines.length && elements.length < 600; i += 1) {
    if (lines[i]!.startsWith('1 ') && lines[i + 1]!.startsWith('2 ')) elements.push(parseTle(lines[i]!, lines[i + 1]!));
  }
  const pool = built ? Sgp4WorkerPool.create(2) : undefined;
  afterAll(async () => pool?.close());

  it('gives results identical to propagateCatalog (600 catalog objects × 97 times, chunks of 7)', async () => {
    const catalog = Sgp4Catalog.fromElements(elements);
    const minutes = Float64Array.from({ length: 97 }, (_, k) => k * 15 - 240);
    const ref = propagateCatalog(catalog, minutes, allocateSgp4States(catalog.count * minutes.length));
    const out = await pool!.propagate(catalog, minutes, { chunkSize: 7 });
    expect(Buffer.from(out.codes).equals(Buffer.from(ref.codes))).toBe(true);
    for (const k of ['x', 'y', 'z', 'vx', 'vy', 'vz'] as const) {
      expect(Buffer.from(out[k].buffer).equals(Buffer.from(ref[k].buffer)), k).toBe(true);
    }
    expect(ref.codes.some((c) => c === 0)).toBe(true);
  });

  it('rejects non-shared outputs and honours an aborted signal', async () => {
    const catalog = Sgp4Catalog.fromElements(elements.slice(0, 4));
    await expect(pool!.propagateInto(catalog, [0], allocateSgp4States(4))).rejects.toThrow(TypeError);
    const ac = new AbortController();
    ac.abort();
    await expect(pool!.propagate(catalog, [0], { signal: ac.signal })).rejects.toThrow(/aborted/);
    // The pool stays usable after a failed job.
    const out = await pool!.propagate(catalog, [0, 1]);
    expect(out.codes.length).toBe(8);
  });
});

import { parseTle, tleChecksum } from '@stationkeeper/astro/elements';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { ISS_SAMPLE_EPOCH_ISO, ISS_SAMPLE_LINE1, ISS_SAMPLE_LINE2, ISS_SAMPLE_SOURCE, isIssSample, issSampleWarning } from './iss-sample.js';
import { issSampleElementSet, seedIssSampleIfEmpty } from './seed.js';

const AT = new Date('2026-01-02T03:04:05.000Z');

describe('bundled ISS sample', () => {
  it('is the published text: 69-character lines whose checksums verify', () => {
    for (const l of [ISS_SAMPLE_LINE1, ISS_SAMPLE_LINE2]) {
      expect(l).toHaveLength(69);
      expect(tleChecksum(l)).toBe(Number(l[68]));
    }
  });

  it('has the epoch it claims: 2008 day 264.51782528 = 2008-09-20T12:25:40.104Z (to 1 ms, the ISO resolution)', () => {
    const set = issSampleElementSet();
    expect(set.noradId).toBe(25544);
    expect(set.name).toBe('ISS (ZARYA)');
    const epochMs = Date.UTC(2008, 0, 0) + set.epochDayOfYear * 86_400_000;
    expect(Math.abs(epochMs - Date.parse(ISS_SAMPLE_EPOCH_ISO))).toBeLessThan(1);
    expect(isIssSample(set)).toBe(true);
  });

  it('is recognised only as itself', () => {
    const other = parseTle(
      '1 25544U 98067A   21001.22196045  .00001488  00000-0  34854-4 0  9992',
      '2 25544  51.6464  88.5894 0001153 173.6665  39.5832 15.49246091262713',
    );
    expect(isIssSample(other)).toBe(false);
  });

  it('warns that it is stale, with its epoch, citation and how to update', () => {
    const w = issSampleWarning(Date.parse('2026-01-01T00:00:00Z'));
    expect(w).toContain('SAMPLE');
    expect(w).toContain(ISS_SAMPLE_EPOCH_ISO);
    expect(w).toContain('Wikipedia');
    expect(w).toContain('stationkeeper update');
    expect(w).toMatch(/6311 days/); // 2008-09-20T12:25:40 → 2026-01-01T00:00 = 6311.48 d
  });
});

describe('seedIssSampleIfEmpty', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sk-sample-'));
    store = await openStore({ kind: 'sqlite', path: join(dir, 's.sqlite') }, { at: AT });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('seeds an empty store once, logged as the bundled sample, and then leaves it alone', async () => {
    const first = await seedIssSampleIfEmpty(store, AT);
    expect(first?.accepted).toBe(1);
    const stored = await store.latestElementSet(25544);
    expect(stored !== undefined && isIssSample(stored.elementSet)).toBe(true);
    expect((await store.ingestLog(1))[0]?.source).toBe(ISS_SAMPLE_SOURCE);
    expect(await seedIssSampleIfEmpty(store, AT)).toBeUndefined();
    expect((await store.info()).rowCounts.element_sets).toBe(1);
  });
});

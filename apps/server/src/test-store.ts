/**
 * Test support: a throw-away SQLite store in a fresh temporary directory (never the user's), removed on close.
 * Not part of the build's public API (only tests import it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@stationkeeper/data/store';

export interface TempStore {
  readonly store: Store;
  readonly path: string;
  dispose(): Promise<void>;
}

export async function tempStore(at: Date): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'stationkeeper-server-test-'));
  const path = join(dir, 'test.sqlite');
  const store = await openStore({ kind: 'sqlite', path }, { at });
  return {
    store,
    path,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

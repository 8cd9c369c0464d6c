/**
 * Test support: locating the shared reference folder (`../shared` beside the checkout, or
 * `STATIONKEEPER_SHARED`), reading its files (gzip transparently) and skipping — loudly — the tests
 * that need it when it is absent. Fixtures are read in place; they are never copied into the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function locateShared(): string | undefined {
  const fromEnv = process.env['STATIONKEEPER_SHARED'];
  const candidate = fromEnv !== undefined && fromEnv !== '' ? resolve(fromEnv) : resolve(repoRoot, '..', 'shared');
  return existsSync(join(candidate, 'data')) ? candidate : undefined;
}

/** Absolute path of the shared folder, or undefined when it is absent. */
export const sharedDir: string | undefined = locateShared();

/** True when the shared reference folder is available. */
export const hasShared = sharedDir !== undefined;

let warned = false;
/** Prints, once per test file, why shared-data tests are skipped. */
export function reportMissingShared(): void {
  if (!hasShared && !warned) {
    warned = true;
    console.warn(
      '[stationkeeper tests] ../shared (or $STATIONKEEPER_SHARED) not found: tests against reference data are SKIPPED.',
    );
  }
}
reportMissingShared();

/** Absolute path of a file inside the shared folder; throws when the folder is absent. */
export function sharedPath(...parts: string[]): string {
  if (sharedDir === undefined) throw new Error('shared reference folder is absent (set STATIONKEEPER_SHARED)');
  return join(sharedDir, ...parts);
}

/**
 * Reads a shared file as bytes, gunzipping `.gz` files. When the shared folder is absent it returns an empty
 * buffer instead of throwing: vitest runs the bodies of skipped `describe` blocks to collect them, and a
 * collection-time read must not crash a file whose tests are all skipped. (A test that reads shared data
 * without `skipIf(!hasShared)` still fails, on its assertions.)
 */
export function readSharedBytes(...parts: string[]): Buffer {
  if (sharedDir === undefined) return Buffer.alloc(0);
  const p = sharedPath(...parts);
  const raw = readFileSync(p);
  return p.endsWith('.gz') ? gunzipSync(raw) : raw;
}

/** Reads a shared file as UTF-8 text (latin1 fallback is not needed for these sets). */
export function readSharedText(...parts: string[]): string {
  return readSharedBytes(...parts).toString('utf8');
}

/** Reads and parses a shared JSON file. */
export function readSharedJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readSharedText(...parts)) as T;
}

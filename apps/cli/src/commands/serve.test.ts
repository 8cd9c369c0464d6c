/**
 * `stationkeeper serve` against the compiled server (apps/server/dist; `npm test` builds first): starts on an
 * ephemeral loopback port with a temporary store, answers /api and serves the page, stops cleanly; bad flags are
 * usage errors (exit 2).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../main.js';
import { commands } from './index.js';
import { runServe } from './serve.js';

const built = existsSync(fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url)));
if (!built) console.warn('[stationkeeper serve test] apps/server/dist is missing: run `npm run build` (npm test does). SKIPPED.');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sk-serve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'cfg') }, cwd: dir },
    out: () => out,
    err: () => err,
  };
}

describe.skipIf(!built)('stationkeeper serve', () => {
  it('is registered', () => {
    expect(commands.map((c) => c.name)).toContain('serve');
  });

  it('serves the API and the page on an ephemeral port, seeding the sample, then stops', async () => {
    const c = io();
    const seen: { api?: number; page?: string; now?: Record<string, unknown> } = {};
    const code = await runServe(['--port', '0', '--db', join(dir, 'serve.sqlite')], c.io, async (url) => {
      const api = await fetch(`${url}api`);
      seen.api = api.status;
      seen.page = await (await fetch(url)).text();
      seen.now = (await (await fetch(`${url}api/now`)).json()) as Record<string, unknown>;
    });
    expect(code).toBe(0);
    expect(c.out()).toMatch(/stationkeeper server on http:\/\/127\.0\.0\.1:\d+\//);
    expect(c.out()).toContain('seeded the bundled 2008 SAMPLE');
    expect(seen.api).toBe(200);
    expect(seen.page).toContain('<title>stationkeeper');
    expect((seen.now!['warnings'] as string[])[0]).toContain('bundled SAMPLE');
  });

  it('rejects unknown flags and bad ports with exit 2', async () => {
    const a = io();
    expect(await main(['serve', '--port', '70000'], a.io)).toBe(2);
    expect(a.err()).toContain('--port');
    const b = io();
    expect(await main(['serve', '--verbose'], b.io)).toBe(2);
    expect(b.err()).toContain("'--verbose'");
  });
});

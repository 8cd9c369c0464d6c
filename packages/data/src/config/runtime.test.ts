import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRuntime } from './runtime.js';

let dir: string;
let configPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sk-runtime-'));
  configPath = join(dir, 'config.json');
  await writeFile(configPath, JSON.stringify({ home: { latitudeDeg: 48.1, longitudeDeg: 11.6, heightM: 520 }, database: { path: '~/sk/db.sqlite' } }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveRuntime', () => {
  it('uses the config database (with ~ expanded) and puts the ledger beside it', async () => {
    const r = await resolveRuntime({ configFlag: configPath, env: {}, homeDir: '/home/u', cwd: '/w' });
    expect(r.store).toEqual({ kind: 'sqlite', path: '/home/u/sk/db.sqlite' });
    expect(r.ledgerPath).toBe('/home/u/sk/http-cache.json');
    expect(r.config.home?.heightM).toBe(520);
  });

  it('lets STATIONKEEPER_DB override the config, and --db override both', async () => {
    const env = { STATIONKEEPER_CONFIG: configPath, STATIONKEEPER_DB: '/env/db.sqlite' };
    expect((await resolveRuntime({ env, homeDir: '/h', cwd: '/w' })).store).toEqual({ kind: 'sqlite', path: '/env/db.sqlite' });
    expect((await resolveRuntime({ env, dbFlag: 'rel.sqlite', homeDir: '/h', cwd: '/w' })).store).toEqual({ kind: 'sqlite', path: '/w/rel.sqlite' });
  });

  it('masks a PostgreSQL password and keeps the ledger in the data directory', async () => {
    const r = await resolveRuntime({ env: { STATIONKEEPER_DATABASE_URL: 'postgres://sk:pw@127.0.0.1/sk', XDG_CONFIG_HOME: dir }, homeDir: '/h', cwd: '/w' });
    expect(r.store.kind).toBe('postgres');
    expect(r.storeDescription).not.toContain('pw');
    expect(r.ledgerPath).toBe('/h/.local/share/stationkeeper/http-cache.json');
    expect(r.found).toBe(false);
  });
});

// Bench `npm run bench -- import`: file import into a FRESH store — the 2022-07-15 full Space-Track catalog
// (24,132 3LE sets) and the ISS gp_history (2,096 sets, 2021–2022) — records per second, end to end
// (read + gunzip + parse + dedup + one transaction), then the same files again (all duplicates).
// SQLite (better-sqlite3, WAL) always; PostgreSQL too when STATIONKEEPER_TEST_PG_URL is set
// (tools/ci-postgres.sh). Imports the BUILT packages (npm run build first). Best of 3 fresh stores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@stationkeeper/data/store';
import { importFile } from '@stationkeeper/data/import';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', '..', 'shared'));
const FILES = [
  join(shared, 'data', 'catalog', 'spacetrack_full_catalog_3le_2022-07-15.txt.gz'),
  join(shared, 'data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz'),
];
const AT = new Date('2026-01-01T00:00:00Z');

async function once(location, cleanup) {
  const store = await openStore(location, { at: AT });
  const out = {};
  try {
    for (const pass of ['fresh', 'again']) {
      const t0 = performance.now();
      let records = 0;
      let accepted = 0;
      for (const f of FILES) {
        const r = await importFile(store, f, { at: AT });
        records += r.records;
        accepted += r.summary.accepted;
      }
      out[pass] = { ms: performance.now() - t0, records, accepted };
    }
  } finally {
    await store.close();
    await cleanup();
  }
  return out;
}

async function pgLocation(url, i) {
  const { default: pg } = await import('pg');
  const schema = `sk_bench_${process.pid}_${i}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const cleanup = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  };
  return { location: { kind: 'postgres', url: u.toString() }, cleanup };
}

function report(name, runs) {
  const bestOf = (k) => runs.map((r) => r[k]).sort((a, b) => a.ms - b.ms)[0];
  for (const k of ['fresh', 'again']) {
    const b = bestOf(k);
    const rate = (b.records / b.ms) * 1000;
    console.log(
      `${name.padEnd(8)} ${k === 'fresh' ? 'fresh store ' : 're-import   '} ${String(b.records).padStart(6)} records (${String(b.accepted).padStart(5)} new) ` +
        `${b.ms.toFixed(0).padStart(6)} ms  ${rate.toFixed(0).padStart(7)} records/s`,
    );
  }
}

export async function run() {
  console.log(`files: ${FILES.map((f) => f.split('/').pop()).join(', ')}; best of 3`);
  const sqliteRuns = [];
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'sk-bench-import-'));
    sqliteRuns.push(await once({ kind: 'sqlite', path: join(dir, 'bench.sqlite') }, async () => rmSync(dir, { recursive: true, force: true })));
  }
  report('sqlite', sqliteRuns);
  const url = process.env.STATIONKEEPER_TEST_PG_URL;
  if (url) {
    const pgRuns = [];
    for (let i = 0; i < 3; i++) {
      const { location, cleanup } = await pgLocation(url, i);
      pgRuns.push(await once(location, cleanup));
    }
    report('postgres', pgRuns);
  } else {
    console.log('postgres skipped (set STATIONKEEPER_TEST_PG_URL, e.g. from tools/ci-postgres.sh)');
  }
}

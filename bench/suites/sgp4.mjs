// Bench `npm run bench -- sgp4`: the full 2022-07-15 catalog (../shared/data/catalog/
// spacetrack_full_catalog_3le_2022-07-15.txt.gz, ~24 000 objects) × 1440 one-minute steps, side by side in one
// process, propagations per second for:
//   satellite.js 7.1 sgp4() loop (one call per sample, as apps use it);
//   satellite.js 7.1 BulkPropagator (its WASM build, single-thread runtime, EciBaseCalculator = TEME r, v);
//   ours single      — Sgp4.propagateMinutesInto per sample (out-parameter form);
//   ours batch       — propagateCatalog, one thread, structure-of-arrays outputs;
//   ours workers     — Sgp4WorkerPool on all cores (os.availableParallelism()).
// Satellites are processed in blocks (default 2000) so outputs stay ~140 MB; every variant covers the same
// samples. Each variant runs once after a warm-up block. Flags: --sats=N (first N objects), --block=N.
// Last line: `sgp4 batch/satellite.js ratio: X.XX` (ours batch on one thread / satellite.js sgp4() loop).
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as satellite from 'satellite.js';
import { Sgp4, Sgp4Catalog, allocateSgp4States, propagateCatalog } from '@stationkeeper/astro/sgp4';
import { Sgp4WorkerPool } from '@stationkeeper/workers';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', '..', 'shared'));
const STEPS = 1440;

/** TLE columns as the reference `twoline2rv` reads them (the bench must not depend on other parsers' state). */
function elementsFromTle(line1, line2) {
  const deg = Math.PI / 180;
  const yy = Number(line1.slice(18, 20));
  const year = yy < 57 ? 2000 + yy : 1900 + yy;
  const doy = Number(line1.slice(20, 32));
  const jan0 = 367 * year - Math.floor((7 * year) / 4) + 30 + 1721013.5;
  const exp = Number(line1.slice(59, 61));
  return {
    noradId: line1.slice(2, 7).trim(),
    epochYear: year,
    epochDayOfYear: doy,
    epochUtc: { jd1: jan0, jd2: doy },
    meanMotionRevPerDay: Number(line2.slice(52, 63)),
    bstar: Number(`${line1[53].trim()}.${line1.slice(54, 59)}`) * 10 ** exp,
    inclinationRad: Number(line2.slice(8, 16)) * deg,
    raanRad: Number(line2.slice(17, 25)) * deg,
    eccentricity: Number(`0.${line2.slice(26, 33).trim()}`),
    argPerigeeRad: Number(line2.slice(34, 42)) * deg,
    meanAnomalyRad: Number(line2.slice(43, 51)) * deg,
  };
}

function flag(flags, name, dflt) {
  const f = flags.find((x) => x.startsWith(`--${name}=`));
  return f === undefined ? dflt : Number(f.slice(name.length + 3));
}

function rate(n, ms) {
  return `${(n / (ms / 1000) / 1e6).toFixed(2)} M/s`;
}

export async function run(flags = []) {
  const path = join(shared, 'data', 'catalog', 'spacetrack_full_catalog_3le_2022-07-15.txt.gz');
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split(/\r?\n/);
  const pairs = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].startsWith('1 ') && lines[i + 1].startsWith('2 ')) pairs.push([lines[i], lines[i + 1]]);
  }
  const nSats = Math.min(pairs.length, flag(flags, 'sats', pairs.length));
  const block = flag(flags, 'block', 2000);
  const use = pairs.slice(0, nSats);
  const satrecs = use.map(([a, b]) => satellite.twoline2satrec(a, b));
  const elements = use.map(([a, b]) => ({ ...elementsFromTle(a, b), noradId: satrecs.length }));
  const samples = nSats * STEPS;
  const minutes = Float64Array.from({ length: STEPS }, (_, k) => k);
  console.log(`catalog: ${nSats} element sets × ${STEPS} one-minute steps = ${(samples / 1e6).toFixed(2)} M samples; ` +
    `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`);

  // --- satellite.js sgp4() loop ---
  let check = 0;
  const sjsLoop = (from, to) => {
    for (let s = from; s < to; s++) {
      const rec = satrecs[s];
      for (let k = 0; k < STEPS; k++) {
        const r = satellite.sgp4(rec, k);
        if (r) check += r.position.x;
      }
    }
  };
  sjsLoop(0, Math.min(200, nSats));
  let t0 = performance.now();
  sjsLoop(0, nSats);
  const sjsMs = performance.now() - t0;
  console.log(`satellite.js sgp4() loop:        ${rate(samples, sjsMs)}  (${(sjsMs / 1000).toFixed(2)} s)`);

  // --- satellite.js BulkPropagator (WASM, single thread) ---
  let bulkMs = NaN;
  try {
    const runtime = await satellite.createSingleThreadRuntime();
    const prop = new satellite.BulkPropagator({ runtime, calculators: [new satellite.EciBaseCalculator()], satRecsCount: block, datesCount: STEPS });
    // One set of dates for all: epoch-independent throughput (each object's own tsince differs, as in real use).
    const start = Date.UTC(2022, 6, 15);
    const dates = Array.from({ length: STEPS }, (_, k) => new Date(start + k * 60_000));
    prop.setDates(dates);
    prop.setSatRecs(satrecs.slice(0, Math.min(block, nSats)));
    prop.run();
    t0 = performance.now();
    for (let s = 0; s < nSats; s += block) {
      prop.setSatRecs(satrecs.slice(s, Math.min(nSats, s + block)));
      prop.run();
    }
    bulkMs = performance.now() - t0;
    prop.dispose();
    console.log(`satellite.js BulkPropagator:     ${rate(samples, bulkMs)}  (${(bulkMs / 1000).toFixed(2)} s, WASM, setSatRecs included)`);
  } catch (error) {
    console.log(`satellite.js BulkPropagator:     unavailable (${error instanceof Error ? error.message : String(error)})`);
  }

  // --- ours, single-satellite API ---
  const sats = elements.map((e) => Sgp4.fromElements(e));
  const buf = new Float64Array(6);
  const singleLoop = (from, to) => {
    for (let s = from; s < to; s++) {
      const sat = sats[s];
      for (let k = 0; k < STEPS; k++) {
        if (sat.propagateMinutesInto(k, buf) === 0) check += buf[0];
      }
    }
  };
  singleLoop(0, Math.min(200, nSats));
  t0 = performance.now();
  singleLoop(0, nSats);
  const singleMs = performance.now() - t0;
  console.log(`ours Sgp4 single:                ${rate(samples, singleMs)}  (${(singleMs / 1000).toFixed(2)} s)`);

  // --- ours, batch on one thread ---
  const catalog = Sgp4Catalog.fromElements(elements, {}, true);
  const out = allocateSgp4States(Math.min(block, nSats) * STEPS, true);
  const blockCatalog = (s) => Sgp4Catalog.fromRecords(catalog.records.subarray(s * (catalog.records.length / nSats),
    Math.min(nSats, s + block) * (catalog.records.length / nSats)));
  propagateCatalog(blockCatalog(0), minutes, out);
  t0 = performance.now();
  for (let s = 0; s < nSats; s += block) propagateCatalog(blockCatalog(s), minutes, out);
  const batchMs = performance.now() - t0;
  check += out.x[0];
  console.log(`ours batch, 1 thread:            ${rate(samples, batchMs)}  (${(batchMs / 1000).toFixed(2)} s)`);

  // --- ours, worker pool on all cores ---
  const pool = Sgp4WorkerPool.create();
  await pool.propagateInto(blockCatalog(0), minutes, out);
  t0 = performance.now();
  for (let s = 0; s < nSats; s += block) await pool.propagateInto(blockCatalog(s), minutes, out);
  const poolMs = performance.now() - t0;
  await pool.close();
  console.log(`ours workers, ${pool.threads} threads:          ${rate(samples, poolMs)}  (${(poolMs / 1000).toFixed(2)} s; scaling ×${(batchMs / poolMs).toFixed(2)} over 1 thread)`);

  if (Number.isNaN(check)) console.log('(checksum NaN)');
  if (Number.isFinite(bulkMs)) console.log(`sgp4 batch/BulkPropagator ratio: ${(bulkMs / batchMs).toFixed(2)}`);
  console.log(`sgp4 batch/satellite.js ratio: ${(sjsMs / batchMs).toFixed(2)}`);
}

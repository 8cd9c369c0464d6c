// Bench `npm run bench -- sgp4`: the full 2022-07-15 catalog (../shared/data/catalog/
// spacetrack_full_catalog_3le_2022-07-15.txt.gz, ~24 000 objects) × 1440 one-minute steps, side by side in one
// process, propagations per second for:
//   satellite.js 7.1 sgp4() loop (one call per sample, as apps use it);
//   satellite.js 7.1 BulkPropagator (its WASM build, single-thread runtime, EciBaseCalculator = TEME r, v);
//   ours single      — Sgp4.propagateMinutesInto per sample (out-parameter form);
//   ours batch       — propagateCatalog, one thread, structure-of-arrays outputs;
//   ours workers     — Sgp4WorkerPool on all cores (os.availableParallelism()).
// Satellites are processed in blocks (default 2000) so outputs stay ~140 MB; every variant covers the same
// samples. Variants alternate block by block (fair under shared load). Flags: --sats=N (first N objects), --block=N.
// Last line: `sgp4 batch/satellite.js ratio: X.XX` (ours batch on one thread / satellite.js sgp4() loop, by CPU
// time, which equals wall time on an idle machine and resists load from other processes; wall ratios are printed too).
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

  // Every variant runs on the same block of satellites before the next block starts, so that load from
  // other processes on a shared machine falls on all variants alike; times are summed over blocks.
  let check = 0;
  const buf = new Float64Array(6);
  const sats = elements.map((e) => Sgp4.fromElements(e));
  const catalog = Sgp4Catalog.fromElements(elements, {}, true);
  const stride = catalog.records.length / nSats;
  const blockCatalog = (s) => Sgp4Catalog.fromRecords(catalog.records.subarray(s * stride, Math.min(nSats, s + block) * stride));
  const out = allocateSgp4States(Math.min(block, nSats) * STEPS, true);
  const pool = Sgp4WorkerPool.create();
  let bulk;
  let bulkError;
  try {
    const runtime = await satellite.createSingleThreadRuntime();
    bulk = new satellite.BulkPropagator({ runtime, calculators: [new satellite.EciBaseCalculator()], satRecsCount: block, datesCount: STEPS });
    // One set of dates for all: throughput does not depend on the epoch (each object's own tsince differs).
    const start = Date.UTC(2022, 6, 15);
    bulk.setDates(Array.from({ length: STEPS }, (_, k) => new Date(start + k * 60_000)));
  } catch (error) {
    bulkError = error instanceof Error ? error.message : String(error);
  }

  const variants = {
    sjsLoop(from, to) {
      for (let s = from; s < to; s++) {
        const rec = satrecs[s];
        for (let k = 0; k < STEPS; k++) {
          const r = satellite.sgp4(rec, k);
          if (r) check += r.position.x;
        }
      }
    },
    bulk(from, to) {
      bulk.setSatRecs(satrecs.slice(from, to));
      bulk.run();
    },
    single(from, to) {
      for (let s = from; s < to; s++) {
        const sat = sats[s];
        for (let k = 0; k < STEPS; k++) {
          if (sat.propagateMinutesInto(k, buf) === 0) check += buf[0];
        }
      }
    },
    batch(from) {
      propagateCatalog(blockCatalog(from), minutes, out);
      check += out.x[0];
    },
    async workers(from) {
      await pool.propagateInto(blockCatalog(from), minutes, out);
      check += out.x[0];
    },
  };
  const names = Object.keys(variants).filter((n) => n !== 'bulk' || bulk !== undefined);
  const ms = Object.fromEntries(names.map((n) => [n, 0]));
  const cpuMs = Object.fromEntries(names.map((n) => [n, 0])); // process CPU time, all threads
  // Warm-up on the first 200 objects (JIT, worker start-up).
  for (const n of names) await variants[n](0, Math.min(200, nSats));
  for (let s = 0; s < nSats; s += block) {
    const e = Math.min(nSats, s + block);
    for (const n of names) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await variants[n](s, e);
      ms[n] += performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpuMs[n] += (c.user + c.system) / 1000;
    }
  }
  await pool.close();
  bulk?.dispose();
  const line = (label, n, extra = '') => console.log(`${label.padEnd(34)}${rate(samples, ms[n])}  (${(ms[n] / 1000).toFixed(2)} s wall, ` +
    `${(cpuMs[n] / 1000).toFixed(2)} s CPU${extra})`);
  line('satellite.js sgp4() loop:', 'sjsLoop');
  if (bulk !== undefined) line('satellite.js BulkPropagator (WASM):', 'bulk', ', setSatRecs included');
  else console.log(`satellite.js BulkPropagator (WASM): unavailable (${bulkError})`);
  line('ours Sgp4 single:', 'single');
  line('ours batch, 1 thread:', 'batch');
  line(`ours workers, ${pool.threads} threads:`, 'workers', `; scaling ×${(ms.batch / ms.workers).toFixed(2)} over 1 thread`);
  // On a machine shared with other work, wall-clock scaling is capped by the cores actually free; the CPU time the
  // pool spends per sample against the one-thread batch shows its own overhead (ideal scaling = threads / ratio).
  const cpuRatio = cpuMs.workers / cpuMs.batch;
  console.log(`workers CPU time / batch CPU time: ${cpuRatio.toFixed(2)} (scaling on ${pool.threads} free cores ≤ ×${(pool.threads / cpuRatio).toFixed(2)}); ` +
    `batch ran on ${(cpuMs.batch / ms.batch).toFixed(2)} cores, workers on ${(cpuMs.workers / ms.workers).toFixed(2)}`);
  // Single-thread ratios from CPU time: equal to wall-clock ratios on an idle machine, and unaffected by how
  // much of a shared machine each variant happened to get. Wall-clock ratios are printed alongside.
  console.log(`wall-clock ratios: batch/satellite.js ${(ms.sjsLoop / ms.batch).toFixed(2)}` +
    (bulk !== undefined ? `, batch/BulkPropagator ${(ms.bulk / ms.batch).toFixed(2)}` : ''));
  const sjsMs = cpuMs.sjsLoop;
  const batchMs = cpuMs.batch;
  const bulkMs = bulk !== undefined ? cpuMs.bulk : NaN;

  if (Number.isNaN(check)) console.log('(checksum NaN)');
  if (Number.isFinite(bulkMs)) console.log(`sgp4 batch/BulkPropagator ratio: ${(bulkMs / batchMs).toFixed(2)}`);
  console.log(`sgp4 batch/satellite.js ratio: ${(sjsMs / batchMs).toFixed(2)}`);
}

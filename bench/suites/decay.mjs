// Decay suite (docs/decay.md). Needs ../shared (or $STATIONKEEPER_SHARED) and a build (`npm run build`).
//   1. ISS without reboosts from the last 2022 set of the shared history, orbit-averaged to reentry (target < 2 s);
//   2. one numerical ISS day with NRLMSISE-00 (the numerical suite's measure, target < 0.5 s);
//   3. a Monte Carlo of 1,000 runs of (1) on all cores (target < 5 min), with the reentry percentiles;
//   4. validation tables: CZ-5B 45601 from 1, 2, 3 days out; ISS 2021 arc-to-arc decay prediction.
// Flags: --runs=N (Monte Carlo size, default 1000), --skip-mc, --skip-validation.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  arcPairPredictions, completeSpaceWeather, fitBallisticCoefficient, historyPoints, meanObservedAp, MSAFE_SIGMA_LN_AP, MSAFE_SIGMA_LN_F107,
  percentile, planMonteCarlo, predictLifetime,
} from '@stationkeeper/analysis/decay';
import { NrlmsiseAtmosphere, spaceWeatherDrivers } from '@stationkeeper/astro/atmosphere';
import { parseElementFile } from '@stationkeeper/astro/elements';
import { parseSpaceWeatherTxt, toSpaceWeather, utcMjdToIso } from '@stationkeeper/data/formats';
import { DecayWorkerPool } from '@stationkeeper/workers';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', '..', 'shared'));
const text = (...p) => {
  const b = readFileSync(join(shared, ...p));
  return (p.at(-1).endsWith('.gz') ? gunzipSync(b) : b).toString('utf8');
};
const iso = (mjd) => utcMjdToIso(mjd, 0);
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];

export async function run(flags = []) {
  const runs = Number((flags.find((f) => f.startsWith('--runs=')) ?? '--runs=1000').slice(7));
  const parsed = parseSpaceWeatherTxt(text('data', 'space-weather', 'sw19571001.txt.gz'));
  const fill = meanObservedAp(toSpaceWeather(parsed.records).weather);
  const completed = completeSpaceWeather(toSpaceWeather(parsed.records, { apDailyFill: fill }).weather, 70_000);
  const atmosphere = new NrlmsiseAtmosphere(spaceWeatherDrivers(completed.weather));
  const iss = historyPoints(parseElementFile(text('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz')).records);
  const start = iss[iss.length - 1];
  const fit = fitBallisticCoefficient(iss, start.utcMjd - 30, start.utcMjd, { atmosphere });
  console.log(`ISS start ${iso(start.utcMjd)} (mean altitude ${start.meanAltitudeKm.toFixed(2)} km); C_D·A/m ${fit.cdAOverMM2Kg.toFixed(5)} ± ${fit.sigmaM2Kg.toFixed(5)} m²/kg (${fit.sigmaSource}, ${fit.arcs.length} arcs, ${fit.maneuvers.length} maneuvers excluded in the 30 days before)`);

  // 1. averaged run to reentry.
  const times = [];
  let res;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    res = predictLifetime(start.orbit, { atmosphere, cdAOverMM2Kg: fit.cdAOverMM2Kg });
    times.push(performance.now() - t0);
  }
  console.log(`averaged ISS run to reentry: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)} ms; target < 2000 ms), ${res.steps} steps; 120 km ${iso(res.altitudeReachedUtcMjd)}, reentry ${iso(res.reentryUtcMjd)} (${((res.reentryUtcMjd - start.utcMjd) / 365.25).toFixed(2)} years)`);

  // 2. numerical day (the numerical suite's measure).
  const numerical = await import('./numerical.mjs');
  await numerical.run(flags);

  // 3. Monte Carlo on all cores.
  if (!flags.includes('--skip-mc')) {
    const spec = {
      start: start.orbit, cdAOverMM2Kg: fit.cdAOverMM2Kg,
      weather: { kind: 'records', days: completed.weather.days.filter((d) => d.mjd >= start.utcMjd - 3) },
      scaleFromUtcMjd: completed.firstPredictedMjd, untilAltitudeKm: 120, reentryAltitudeKm: 80, taiMinusUtcS: 37, maxDays: 50 * 365.25,
    };
    const sigmas = { sigmaLnB: fit.sigmaM2Kg / fit.cdAOverMM2Kg, sigmaLnF107: MSAFE_SIGMA_LN_F107, sigmaLnAp: MSAFE_SIGMA_LN_AP };
    const samples = planMonteCarlo(runs, sigmas, 1);
    const pool = DecayWorkerPool.create();
    const t0 = performance.now();
    const out = await pool.run(spec, samples);
    const ms = performance.now() - t0;
    await pool.close();
    const re = out.map((o) => o.reentryUtcMjd);
    const years = (p) => ((percentile(re, p) - start.utcMjd) / 365.25).toFixed(2);
    console.log(`Monte Carlo ${runs} runs on ${pool.threads} threads (${availableParallelism()} cores): ${(ms / 1000).toFixed(1)} s (target < 300 s); σ ln B ${sigmas.sigmaLnB.toFixed(3)}, σ ln F10.7 ${sigmas.sigmaLnF107}, σ ln Ap ${sigmas.sigmaLnAp} after ${iso(completed.firstPredictedMjd).slice(0, 10)}`);
    console.log(`  ISS reentry without reboosts: p5 ${iso(percentile(re, 5))} (${years(5)} y)  p50 ${iso(percentile(re, 50))} (${years(50)} y)  p95 ${iso(percentile(re, 95))} (${years(95)} y); Energia 2022: 2–5 years`);
  }

  // 4. validation tables.
  if (!flags.includes('--skip-validation')) {
    const reentryMjd = 58_980 + (15 * 60 + 33) / 1440;
    const cz = historyPoints(parseElementFile(text('data', 'reentries', 'CZ-5B_R-B_45601_2020-05-05_2020-05-11.tle')).records);
    console.log('CZ-5B 45601 (reentry 2020-05-11T15:33Z): | days out | start set | C_D·A/m (m²/kg) | predicted 80 km | error h | error % of remaining |');
    for (const d of [1, 2, 3]) {
      const s = [...cz].reverse().find((p) => p.utcMjd <= reentryMjd - d);
      const f = fitBallisticCoefficient(cz, s.utcMjd - 30, s.utcMjd, { atmosphere });
      const r = predictLifetime(s.orbit, { atmosphere, cdAOverMM2Kg: f.cdAOverMM2Kg });
      const err = r.reentryUtcMjd - reentryMjd;
      console.log(`| ${d} | ${iso(s.utcMjd)} | ${f.cdAOverMM2Kg.toFixed(5)} ± ${f.sigmaM2Kg.toFixed(5)} | ${iso(r.reentryUtcMjd)} | ${(err * 24).toFixed(1)} | ${((err / (reentryMjd - s.utcMjd)) * 100).toFixed(1)} |`);
    }
    for (const method of ['least-squares', 'end-points']) {
      console.log(`ISS 2021 arcs (${method} fit): | fit arc | C_D·A/m (m²/kg) | predicted arc | days | observed loss km | predicted km | error % |`);
      const label = (a) => `${iso(a.fromUtcMjd).slice(0, 16)} … ${iso(a.toUtcMjd).slice(0, 16)}`;
      const pairs = arcPairPredictions(iss, { atmosphere, method });
      for (const p of pairs) {
        const days = (p.predictedArc.toUtcMjd - p.predictedArc.fromUtcMjd).toFixed(1);
        if (p.skipped !== undefined) console.log(`| ${label(p.fitArc)} | — | ${label(p.predictedArc)} | ${days} | skipped: ${p.skipped} | | |`);
        else console.log(`| ${label(p.fitArc)} | ${p.cdAOverMM2Kg.toFixed(5)} ± ${p.sigmaM2Kg.toFixed(5)} | ${label(p.predictedArc)} | ${days} | ${p.observedLossKm.toFixed(3)} | ${p.predictedLossKm.toFixed(3)} | ${(p.relativeError * 100).toFixed(1)} |`);
      }
      const abs = pairs.filter((p) => p.skipped === undefined).map((p) => Math.abs(p.relativeError)).sort((a, b) => a - b);
      const med = abs.length % 2 ? abs[abs.length >> 1] : (abs[abs.length / 2 - 1] + abs[abs.length / 2]) / 2;
      console.log(`  ${method}: ${abs.filter((e) => e < 0.15).length}/${abs.length} within 15 %, ${abs.filter((e) => e < 0.2).length} within 20 %, median |error| ${(med * 100).toFixed(1)} %, worst ${(abs.at(-1) * 100).toFixed(1)} %`);
    }
  }
}

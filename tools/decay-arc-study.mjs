// Why do ISS arc-to-arc decay predictions miss? Evidence for docs/decay.md (issue 6). Needs ../shared and a build.
// Run: node tools/decay-arc-study.mjs [--windows]
//   1. per arc: sets, span, robust residual rms about the least-squares model fit, outliers; C_D·A/m from the end
//      points (Molczan two-point) and from all sets (robust least squares); mean β angle, F10.7, Ap;
//   2. arc pairs: fit on one arc, predict the next arc's loss — end-point method vs least-squares method, with the
//      observed loss measured both ways (end-point medians, and the least-squares curve of the observed arc);
//   3. --windows: C_D·A/m of 5-day windows through the year against β, F10.7, Ap (correlations).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  arcEndpoint, completeSpaceWeather, fitArcLeastSquares, fitBallisticCoefficient, historyPoints, meanObservedAp, propagateAveraged,
  splitAtManeuvers,
} from '@stationkeeper/analysis/decay';
import { NrlmsiseAtmosphere, spaceWeatherDrivers } from '@stationkeeper/astro/atmosphere';
import { sunPositionTemeKm } from '@stationkeeper/astro/bodies';
import { parseElementFile } from '@stationkeeper/astro/elements';
import { parseSpaceWeatherTxt, toSpaceWeather, utcMjdToIso } from '@stationkeeper/data/formats';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', 'shared'));
const text = (...p) => {
  const b = readFileSync(join(shared, ...p));
  return (p.at(-1).endsWith('.gz') ? gunzipSync(b) : b).toString('utf8');
};
const iso = (mjd) => utcMjdToIso(mjd, 0).slice(0, 16);
const median = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const parsed = parseSpaceWeatherTxt(text('data', 'space-weather', 'sw19571001.txt.gz'));
const fill = meanObservedAp(toSpaceWeather(parsed.records).weather);
const sw = completeSpaceWeather(toSpaceWeather(parsed.records, { apDailyFill: fill }).weather, 70_000).weather;
// --ap3h: NRLMSISE-00 in its 3-hour ap-history mode (switch 9 = −1), with 3-hour steps so each ap interval is sampled.
const ap3h = process.argv.includes('--ap3h');
const atmosphere = new NrlmsiseAtmosphere(spaceWeatherDrivers(sw), { apHistory: ap3h });
const stepDays = ap3h ? 0.125 : 1;
const swDay = new Map(sw.days.map((d) => [d.mjd, d]));
const iss = historyPoints(parseElementFile(text('data', 'iss-tle-history', 'ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz')).records);
const { arcs } = splitAtManeuvers(iss);
const predictedDeltaAKm = (from, to, b, atm) => propagateAveraged(from, { drag: { atmosphere: atm, cdAOverMM2Kg: b }, untilUtcMjd: to, maxStepDays: stepDays }).final.aKm - from.aKm;
const span = (a) => a.at(-1).utcMjd - a[0].utcMjd;

/** Solar β angle of a mean orbit, degrees (TEME node and Sun; TT ≈ UTC + 69 s). */
function betaDeg(o) {
  const s = sunPositionTemeKm(2_400_000.5, o.utcMjd + 69.184 / 86_400);
  const r = Math.hypot(...s);
  const h = [Math.sin(o.iRad) * Math.sin(o.raanRad), -Math.sin(o.iRad) * Math.cos(o.raanRad), Math.cos(o.iRad)];
  return (Math.asin((s[0] * h[0] + s[1] * h[1] + s[2] * h[2]) / r) * 180) / Math.PI;
}
const meanOver = (from, to, f) => { let s = 0; let n = 0; for (let m = Math.floor(from); m <= Math.floor(to); m++) { const d = swDay.get(m); if (d) { s += f(d); n++; } } return s / n; };
const weatherOf = (a) => ({
  f107: meanOver(a[0].utcMjd, a.at(-1).utcMjd, (d) => d.f107ObsSfu), ap: meanOver(a[0].utcMjd, a.at(-1).utcMjd, (d) => d.apDaily),
  beta: median(a.map((p) => betaDeg(p.orbit))),
});

console.log('## Arcs');
console.log('| arc (UTC) | days | sets | resid rms m | outliers | B end points | B least squares ± formal | β° median | F10.7 | Ap |');
const lsOf = new Map();
for (const a of arcs) {
  if (span(a) < 3) continue;
  const ep = fitBallisticCoefficient(a, a[0].utcMjd, a.at(-1).utcMjd, { atmosphere });
  const ls = fitArcLeastSquares(a, { atmosphere });
  lsOf.set(a, ls);
  const w = weatherOf(a);
  console.log(`| ${iso(a[0].utcMjd)} … ${iso(a.at(-1).utcMjd)} | ${span(a).toFixed(1)} | ${a.length} | ${(ls.residualRmsKm * 1000).toFixed(0)} | ${ls.outliers} | ${ep.cdAOverMM2Kg.toFixed(5)} | ${ls.cdAOverMM2Kg.toFixed(5)} ± ${ls.formalSigmaM2Kg.toFixed(5)} | ${w.beta.toFixed(0)} | ${w.f107.toFixed(0)} | ${w.ap.toFixed(1)} |`);
}

console.log('\n## Pairs: error of the predicted loss (%)');
console.log('| fit arc | predicted arc | days | obs loss (ends) km | obs loss (LS) km | end-point B vs ends | LS B vs ends | LS B vs LS curve |');
const rows = [];
for (let k = 0; k + 1 < arcs.length; k++) {
  const A = arcs[k];
  const B = arcs[k + 1];
  if (span(A) < 3 || span(B) < 3) continue;
  const ep = fitBallisticCoefficient(A, A[0].utcMjd, A.at(-1).utcMjd, { atmosphere });
  const lsA = lsOf.get(A);
  const lsB = lsOf.get(B);
  const b0 = arcEndpoint(B, 'start');
  const b1 = arcEndpoint(B, 'end');
  const obsEnds = b0.orbit.aKm - b1.orbit.aKm;
  const obsLs = lsB.startAKm - lsB.endAKm;
  const predEp = -predictedDeltaAKm(b0.orbit, b1.utcMjd, ep.cdAOverMM2Kg, atmosphere);
  const startLs = { ...B[0].orbit, aKm: lsB.startAKm };
  const predLsEnds = -predictedDeltaAKm(b0.orbit, b1.utcMjd, lsA.cdAOverMM2Kg, atmosphere);
  const predLs = -predictedDeltaAKm(startLs, lsB.toUtcMjd, lsA.cdAOverMM2Kg, atmosphere);
  const e = [predEp / obsEnds - 1, predLsEnds / obsEnds - 1, predLs / obsLs - 1];
  rows.push(e);
  console.log(`| ${iso(A[0].utcMjd)} … ${iso(A.at(-1).utcMjd)} | ${iso(B[0].utcMjd)} … ${iso(B.at(-1).utcMjd)} | ${span(B).toFixed(1)} | ${obsEnds.toFixed(3)} | ${obsLs.toFixed(3)} | ${e.map((x) => (x * 100).toFixed(1)).join(' | ')} |`);
}
for (let j = 0; j < 3; j++) {
  const abs = rows.map((r) => Math.abs(r[j]));
  console.log(`method ${j}: within 15 %: ${abs.filter((x) => x < 0.15).length}/${abs.length}, within 20 %: ${abs.filter((x) => x < 0.2).length}, median |err| ${(median(abs) * 100).toFixed(1)} %, worst ${(Math.max(...abs) * 100).toFixed(1)} %`);
}

if (process.argv.includes('--windows')) {
  console.log('\n## 5-day windows: C_D·A/m (least squares) against β, F10.7, Ap');
  const win = [];
  for (const a of arcs) {
    for (let t0 = a[0].utcMjd; t0 + 5 <= a.at(-1).utcMjd + 1e-9; t0 += 2.5) {
      const sub = a.filter((p) => p.utcMjd >= t0 && p.utcMjd <= t0 + 5);
      const f = fitArcLeastSquares(sub, { atmosphere });
      if (!f) continue;
      const w = weatherOf(sub);
      win.push({ t: t0 + 2.5, b: f.cdAOverMM2Kg, ...w });
      console.log(`${iso(t0 + 2.5).slice(0, 10)} B ${f.cdAOverMM2Kg.toFixed(5)} ± ${f.formalSigmaM2Kg.toFixed(5)} β ${w.beta.toFixed(0)} F10.7 ${w.f107.toFixed(0)} Ap ${w.ap.toFixed(1)}`);
    }
  }
  const corr = (x, y) => {
    const mx = x.reduce((s, v) => s + v, 0) / x.length; const my = y.reduce((s, v) => s + v, 0) / y.length;
    let sxy = 0; let sxx = 0; let syy = 0;
    for (let i = 0; i < x.length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
    return sxy / Math.sqrt(sxx * syy);
  };
  const b = win.map((w) => w.b);
  console.log(`windows ${win.length}: corr(B, |β|) ${corr(b, win.map((w) => Math.abs(w.beta))).toFixed(2)}, corr(B, cos β) ${corr(b, win.map((w) => Math.cos((w.beta * Math.PI) / 180))).toFixed(2)}, corr(B, F10.7) ${corr(b, win.map((w) => w.f107)).toFixed(2)}, corr(B, Ap) ${corr(b, win.map((w) => w.ap)).toFixed(2)}, corr(B, t) ${corr(b, win.map((w) => w.t)).toFixed(2)}`);
}

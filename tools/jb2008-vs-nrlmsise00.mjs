// JB2008 vs NRLMSISE-00 along an ISS-like orbit — a demonstration for docs/atmosphere.md, not a validation (neither
// model is the truth; both are empirical fits with ~10–20 % 1σ density errors). Needs ../shared and a build.
// Run: node tools/jb2008-vs-nrlmsise00.mjs
// Orbit: circular, 415 km above a 6378.137 km sphere, inclination 51.64°, node at 0° in the GMST frame at 0h UTC;
// ITRF = Rz(−GMST)·inertial (precession/nutation/polar motion ignored: irrelevant for a density comparison).
// Both models are asked at the same geodetic points every 30 s for 24 h. NRLMSISE-00 drivers from CelesTrak
// SW-All (daily Ap mode); JB2008 drivers from SET SOLFSMY/DTCFILE (release 5_4g).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jb2008Atmosphere, jb2008Drivers, NrlmsiseAtmosphere, spaceWeatherDrivers } from '@stationkeeper/astro/atmosphere';
import { geodeticFromItrf } from '@stationkeeper/astro/frames';
import { gmst82RadOf } from '@stationkeeper/astro/time';
import { calendarToMjd, parseJb2008IndexFiles, parseSpaceWeatherTxt, toSpaceWeather } from '@stationkeeper/data/formats';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.STATIONKEEPER_SHARED ?? join(here, '..', '..', 'shared'));
const text = (...p) => {
  const b = readFileSync(join(shared, ...p));
  return (p.at(-1).endsWith('.gz') ? gunzipSync(b) : b).toString('utf8');
};

const jbDir = ['data', 'nrlmsise00', 'jb2008'];
const jbData = parseJb2008IndexFiles(text(...jbDir, 'SOLFSMY.TXT.gz'), text(...jbDir, 'DTCFILE.TXT.gz'));
const jbDrivers = jb2008Drivers(jbData);
const jb = new Jb2008Atmosphere(jbDrivers);
const swDays = toSpaceWeather(parseSpaceWeatherTxt(text('data', 'space-weather', 'sw19571001.txt.gz')).records).weather;
const msisDrivers = spaceWeatherDrivers(swDays);
const msis = new NrlmsiseAtmosphere(msisDrivers);

const MU = 398_600.4418; // km³/s²
const A_KM = 6378.137 + 415;
const INC = 51.64 * Math.PI / 180;
const N_RAD_S = Math.sqrt(MU / A_KM ** 3);

const dates = [
  ['2017-07-15', 'quiet, F10 ≈ 94 (reference run 01 day)', 2017, 7, 15],
  ['2017-09-08', 'severe storm (Kp 8+, Ap 106)', 2017, 9, 8],
  ['2018-03-20', 'solar minimum, equinox', 2018, 3, 20],
];
const rows = [];
for (const [label, what, y, m, d] of dates) {
  const day = calendarToMjd(y, m, d);
  let sumJb = 0;
  let sumMsis = 0;
  const ratios = [];
  for (let s = 0; s < 86_400; s += 30) {
    const utcMjd = day + s / 86_400;
    const u = N_RAD_S * s;
    const xi = [A_KM * Math.cos(u), A_KM * Math.sin(u) * Math.cos(INC), A_KM * Math.sin(u) * Math.sin(INC)];
    const th = gmst82RadOf(2_400_000.5, utcMjd);
    const itrf = [Math.cos(th) * xi[0] + Math.sin(th) * xi[1], -Math.sin(th) * xi[0] + Math.cos(th) * xi[1], xi[2]];
    const g = geodeticFromItrf(itrf);
    const sample = { utcMjd, latitudeRad: g.latitudeRad, longitudeRad: g.longitudeRad, altitudeKm: g.heightKm };
    const a = jb.densityKgM3(sample);
    const b = msis.densityKgM3(sample);
    sumJb += a;
    sumMsis += b;
    ratios.push(a / b);
  }
  ratios.sort((p, q) => p - q);
  const q = (f) => ratios[Math.round(f * (ratios.length - 1))];
  const jd = jbDrivers(day + 0.5);
  const md = msisDrivers(day + 0.5);
  rows.push({
    label, what, n: ratios.length,
    jbMean: sumJb / ratios.length, msisMean: sumMsis / ratios.length,
    ratioMean: sumJb / sumMsis, ratioP5: q(0.05), ratioP50: q(0.5), ratioP95: q(0.95),
    drivers: `F10 ${jd.f10} S10 ${jd.s10} M10 ${jd.m10} Y10 ${jd.y10} dTc(12h) ${jd.dstDtcK.toFixed(0)} K | F10.7 ${md.f107} F10.7A ${md.f107A} Ap ${md.ap}`,
  });
}
console.log('| date (UTC, 24 h, 30 s steps) | conditions | drivers at 12 UT | mean ρ JB2008 (kg/m³) | mean ρ NRLMSISE-00 (kg/m³) | ratio of means | ratio p5 / p50 / p95 |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.what} | ${r.drivers} | ${r.jbMean.toExponential(3)} | ${r.msisMean.toExponential(3)} | ${r.ratioMean.toFixed(3)} | ${r.ratioP5.toFixed(2)} / ${r.ratioP50.toFixed(2)} / ${r.ratioP95.toFixed(2)} |`);
}

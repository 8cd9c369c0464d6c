// Time scales per call (µs): ours (leap-second-aware UTC, UT1 from finals2000A) side by side with satellite.js 7.1
// (jday + gstime on UTC, no leap seconds or UT1) and the JS Date parser; plus the one-off cost of parsing finals2000A.all.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { builtinLeapSeconds, gmst82Rad, gmst06Rad, eraRad, parseFinals2000A, TimeScales } from '@stationkeeper/astro/time';
import * as satellite from 'satellite.js';

function time(label, n, f) {
  for (let i = 0; i < Math.min(n, 500); i++) f(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(56)} ${us.toFixed(3).padStart(10)} µs/call`);
}

export async function run() {
  const here = dirname(fileURLToPath(import.meta.url));
  const shared = process.env.STATIONKEEPER_SHARED ?? resolve(here, '..', '..', '..', 'shared');
  const finalsPath = join(shared, 'data', 'eop', 'finals2000A.all.gz');
  let eop;
  if (existsSync(finalsPath)) {
    const text = gunzipSync(readFileSync(finalsPath)).toString('utf8');
    const t0 = performance.now();
    eop = parseFinals2000A(text);
    console.log(`${'ours parseFinals2000A (finals2000A.all, 20 005 lines)'.padEnd(56)} ${(performance.now() - t0).toFixed(1).padStart(10)} ms`);
  } else {
    console.log('finals2000A.all.gz not found: UT1 benchmarks run without EOP');
  }
  const ts = new TimeScales({ leapSeconds: builtinLeapSeconds(), ...(eop ? { eop } : {}), onWarning: () => {} });
  const isos = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_123).toISOString());
  const instants = isos.map((s) => ts.fromUtcIso(s));
  let sink = 0;
  time('ours fromUtcIso', 200_000, (i) => { sink += ts.fromUtcIso(isos[i % 1000]).taiJd2; });
  time('JS Date.parse (no leap seconds)', 200_000, (i) => { sink += Date.parse(isos[i % 1000]); });
  time('ours toIsoUtc(t, 3)', 200_000, (i) => { sink += ts.toIsoUtc(instants[i % 1000]).length; });
  time('ours utc(t) (two-part JD)', 500_000, (i) => { sink += ts.utc(instants[i % 1000]).jd2; });
  time('ours ut1(t) (EOP interpolation as UT1−TAI)', 500_000, (i) => { sink += ts.ut1(instants[i % 1000]).jd2; });
  time('ours polarMotion(t)', 500_000, (i) => { sink += ts.polarMotion(instants[i % 1000]).xpRad; });
  time('ours Instant.tdb (Fairhead–Bretagnon short series)', 500_000, (i) => { sink += instants[i % 1000].tdb.jd2; });
  const ut1s = instants.map((t) => ts.ut1(t));
  const tts = instants.map((t) => t.tt);
  time('ours gmst82Rad(ut1)', 2_000_000, (i) => { sink += gmst82Rad(ut1s[i % 1000]); });
  time('ours eraRad(ut1)', 2_000_000, (i) => { sink += eraRad(ut1s[i % 1000]); });
  time('ours gmst06Rad(ut1, tt)', 2_000_000, (i) => { sink += gmst06Rad(ut1s[i % 1000], tts[i % 1000]); });
  const jds = ut1s.map((u) => u.jd1 + u.jd2);
  time('satellite.js gstime(jd) (one double, UTC)', 2_000_000, (i) => { sink += satellite.gstime(jds[i % 1000]); });
  if (!Number.isFinite(sink)) console.log('unexpected NaN');
}

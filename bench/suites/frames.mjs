// Frame conversions per call (µs): ours (IAU 2006/2000A CIO-based GCRF, GMST-82 + polar motion ITRF, WGS-84 Bowring
// geodetic, look angles) side by side with satellite.js 7.1 (GMST rotation only, no polar motion or GCRF).
import {
  geodeticFromItrf, lookAnglesInto, observerFromDegrees, temeToGcrf, temeToItrf, topocentricSite, gcrfToItrf,
} from '@stationkeeper/astro/frames';
import { builtinLeapSeconds, TimeScales } from '@stationkeeper/astro/time';
import * as satellite from 'satellite.js';

function time(label, n, f) {
  for (let i = 0; i < Math.min(n, 500); i++) f(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(52)} ${us.toFixed(3).padStart(9)} µs/call`);
}

export async function run() {
  const ts = new TimeScales({ leapSeconds: builtinLeapSeconds() });
  const t0 = ts.fromUtcIso('2024-03-01T12:00:00Z');
  const instants = Array.from({ length: 1000 }, (_, i) => t0.plusSeconds(i * 60));
  const teme = (i) => ({ frame: 'TEME', instant: instants[i % 1000], positionKm: [6524.834, 6862.875, 6448.296], velocityKmS: [4.901327, 5.533756, -1.976341] });
  let sink = 0;
  time('ours temeToItrf (GMST-82 + polar motion)', 50_000, (i) => { sink += temeToItrf(teme(i), ts).positionKm[0]; });
  time('ours temeToGcrf (IAU 2006/2000A, 1365 terms)', 2_000, (i) => { sink += temeToGcrf(teme(i), ts).positionKm[0]; });
  const g = temeToGcrf(teme(0), ts);
  time('ours gcrfToItrf (IAU 2006/2000A)', 2_000, (i) => { sink += gcrfToItrf({ ...g, instant: instants[i % 1000] }, ts).positionKm[0]; });
  const gmst = satellite.gstime(new Date('2024-03-01T12:00:00Z'));
  time('satellite.js eciToEcf (GMST rotation only)', 50_000, (i) => { sink += satellite.eciToEcf({ x: 6524.834 + i * 1e-9, y: 6862.875, z: 6448.296 }, gmst).x; });
  time('ours geodeticFromItrf (Bowring, to 1e-15 rad)', 500_000, (i) => { sink += geodeticFromItrf([6524.834 + i * 1e-9, 6862.875, 6448.296]).heightKm; });
  time('satellite.js eciToGeodetic', 500_000, (i) => { sink += satellite.eciToGeodetic({ x: 6524.834 + i * 1e-9, y: 6862.875, z: 6448.296 }, 0).height; });
  const site = topocentricSite(observerFromDegrees(51.5074, -0.1278, 11));
  const out = new Float64Array(4);
  time('ours lookAnglesInto (allocation-free, with range rate)', 2_000_000, (i) => { lookAnglesInto(site, 4000 + i * 1e-9, -500, 5200, 1, 2, 3, out); sink += out[1]; });
  const obsGd = { latitude: 51.5074 * Math.PI / 180, longitude: -0.1278 * Math.PI / 180, height: 0.011 };
  time('satellite.js ecfToLookAngles (no range rate)', 2_000_000, (i) => { sink += satellite.ecfToLookAngles(obsGd, { x: 4000 + i * 1e-9, y: -500, z: 5200 }).elevation; });
  if (!Number.isFinite(sink)) console.log('unexpected NaN');
}

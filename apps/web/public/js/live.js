/* global document, setInterval */
/**
 * The live position, once a second. Preferred: SGP4 in the browser from the compiled `@stationkeeper/astro`
 * ESM served under /lib/astro/ (the same code as the server; UT1 = UTC here, < 0.5 km). Fallback when that
 * cannot load: poll /api/now and /api/groundtrack.
 */
import { getJson, showWarnings, wallClock } from './api.js';
import { fmtKm, fmtLat, fmtLon } from './format.js';
import { drawFootprint, drawNight, drawTrack, placeIss } from './map.js';

const DEG = 180 / Math.PI;
const TRACK_STEP_S = 30;
const TRACK_REFRESH_MS = 30_000;

function readout(r) {
  document.getElementById('r-time').textContent = `${r.time.slice(0, 10)} ${r.time.slice(11, 19)}`;
  document.getElementById('r-lat').textContent = fmtLat(r.latitudeDeg);
  document.getElementById('r-lon').textContent = fmtLon(r.longitudeDeg);
  document.getElementById('r-alt').textContent = fmtKm(r.altitudeKm);
  document.getElementById('r-speed').textContent = `${r.speedKmS.toFixed(3)} km/s`;
  const sun = document.getElementById('r-sun');
  sun.textContent = r.sunlit ? (r.sunlitFraction < 1 ? `penumbra (${Math.round(r.sunlitFraction * 100)} %)` : 'sunlit') : 'in Earth’s shadow';
  sun.className = r.sunlit ? 'sunlit' : 'eclipse';
}

function describeElements(e) {
  const age = Math.abs(e.ageDays);
  const ageText = age > 365 ? `${(age / 365.25).toFixed(1)} years` : `${age.toFixed(1)} days`;
  document.getElementById('r-epoch').textContent = `${e.epoch.slice(0, 16).replace('T', ' ')} (${ageText} old${e.sample ? ', SAMPLE' : ''})`;
}

async function browserPropagation(elements) {
  const [{ parseElementFile }, { Sgp4Propagator }, { createTimeScales }, frames, { sunPositionTemeKm }, events] = await Promise.all([
    import('/lib/astro/elements/index.js'), import('/lib/astro/sgp4/index.js'), import('/lib/astro/time/index.js'),
    import('/lib/astro/frames/index.js'), import('/lib/astro/bodies/index.js'), import('/lib/astro/events/index.js'),
  ]);
  const parsed = parseElementFile(elements.text);
  const set = parsed.records[0];
  if (!set) throw new Error('element text did not parse');
  const ts = createTimeScales({ onWarning: () => undefined });
  const prop = Sgp4Propagator.fromElements(set, ts, elements.sample ? { guard: { maxDaysFromEpoch: Number.POSITIVE_INFINITY } } : {});
  const periodS = 86_400 / set.meanMotionRevPerDay;
  let lastTrack = 0;
  return (now) => {
    const t = ts.fromDate(now);
    const teme = prop.stateAt(t);
    const itrf = frames.temeToItrf(teme, ts);
    const geo = frames.geodeticFromItrf(itrf.positionKm);
    const tt = t.tt;
    const sunTeme = sunPositionTemeKm(tt.jd1, tt.jd2);
    const shadow = events.shadowGeometry(teme.positionKm, sunTeme);
    const [vx, vy, vz] = teme.velocityKmS;
    const r = {
      time: ts.toIsoUtc(t, 0), latitudeDeg: geo.latitudeRad * DEG, longitudeDeg: geo.longitudeRad * DEG, altitudeKm: geo.heightKm,
      speedKmS: Math.hypot(vx, vy, vz), sunlit: events.isSunlit(shadow), sunlitFraction: events.sunlitFraction(shadow),
    };
    if (now.getTime() - lastTrack > TRACK_REFRESH_MS) {
      lastTrack = now.getTime();
      const past = events.groundTrack(prop, t.plusSeconds(-periodS), periodS, TRACK_STEP_S, ts);
      const future = events.groundTrack(prop, t, periodS, TRACK_STEP_S, ts);
      drawTrack(events.groundTrackGeoJson(past).geometry, events.groundTrackGeoJson(future).geometry);
      const sun = frames.temeToItrf({ frame: 'TEME', instant: t, positionKm: sunTeme, velocityKmS: [0, 0, 0] }, ts).positionKm;
      drawNight(Math.atan2(sun[2], Math.hypot(sun[0], sun[1])) * DEG, Math.atan2(sun[1], sun[0]) * DEG);
    }
    drawFootprint(events.footprintGeoJson(r.latitudeDeg, r.longitudeDeg, r.altitudeKm, 0));
    return r;
  };
}

async function apiPolling() {
  let lastTrack = 0;
  return async (now) => {
    const r = await getJson('/api/now');
    if (now.getTime() - lastTrack > TRACK_REFRESH_MS) {
      lastTrack = now.getTime();
      const fc = await getJson('/api/groundtrack', { minutes: 186 });
      const track = fc.features.find((f) => f.properties.kind === 'track');
      drawTrack(track.geometry, { type: 'MultiLineString', coordinates: [] });
    }
    const fc = await getJson('/api/groundtrack', { minutes: 1 });
    const foot = fc.features.find((f) => f.properties.kind === 'footprint');
    if (foot) drawFootprint(foot.geometry);
    return r;
  };
}

/** Starts the 1 Hz loop; resolves once the first position is on the map. */
export async function startLive(banner, noradId = 25544) {
  const mode = document.getElementById('live-mode');
  const elements = await getJson(`/api/elements/${noradId}`);
  showWarnings(banner, elements.warnings);
  describeElements(elements);
  let step;
  try {
    step = await browserPropagation(elements);
    mode.textContent = 'SGP4 in your browser · 1 s updates';
  } catch (e) {
    step = await apiPolling();
    mode.textContent = `server positions (browser SGP4 unavailable: ${e.message})`;
  }
  const tick = async () => {
    try {
      const r = await step(wallClock());
      readout(r);
      placeIss(r.latitudeDeg, r.longitudeDeg, r.sunlit);
    } catch (e) {
      mode.textContent = `position unavailable: ${e.message}`;
    }
  };
  await tick();
  setTimeout(() => setInterval(tick, 1000), 1000 - (Date.now() % 1000));
}

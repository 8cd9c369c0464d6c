/* global document */
/** The map layers: graticule, countries (from /api/countries), night side, track, footprint, markers. */
import { getJson } from './api.js';
import { el, geometryD, lineD, px, py } from './svg.js';

const DEG = Math.PI / 180;

export async function drawBase() {
  const grat = document.getElementById('graticule');
  for (let lon = -150; lon <= 150; lon += 30) el('path', { d: lineD([[lon, -90], [lon, 90]]), class: 'grat' }, grat);
  for (let lat = -60; lat <= 60; lat += 30) el('path', { d: lineD([[-180, lat], [180, lat]]), class: lat === 0 ? 'grat grat-eq' : 'grat' }, grat);
  const countries = await getJson('/api/countries');
  const g = document.getElementById('countries');
  const frag = document.createDocumentFragment();
  for (const f of countries.features) {
    const path = el('path', { d: geometryD(f.geometry), class: 'land' }, frag);
    if (f.properties && f.properties.name) el('title', {}, path).textContent = f.properties.name;
  }
  g.appendChild(frag);
}

/** Night side from the subsolar point (geocentric latitude/longitude of the Sun, deg). */
export function drawNight(sunLatDeg, sunLonDeg) {
  const dec = Math.abs(sunLatDeg) < 1e-3 ? (sunLatDeg < 0 ? -1e-3 : 1e-3) : sunLatDeg;
  const pts = [];
  for (let lon = -180; lon <= 180; lon += 2) {
    // Terminator: cos(zenith) = 0 ⇔ sin φ sin δ + cos φ cos δ cos(λ − λs) = 0.
    const lat = Math.atan(-Math.cos((lon - sunLonDeg) * DEG) / Math.tan(dec * DEG)) / DEG;
    pts.push([lon, lat]);
  }
  const pole = dec > 0 ? -90 : 90; // the pole in darkness
  pts.push([180, pole], [-180, pole]);
  document.getElementById('night').setAttribute('d', `M${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join('L')}Z`);
}

export function drawTrack(pastGeometry, futureGeometry) {
  const g = document.getElementById('track');
  g.replaceChildren();
  el('path', { d: geometryD(pastGeometry), class: 'track-past' }, g);
  el('path', { d: geometryD(futureGeometry), class: 'track-future' }, g);
}

export function drawFootprint(geometry) {
  document.getElementById('footprint').setAttribute('d', geometryD(geometry));
}

export function placeIss(latDeg, lonDeg, sunlit) {
  const m = document.getElementById('iss-marker');
  m.setAttribute('transform', `translate(${px(lonDeg).toFixed(1)} ${py(latDeg).toFixed(1)})`);
  m.setAttribute('class', sunlit ? 'iss-marker-sunlit' : 'iss-marker-eclipse');
  m.setAttribute('data-lat', latDeg.toFixed(4));
  m.setAttribute('data-lon', lonDeg.toFixed(4));
  m.hidden = false;
  m.removeAttribute('hidden');
}

export function placeObserver(latDeg, lonDeg) {
  const m = document.getElementById('observer-marker');
  m.setAttribute('transform', `translate(${px(lonDeg).toFixed(1)} ${py(latDeg).toFixed(1)})`);
  m.removeAttribute('hidden');
}

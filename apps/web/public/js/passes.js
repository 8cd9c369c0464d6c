/* global document, localStorage, navigator */
/** The passes panel: a lat/lon form (remembered in localStorage; geolocation optional) → /api/passes → table, and
 * the sky track of the selected pass (the first visible one, or a clicked row). */
import { getJson, showWarnings } from './api.js';
import { compass, duration, hms, ymd } from './format.js';
import { placeObserver } from './map.js';
import { skyPlot } from './skyplot.js';

const KEY = 'stationkeeper.location';
const FIELDS = ['lat', 'lon', 'heightM', 'days', 'minElevationDeg'];

function load(form) {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (saved && typeof saved === 'object') {
      for (const f of FIELDS) if (saved[f] !== undefined && form.elements[f]) form.elements[f].value = saved[f];
      form.elements.visibleOnly.checked = saved.visibleOnly === true;
      return true;
    }
  } catch {
    // unreadable storage: start empty
  }
  return false;
}

function save(values) {
  try {
    localStorage.setItem(KEY, JSON.stringify(values));
  } catch {
    // private mode: not remembered
  }
}

function row(p, select) {
  const tr = document.createElement('tr');
  tr.tabIndex = 0;
  tr.addEventListener('click', () => select(tr, p));
  tr.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      select(tr, p);
    }
  });
  tr.title = `duration ${duration(p.durationS)}; culmination ${p.culmination.time}, range ${p.culmination.rangeKm.toFixed(0)} km`;
  if (p.visible) tr.className = 'visible';
  const cells = [
    ymd((p.rise ?? p.culmination).time),
    p.rise ? `${hms(p.rise.time)} ${compass(p.rise.azimuthDeg)}` : 'in progress',
    `${p.maxElevationDeg.toFixed(0)}° ${compass(p.culmination.azimuthDeg)} ${hms(p.culmination.time).slice(0, 5)}`,
    p.set ? `${hms(p.set.time)} ${compass(p.set.azimuthDeg)}` : '—',
    p.visible ? `${hms(p.visibleStart).slice(0, 5)}–${hms(p.visibleEnd).slice(0, 5)}` : 'no',
    p.maxMagnitude === null ? '—' : p.maxMagnitude.toFixed(1),
  ];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = text;
    if (i === 4 && p.visible) td.className = 'yes';
    tr.appendChild(td);
  });
  return tr;
}

export function setupPasses(banner) {
  const form = document.getElementById('passes-form');
  const status = document.getElementById('passes-status');
  const table = document.getElementById('passes-table');
  const sky = document.getElementById('sky-plot');
  const select = (tr, p) => {
    for (const other of table.tBodies[0].rows) other.removeAttribute('aria-selected');
    tr.setAttribute('aria-selected', 'true');
    sky.hidden = skyPlot(sky, p) === null;
  };
  const run = async () => {
    const v = Object.fromEntries(FIELDS.map((f) => [f, form.elements[f].value.trim()]));
    v.visibleOnly = form.elements.visibleOnly.checked;
    if (v.lat === '' || v.lon === '') {
      status.textContent = 'Enter a latitude and longitude (degrees), or use your location.';
      status.className = 'status';
      return;
    }
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    status.className = 'status';
    status.textContent = 'Searching…';
    try {
      const res = await getJson('/api/passes', { ...v, visibleOnly: v.visibleOnly ? 'true' : undefined, skyTrack: 'true' });
      save(v);
      placeObserver(Number(v.lat), Number(v.lon));
      showWarnings(banner, res.warnings);
      const rows = res.passes.map((p) => row(p, select));
      table.tBodies[0].replaceChildren(...rows);
      table.hidden = res.passes.length === 0;
      const first = Math.max(0, res.passes.findIndex((p) => p.visible));
      if (rows[first]) select(rows[first], res.passes[first]);
      else sky.hidden = true;
      const visible = res.passes.filter((p) => p.visible).length;
      status.textContent = `${res.passes.length} pass${res.passes.length === 1 ? '' : 'es'} above ${res.window.minElevationDeg}° in ${res.window.days} days from ${res.window.start.slice(0, 16).replace('T', ' ')} UTC; ${visible} visible (ISS sunlit, Sun below −6°). Select a pass to see where to look.`;
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
      table.hidden = true;
      sky.hidden = true;
    } finally {
      button.disabled = false;
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    run();
  });
  document.getElementById('geolocate').addEventListener('click', () => {
    if (!navigator.geolocation) {
      status.textContent = 'This browser offers no geolocation; type the coordinates.';
      return;
    }
    status.textContent = 'Asking the browser for your location…';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        form.elements.lat.value = pos.coords.latitude.toFixed(4);
        form.elements.lon.value = pos.coords.longitude.toFixed(4);
        if (pos.coords.altitude !== null) form.elements.heightM.value = Math.round(pos.coords.altitude);
        run();
      },
      (err) => {
        status.className = 'status error';
        status.textContent = `Location unavailable (${err.message}); type the coordinates.`;
      },
      { timeout: 10_000, maximumAge: 600_000 },
    );
  });
  if (load(form)) run();
}

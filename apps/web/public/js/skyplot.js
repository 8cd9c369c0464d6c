/* global document */
/** Where to look: one pass drawn on the sky as seen lying on your back — zenith at the centre, the horizon as the
 * rim, north at the top and east on the LEFT (a star chart held overhead). Radius is linear in zenith distance
 * (r ∝ 90° − elevation), the usual all-sky projection. Input: a pass of /api/passes with `skyTrack=true`. */
import { el } from './svg.js';
import { compass, hms } from './format.js';

const SIZE = 260;
const C = SIZE / 2;
const R = 108;
const RAD = Math.PI / 180;

/** Sky position → SVG point: azimuth from north through east, drawn counter-clockwise (east left). Negative
 * elevations fall outside the horizon circle (used to place the N/E/S/W labels just beyond the rim). */
export function skyXY(azimuthDeg, elevationDeg) {
  const r = (R * (90 - elevationDeg)) / 90;
  return [C - r * Math.sin(azimuthDeg * RAD), C - r * Math.cos(azimuthDeg * RAD)];
}

const d = (points) => (points.length < 2 ? '' : `M${points.map((s) => skyXY(s.azimuthDeg, s.elevationDeg).map((v) => v.toFixed(1)).join(',')).join('L')}`);

/** Draws `pass` into `container` (replacing its content); returns the SVG element, or null without a sky track. */
export function skyPlot(container, pass) {
  container.replaceChildren();
  const track = (pass.skyTrack ?? []).filter((s) => s.elevationDeg >= 0);
  if (track.length < 2) return null;
  const svg = el('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', class: 'skyplot' }, container);
  const when = pass.culmination.time.slice(0, 16).replace('T', ' ');
  el('title', {}, svg).textContent = `Sky track of the pass culminating ${when} UTC at ${pass.maxElevationDeg.toFixed(0)}° elevation`;
  el('circle', { cx: C, cy: C, r: R, class: 'sky-horizon' }, svg);
  for (const e of [30, 60]) el('circle', { cx: C, cy: C, r: (R * (90 - e)) / 90, class: 'sky-ring' }, svg);
  el('line', { x1: C - R, x2: C + R, y1: C, y2: C, class: 'sky-ring' }, svg);
  el('line', { x1: C, x2: C, y1: C - R, y2: C + R, class: 'sky-ring' }, svg);
  for (const [label, az] of [['N', 0], ['E', 90], ['S', 180], ['W', 270]]) {
    const [x, y] = skyXY(az, -9);
    el('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'sky-cardinal' }, svg).textContent = label;
  }
  for (const e of [30, 60]) {
    const [x, y] = skyXY(20, e);
    el('text', { x: x + 2, y: y - 2, class: 'sky-ring-label' }, svg).textContent = `${e}°`;
  }
  el('path', { d: d(track), class: 'sky-track', 'data-samples': track.length }, svg);
  if (pass.visible && pass.visibleStart && pass.visibleEnd) {
    const lit = track.filter((s) => s.time >= pass.visibleStart && s.time <= pass.visibleEnd);
    if (lit.length >= 2) el('path', { d: d(lit), class: 'sky-visible' }, svg);
  }
  const marks = [['rise', pass.rise], ['max', pass.culmination], ['set', pass.set]].filter(([, p]) => p);
  // The culmination label goes off the track: perpendicular to the chord from the first to the last sample,
  // on the zenith's side (either side for a pass through the zenith).
  const [ax, ay] = skyXY(track[0].azimuthDeg, track[0].elevationDeg);
  const [bx, by] = skyXY(track.at(-1).azimuthDeg, track.at(-1).elevationDeg);
  const chord = Math.hypot(bx - ax, by - ay) || 1;
  let [nx, ny] = [-(by - ay) / chord, (bx - ax) / chord];
  for (const [name, p] of marks) {
    const [x, y] = skyXY(p.azimuthDeg, p.elevationDeg);
    el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: name === 'max' ? 4 : 3, class: `sky-mark sky-${name}` }, svg);
    let lx;
    let ly;
    let anchor;
    if (name === 'max') {
      if (nx * (C - x) + ny * (C - y) < 0) [nx, ny] = [-nx, -ny];
      lx = x + 14 * nx;
      ly = y + 14 * ny + 4;
      anchor = Math.abs(nx) < 0.5 ? 'middle' : nx > 0 ? 'start' : 'end';
    } else {
      // Rise and set sit on (or near) the rim: label towards the zenith.
      lx = x + (C - x) * 0.12;
      ly = y + (C - y) * 0.12 + 4;
      anchor = x < C ? 'start' : 'end';
    }
    el('text', { x: lx.toFixed(1), y: ly.toFixed(1), 'text-anchor': anchor, class: 'sky-label' }, svg).textContent = hms(p.time).slice(0, 8);
  }
  const cap = document.createElement('p');
  cap.className = 'small muted';
  const from = pass.rise ? `${compass(pass.rise.azimuthDeg)}` : 'in progress';
  const to = pass.set ? compass(pass.set.azimuthDeg) : '—';
  cap.textContent =
    `${when} UTC: from ${from} through ${pass.maxElevationDeg.toFixed(0)}° ${compass(pass.culmination.azimuthDeg)} to ${to}. ` +
    `Seen lying on your back, north up, east left; rings at 30° and 60° elevation.` +
    (pass.visible ? ' The bright stretch is when it is sunlit in a dark sky.' : ' Not visible: in Earth’s shadow or in daylight.');
  container.append(cap);
  return svg;
}

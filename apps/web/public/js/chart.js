/** A small SVG time-series chart (UTC time axis, labelled value axis with unit). */
import { el } from './svg.js';

const W = 640;
const H = 260;
const M = { left: 52, right: 14, top: 12, bottom: 34 };

function niceTicks(min, max, count) {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? raw;
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function timeTicks(t0, t1) {
  const days = (t1 - t0) / 86_400_000;
  const out = [];
  const d = new Date(t0);
  const monthly = days < 3 * 365;
  const every = monthly ? (days > 540 ? 3 : days > 200 ? 2 : 1) : Math.max(1, Math.round(days / 365 / 8));
  let y = d.getUTCFullYear();
  let m = monthly ? d.getUTCMonth() : 0;
  for (let guard = 0; guard < 600; guard++) {
    const t = Date.UTC(y, m, 1);
    if (t > t1) break;
    if (t >= t0) out.push({ t, label: monthly ? `${y}-${String(m + 1).padStart(2, '0')}` : String(y) });
    if (monthly) { m += every; while (m > 11) { m -= 12; y += 1; } } else y += every;
  }
  if (out.length === 0 && days < 40) {
    for (let t = Math.ceil(t0 / 86_400_000) * 86_400_000; t <= t1; t += Math.ceil(days / 6) * 86_400_000) out.push({ t, label: new Date(t).toISOString().slice(5, 10) });
  }
  return out;
}

/**
 * series: [{ points: [[ms, value], …], class: 'series' | 'series2', dots?: boolean, label }]; yLabel names the unit.
 * Returns the SVG element (also appended to `container`, replacing its content).
 */
export function timeChart(container, { series, yLabel, title }) {
  container.replaceChildren();
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const t0 = Math.min(...all.map((p) => p[0]));
  const t1 = Math.max(...all.map((p) => p[0]));
  const vmin = Math.min(...all.map((p) => p[1]));
  const vmax = Math.max(...all.map((p) => p[1]));
  const pad = (vmax - vmin) * 0.06 || 1;
  const y0 = vmin - pad;
  const y1 = vmax + pad;
  const x = (t) => M.left + ((t - t0) / (t1 - t0 || 1)) * (W - M.left - M.right);
  const y = (v) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title }, container);
  el('title', {}, svg).textContent = title;
  for (const v of niceTicks(y0, y1, 5)) {
    el('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: 'gridline' }, svg);
    el('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, svg).textContent = String(v);
  }
  for (const tick of timeTicks(t0, t1)) {
    el('line', { x1: x(tick.t), x2: x(tick.t), y1: H - M.bottom, y2: H - M.bottom + 4, class: 'axis' }, svg);
    // A label centred on a tick near the right edge would be cut off by the viewBox: end it at the tick instead.
    const anchor = x(tick.t) > W - M.right - 28 ? 'end' : 'middle';
    el('text', { x: x(tick.t), y: H - M.bottom + 16, 'text-anchor': anchor }, svg).textContent = tick.label;
  }
  el('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'axis' }, svg);
  el('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: 'axis' }, svg);
  el('text', { x: 12, y: M.top + (H - M.top - M.bottom) / 2, transform: `rotate(-90 12 ${M.top + (H - M.top - M.bottom) / 2})`, 'text-anchor': 'middle' }, svg).textContent = yLabel;
  for (const s of series) {
    if (s.points.length === 0) continue;
    const d = `M${s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('L')}`;
    el('path', { d, class: s.class ?? 'series' }, svg);
    if (s.dots) for (const [t, v] of s.points) el('circle', { cx: x(t).toFixed(1), cy: y(v).toFixed(1), r: 1.6, class: 'dots' }, svg);
  }
  const legend = series.filter((s) => s.label);
  legend.forEach((s, i) => {
    const lx = W - M.right - 220;
    const ly = M.top + 12 + i * 15;
    el('line', { x1: lx, x2: lx + 18, y1: ly - 4, y2: ly - 4, class: s.class ?? 'series' }, svg);
    el('text', { x: lx + 24, y: ly }, svg).textContent = s.label;
  });
  return svg;
}

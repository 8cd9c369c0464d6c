/* global document */
/**
 * The "what if nobody reboosts" panel: /api/decay → reentry p5/p50/p95, the predicted mean altitude, and the
 * years to reentry next to Energia's 2022 statement (2–5 years). With too little data in the store it offers
 * a run on stated assumptions: C_D·A/m = 0.00775 m²/kg (the ISS fit of March 2022, docs/decay.md) and
 * average constant activity (F10.7 120 sfu, Ap 12).
 */
import { ApiError, getJson, showWarnings } from './api.js';
import { timeChart } from './chart.js';
import { el } from './svg.js';

const ASSUMED = { cdAreaMassM2Kg: '0.00775', spaceWeather: 'constant:120,12' };

function fmtPercentile(iso, years) {
  return iso === null ? 'not within 50 years' : `${iso.slice(0, 10)} (${years.toFixed(1)} y)`;
}

function compareChart(container, y, ref) {
  container.replaceChildren();
  const W = 640;
  const H = 100;
  const maxYears = Math.max(6, Math.ceil((y.p95 ?? y.p50 ?? 5) + 0.5));
  const x = (v) => 20 + (v / maxYears) * (W - 70);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Years to reentry: this prediction against ${ref.source}` }, container);
  el('text', { x: x(ref.minYears), y: 13 }, svg).textContent = 'Energia 2022: 2–5 years';
  el('rect', { x: x(ref.minYears), y: 18, width: x(ref.maxYears) - x(ref.minYears), height: 16, class: 'band' }, svg);
  if (y.p50 !== null) {
    const lo = y.p5 ?? y.p50;
    const hi = y.p95 ?? maxYears;
    el('rect', { x: x(lo), y: 44, width: Math.max(2, x(hi) - x(lo)), height: 16, rx: 3, class: 'range' }, svg);
    el('line', { x1: x(y.p50), x2: x(y.p50), y1: 40, y2: 64, class: 'tick50' }, svg);
    el('text', { x: Math.min(x(hi) + 6, W - 170), y: 57 }, svg).textContent = 'this prediction p5–p95';
  }
  for (let v = 0; v <= maxYears; v += 1) {
    el('line', { x1: x(v), x2: x(v), y1: 74, y2: 78, class: 'axis' }, svg);
    el('text', { x: x(v), y: 92, 'text-anchor': 'middle' }, svg).textContent = `${v}`;
  }
  el('line', { x1: x(0), x2: x(maxYears), y1: 74, y2: 74, class: 'axis' }, svg);
  el('text', { x: x(maxYears) + 8, y: 78 }, svg).textContent = 'years';
}

export function setupDecay(banner, noradId = 25544) {
  const form = document.getElementById('decay-form');
  const status = document.getElementById('decay-status');
  const result = document.getElementById('decay-result');
  const run = async (params) => {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    status.className = 'status';
    status.textContent = 'Integrating the decay (NRLMSISE-00, orbit-averaged to 120 km, then numerical to 80 km)…';
    try {
      const res = await getJson('/api/decay', { norad: noradId, ...params });
      showWarnings(banner, res.warnings);
      document.getElementById('d-p5').textContent = fmtPercentile(res.reentry.p5, res.yearsToReentry.p5);
      document.getElementById('d-p50').textContent = fmtPercentile(res.reentry.p50, res.yearsToReentry.p50);
      document.getElementById('d-p95').textContent = fmtPercentile(res.reentry.p95, res.yearsToReentry.p95);
      compareChart(document.getElementById('decay-compare'), res.yearsToReentry, res.comparison);
      timeChart(document.getElementById('decay-chart'), {
        title: `Predicted mean altitude without reboosts from ${res.elementEpoch.slice(0, 10)}`,
        yLabel: 'mean altitude (km)',
        series: [
          { points: res.observedAltitudeKm.map(([t, v]) => [Date.parse(t), v]), class: 'series', dots: true, label: 'element sets (fit window)' },
          { points: res.altitudeKm.map(([t, v]) => [Date.parse(t), v]), class: 'series2', label: 'predicted (nominal)' },
        ],
      });
      const b = res.ballisticCoefficient;
      document.getElementById('decay-method').textContent =
        `Start ${res.elementEpoch} at ${res.startMeanAltitudeKm.toFixed(1)} km mean altitude; C_D·A/m = ${b.cdAOverMM2Kg.toFixed(5)} ± ${b.sigmaM2Kg.toFixed(5)} m²/kg (${b.source}); ` +
        `space weather: ${res.spaceWeather.kind === 'constant' ? `constant F10.7 ${res.spaceWeather.f107Sfu} sfu, Ap ${res.spaceWeather.ap}` : res.spaceWeather.kind}. ${res.method}.${res.cached ? ' (cached)' : ''}`;
      result.hidden = false;
      status.textContent = '';
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
      if (e instanceof ApiError && e.status === 409) {
        const retry = document.createElement('button');
        retry.type = 'button';
        retry.textContent = 'Run with assumed C_D·A/m 0.00775 m²/kg and average activity';
        retry.addEventListener('click', () => {
          form.elements.cdAreaMassM2Kg.value = ASSUMED.cdAreaMassM2Kg;
          form.elements.spaceWeather.value = ASSUMED.spaceWeather;
          run(ASSUMED);
        });
        status.append(' ', retry);
      }
    } finally {
      button.disabled = false;
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    run({ spaceWeather: form.elements.spaceWeather.value, cdAreaMassM2Kg: form.elements.cdAreaMassM2Kg.value.trim() });
  });
  run({});
}

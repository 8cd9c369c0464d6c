/* global document */
/** The history panel: mean altitude of every stored element set (reboosts are the upward steps). */
import { getJson, showWarnings } from './api.js';
import { timeChart } from './chart.js';

export async function setupHistory(banner, noradId = 25544) {
  const status = document.getElementById('history-status');
  const note = document.getElementById('history-note');
  try {
    const res = await getJson('/api/history', { norad: noradId });
    showWarnings(banner, res.warnings);
    if (res.rows.length < 2) {
      status.textContent = `The store holds ${res.rows.length} element set${res.rows.length === 1 ? '' : 's'} of NORAD ${noradId}. Import a history ('stationkeeper import FILE') or run 'stationkeeper update' to see the mean altitude over time and the reboosts.`;
      return;
    }
    const first = res.rows[0].epoch.slice(0, 10);
    const last = res.rows[res.rows.length - 1].epoch.slice(0, 10);
    note.textContent = `${res.count} element sets, ${first} – ${last}`;
    timeChart(document.getElementById('history-chart'), {
      title: `Mean altitude of ${res.name ?? `NORAD ${noradId}`}, ${first} to ${last}`,
      yLabel: 'mean altitude (km)',
      series: [{ points: res.rows.map((r) => [Date.parse(r.epoch), r.meanAltitudeKm]), class: 'series', dots: res.rows.length < 800 }],
    });
    status.textContent = `${res.altitudeReference}. Upward steps are reboosts.`;
  } catch (e) {
    status.className = 'status error';
    status.textContent = e.message;
  }
}

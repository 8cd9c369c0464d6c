/**
 * End to end: the server on an ephemeral loopback port (temporary store with the bundled sample), Debian's
 * /usr/bin/chromium driven by playwright-core. Checks that the map renders the country outlines and the ISS
 * marker (SGP4 running in the page from /lib/astro), that the passes form returns rows and remembers the
 * location, that the scenario panel offers and runs the assumed-parameter scenario, and that the page falls back
 * to server positions when the astro ESM cannot load. Skips (saying why) only when /usr/bin/chromium is absent.
 * Set STATIONKEEPER_E2E_SCREENSHOT=/path.png to keep a screenshot.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIssSampleIfEmpty } from '@stationkeeper/data/sample';
import { buildApp } from './app.js';
import { tempStore, type TempStore } from './test-store.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[stationkeeper e2e] ${CHROMIUM} not found: the browser test is SKIPPED (install Debian's chromium package).`);

describe.skipIf(!hasChromium)('web app in headless Chromium', () => {
  let temp: TempStore;
  let app: FastifyInstance;
  let url: string;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const now = new Date(Date.now());
    temp = await tempStore(now);
    await seedIssSampleIfEmpty(temp.store, now);
    app = await buildApp({ store: temp.store, storeDescription: temp.path, clock: () => new Date(Date.now()) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
    profile = mkdtempSync(join(tmpdir(), 'stationkeeper-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await temp?.dispose();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  async function open(): Promise<{ page: Page; errors: string[]; offsite: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const offsite: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    return { page, errors, offsite };
  }

  it('renders the map with countries and the ISS marker from in-browser SGP4; the passes form returns rows', async () => {
    const { page, errors, offsite } = await open();
    await page.goto(url);
    const marker = page.locator('#iss-marker[data-lat]');
    await marker.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => page.locator('#countries path').count(), { timeout: 20_000 }).toBeGreaterThan(150);
    const lat = Number(await marker.getAttribute('data-lat'));
    const lon = Number(await marker.getAttribute('data-lon'));
    // The ISS's inclination (51.64°) bounds the sub-satellite latitude (+0.2° geodetic vs geocentric).
    expect(Math.abs(lat)).toBeLessThanOrEqual(51.84);
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(await page.locator('#live-mode').textContent()).toContain('SGP4 in your browser');
    expect(await page.locator('#track path').count()).toBe(2);
    expect(await page.locator('#footprint').getAttribute('d')).toMatch(/^M/);
    await expect.poll(() => page.locator('#banner').textContent()).toContain('SAMPLE');
    // The marker moves: ~7.7 km/s is ~0.07° of arc per second.
    await expect.poll(async () => Number(await marker.getAttribute('data-lon')) !== lon, { timeout: 5_000 }).toBe(true);

    await page.fill('input[name=lat]', '51.5074');
    await page.fill('input[name=lon]', '-0.1278');
    await page.fill('input[name=minElevationDeg]', '0');
    await page.click('#passes-form button[type=submit]');
    await expect.poll(() => page.locator('#passes-table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('#passes-status').textContent()).toMatch(/\d+ pass(es)? above 0°/);
    expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('stationkeeper.location'))).toContain('51.5074');
    expect(await page.locator('#observer-marker').isVisible()).toBe(true);
    // The first (visible, else first) pass is drawn on the sky; another row redraws it.
    await page.locator('#sky-plot svg path.sky-track').waitFor({ state: 'visible', timeout: 10_000 });
    expect(Number(await page.locator('#sky-plot path.sky-track').getAttribute('data-samples'))).toBeGreaterThan(5);
    const firstTitle = await page.locator('#sky-plot svg title').textContent();
    if ((await page.locator('#passes-table tbody tr').count()) > 1) {
      await page.locator('#passes-table tbody tr').nth(1).click();
      await expect.poll(() => page.locator('#sky-plot svg title').textContent()).not.toBe(firstTitle);
      expect(await page.locator('#passes-table tbody tr').nth(1).getAttribute('aria-selected')).toBe('true');
    }

    // The scenario panel: the sample store has no history → 409 → the assumed-parameter run.
    const retry = page.locator('#decay-status button');
    await retry.waitFor({ state: 'visible', timeout: 30_000 });
    await retry.click();
    await page.locator('#decay-result').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.locator('#d-p50').textContent()).toMatch(/^\d{4}-\d\d-\d\d \(\d+\.\d y\)$/);

    const shot = process.env['STATIONKEEPER_E2E_SCREENSHOT'];
    if (shot !== undefined && shot !== '') await page.screenshot({ path: shot, fullPage: true });
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]); // offline: no remote tiles, fonts or scripts
    await page.close();
  });

  it('remembers the location on reload and degrades to server positions without the astro ESM', async () => {
    const { page, errors } = await open();
    await page.route('**/lib/astro/**', (route) => route.abort());
    await page.goto(url);
    await page.locator('#iss-marker[data-lat]').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('#live-mode').textContent()).toContain('server positions');
    expect(await page.inputValue('input[name=lat]')).toBe('51.5074');
    await expect.poll(() => page.locator('#passes-table tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('regression: the time-axis label of a tick near the right edge is not cut off by the chart (history 2021-01 … 2022-03 lost "2022-03")', async () => {
    const { page, errors } = await open();
    await page.goto(url);
    await page.locator('#iss-marker[data-lat]').waitFor({ state: 'visible', timeout: 20_000 });
    // Render the page's own chart module with the span of the shared ISS history, then measure every label. The
    // script is a string so that the test runner's module transform leaves its dynamic import() alone.
    const overflow = (await page.evaluate(`(async () => {
      const { timeChart } = await import('${url}js/chart.js');
      const div = document.createElement('div');
      div.className = 'chart'; // the page's chart styles (11 px labels), as in #history-chart
      div.style.width = '640px';
      document.body.append(div);
      const t0 = Date.UTC(2021, 0, 1, 5, 19);
      const t1 = Date.UTC(2022, 2, 3, 16, 59);
      const svg = timeChart(div, { series: [{ points: [[t0, 419.4], [t1, 418.5]] }], yLabel: 'mean altitude (km)', title: 't' });
      // Screen boxes (they include the rotation of the axis title) against the SVG's own box.
      const frame = svg.getBoundingClientRect();
      const out = [];
      for (const text of svg.querySelectorAll('text')) {
        const box = text.getBoundingClientRect();
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) out.push(text.textContent + ' [' + box.left.toFixed(1) + ', ' + box.right.toFixed(1) + '] outside [' + frame.left.toFixed(1) + ', ' + frame.right.toFixed(1) + ']');
      }
      return out;
    })()`)) as string[];
    expect(overflow).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a pass on the sky as seen looking up: zenith at the centre, north up, EAST LEFT, the sunlit stretch highlighted', async () => {
    const { page, errors } = await open();
    await page.goto(url);
    await page.locator('#iss-marker[data-lat]').waitFor({ state: 'visible', timeout: 20_000 });
    // A synthetic pass rising due east on the horizon, culminating at the zenith, setting due west; sunlit and
    // in a dark sky for its second half. The page's own module draws it; we read the marks back.
    const marks = (await page.evaluate(`(async () => {
      const { skyPlot } = await import('${url}js/skyplot.js');
      const div = document.createElement('div');
      div.className = 'sky';
      document.body.append(div);
      const at = (s) => new Date(Date.UTC(2022, 2, 4, 5, 0, s)).toISOString();
      const skyTrack = [];
      for (let s = 0; s <= 180; s += 10) skyTrack.push({ time: at(s), azimuthDeg: s < 90 ? 90 : 270, elevationDeg: s < 90 ? s : 180 - s, magnitude: null });
      const point = (s, az, el) => ({ time: at(s), azimuthDeg: az, elevationDeg: el, rangeKm: 0, sunlit: true, magnitude: null });
      const pass = { rise: point(0, 90, 0), culmination: point(90, 0, 90), set: point(180, 270, 0), maxElevationDeg: 90,
        visible: true, visibleStart: at(90), visibleEnd: at(180), skyTrack };
      const svg = skyPlot(div, pass);
      const xy = (sel) => { const c = svg.querySelector(sel); return [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]; };
      const horizon = svg.querySelector('.sky-horizon');
      return { rise: xy('.sky-rise'), max: xy('.sky-max'), set: xy('.sky-set'),
        centre: [Number(horizon.getAttribute('cx')), Number(horizon.getAttribute('cy'))], radius: Number(horizon.getAttribute('r')),
        visible: svg.querySelectorAll('path.sky-visible').length, north: [...svg.querySelectorAll('.sky-cardinal')].find((t) => t.textContent === 'N').getAttribute('y') };
    })()`)) as { rise: [number, number]; max: [number, number]; set: [number, number]; centre: [number, number]; radius: number; visible: number; north: string };
    const [cx, cy] = marks.centre;
    // 0.1 px: the marks are written with one decimal.
    expect(Math.abs(marks.max[0] - cx) + Math.abs(marks.max[1] - cy)).toBeLessThan(0.1); // zenith at the centre
    expect(Math.abs(marks.rise[0] - (cx - marks.radius))).toBeLessThan(0.1); // east, on the horizon, to the LEFT
    expect(Math.abs(marks.rise[1] - cy)).toBeLessThan(0.1);
    expect(Math.abs(marks.set[0] - (cx + marks.radius))).toBeLessThan(0.1); // west to the right
    expect(Number(marks.north)).toBeLessThan(cy - marks.radius); // north label above the rim
    expect(marks.visible).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

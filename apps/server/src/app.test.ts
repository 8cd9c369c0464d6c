/**
 * API tests through `fastify.inject` on a temporary store holding only the bundled ISS sample: response shapes,
 * 400s naming the parameter, the stale-sample warning on every response that uses it, and values equal to the
 * shared implementations the routes call (`computeNow` of `@stationkeeper/analysis/now`, `predictPasses`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { computeNow } from '@stationkeeper/analysis/now';
import { predictPasses } from '@stationkeeper/astro/events';
import { Sgp4Propagator } from '@stationkeeper/astro/sgp4';
import { createTimeScales } from '@stationkeeper/astro/time';
import { issSampleElementSet, issSampleWarning, seedIssSampleIfEmpty } from '@stationkeeper/data/sample';
import { buildApp } from './app.js';
import { tempStore, type TempStore } from './test-store.js';

const CLOCK = new Date('2026-11-25T12:00:00Z');
let temp: TempStore;
let app: FastifyInstance;

beforeAll(async () => {
  temp = await tempStore(CLOCK);
  await seedIssSampleIfEmpty(temp.store, CLOCK);
  app = await buildApp({ store: temp.store, storeDescription: temp.path, clock: () => CLOCK, onServerError: (e) => { throw e; } });
});
afterAll(async () => {
  await app.close();
  await temp.dispose();
});

async function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

const sampleWarning = (body: Record<string, unknown>): boolean =>
  (body['warnings'] as string[]).some((w) => w.includes('bundled SAMPLE') && w.includes("'stationkeeper update'"));

describe('GET /api', () => {
  it('lists every route with parameters and units', async () => {
    const { status, body } = await get('/api');
    expect(status).toBe(200);
    const paths = (body['routes'] as { path: string }[]).map((r) => r.path);
    for (const p of ['/api/now', '/api/passes', '/api/groundtrack', '/api/history', '/api/decay', '/api/elements/{norad}', '/api/db']) expect(paths).toContain(p);
  });
});

describe('GET /api/now', () => {
  it('is the shared computeNow record for the stored set, with the sample warning first and the missing-EOP note', async () => {
    const { status, body } = await get('/api/now?lat=52.52&lon=13.405&at=2008-09-21T00:00:00Z');
    expect(status).toBe(200);
    const ts = createTimeScales({ onWarning: () => undefined }); // the temp store has no EOP, as the server's
    const t = ts.fromUtcIso('2008-09-21T00:00:00Z');
    const stored = await temp.store.latestElementSet(25544);
    const shared = computeNow({
      elements: stored!,
      timeScales: ts,
      at: t,
      sampleWarning: issSampleWarning(ts.toDate(t).getTime()),
      observer: { latitudeDeg: 52.52, longitudeDeg: 13.405, heightM: 0 },
      lookAngles: true,
    });
    // Same function, same inputs: equal in every field and key (JSON rounding is inside computeNow).
    expect(body).toEqual({ ...shared, warnings: [...shared.warnings, expect.stringMatching(/^no Earth-orientation data in the store/)] });
    expect(body['elements']).toMatchObject({ sample: true, stale: true });
    expect(sampleWarning(body)).toBe(true);
    const look = body['look'] as Record<string, number>;
    expect(look['rangeKm']).toBeGreaterThan(300);
  });

  it('has `look: null` and `observer: null` without lat/lon, and no `passes`', async () => {
    const { body } = await get('/api/now?at=2008-09-21T00:00:00Z');
    expect(body).toMatchObject({ look: null, observer: null });
    expect(Object.keys(body)).not.toContain('passes');
  });

  it('takes "now" from the injected clock at the HTTP edge', async () => {
    const { body } = await get('/api/now');
    expect(body['time']).toBe('2026-11-25T12:00:00.000Z');
    expect(sampleWarning(body)).toBe(true);
  });

  it.each([
    ['/api/now?lat=95&lon=0', 'lat'],
    ['/api/now?lat=10', 'lon'],
    ['/api/now?lat=abc&lon=0', 'lat'],
    ['/api/now?norad=0', 'norad'],
    ['/api/now?norad=25544.5', 'norad'],
    ['/api/now?at=yesterday', 'at'],
    ['/api/now?lat=1&lat=2&lon=0', 'lat'],
    ['/api/passes?lon=0', 'lat'],
    ['/api/passes?lat=0&lon=0&days=31', 'days'],
    ['/api/passes?lat=0&lon=0&minElevationDeg=90', 'minElevationDeg'],
    ['/api/passes?lat=0&lon=0&visibleOnly=maybe', 'visibleOnly'],
    ['/api/passes?lat=0&lon=0&heightM=10000', 'heightM'],
    ['/api/groundtrack?minutes=0', 'minutes'],
    ['/api/history?from=2021-02-01&to=2021-01-01', 'to'],
    ['/api/decay?spaceWeather=sunny', 'spaceWeather'],
    ['/api/decay?spaceWeather=constant:20,5', 'spaceWeather'],
    ['/api/decay?cdAreaMassM2Kg=-1', 'cdAreaMassM2Kg'],
    ['/api/elements/abc', 'norad'],
  ])('400 naming the parameter: %s', async (url, parameter) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'bad-parameter', parameter });
    expect(body['message']).toContain(`'${parameter}'`);
  });

  it('404 for an object the store does not hold, and for unknown routes', async () => {
    const a = await get('/api/now?norad=12345');
    expect(a.status).toBe(404);
    expect(a.body['message']).toContain('stationkeeper update --norad 12345');
    expect((await get('/api/nothing')).status).toBe(404);
  });
});

describe('GET /api/passes', () => {
  it('equals predictPasses on the sample over the same window, with the sample warning', async () => {
    const { status, body } = await get('/api/passes?lat=51.5074&lon=-0.1278&heightM=11&from=2008-09-20T12:00:00Z&days=2&minElevationDeg=10');
    expect(status).toBe(200);
    const ts = createTimeScales();
    const prop = Sgp4Propagator.fromElements(issSampleElementSet(), ts);
    const D = Math.PI / 180;
    const direct = predictPasses(prop, { latitudeRad: 51.5074 * D, longitudeRad: -0.1278 * D, heightKm: 0.011 }, ts.fromUtcIso('2008-09-20T12:00:00Z'), 2 * 86_400, ts, { minElevationRad: 10 * D });
    const passes = body['passes'] as { rise: { time: string } | null; set: { time: string } | null; maxElevationDeg: number; visible: boolean }[];
    expect(passes.length).toBe(direct.passes.length);
    expect(passes.length).toBeGreaterThan(0);
    passes.forEach((p, i) => {
      const d = direct.passes[i]!;
      expect(p.rise?.time).toBe(d.rise?.time);
      expect(p.set?.time).toBe(d.set?.time);
      // Rounded to 1e-3 deg in the JSON (as the CLI): within half of that.
      expect(Math.abs(p.maxElevationDeg - d.maxElevationDeg)).toBeLessThanOrEqual(5e-4);
      expect(p.visible).toBe(d.visible);
    });
    expect(body['window']).toMatchObject({ start: '2008-09-20T12:00:00.000Z', days: 2, minElevationDeg: 10 });
    expect(sampleWarning(body)).toBe(true);
  });

  it('visibleOnly keeps only visible passes', async () => {
    const all = await get('/api/passes?lat=51.5&lon=0&from=2008-09-20T12:00:00Z&days=5&minElevationDeg=0');
    const vis = await get('/api/passes?lat=51.5&lon=0&from=2008-09-20T12:00:00Z&days=5&minElevationDeg=0&visibleOnly=true');
    const allPasses = all.body['passes'] as { visible: boolean }[];
    const visPasses = vis.body['passes'] as { visible: boolean }[];
    expect(visPasses.length).toBe(allPasses.filter((p) => p.visible).length);
    expect(visPasses.every((p) => p.visible)).toBe(true);
  });
});

describe('GET /api/groundtrack', () => {
  it('is a FeatureCollection: track split at ±180°, point and footprint, sample warning', async () => {
    const { status, body } = await get('/api/groundtrack?from=2008-09-20T12:00:00Z&minutes=186&stepS=60');
    expect(status).toBe(200);
    expect(body['type']).toBe('FeatureCollection');
    const features = body['features'] as { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
    expect(features.map((f) => f.properties['kind'])).toEqual(['track', 'subsatellite-point', 'footprint']);
    const lines = features[0]!.geometry.coordinates as [number, number][][];
    expect(lines.length).toBeGreaterThanOrEqual(2); // two orbits cross the antimeridian at least once
    for (const line of lines) for (const [lon, lat] of line) {
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      // inclination 51.64° is the largest geocentric latitude; geodetic exceeds geocentric by ≤ 0.19° (WGS-84 flattening)
      expect(Math.abs(lat)).toBeLessThanOrEqual(51.64 + 0.2);
    }
    expect((features[0]!.properties['times'] as string[]).length).toBe(187);
    expect(sampleWarning(body)).toBe(true);
  });
});

describe('GET /api/elements/:norad and /api/db', () => {
  it('returns the sample with its raw TLE and stale flag', async () => {
    const { status, body } = await get('/api/elements/25544');
    expect(status).toBe(200);
    expect(body).toMatchObject({ noradId: 25544, sample: true, stale: true, format: '3le' });
    expect(String(body['text'])).toContain('1 25544U 98067A   08264.51782528');
    expect(sampleWarning(body)).toBe(true);
    expect((await get('/api/elements/99999')).status).toBe(404);
  });

  it('describes the store', async () => {
    const { status, body } = await get('/api/db');
    expect(status).toBe(200);
    expect(body['kind']).toBe('sqlite');
    expect(body['location']).toBe(temp.path);
    expect((body['rowCounts'] as Record<string, number>)['element_sets']).toBe(1);
    expect(body['objects']).toEqual([expect.objectContaining({ noradId: 25544, elementSetCount: 1 })]);
  });
});

describe('GET /api/history and /api/decay on the sample alone', () => {
  it('history has one row and says so', async () => {
    const { status, body } = await get('/api/history');
    expect(status).toBe(200);
    expect(body['count']).toBe(1);
    expect((body['warnings'] as string[]).some((w) => w.includes('import a history'))).toBe(true);
    expect(sampleWarning(body)).toBe(true);
  });

  it('decay without history or space weather is a 409 that says what to add', async () => {
    const a = await get('/api/decay');
    expect(a.status).toBe(409);
    expect(a.body['message']).toContain('space weather');
    const b = await get('/api/decay?spaceWeather=constant:120,12');
    expect(b.status).toBe(409);
    expect(b.body['message']).toContain('cdAreaMassM2Kg');
  });

  it('decay with an assumed C_D·A/m and constant weather runs, is cached, and carries the sample warning', async () => {
    const url = '/api/decay?spaceWeather=constant:120,12&cdAreaMassM2Kg=0.00775';
    const a = await get(url);
    expect(a.status).toBe(200);
    expect(a.body['cached']).toBe(false);
    const years = a.body['yearsToReentry'] as { p5: number; p50: number; p95: number };
    // Given B and constant weather leave no spread: the three percentiles are the one nominal run.
    expect(years.p5).toBe(years.p50);
    expect(years.p95).toBe(years.p50);
    // ISS-like orbit (sample: ~350 km mean altitude in 2008) under moderate activity: months to a few years.
    expect(years.p50).toBeGreaterThan(0.1);
    expect(years.p50).toBeLessThan(10);
    expect((a.body['altitudeKm'] as unknown[]).length).toBeGreaterThan(10);
    expect(sampleWarning(a.body)).toBe(true);
    const b = await get(url);
    expect(b.body['cached']).toBe(true);
    expect(b.body['reentry']).toEqual(a.body['reentry']);
  });
});

describe('static files', () => {
  it('serves the page, the astro ESM and the country outlines', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const lib = await app.inject({ method: 'GET', url: '/lib/astro/sgp4/index.js' });
    expect(lib.statusCode).toBe(200);
    expect(lib.headers['content-type']).toContain('javascript');
    const countries = await app.inject({ method: 'GET', url: '/api/countries' });
    const geo = countries.json() as { type: string; features: unknown[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(150); // Natural Earth 1:110m admin-0: 177 countries
  });
});

/**
 * GET /api/decay — the no-reboost scenario (decay/scenario.ts): reentry p5/p50/p95, years to reentry, the
 * predicted mean-altitude curve, next to Energia's 2022 statement (2–5 years without reboosts). Results are
 * cached per store state (newest ingest), object, start and parameters; `cached` says whether this one was.
 */
import { isIssSample, issSampleWarning } from '@stationkeeper/data/sample';
import type { FastifyInstance } from 'fastify';
import { utcMjdOf, type Services } from '../context.js';
import { InsufficientData, ResultCache, runScenario, type ScenarioReport, type WeatherChoice } from '../decay/index.js';
import { BadParameter, instantParam, noradParam, optionalNumberParam, stringParam, type Query } from '../params.js';

/** What the scenario is compared with (RIA Novosti / TASS reports of Energia's statement, 2022). */
export const ENERGIA_2022 = { source: 'RSC Energia (2022): without reboosts the ISS would reenter in 2–5 years', minYears: 2, maxYears: 5 } as const;

export function parseWeather(text: string | undefined): WeatherChoice {
  if (text === undefined || text === 'store') return { kind: 'store' };
  if (text === 'p5' || text === 'p50' || text === 'p95') return { kind: 'percentile', p: Number(text.slice(1)) as 5 | 50 | 95 };
  const m = /^constant:([^,]+),([^,]+)$/.exec(text);
  if (m !== null) {
    const f107 = Number(m[1]);
    const ap = Number(m[2]);
    if (!(f107 >= 50 && f107 <= 400) || !(ap >= 0 && ap <= 400)) throw new BadParameter('spaceWeather', `parameter 'spaceWeather' constant:F107,Ap needs F10.7 in 50…400 sfu and Ap in 0…400, got '${text}'`);
    return { kind: 'constant', f107, ap };
  }
  throw new BadParameter('spaceWeather', `parameter 'spaceWeather' must be store, p5, p50, p95 or constant:F107,Ap (e.g. constant:120,12), got '${text}'`);
}

export function registerDecay(app: FastifyInstance, services: Services, cache = new ResultCache<ScenarioReport>()): void {
  app.get('/api/decay', async (request) => {
    const q = request.query as Query;
    const noradId = noradParam(q);
    const weather = parseWeather(stringParam(q, 'spaceWeather'));
    const cdAreaMassM2Kg = optionalNumberParam(q, 'cdAreaMassM2Kg', 1e-4, 1, 'm²/kg');
    const { ts } = await services.timeScales();
    const from = instantParam(q, 'from', ts);
    const fromUtcMjd = from === undefined ? undefined : utcMjdOf(ts, from);
    const store = services.ctx.store;
    const newestIngest = (await store.ingestLog(1))[0]?.id ?? 0;
    const key = JSON.stringify([newestIngest, noradId, fromUtcMjd ?? null, weather, cdAreaMassM2Kg ?? null]);
    const cached = cache.has(key);
    const report = await cache.get(key, async () => {
      const sets = (await store.elementHistory(noradId)).map((s) => s.elementSet);
      if (sets.length === 0) throw new InsufficientData(`no element set for NORAD ${noradId} in the store: run 'stationkeeper update --norad ${noradId}' or 'stationkeeper import FILE'`);
      const weatherRecords = weather.kind === 'constant' ? [] : await store.spaceWeatherRecords();
      return runScenario({ sets, weather, weatherRecords, ...(fromUtcMjd === undefined ? {} : { fromUtcMjd }), ...(cdAreaMassM2Kg === undefined ? {} : { cdAreaMassM2Kg }) });
    });
    const warnings: string[] = [];
    const latest = await store.latestElementSet(noradId, fromUtcMjd);
    if (latest !== undefined && isIssSample(latest.elementSet)) warnings.push(issSampleWarning(services.now().getTime()));
    return { noradId, ...report, comparison: ENERGIA_2022, cached, warnings };
  });
}

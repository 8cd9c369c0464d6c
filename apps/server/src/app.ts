/**
 * The HTTP application: JSON API under /api (routes/), the static web app (apps/web/public) at /, and the
 * compiled, browser-safe `@stationkeeper/astro` ESM (packages/astro/dist) under /lib/astro/ so the page can run
 * SGP4 itself. Errors are JSON: 400 bad parameter (naming it), 404 unknown object/route, 409 data missing for a
 * scenario, 422 a value the library rejects as out of range, 500 otherwise.
 */
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { ROUTES } from './api-doc.js';
import { NotFound, Services, type ServerContext } from './context.js';
import { countriesGeoJson } from './countries.js';
import { InsufficientData } from './decay/index.js';
import { BadParameter } from './params.js';
import { registerDb } from './routes/db.js';
import { registerDecay } from './routes/decay.js';
import { registerElements } from './routes/elements.js';
import { registerGroundTrack } from './routes/groundtrack.js';
import { registerHistory } from './routes/history.js';
import { registerNow } from './routes/now.js';
import { registerPasses } from './routes/passes.js';

/** apps/web/public, found from this file in src/ (tests) or dist/ (runtime). */
export const WEB_ROOT = fileURLToPath(new URL('../../web/public/', import.meta.url));
/** packages/astro/dist: the compiled library the browser imports. */
export function astroDistRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('@stationkeeper/astro'));
}

export interface AppOptions extends ServerContext {
  /** Where 500s are reported (default: stderr). */
  readonly onServerError?: (error: unknown) => void;
  /** Serve the web app and /lib/astro (default true). */
  readonly web?: boolean;
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const services = new Services(options);
  const reportError = options.onServerError ?? ((e: unknown) => process.stderr.write(`stationkeeper server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.url.startsWith('/api')) reply.header('Cache-Control', 'no-store');
    else reply.header('Content-Security-Policy', CSP);
  });

  app.setErrorHandler(async (error, _request, reply) => {
    if (error instanceof BadParameter) return reply.code(400).send({ error: 'bad-parameter', parameter: error.parameter, message: error.message });
    if (error instanceof NotFound) return reply.code(404).send({ error: 'not-found', message: error.message });
    if (error instanceof InsufficientData) return reply.code(409).send({ error: 'insufficient-data', message: error.message });
    if (error instanceof RangeError) return reply.code(422).send({ error: 'out-of-range', message: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return reply.code(status).send({ error: 'bad-request', message: (error as Error).message });
    reportError(error);
    return reply.code(500).send({ error: 'internal', message: 'internal server error (see the server log)' });
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ error: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}; GET /api lists the routes` }),
  );

  app.get('/api', async () => ({ name: 'stationkeeper', units: 'km, km/s, deg, m, s; times ISO-8601 UTC', routes: ROUTES }));
  registerNow(app, services);
  registerPasses(app, services);
  registerGroundTrack(app, services);
  registerHistory(app, services);
  registerDecay(app, services);
  registerElements(app, services);
  registerDb(app, services);
  app.get('/api/countries', async (_request, reply) => {
    reply.type('application/geo+json');
    reply.header('Cache-Control', 'public, max-age=86400');
    return countriesGeoJson();
  });

  if (options.web !== false) {
    await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: ['index.html'] });
    await app.register(fastifyStatic, { root: astroDistRoot(), prefix: '/lib/astro/', decorateReply: false });
  }
  return app;
}

/** @stationkeeper/server — HTTP API and web app over the store (docs/server.md). */
export { buildApp, WEB_ROOT, astroDistRoot, type AppOptions } from './app.js';
export { startServer, serveUntilSignal, parseServeArgs, type ServeOptions, type RunningServer } from './main.js';
export { ROUTES, type RouteDoc, type ParameterDoc } from './api-doc.js';
export type { ServerContext } from './context.js';

/**
 * `stationkeeper serve` — the HTTP API and web app of apps/server (docs/server.md) on the store chosen as for every
 * command (--db, env, config file). Seeds the bundled ISS sample into an empty store, prints the URL, and runs
 * until Ctrl-C. The server is loaded at run time from its compiled package, so the CLI builds without it.
 */
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';

/** The part of `@stationkeeper/server` this command uses (apps/server/src/main.ts). */
interface ServerModule {
  parseServeArgs(args: readonly string[]): { port: number; host: string; db?: string; config?: string };
  startServer(options: {
    port: number; host: string; db?: string | undefined; config?: string | undefined;
    env: Readonly<Record<string, string | undefined>>; cwd: string; log: (line: string) => void;
  }): Promise<{ url: string; close(): Promise<void> }>;
}

const SERVER_MODULE = '@stationkeeper/server/dist/main.js';

async function loadServer(): Promise<ServerModule> {
  const specifier = SERVER_MODULE; // a variable: the CLI must type-check and build before the server package
  try {
    return (await import(specifier)) as ServerModule;
  } catch (e) {
    throw new Error(`cannot load the server (${SERVER_MODULE}); run 'npm run build' first: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Process signals that stop the server (SIGINT, SIGTERM). */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the server until `stop` resolves (default: SIGINT/SIGTERM); exported for tests. */
export async function runServe(args: readonly string[], io: CliIo, stop: (url: string) => Promise<void> = untilSignal): Promise<number> {
  const server = await loadServer();
  let parsed: ReturnType<ServerModule['parseServeArgs']>;
  try {
    parsed = server.parseServeArgs(args);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const running = await server.startServer({ ...parsed, env: io.env, cwd: io.cwd, log: (line) => io.stdout.write(`${line}\n`) });
  try {
    await stop(running.url);
  } finally {
    await running.close();
  }
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'HTTP API and web app (live map, passes, history, no-reboost scenario) on the local store',
  help: `Usage: stationkeeper serve [--port 8080] [--host 127.0.0.1] [--db PATH|URL] [--config FILE]

Serves the JSON API (GET /api lists the routes) and the web app: a live map of the ISS (SGP4 in the browser),
passes over a location, the element history as mean altitude, and the "what if nobody reboosts" scenario.
Works offline; an empty store gets the bundled (stale) ISS sample. Stop with Ctrl-C.

Options:
  --port N          TCP port (default 8080; 0 = any free port)
  --host ADDR       address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for the network)
  --db PATH|URL     store (env STATIONKEEPER_DB / STATIONKEEPER_DATABASE_URL; default as for every command)
  --config FILE     config file (env STATIONKEEPER_CONFIG)

Example:
  stationkeeper serve --port 8080
  curl 'http://127.0.0.1:8080/api/passes?lat=51.5074&lon=-0.1278&days=3'
`,
  run: (args, io) => runServe(args, io),
};

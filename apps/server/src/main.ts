/**
 * `node apps/server/dist/main.js [--port 8080] [--host 127.0.0.1] [--db PATH|URL] [--config FILE]` — opens the
 * store chosen as for the CLI (flag, env STATIONKEEPER_DB / STATIONKEEPER_DATABASE_URL, config file, default
 * $XDG_DATA_HOME/stationkeeper/stationkeeper.sqlite), seeds the bundled ISS sample into an empty store, serves
 * the API and the web app, prints the URL, and closes the store on SIGINT/SIGTERM. Needs no network.
 */
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { resolveRuntime } from '@stationkeeper/data/config';
import { seedIssSampleIfEmpty } from '@stationkeeper/data/sample';
import { openStore } from '@stationkeeper/data/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly db?: string | undefined;
  readonly config?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Where the banner and notes go. */
  readonly log: (line: string) => void;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Stops listening and closes the store. */
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const runtime = await resolveRuntime({ configFlag: options.config, dbFlag: options.db, env: options.env, homeDir: options.env['HOME'] ?? homedir(), cwd: options.cwd });
  const store = await openStore(runtime.store, { at: new Date() });
  try {
    const seeded = await seedIssSampleIfEmpty(store, new Date());
    if (seeded !== undefined) options.log("note: the store had no ISS elements; seeded the bundled 2008 SAMPLE (stale). Run 'stationkeeper update' for current elements.");
    const app = await buildApp({ store, storeDescription: runtime.storeDescription, clock: () => new Date() });
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`;
    options.log(`stationkeeper server on ${url} (store: ${runtime.storeDescription}); API list at ${url}api`);
    return {
      app,
      url,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** Parses `--port N --host H --db P --config F` (also `--name=value`); throws a message for anything else. */
export function parseServeArgs(args: readonly string[]): { port: number; host: string; db?: string; config?: string } {
  const out: { port: number; host: string; db?: string; config?: string } = { port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    if (!['port', 'host', 'db', 'config'].includes(name)) throw new Error(`unknown argument '${arg}' (options: --port N, --host ADDR, --db PATH|URL, --config FILE)`);
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new Error(`option '--${name}' needs a value`);
    if (name === 'port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be an integer 0…65535 (0 = any free port), got '${value}'`);
      out.port = port;
    } else if (name === 'host') out.host = value;
    else if (name === 'db') out.db = value;
    else out.config = value;
  }
  return out;
}

/** Runs until SIGINT/SIGTERM. */
export async function serveUntilSignal(options: ServeOptions): Promise<void> {
  const server = await startServer(options);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  options.log('stopping');
  await server.close();
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(realpathSync(invokedPath)).href) {
  try {
    const args = parseServeArgs(process.argv.slice(2));
    await serveUntilSignal({ ...args, env: process.env, cwd: process.cwd(), log: (line) => process.stdout.write(`${line}\n`) });
  } catch (e) {
    process.stderr.write(`stationkeeper server: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}

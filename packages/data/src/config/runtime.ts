/**
 * What a command needs from the configuration layer, resolved once: the config file, the store location
 * (`--db` > `STATIONKEEPER_DB` > `STATIONKEEPER_DATABASE_URL` > config `database` > default SQLite file, as
 * `resolveStoreLocation` defines) and where the HTTP fetch ledger lives (beside the SQLite file, or in the data
 * directory for PostgreSQL and in-memory stores).
 */
import { dirname, join } from 'node:path';
import { defaultDataDir, expandHome, loadConfig, resolveConfigPath, type LoadedConfig } from './config.js';
import { describeLocation, resolveStoreLocation, type StoreLocation } from '../store/index.js';

export interface RuntimeInputs {
  /** `--config PATH` */
  readonly configFlag?: string | undefined;
  /** `--db PATH|URL` */
  readonly dbFlag?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  readonly cwd: string;
}

export interface Runtime extends LoadedConfig {
  readonly store: StoreLocation;
  /** The store location for people (password masked). */
  readonly storeDescription: string;
  /** Path of the JSON fetch ledger (ETag / Last-Modified / politeness timestamps). */
  readonly ledgerPath: string;
}

export async function resolveRuntime(inputs: RuntimeInputs): Promise<Runtime> {
  const loaded = await loadConfig(resolveConfigPath(inputs.configFlag, inputs.env, inputs.homeDir));
  const db = loaded.config.database;
  const fromConfig = db?.url ?? (db?.path === undefined ? undefined : expandHome(db.path, inputs.homeDir));
  const store = resolveStoreLocation({ flag: inputs.dbFlag, env: inputs.env, config: fromConfig, homeDir: inputs.homeDir, cwd: inputs.cwd });
  const ledgerDir = store.kind === 'sqlite' && store.path !== ':memory:' ? dirname(store.path) : defaultDataDir(inputs.env, inputs.homeDir);
  return { ...loaded, store, storeDescription: describeLocation(store), ledgerPath: join(ledgerDir, 'http-cache.json') };
}

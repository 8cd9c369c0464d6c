/** Opens a store at a resolved location (creating and migrating it as needed). */
import { PgDriver } from './pg-driver.js';
import { SqliteDriver } from './sqlite-driver.js';
import { SqlStore } from './sql-store.js';
import { describeLocation } from './location.js';
import type { Store, StoreLocation } from './types.js';

export interface OpenStoreOptions {
  /** Wall-clock time recorded for any migration applied now (the caller reads the clock). */
  readonly at: Date;
}

export async function openStore(location: StoreLocation, options: OpenStoreOptions): Promise<Store> {
  const driver = location.kind === 'sqlite' ? new SqliteDriver(location.path) : await PgDriver.connect(location.url);
  return SqlStore.open(driver, describeLocation(location), options.at);
}

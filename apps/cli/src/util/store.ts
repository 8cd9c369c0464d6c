/** Opening the store and reading the config file the way every store-backed command does (docs/data.md). */
import { homedir } from 'node:os';
import { resolveRuntime, type Runtime } from '@stationkeeper/data/config';
import { openStore, type Store } from '@stationkeeper/data/store';
import type { CliIo } from '../io.js';

/** The flags every store-backed command takes. */
export const STORE_FLAGS = { db: 'string', config: 'string' } as const;

/** Config and store location from --config / --db, the environment and $HOME. */
export async function cliRuntime(io: CliIo, flags: Readonly<Record<string, unknown>>): Promise<Runtime> {
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? flags[k] : undefined);
  return resolveRuntime({ configFlag: str('config'), dbFlag: str('db'), env: io.env, homeDir: io.env['HOME'] ?? homedir(), cwd: io.cwd });
}

/** Opens the store chosen by --db / env / config file, with its description. */
export async function openCliStore(io: CliIo, flags: Readonly<Record<string, unknown>>, at: Date): Promise<{ store: Store; description: string }> {
  const runtime = await cliRuntime(io, flags);
  return { store: await openStore(runtime.store, { at }), description: runtime.storeDescription };
}

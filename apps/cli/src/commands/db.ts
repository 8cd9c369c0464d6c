/**
 * `stationkeeper db info` — where the store is (path, or URL with the password masked), its schema version,
 * row counts and the last ingests. Also the small store helpers `import` and `history` share.
 */
import { homedir } from 'node:os';
import { resolveRuntime } from '@stationkeeper/data/config';
import { openStore, type IngestLogEntry, type Store } from '@stationkeeper/data/store';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';

export type ArgValue = string | boolean;

/** Splits `--name value` / `--name=value` / boolean flags from positional arguments. */
export function splitArgs(
  args: readonly string[],
  spec: Readonly<Record<string, 'string' | 'boolean'>>,
): { flags: Record<string, ArgValue>; positional: string[] } {
  const flags: Record<string, ArgValue> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option '--${name}'`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`option '--${name}' takes no value`);
      flags[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`option '--${name}' needs a value`);
    flags[name] = value;
  }
  return { flags, positional };
}

export const STORE_FLAGS = { db: 'string', config: 'string' } as const;

/** Opens the store chosen by --db / env / config file (docs/data.md), with its description. */
export async function openCliStore(io: CliIo, flags: Record<string, ArgValue>, at: Date): Promise<{ store: Store; description: string }> {
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? flags[k] : undefined);
  const runtime = await resolveRuntime({ configFlag: str('config'), dbFlag: str('db'), env: io.env, homeDir: io.env['HOME'] ?? homedir(), cwd: io.cwd });
  return { store: await openStore(runtime.store, { at }), description: runtime.storeDescription };
}

function ingestLine(e: IngestLogEntry): string {
  const counts = `${e.accepted} accepted, ${e.updated} updated, ${e.duplicate} duplicate, ${e.rejected} rejected`;
  return `  #${e.id}  ${e.at}  ${e.kind.padEnd(13)} ${e.format.padEnd(11)} ${counts}  ${e.status === 'partial' ? '(partial) ' : ''}${e.source}`;
}

export const dbCommand: Command = {
  name: 'db',
  summary: 'the local store: location, schema version, row counts, last ingests',
  help: `Usage: stationkeeper db info [--json] [--db PATH|URL] [--config FILE]

Shows where the store is (SQLite file, or PostgreSQL URL with the password masked), the schema version,
the number of rows per table and the last ingests (what was imported, from where, when, with counts).

Options:
  --json              machine-readable output
  --db PATH|URL       store: SQLite file or postgres:// URL (env STATIONKEEPER_DB, STATIONKEEPER_DATABASE_URL;
                      default $XDG_DATA_HOME/stationkeeper/stationkeeper.sqlite)
  --config FILE       config file (env STATIONKEEPER_CONFIG)
  --last N            number of ingests to list (default 5)

Example:
  stationkeeper db info
`,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { flags, positional } = splitArgs(args, { ...STORE_FLAGS, json: 'boolean', last: 'string' });
    if (positional[0] !== 'info' || positional.length !== 1) throw new UsageError("expected 'db info' (see 'stationkeeper db --help')");
    const last = flags['last'] === undefined ? 5 : Number(flags['last']);
    if (!Number.isInteger(last) || last < 0 || last > 1000) throw new UsageError(`--last must be an integer 0–1000, got '${String(flags['last'])}'`);
    const { store } = await openCliStore(io, flags, new Date());
    try {
      const info = await store.info(last);
      if (flags['json'] === true) {
        io.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
        return 0;
      }
      const c = info.rowCounts;
      io.stdout.write(
        [
          `store:          ${info.kind} ${info.location}`,
          `schema version: ${info.schemaVersion}`,
          `rows:           objects ${c.objects}, element_sets ${c.element_sets}, space_weather ${c.space_weather}, eop ${c.eop}, ingest_log ${c.ingest_log}`,
          info.lastIngests.length === 0 ? 'last ingests:   none' : 'last ingests:',
          ...info.lastIngests.map(ingestLine),
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};

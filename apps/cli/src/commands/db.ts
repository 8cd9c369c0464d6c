/**
 * `stationkeeper db info` — where the store is (path, or URL with the password masked), its schema version,
 * row counts and the last ingests.
 */
import type { IngestLogEntry } from '@stationkeeper/data/store';
import type { Command } from '../command.js';
import { UsageError, type CliIo } from '../io.js';
import { STORE_FLAGS, openCliStore, splitArgs } from '../util/index.js';

// `decay` imports these from here.
export { STORE_FLAGS, openCliStore, splitArgs, type ArgValue } from '../util/index.js';

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

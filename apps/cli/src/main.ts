import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from './command.js';
import { commands } from './commands/index.js';
import { UsageError, exitOnBrokenPipe, type CliIo } from './io.js';
import { VERSION } from './version.js';

export type { CliIo } from './io.js';
export { exitOnBrokenPipe } from './io.js';

function topHelp(list: readonly Command[]): string {
  const width = Math.max(8, ...list.map((c) => c.name.length));
  const rows = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `stationkeeper ${VERSION} — track the International Space Station and its orbit

Usage: stationkeeper <command> [options]
       stationkeeper <command> --help

Commands:
${rows.length > 0 ? rows : '  (none yet)'}

Options:
  -h, --help       show this help
  -V, --version    print the version

Units: inputs and outputs name their units (km, km/s, deg, m); times are ISO-8601 UTC.
Documentation: README.md and docs/ in the repository.
`;
}

/** Entry point: runs one command line and resolves to the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: readonly string[], io: CliIo, list: readonly Command[] = commands): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const target = first === 'help' ? list.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(target !== undefined ? target.help : topHelp(list));
    return 0;
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = list.find((c) => c.name === first);
  if (command === undefined) {
    io.stderr.write(`stationkeeper: unknown command '${first}'. Run 'stationkeeper --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`stationkeeper ${command.name}: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr.write(`stationkeeper ${command.name}: ${message}\n`);
    return 1;
  }
}

// Also runnable directly (`node apps/cli/dist/main.js …`), not only through bin/stationkeeper.js.
const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(realpathSync(invokedPath)).href) {
  exitOnBrokenPipe(process.stdout, (code) => process.exit(code));
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}

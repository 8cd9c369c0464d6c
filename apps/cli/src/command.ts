import type { CliIo } from './io.js';

/** One `stationkeeper <name>` subcommand. Each lives in its own file under commands/. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text: usage line, options with units and defaults, examples. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

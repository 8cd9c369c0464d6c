import type { Command } from '../command.js';

/** Every subcommand, in the order `stationkeeper --help` lists them. Later issues append here. */
export const commands: readonly Command[] = [];

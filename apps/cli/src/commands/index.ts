import type { Command } from '../command.js';
import { nowCommand } from './now.js';
import { updateCommand } from './update.js';
import { passesCommand } from './passes.js';
import { groundtrackCommand } from './groundtrack.js';
import { importCommand } from './import.js';
import { historyCommand } from './history.js';
import { dbCommand } from './db.js';
import { propagateCommand } from './propagate.js';
import { decayCommand } from './decay.js';
import { serveCommand } from './serve.js';

/** Every subcommand, in the order `stationkeeper --help` lists them. Later issues append here. */
export const commands: readonly Command[] = [
  nowCommand,
  updateCommand,
  passesCommand,
  groundtrackCommand,
  importCommand,
  historyCommand,
  dbCommand,
  propagateCommand,
  decayCommand,
  serveCommand,
];

/**
 * Worker-thread entry for `PassWorkerPool`: adopts a job's shared ephemeris, observers and status array, then
 * finds the passes of the observer ranges it is sent and posts each range's pass columns back (transferred,
 * not copied). Runs the compiled `@stationkeeper/astro/events` finder, as the single-thread path does.
 */
import { parentPort } from 'node:worker_threads';
import { TabulatedEphemeris } from './ephemeris.js';
import { findPassesForObservers } from './find-many.js';
import { columnBuffers } from './pass-table.js';
import type { PassJobSetup, PassWorkerReply, PassWorkerRequest } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('pass-worker must run as a worker thread');

let current: { setup: PassJobSetup; ephemeris: TabulatedEphemeris } | undefined;

port.on('message', (msg: PassWorkerRequest) => {
  try {
    if (msg.type === 'setup') {
      current = { setup: msg, ephemeris: new TabulatedEphemeris(msg.ephemeris) };
      return;
    }
    if (current === undefined || current.setup.job !== msg.job) throw new Error(`chunk for unknown job ${msg.job}`);
    const { setup, ephemeris } = current;
    const columns = findPassesForObservers(ephemeris, setup.observers, msg.first, msg.end, setup.status, setup.options);
    const reply: PassWorkerReply = { type: 'done', job: msg.job, first: msg.first, end: msg.end, columns };
    port.postMessage(reply, columnBuffers(columns));
  } catch (error) {
    const reply: PassWorkerReply = { type: 'error', job: msg.job, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});

/**
 * Worker-thread entry for `PassWorkerPool`: adopts a job's shared ephemeris, observers and status array, then
 * finds the passes of the observer ranges it is sent and posts each range's pass columns back (transferred,
 * not copied). Runs the compiled `@stationkeeper/astro/events` finder, as the single-thread path does.
 */
import { serveChunks } from '../pool/index.js';
import { TabulatedEphemeris } from './ephemeris.js';
import { findPassesForObservers } from './find-many.js';
import { columnBuffers } from './pass-table.js';
import type { PassChunkReply, PassJobChunk, PassJobSetup } from './protocol.js';

serveChunks('pass-worker', {
  setup: (msg: PassJobSetup) => ({ setup: msg, ephemeris: new TabulatedEphemeris(msg.ephemeris) }),
  chunk: ({ setup, ephemeris }, msg: PassJobChunk): PassChunkReply => {
    const columns = findPassesForObservers(ephemeris, setup.observers, msg.first, msg.end, setup.status, setup.options);
    return { type: 'done', job: msg.job, first: msg.first, end: msg.end, columns };
  },
  transfer: (reply) => columnBuffers(reply.columns),
});

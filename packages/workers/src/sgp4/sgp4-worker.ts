/**
 * Worker-thread entry for `Sgp4WorkerPool`: adopts the shared catalog records, times and output arrays of a
 * job, then propagates the satellite ranges it is sent, writing straight into the shared outputs.
 * Runs the compiled `@stationkeeper/astro/sgp4` (identical numbers to the single-threaded batch API).
 */
import { parentPort } from 'node:worker_threads';
import { Sgp4Catalog, propagateCatalog, type Sgp4StateArrays } from '@stationkeeper/astro/sgp4';
import type { Sgp4JobSetup, Sgp4WorkerReply, Sgp4WorkerRequest } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('sgp4-worker must run as a worker thread');

let current: { setup: Sgp4JobSetup; catalog: Sgp4Catalog; out: Sgp4StateArrays } | undefined;

port.on('message', (msg: Sgp4WorkerRequest) => {
  try {
    if (msg.type === 'setup') {
      current = { setup: msg, catalog: Sgp4Catalog.fromRecords(msg.records), out: msg };
      return;
    }
    if (current === undefined || current.setup.job !== msg.job) throw new Error(`chunk for unknown job ${msg.job}`);
    const { setup, catalog, out } = current;
    propagateCatalog(catalog, setup.minutes, out, {
      firstSatellite: msg.first,
      endSatellite: msg.end,
      ...(setup.relativeToUtc !== undefined ? { relativeToUtc: setup.relativeToUtc } : {}),
    });
    const reply: Sgp4WorkerReply = { type: 'done', job: msg.job, first: msg.first, end: msg.end };
    port.postMessage(reply);
  } catch (error) {
    const reply: Sgp4WorkerReply = { type: 'error', job: msg.job, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});

/**
 * Worker-thread entry for `Sgp4WorkerPool`: adopts the shared catalog records, times and output arrays of a
 * job, then propagates the satellite ranges it is sent, writing straight into the shared outputs.
 * Runs the compiled `@stationkeeper/astro/sgp4` (identical numbers to the single-threaded batch API).
 */
import { Sgp4Catalog, propagateCatalog } from '@stationkeeper/astro/sgp4';
import { serveChunks, type ChunkDoneReply } from '../pool/index.js';
import type { Sgp4JobChunk, Sgp4JobSetup } from './protocol.js';

serveChunks('sgp4-worker', {
  setup: (msg: Sgp4JobSetup) => ({ setup: msg, catalog: Sgp4Catalog.fromRecords(msg.records) }),
  chunk: ({ setup, catalog }, msg: Sgp4JobChunk): ChunkDoneReply => {
    propagateCatalog(catalog, setup.minutes, setup, {
      firstSatellite: msg.first,
      endSatellite: msg.end,
      ...(setup.relativeToUtc !== undefined ? { relativeToUtc: setup.relativeToUtc } : {}),
    });
    return { type: 'done', job: msg.job, first: msg.first, end: msg.end };
  },
});

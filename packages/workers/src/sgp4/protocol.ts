/** Messages between `Sgp4WorkerPool` and its worker threads (plain data; buffers are SharedArrayBuffers). */
import type { Sgp4StateArrays } from '@stationkeeper/astro/sgp4';
import type { ChunkDoneReply, ChunkErrorReply, JobChunkMessage, JobSetupMessage } from '../pool/index.js';

/** The job: catalog records, times and the output arrays (x … codes, all on SharedArrayBuffers). */
export interface Sgp4JobSetup extends JobSetupMessage, Sgp4StateArrays {
  /** Catalog records (Float64Array view of a SharedArrayBuffer). */
  readonly records: Float64Array;
  readonly minutes: Float64Array;
  readonly relativeToUtc?: { readonly jd1: number; readonly jd2: number };
}

export type Sgp4JobChunk = JobChunkMessage;

export type Sgp4WorkerRequest = Sgp4JobSetup | Sgp4JobChunk;

export type Sgp4WorkerReply = ChunkDoneReply | ChunkErrorReply;

/** Messages between `Sgp4WorkerPool` and its worker threads (plain data; buffers are SharedArrayBuffers). */
import type { ChunkDoneReply, ChunkErrorReply, JobChunkMessage, JobSetupMessage } from '../pool/index.js';

export interface Sgp4JobSetup extends JobSetupMessage {
  /** Catalog records (Float64Array view of a SharedArrayBuffer). */
  readonly records: Float64Array;
  readonly minutes: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vz: Float64Array;
  readonly codes: Uint8Array;
  readonly relativeToUtc?: { readonly jd1: number; readonly jd2: number };
}

export type Sgp4JobChunk = JobChunkMessage;

export type Sgp4WorkerRequest = Sgp4JobSetup | Sgp4JobChunk;

export type Sgp4WorkerReply = ChunkDoneReply | ChunkErrorReply;

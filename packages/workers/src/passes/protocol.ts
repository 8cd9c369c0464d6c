/** Messages between `PassWorkerPool` and its worker threads (plain data; the big inputs are SharedArrayBuffers). */
import type { ChunkDoneReply, ChunkErrorReply, JobChunkMessage, JobSetupMessage } from '../pool/index.js';
import type { EphemerisData } from './ephemeris.js';
import type { ManyPassOptions, ObserverColumns } from './find-many.js';
import type { PassColumns } from './pass-table.js';

export interface PassJobSetup extends JobSetupMessage {
  readonly ephemeris: EphemerisData;
  readonly observers: ObserverColumns;
  /** Per-observer status, written by the workers. */
  readonly status: Int32Array;
  readonly options: ManyPassOptions;
}

export type PassJobChunk = JobChunkMessage;

export type PassWorkerRequest = PassJobSetup | PassJobChunk;

/** One chunk's passes (typed-array columns, transferred). */
export interface PassChunkReply extends ChunkDoneReply {
  readonly columns: PassColumns;
}

export type PassWorkerReply = PassChunkReply | ChunkErrorReply;

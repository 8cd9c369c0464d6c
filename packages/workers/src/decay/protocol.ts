/** Messages between `DecayWorkerPool` and its worker threads (structured-clone data only). */
import type { ChunkDoneReply, ChunkErrorReply, JobChunkMessage, JobSetupMessage } from '../pool/index.js';

export interface DecayJobSetup extends JobSetupMessage {
  /** Module specifier the worker imports (default `@stationkeeper/analysis/decay`). */
  readonly module: string;
  /** Export of that module that turns the spec into a per-sample runner (default `monteCarloRunner`). */
  readonly factory: string;
  readonly spec: unknown;
}

export interface DecayJobChunk extends JobChunkMessage {
  /** The samples `first … end − 1`. */
  readonly samples: readonly unknown[];
}

export type DecayWorkerRequest = DecayJobSetup | DecayJobChunk;

/** One chunk's results, in sample order. */
export interface DecayChunkReply extends ChunkDoneReply {
  readonly results: readonly unknown[];
}

export type DecayWorkerReply = DecayChunkReply | ChunkErrorReply;

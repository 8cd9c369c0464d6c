/** Messages between `PassWorkerPool` and its worker threads (plain data; the big inputs are SharedArrayBuffers). */
import type { EphemerisData } from './ephemeris.js';
import type { ManyPassOptions, ObserverColumns } from './find-many.js';
import type { PassColumns } from './pass-table.js';

export interface PassJobSetup {
  readonly type: 'setup';
  readonly job: number;
  readonly ephemeris: EphemerisData;
  readonly observers: ObserverColumns;
  /** Per-observer status, written by the workers. */
  readonly status: Int32Array;
  readonly options: ManyPassOptions;
}

export interface PassJobChunk {
  readonly type: 'chunk';
  readonly job: number;
  readonly first: number;
  readonly end: number;
}

export type PassWorkerRequest = PassJobSetup | PassJobChunk;

export type PassWorkerReply =
  | { readonly type: 'done'; readonly job: number; readonly first: number; readonly end: number; readonly columns: PassColumns }
  | { readonly type: 'error'; readonly job: number; readonly message: string };

/** Messages between `Sgp4WorkerPool` and its worker threads (plain data; buffers are SharedArrayBuffers). */

export interface Sgp4JobSetup {
  readonly type: 'setup';
  readonly job: number;
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

export interface Sgp4JobChunk {
  readonly type: 'chunk';
  readonly job: number;
  readonly first: number;
  readonly end: number;
}

export type Sgp4WorkerRequest = Sgp4JobSetup | Sgp4JobChunk;

export type Sgp4WorkerReply =
  | { readonly type: 'done'; readonly job: number; readonly first: number; readonly end: number }
  | { readonly type: 'error'; readonly job: number; readonly message: string };

/**
 * The message protocol every pool in this package speaks with its worker threads: one `setup` per job (the
 * job's shared inputs), then `chunk`s of the index range `[first, end)`, each answered by one `done` (or an
 * `error`) reply. Messages carry the job number so a late reply of an aborted job is never taken for the next.
 */

export interface JobSetupMessage {
  readonly type: 'setup';
  readonly job: number;
}

export interface JobChunkMessage {
  readonly type: 'chunk';
  readonly job: number;
  readonly first: number;
  readonly end: number;
}

export interface ChunkDoneReply {
  readonly type: 'done';
  readonly job: number;
  readonly first: number;
  readonly end: number;
}

export interface ChunkErrorReply {
  readonly type: 'error';
  readonly job: number;
  readonly message: string;
}

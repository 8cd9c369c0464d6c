/**
 * The worker-thread side of `ChunkedWorkerPool`: keeps the state a job's `setup` builds, answers each `chunk`
 * of that job with the handler's reply (optionally transferring its buffers), and turns any throw — in setup,
 * in a chunk, or a chunk for a job it was never set up for — into an `error` reply the pool reports.
 */
import { parentPort, type TransferListItem } from 'node:worker_threads';
import type { ChunkErrorReply, JobChunkMessage, JobSetupMessage } from './protocol.js';

export interface ChunkHandlers<Setup extends JobSetupMessage, Chunk extends JobChunkMessage, State, Reply> {
  /** Builds the job's state from its setup (runs once per job). */
  readonly setup: (msg: Setup) => State;
  /** The reply to one chunk; may be asynchronous. */
  readonly chunk: (state: State, msg: Chunk) => Reply | Promise<Reply>;
  /** Buffers to transfer (not copy) with a reply. */
  readonly transfer?: (reply: Reply) => readonly TransferListItem[];
}

function errorReply(job: number, error: unknown): ChunkErrorReply {
  return { type: 'error', job, message: error instanceof Error ? error.message : String(error) };
}

/** Serves a pool's jobs on this worker thread; `name` appears in the error when run outside a worker. */
export function serveChunks<Setup extends JobSetupMessage, Chunk extends JobChunkMessage, State, Reply>(
  name: string, handlers: ChunkHandlers<Setup, Chunk, State, Reply>): void {
  const port = parentPort;
  if (port === null) throw new Error(`${name} must run as a worker thread`);
  let current: { job: number; state: State } | undefined;
  const send = (reply: Reply): void => {
    port.postMessage(reply, handlers.transfer?.(reply));
  };
  port.on('message', (msg: Setup | Chunk) => {
    try {
      if (msg.type === 'setup') {
        current = undefined; // a setup that throws leaves no stale job behind
        current = { job: msg.job, state: handlers.setup(msg) };
        return;
      }
      if (current === undefined || current.job !== msg.job) throw new Error(`chunk for unknown job ${msg.job}`);
      const reply = handlers.chunk(current.state, msg);
      if (reply instanceof Promise) reply.then(send, (error: unknown) => port.postMessage(errorReply(msg.job, error)));
      else send(reply);
    } catch (error) {
      port.postMessage(errorReply(msg.job, error));
    }
  });
}

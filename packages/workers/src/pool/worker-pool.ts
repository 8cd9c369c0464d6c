/**
 * `ChunkedWorkerPool`: the worker-thread plumbing shared by the SGP4, pass and decay pools. It starts the
 * threads, sends each job's setup to all of them, hands out index chunks `[first, end)` from a queue (a thread
 * that finishes early takes the next chunk, which balances uneven work), and settles the job when every chunk
 * is answered, when a worker reports an error or exits, when the caller's `onDone` throws, or on abort.
 * Workers are referenced only while a job runs, so an idle pool never keeps the process alive. One job at a
 * time per pool. The worker side is `serveChunks` (serve.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkDoneReply, ChunkErrorReply, JobChunkMessage, JobSetupMessage } from './protocol.js';

/**
 * The compiled worker script `<dir>/<file>` beside the calling module; tests run from `src/`, so there it is
 * the built copy in `dist/`.
 */
export function workerScriptUrl(callerUrl: string, dir: string, file: string): URL {
  return callerUrl.endsWith('.ts') ? new URL(`../../dist/${dir}/${file}`, callerUrl) : new URL(`./${file}`, callerUrl);
}

/** `requested` if given, else `byDefault`; a `RangeError` unless a positive integer. */
export function chunkSizeOf(requested: number | undefined, byDefault: number): number {
  const chunk = requested ?? byDefault;
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunk}`);
  return chunk;
}

export interface PoolNames {
  /** Class name used in the one-job-at-a-time error (`Sgp4WorkerPool`). */
  readonly pool: string;
  /** What a worker is called in failure messages (`SGP4 worker`). */
  readonly worker: string;
}

export interface ChunkedJob<Done extends ChunkDoneReply> {
  /** Number of items; chunks cover `[0, total)`. */
  readonly total: number;
  /** Items per chunk (validated by the caller, see `chunkSizeOf`). */
  readonly chunkSize: number;
  /** The setup message of job `job`, sent once to every worker. */
  readonly setup: (job: number) => JobSetupMessage;
  /** The chunk message for `[first, end)` (default: just the range). */
  readonly chunk?: (job: number, first: number, end: number) => JobChunkMessage;
  /** Takes one chunk's reply on the caller's thread; a throw fails the job with that error. */
  readonly onDone?: (reply: Done) => void;
  readonly signal?: AbortSignal | undefined;
  /** What the job rejects with when `signal` aborts (before or during the run). */
  readonly abortError: (signal: AbortSignal) => unknown;
}

export class ChunkedWorkerPool {
  readonly threads: number;
  private readonly workers: Worker[];
  private readonly names: PoolNames;
  private nextJob = 1;
  private busy = false;
  private abortRunning: ((error: unknown) => void) | undefined;

  private constructor(workers: Worker[], names: PoolNames) {
    this.workers = workers;
    this.threads = workers.length;
    this.names = names;
  }

  /** Starts `threads` workers running `script` (default: all cores, `os.availableParallelism()`). */
  static start(script: URL, names: PoolNames, threads = availableParallelism()): ChunkedWorkerPool {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    const workers = Array.from({ length: threads }, () => new Worker(script));
    for (const w of workers) w.unref();
    return new ChunkedWorkerPool(workers, names);
  }

  /** Throws unless the pool is idle (call before preparing a job's inputs). */
  assertIdle(): void {
    if (this.busy) throw new Error(`${this.names.pool} runs one job at a time; await the previous one`);
  }

  /** Runs one job to completion; rejects on the first failure (results of chunks in flight are discarded). */
  async run<Done extends ChunkDoneReply>(spec: ChunkedJob<Done>): Promise<void> {
    this.assertIdle();
    const { total, chunkSize, signal } = spec;
    if (signal?.aborted === true) throw spec.abortError(signal);
    const job = this.nextJob++;
    this.busy = true;
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let outstanding = 0;
        let finished = false;
        const cleanup = (): void => {
          finished = true;
          this.abortRunning = undefined;
          for (const w of this.workers) {
            w.removeAllListeners('message');
            w.removeAllListeners('error');
            w.removeAllListeners('exit');
            w.unref();
          }
          signal?.removeEventListener('abort', onAbort);
        };
        const fail = (error: unknown): void => {
          if (finished) return;
          cleanup();
          reject(error);
        };
        const onAbort = (): void => fail(spec.abortError(signal!));
        signal?.addEventListener('abort', onAbort);
        this.abortRunning = fail;
        const dispatch = (w: Worker): void => {
          if (finished || next >= total) return;
          const first = next;
          const end = Math.min(total, first + chunkSize);
          next = end;
          outstanding++;
          w.postMessage(spec.chunk?.(job, first, end) ?? ({ type: 'chunk', job, first, end } satisfies JobChunkMessage));
        };
        const setup = spec.setup(job);
        for (const w of this.workers) {
          w.ref(); // keep the process alive while a job runs; idle pools do not hold it open
          w.on('message', (reply: Done | ChunkErrorReply) => {
            if (reply.job !== job || finished) return;
            if (reply.type === 'error') return fail(new Error(`${this.names.worker} failed: ${reply.message}`));
            outstanding--;
            try {
              spec.onDone?.(reply);
            } catch (error) {
              return fail(error);
            }
            if (next < total) dispatch(w);
            else if (outstanding === 0 && !finished) {
              cleanup();
              resolve();
            }
          });
          w.on('error', (e: Error) => fail(e));
          w.on('exit', (code: number) => fail(new Error(`${this.names.worker} exited (code ${code})`)));
          w.postMessage(setup);
        }
        if (total === 0) {
          cleanup();
          resolve();
          return;
        }
        for (const w of this.workers) dispatch(w);
      });
    } finally {
      this.busy = false;
    }
  }

  /** Stops the workers; a job still running rejects. */
  async close(): Promise<void> {
    this.abortRunning?.(new Error(`${this.names.pool} closed while a job was running`));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The part every pool class shares: its thread count and `close`; subclasses add `create` and their job API. */
export abstract class WorkerPoolHandle {
  readonly threads: number;
  protected readonly pool: ChunkedWorkerPool;

  protected constructor(pool: ChunkedWorkerPool) {
    this.pool = pool;
    this.threads = pool.threads;
  }

  /** Stops the workers (a job still running rejects). */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

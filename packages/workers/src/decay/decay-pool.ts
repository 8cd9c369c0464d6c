/**
 * `DecayWorkerPool`: runs Monte Carlo decay samples on worker threads (all cores by default). The job's spec (orbit,
 * drag parameter, space-weather days) is sent to each thread once; samples go out in chunks from a queue, so
 * threads that draw short lifetimes take more. Results come back in sample order. Each sample runs the same
 * deterministic code as in one thread (`runMonteCarlo` of `@stationkeeper/analysis/decay`), so results are
 * identical whatever the thread count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DecayJobChunk, DecayJobSetup, DecayWorkerReply } from './protocol.js';

/** The compiled worker script (tests run from src/, so they use the built copy in dist/). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/decay/decay-worker.js', here) : new URL('./decay-worker.js', here);
}

export interface DecayPoolRunOptions {
  /** Module with the runner factory (default `@stationkeeper/analysis/decay`). */
  readonly module?: string;
  /** Its export `(spec) => (sample) => result` (default `monteCarloRunner`). */
  readonly factory?: string;
  /** Samples per work item (default: ~6 items per thread, at least 1). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called after every finished chunk with the number of samples done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export class DecayWorkerPool {
  readonly threads: number;
  private readonly workers: Worker[];
  private nextJob = 1;
  private busy = false;

  private constructor(workers: Worker[]) {
    this.workers = workers;
    this.threads = workers.length;
  }

  /** Starts `threads` workers (default: all cores, `os.availableParallelism()`). */
  static create(threads = availableParallelism()): DecayWorkerPool {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    const url = workerUrl();
    const workers = Array.from({ length: threads }, () => new Worker(url));
    for (const w of workers) w.unref();
    return new DecayWorkerPool(workers);
  }

  /** Runs every sample with the runner built from `spec`; resolves to the results in sample order. */
  async run<S, P, R>(spec: S, samples: readonly P[], options: DecayPoolRunOptions = {}): Promise<R[]> {
    if (this.busy) throw new Error('DecayWorkerPool runs one job at a time; await the previous one');
    const total = samples.length;
    const chunk = options.chunkSize ?? Math.max(1, Math.ceil(total / (this.threads * 6)));
    if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunk}`);
    const job = this.nextJob++;
    const setup: DecayJobSetup = {
      type: 'setup', job, module: options.module ?? '@stationkeeper/analysis/decay', factory: options.factory ?? 'monteCarloRunner', spec,
    };
    const results = new Array<R>(total);
    this.busy = true;
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        let failed = false;
        const cleanup = (): void => {
          for (const w of this.workers) {
            w.removeAllListeners('message');
            w.removeAllListeners('error');
          }
          options.signal?.removeEventListener('abort', onAbort);
        };
        const fail = (error: Error): void => {
          if (failed) return;
          failed = true;
          cleanup();
          reject(error);
        };
        const onAbort = (): void => fail(new Error('decay Monte Carlo aborted'));
        if (options.signal?.aborted === true) return fail(new Error('decay Monte Carlo aborted'));
        options.signal?.addEventListener('abort', onAbort);
        const dispatch = (w: Worker): void => {
          if (failed || next >= total) return;
          const first = next;
          next = Math.min(total, first + chunk);
          const msg: DecayJobChunk = { type: 'chunk', job, first, samples: samples.slice(first, next) };
          w.postMessage(msg);
        };
        for (const w of this.workers) {
          w.on('message', (reply: DecayWorkerReply) => {
            if (reply.job !== job || failed) return;
            if (reply.type === 'error') return fail(new Error(`decay worker failed: ${reply.message}`));
            reply.results.forEach((r, i) => {
              results[reply.first + i] = r as R;
            });
            done += reply.results.length;
            options.onProgress?.(done, total);
            if (done === total) {
              cleanup();
              resolve();
            } else dispatch(w);
          });
          w.on('error', (e: Error) => fail(e));
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
    return results;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

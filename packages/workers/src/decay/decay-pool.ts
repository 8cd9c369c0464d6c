/**
 * `DecayWorkerPool`: runs Monte Carlo decay samples on worker threads (all cores by default). The job's spec (orbit,
 * drag parameter, space-weather days) is sent to each thread once; samples go out in chunks from a queue, so
 * threads that draw short lifetimes take more. Results come back in sample order. Each sample runs the same
 * deterministic code as in one thread (`runMonteCarlo` of `@stationkeeper/analysis/decay`), so results are
 * identical whatever the thread count.
 */
import { availableParallelism } from 'node:os';
import { ChunkedWorkerPool, WorkerPoolHandle, chunkSizeOf, workerScriptUrl } from '../pool/index.js';
import type { DecayChunkReply, DecayJobChunk, DecayJobSetup } from './protocol.js';

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

export class DecayWorkerPool extends WorkerPoolHandle {
  private constructor(pool: ChunkedWorkerPool) {
    super(pool);
  }

  /** Starts `threads` workers (default: all cores, `os.availableParallelism()`). */
  static create(threads = availableParallelism()): DecayWorkerPool {
    return new DecayWorkerPool(ChunkedWorkerPool.start(workerScriptUrl(import.meta.url, 'decay', 'decay-worker.js'),
      { pool: 'DecayWorkerPool', worker: 'decay worker' }, threads));
  }

  /** Runs every sample with the runner built from `spec`; resolves to the results in sample order. */
  async run<S, P, R>(spec: S, samples: readonly P[], options: DecayPoolRunOptions = {}): Promise<R[]> {
    this.pool.assertIdle();
    const total = samples.length;
    const chunkSize = chunkSizeOf(options.chunkSize, Math.max(1, Math.ceil(total / (this.threads * 6))));
    const results = new Array<R>(total);
    let done = 0;
    await this.pool.run<DecayChunkReply>({
      total,
      chunkSize,
      signal: options.signal,
      abortError: () => new Error('decay Monte Carlo aborted'),
      setup: (job): DecayJobSetup => ({
        type: 'setup', job, module: options.module ?? '@stationkeeper/analysis/decay', factory: options.factory ?? 'monteCarloRunner', spec,
      }),
      chunk: (job, first, end): DecayJobChunk => ({ type: 'chunk', job, first, end, samples: samples.slice(first, end) }),
      onDone: (reply) => {
        reply.results.forEach((r, i) => {
          results[reply.first + i] = r as R;
        });
        done += reply.results.length;
        options.onProgress?.(done, total);
      },
    });
    return results;
  }
}

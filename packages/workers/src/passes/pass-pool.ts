/**
 * `PassWorkerPool`: passes of one satellite for many observers (e.g. every city of the world) on all cores.
 * The satellite's Earth-fixed ephemeris is the same for every observer, so it is tabulated once
 * (`TabulatedEphemeris.tabulate`) and shared with the workers through a SharedArrayBuffer together with the
 * observer columns; observers are handed out in chunks from a queue, and each chunk's passes come back as
 * transferred typed-array columns, joined at the end into one `PassTable` in observer order. Every observer is
 * searched by exactly one thread with the same code as `findPassesForObservers` on the caller's thread, so the
 * results do not depend on the number of threads or the chunking.
 */
import { availableParallelism } from 'node:os';
import type { EphemerisData, TabulatedEphemeris } from './ephemeris.js';
import type { ManyPassOptions, ObserverColumns } from './find-many.js';
import { observerColumns, shareObserverColumns, type ObserverLike } from './observers.js';
import { joinPassColumns, type PassColumns, type PassTable } from './pass-table.js';
import { ChunkedWorkerPool, WorkerPoolHandle, chunkSizeOf, workerScriptUrl } from '../pool/index.js';
import type { PassChunkReply, PassJobSetup } from './protocol.js';

export interface PassPoolProgress {
  readonly doneObservers: number;
  readonly totalObservers: number;
  /** Passes found so far. */
  readonly passes: number;
}

export interface PassPoolRunOptions extends ManyPassOptions {
  /** Observers per work item (default: ~16 items per thread, 16…4096 observers each). */
  readonly chunkSize?: number;
  /** Rejects the run with the signal's reason; results of chunks in flight are discarded. */
  readonly signal?: AbortSignal;
  /** Called on the caller's thread after each finished chunk. */
  readonly onProgress?: (progress: PassPoolProgress) => void;
}

export interface ManyObserverPasses {
  /** Every pass, grouped by observer in input order (`passesOfObserver(table, i)`). */
  readonly table: PassTable;
  /** Per observer: 0; the ephemeris status code where its search stopped; or `OBSERVER_INVALID` (−1). */
  readonly status: Int32Array;
  /** Window length, s; times in the table count from the ephemeris window start. */
  readonly durationS: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('pass search aborted');
}

export class PassWorkerPool extends WorkerPoolHandle {
  private constructor(pool: ChunkedWorkerPool) {
    super(pool);
  }

  /** Starts `threads` workers (default: all cores, `os.availableParallelism()`). */
  static create(threads = availableParallelism()): PassWorkerPool {
    return new PassWorkerPool(ChunkedWorkerPool.start(workerScriptUrl(import.meta.url, 'passes', 'pass-worker.js'),
      { pool: 'PassWorkerPool', worker: 'pass worker' }, threads));
  }

  /** An ephemeris whose tables live on SharedArrayBuffers (copied once if they do not). */
  static shareEphemeris(e: TabulatedEphemeris): EphemerisData {
    const d = e.data;
    if (d.states.buffer instanceof SharedArrayBuffer && d.codes.buffer instanceof SharedArrayBuffer) return d;
    const states = new Float64Array(new SharedArrayBuffer(d.states.byteLength));
    states.set(d.states);
    const codes = new Int32Array(new SharedArrayBuffer(d.codes.byteLength));
    codes.set(d.codes);
    return { stepS: d.stepS, nodes: d.nodes, durationS: d.durationS, states, codes };
  }

  /** Finds the passes of the ephemeris's satellite for every observer. One run at a time per pool. */
  async findPasses(ephemeris: TabulatedEphemeris, observers: ObserverColumns | readonly ObserverLike[],
    options: PassPoolRunOptions = {}): Promise<ManyObserverPasses> {
    this.pool.assertIdle();
    const obs = Array.isArray(observers) ? observerColumns(observers as readonly ObserverLike[]) : shareObserverColumns(observers as ObserverColumns);
    const count = obs.latitudeRad.length;
    const status = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4)).subarray(0, count);
    const chunkSize = chunkSizeOf(options.chunkSize, Math.min(4096, Math.max(16, Math.ceil(count / (this.threads * 16)))));
    const search: ManyPassOptions = {
      ...(options.minElevationRad !== undefined ? { minElevationRad: options.minElevationRad } : {}),
      ...(options.refraction !== undefined ? { refraction: options.refraction } : {}),
      ...(options.toleranceS !== undefined ? { toleranceS: options.toleranceS } : {}),
      ...(options.stepS !== undefined ? { stepS: options.stepS } : {}),
    };
    const data = PassWorkerPool.shareEphemeris(ephemeris);
    const chunks: PassColumns[] = [];
    let done = 0;
    let passes = 0;
    await this.pool.run<PassChunkReply>({
      total: count,
      chunkSize,
      signal: options.signal,
      abortError: abortReason,
      setup: (job): PassJobSetup => ({ type: 'setup', job, ephemeris: data, observers: obs, status, options: search }),
      onDone: (reply) => {
        chunks.push(reply.columns);
        done += reply.end - reply.first;
        passes += reply.columns.observer.length;
        options.onProgress?.({ doneObservers: done, totalObservers: count, passes });
      },
    });
    return { table: joinPassColumns(chunks, count), status, durationS: ephemeris.data.durationS };
  }
}

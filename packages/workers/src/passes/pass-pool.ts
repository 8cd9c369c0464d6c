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
import { Worker } from 'node:worker_threads';
import type { EphemerisData, TabulatedEphemeris } from './ephemeris.js';
import type { ManyPassOptions, ObserverColumns } from './find-many.js';
import { observerColumns, shareObserverColumns, type ObserverLike } from './observers.js';
import { joinPassColumns, type PassColumns, type PassTable } from './pass-table.js';
import type { PassJobChunk, PassJobSetup, PassWorkerReply } from './protocol.js';

/** The compiled worker script (tests run from src/, so they use the built copy in dist/). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/passes/pass-worker.js', here) : new URL('./pass-worker.js', here);
}

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

export class PassWorkerPool {
  readonly threads: number;
  private readonly workers: Worker[];
  private nextJob = 1;
  private busy = false;

  private constructor(workers: Worker[]) {
    this.workers = workers;
    this.threads = workers.length;
  }

  /** Starts `threads` workers (default: all cores, `os.availableParallelism()`). */
  static create(threads = availableParallelism()): PassWorkerPool {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    const url = workerUrl();
    const workers = Array.from({ length: threads }, () => new Worker(url));
    for (const w of workers) w.unref();
    return new PassWorkerPool(workers);
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
    if (this.busy) throw new Error('PassWorkerPool runs one job at a time; await the previous one');
    const obs = Array.isArray(observers) ? observerColumns(observers as readonly ObserverLike[]) : shareObserverColumns(observers as ObserverColumns);
    const count = obs.latitudeRad.length;
    const status = new Int32Array(new SharedArrayBuffer(Math.max(1, count) * 4)).subarray(0, count);
    const chunk = options.chunkSize ?? Math.min(4096, Math.max(16, Math.ceil(count / (this.threads * 16))));
    if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunk}`);
    const search: ManyPassOptions = {
      ...(options.minElevationRad !== undefined ? { minElevationRad: options.minElevationRad } : {}),
      ...(options.refraction !== undefined ? { refraction: options.refraction } : {}),
      ...(options.toleranceS !== undefined ? { toleranceS: options.toleranceS } : {}),
      ...(options.stepS !== undefined ? { stepS: options.stepS } : {}),
    };
    const job = this.nextJob++;
    const setup: PassJobSetup = { type: 'setup', job, ephemeris: PassWorkerPool.shareEphemeris(ephemeris), observers: obs, status, options: search };
    const signal = options.signal;
    if (signal?.aborted === true) throw abortReason(signal);
    const chunks: PassColumns[] = [];
    this.busy = true;
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let outstanding = 0;
        let done = 0;
        let passes = 0;
        let finished = false;
        const cleanup = (): void => {
          finished = true;
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
        const onAbort = (): void => fail(abortReason(signal!));
        signal?.addEventListener('abort', onAbort);
        const dispatch = (w: Worker): void => {
          if (finished || next >= count) return;
          const first = next;
          const end = Math.min(count, first + chunk);
          next = end;
          outstanding++;
          const msg: PassJobChunk = { type: 'chunk', job, first, end };
          w.postMessage(msg);
        };
        for (const w of this.workers) {
          w.ref(); // keep the process alive while a run is pending; idle pools do not hold it open
          w.on('message', (reply: PassWorkerReply) => {
            if (reply.job !== job || finished) return;
            if (reply.type === 'error') return fail(new Error(`pass worker failed: ${reply.message}`));
            outstanding--;
            chunks.push(reply.columns);
            done += reply.end - reply.first;
            passes += reply.columns.observer.length;
            try {
              options.onProgress?.({ doneObservers: done, totalObservers: count, passes });
            } catch (error) {
              return fail(error);
            }
            if (next < count) dispatch(w);
            else if (outstanding === 0) {
              cleanup();
              resolve();
            }
          });
          w.on('error', (e: Error) => fail(e));
          w.on('exit', (code: number) => fail(new Error(`pass worker exited (code ${code})`)));
          w.postMessage(setup);
        }
        if (count === 0) {
          cleanup();
          resolve();
          return;
        }
        for (const w of this.workers) dispatch(w);
      });
    } finally {
      this.busy = false;
    }
    return { table: joinPassColumns(chunks, count), status, durationS: ephemeris.data.durationS };
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

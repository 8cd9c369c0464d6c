/**
 * `Sgp4WorkerPool`: splits a catalog batch (`@stationkeeper/astro/sgp4`) over worker threads. Records, times
 * and outputs live on SharedArrayBuffers, so nothing is copied per job; satellites are handed out in chunks
 * from a queue, which balances the costlier deep-space objects across threads. Each satellite is propagated
 * by exactly one thread with the same code as the single-threaded batch, so results are identical.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JulianDate } from '@stationkeeper/astro/time';
import { allocateSgp4States, Sgp4Catalog, type Sgp4StateArrays } from '@stationkeeper/astro/sgp4';
import type { Sgp4JobChunk, Sgp4JobSetup, Sgp4WorkerReply } from './protocol.js';

/** The compiled worker script (tests run from src/, so they use the built copy in dist/). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/sgp4/sgp4-worker.js', here) : new URL('./sgp4-worker.js', here);
}

function isShared(a: ArrayBufferView): boolean {
  return a.buffer instanceof SharedArrayBuffer;
}

export interface Sgp4PoolRunOptions {
  /** As in `propagateCatalog`: minutes count from this UTC date instead of each satellite's epoch. */
  readonly relativeToUtc?: JulianDate;
  /** Satellites per work item (default: enough for ~8 items per thread, at least 16). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
}

export class Sgp4WorkerPool {
  readonly threads: number;
  private readonly workers: Worker[];
  private nextJob = 1;
  private busy = false;

  private constructor(workers: Worker[]) {
    this.workers = workers;
    this.threads = workers.length;
  }

  /** Starts `threads` workers (default: all cores, `os.availableParallelism()`). */
  static create(threads = availableParallelism()): Sgp4WorkerPool {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    const url = workerUrl();
    const workers = Array.from({ length: threads }, () => new Worker(url));
    for (const w of workers) w.unref();
    return new Sgp4WorkerPool(workers);
  }

  /** A catalog whose records live on a SharedArrayBuffer (copied once if they do not). */
  static shareCatalog(catalog: Sgp4Catalog): Sgp4Catalog {
    if (isShared(catalog.records)) return catalog;
    const records = new Float64Array(new SharedArrayBuffer(catalog.records.byteLength));
    records.set(catalog.records);
    return Sgp4Catalog.fromRecords(records);
  }

  /** Propagates the whole catalog to every time; allocates shared outputs of `count × minutes.length`. */
  async propagate(catalog: Sgp4Catalog, minutes: ArrayLike<number>, options: Sgp4PoolRunOptions = {}): Promise<Sgp4StateArrays> {
    const out = allocateSgp4States(catalog.count * minutes.length, true);
    await this.propagateInto(catalog, minutes, out, options);
    return out;
  }

  /** As `propagate`, into caller-owned outputs, which must be on SharedArrayBuffers. */
  async propagateInto(catalog: Sgp4Catalog, minutes: ArrayLike<number>, out: Sgp4StateArrays,
    options: Sgp4PoolRunOptions = {}): Promise<void> {
    if (this.busy) throw new Error('Sgp4WorkerPool runs one job at a time; await the previous one');
    for (const a of [out.x, out.y, out.z, out.vx, out.vy, out.vz, out.codes]) {
      if (!isShared(a)) throw new TypeError('output arrays must be on SharedArrayBuffers (allocateSgp4States(n, true))');
      if (a.length < catalog.count * minutes.length) throw new RangeError(`output arrays hold ${a.length} samples; need ${catalog.count * minutes.length}`);
    }
    const shared = Sgp4WorkerPool.shareCatalog(catalog);
    const times = new Float64Array(new SharedArrayBuffer(minutes.length * 8));
    times.set(Array.from(minutes));
    const count = shared.count;
    const chunk = options.chunkSize ?? Math.max(16, Math.ceil(count / (this.threads * 8)));
    if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunk}`);
    const job = this.nextJob++;
    const setup: Sgp4JobSetup = {
      type: 'setup', job, records: shared.records, minutes: times,
      x: out.x, y: out.y, z: out.z, vx: out.vx, vy: out.vy, vz: out.vz, codes: out.codes,
      ...(options.relativeToUtc !== undefined ? { relativeToUtc: { jd1: options.relativeToUtc.jd1, jd2: options.relativeToUtc.jd2 } } : {}),
    };
    this.busy = true;
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let outstanding = 0;
        let failed = false;
        const cleanup = (): void => {
          for (const w of this.workers) {
            w.removeAllListeners('message');
            w.removeAllListeners('error');
            w.unref();
          }
          options.signal?.removeEventListener('abort', onAbort);
        };
        const fail = (error: Error): void => {
          if (failed) return;
          failed = true;
          cleanup();
          reject(error);
        };
        const onAbort = (): void => fail(new Error('SGP4 batch aborted'));
        if (options.signal?.aborted === true) return fail(new Error('SGP4 batch aborted'));
        options.signal?.addEventListener('abort', onAbort);
        const dispatch = (w: Worker): void => {
          if (failed || next >= count) return;
          const first = next;
          const end = Math.min(count, first + chunk);
          next = end;
          outstanding++;
          const msg: Sgp4JobChunk = { type: 'chunk', job, first, end };
          w.postMessage(msg);
        };
        for (const w of this.workers) {
          w.ref(); // keep the process alive while a job runs; idle pools do not hold it open
          w.on('message', (reply: Sgp4WorkerReply) => {
            if (reply.job !== job) return;
            if (reply.type === 'error') return fail(new Error(`SGP4 worker failed: ${reply.message}`));
            outstanding--;
            if (next < count) dispatch(w);
            else if (outstanding === 0 && !failed) {
              cleanup();
              resolve();
            }
          });
          w.on('error', (e: Error) => fail(e));
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
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

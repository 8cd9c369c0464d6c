/**
 * `Sgp4WorkerPool`: splits a catalog batch (`@stationkeeper/astro/sgp4`) over worker threads. Records, times
 * and outputs live on SharedArrayBuffers, so nothing is copied per job; satellites are handed out in chunks
 * from a queue, which balances the costlier deep-space objects across threads. Each satellite is propagated
 * by exactly one thread with the same code as the single-threaded batch, so results are identical.
 */
import { availableParallelism } from 'node:os';
import type { JulianDate } from '@stationkeeper/astro/time';
import { allocateSgp4States, Sgp4Catalog, type Sgp4StateArrays } from '@stationkeeper/astro/sgp4';
import { ChunkedWorkerPool, WorkerPoolHandle, chunkSizeOf, workerScriptUrl } from '../pool/index.js';
import type { Sgp4JobSetup } from './protocol.js';

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

export class Sgp4WorkerPool extends WorkerPoolHandle {
  private constructor(pool: ChunkedWorkerPool) {
    super(pool);
  }

  /** Starts `threads` workers (default: all cores, `os.availableParallelism()`). */
  static create(threads = availableParallelism()): Sgp4WorkerPool {
    return new Sgp4WorkerPool(ChunkedWorkerPool.start(workerScriptUrl(import.meta.url, 'sgp4', 'sgp4-worker.js'),
      { pool: 'Sgp4WorkerPool', worker: 'SGP4 worker' }, threads));
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
    this.pool.assertIdle();
    for (const a of [out.x, out.y, out.z, out.vx, out.vy, out.vz, out.codes]) {
      if (!isShared(a)) throw new TypeError('output arrays must be on SharedArrayBuffers (allocateSgp4States(n, true))');
      if (a.length < catalog.count * minutes.length) throw new RangeError(`output arrays hold ${a.length} samples; need ${catalog.count * minutes.length}`);
    }
    const shared = Sgp4WorkerPool.shareCatalog(catalog);
    const times = new Float64Array(new SharedArrayBuffer(minutes.length * 8));
    times.set(Array.from(minutes));
    const count = shared.count;
    const chunkSize = chunkSizeOf(options.chunkSize, Math.max(16, Math.ceil(count / (this.threads * 8))));
    await this.pool.run({
      total: count,
      chunkSize,
      signal: options.signal,
      abortError: () => new Error('SGP4 batch aborted'),
      setup: (job): Sgp4JobSetup => ({
        type: 'setup', job, records: shared.records, minutes: times,
        x: out.x, y: out.y, z: out.z, vx: out.vx, vy: out.vy, vz: out.vz, codes: out.codes,
        ...(options.relativeToUtc !== undefined ? { relativeToUtc: { jd1: options.relativeToUtc.jd1, jd2: options.relativeToUtc.jd2 } } : {}),
      }),
    });
  }
}

/**
 * ChunkedWorkerPool and serveChunks with a tiny worker given as a data: URL that imports the compiled
 * `dist/pool/serve.js` (so this runs after `npm run build`, as the other pool tests do). The worker squares
 * the indices of each chunk; special indices make it throw, exit or stall, to exercise every way a job ends.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkedWorkerPool, chunkSizeOf, type ChunkDoneReply } from './index.js';

const serveJs = new URL('../../dist/pool/serve.js', import.meta.url);
const poolJs = new URL('../../dist/pool/worker-pool.js', import.meta.url);
const built = existsSync(serveJs) && existsSync(poolJs);
if (!built) console.warn('[workers] dist/pool missing: run `npm run build`; pool tests SKIPPED.');

/** Squares `offset + first … offset + end − 1`; 13 throws, 66 exits the thread; `delayMs` delays each reply. */
const workerSource = `
import { serveChunks } from ${JSON.stringify(serveJs.href)};
serveChunks('test-worker', {
  setup: (msg) => ({ offset: msg.offset, delayMs: msg.delayMs }),
  chunk: async (state, msg) => {
    const squares = [];
    for (let i = msg.first; i < msg.end; i++) {
      if (i + state.offset === 13) throw new Error('unlucky ' + i);
      if (i + state.offset === 66) process.exit(3);
      squares.push((i + state.offset) ** 2);
    }
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    return { type: 'done', job: msg.job, first: msg.first, end: msg.end, squares };
  },
});
`;
const script = new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`);
const names = { pool: 'TestPool', worker: 'test worker' };

interface SquaresReply extends ChunkDoneReply { readonly squares: number[] }

async function squares(pool: ChunkedWorkerPool, total: number, chunkSize: number, extra: Partial<{ signal: AbortSignal; delayMs: number; offset: number; onDone: () => void }> = {}): Promise<number[]> {
  const out = new Array<number>(total).fill(-1);
  await pool.run<SquaresReply>({
    total, chunkSize, signal: extra.signal,
    abortError: () => new Error('test job aborted'),
    setup: (job) => ({ type: 'setup', job, offset: extra.offset ?? 0, delayMs: extra.delayMs ?? 0 }) as never,
    onDone: (reply) => {
      reply.squares.forEach((v, k) => { out[reply.first + k] = v; });
      extra.onDone?.();
    },
  });
  return out;
}

describe.skipIf(!built)('ChunkedWorkerPool', () => {
  const pool = built ? ChunkedWorkerPool.start(script, names, 2) : undefined;
  afterAll(async () => pool?.close());

  it('covers every index exactly once, whatever the chunk size', async () => {
    for (const chunk of [1, 3, 12, 100]) {
      expect(await squares(pool!, 12, chunk)).toEqual(Array.from({ length: 12 }, (_, i) => i * i));
    }
    expect(await squares(pool!, 0, 4)).toEqual([]);
  });

  it('rejects with the worker error, an onDone throw, or the abort error; stays usable after each', async () => {
    await expect(squares(pool!, 20, 4)).rejects.toThrow('test worker failed: unlucky 13');
    await expect(squares(pool!, 8, 2, { onDone: () => { throw new RangeError('progress callback broke'); } })).rejects.toThrow(RangeError);
    await expect(squares(pool!, 8, 2, { signal: AbortSignal.abort() })).rejects.toThrow('test job aborted');
    const ac = new AbortController();
    await expect(squares(pool!, 8, 1, { signal: ac.signal, onDone: () => ac.abort() })).rejects.toThrow('test job aborted');
    expect(await squares(pool!, 5, 2)).toEqual([0, 1, 4, 9, 16]);
  });

  it('rejects one job at a time and bad sizes', async () => {
    const first = squares(pool!, 4, 1, { delayMs: 20 });
    await expect(squares(pool!, 4, 1)).rejects.toThrow('TestPool runs one job at a time; await the previous one');
    await first;
    expect(() => chunkSizeOf(0, 5)).toThrow(RangeError);
    expect(() => chunkSizeOf(undefined, 1.5)).toThrow(RangeError);
    expect(chunkSizeOf(undefined, 7)).toBe(7);
    expect(() => ChunkedWorkerPool.start(script, names, 0)).toThrow(RangeError);
  });

  it('rejects, instead of hanging, when a worker thread exits mid-job', async () => {
    const doomed = ChunkedWorkerPool.start(script, names, 1);
    await expect(squares(doomed, 10, 2, { offset: 60 })).rejects.toThrow('test worker exited (code 3)');
    await doomed.close();
  });

  it('rejects a job still running when the pool is closed', async () => {
    const closing = ChunkedWorkerPool.start(script, names, 1);
    const running = squares(closing, 4, 1, { delayMs: 200 });
    const rejected = expect(running).rejects.toThrow('TestPool closed while a job was running');
    await closing.close();
    await rejected;
  });

  // DecayWorkerPool never ref'd its (unref'd) workers, so a script awaiting only a Monte Carlo run could exit
  // with the job unfinished; every pool now runs on ChunkedWorkerPool, which refs the workers while a job runs.
  it('keeps the process alive while a job runs, and lets it exit when idle (decay pool exited mid-run)', () => {
    const main = `
      import { ChunkedWorkerPool } from ${JSON.stringify(poolJs.href)};
      const pool = ChunkedWorkerPool.start(new URL(${JSON.stringify(script.href)}), { pool: 'P', worker: 'w' }, 1);
      let n = 0;
      await pool.run({ total: 3, chunkSize: 1, abortError: () => new Error('x'),
        setup: (job) => ({ type: 'setup', job, offset: 1, delayMs: 50 }), onDone: (r) => { n += r.squares[0]; } });
      console.log('finished ' + n);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', main], { encoding: 'utf8', timeout: 20_000 });
    expect(out.trim()).toBe('finished 14');
  });
});

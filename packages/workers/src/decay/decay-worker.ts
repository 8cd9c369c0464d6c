/**
 * Worker-thread entry for `DecayWorkerPool`: imports the runner factory named in the job setup (by default
 * `monteCarloRunner` of the compiled `@stationkeeper/analysis/decay`, loaded at run time so that this package needs
 * no build-time dependency on analysis, which depends on it), builds the runner once per job, then runs the sample
 * chunks it is sent and posts their results back in order.
 */
import { serveChunks } from '../pool/index.js';
import type { DecayChunkReply, DecayJobChunk, DecayJobSetup } from './protocol.js';

type Runner = (sample: unknown) => unknown;

async function load(module: string, factory: string, spec: unknown): Promise<Runner> {
  const mod = (await import(module)) as Record<string, unknown>;
  const make = mod[factory];
  if (typeof make !== 'function') throw new Error(`${module} has no function export '${factory}'`);
  const runner: unknown = (make as (s: unknown) => unknown)(spec);
  if (typeof runner !== 'function') throw new Error(`${module}.${factory}(spec) did not return a function`);
  return runner as Runner;
}

serveChunks('decay-worker', {
  setup: (msg: DecayJobSetup) => {
    const runner = load(msg.module, msg.factory, msg.spec);
    runner.catch(() => undefined); // reported when a chunk awaits it
    return runner;
  },
  chunk: async (runner, msg: DecayJobChunk): Promise<DecayChunkReply> => {
    const run = await runner;
    return { type: 'done', job: msg.job, first: msg.first, end: msg.end, results: msg.samples.map((s) => run(s)) };
  },
});

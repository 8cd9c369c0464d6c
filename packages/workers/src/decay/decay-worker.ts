/**
 * Worker-thread entry for `DecayWorkerPool`: imports the runner factory named in the job setup (by default
 * `monteCarloRunner` of the compiled `@stationkeeper/analysis/decay`, loaded at run time so that this package needs
 * no build-time dependency on analysis, which depends on it), builds the runner once per job, then runs the sample
 * chunks it is sent and posts their results back in order.
 */
import { parentPort } from 'node:worker_threads';
import type { DecayWorkerReply, DecayWorkerRequest } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('decay-worker must run as a worker thread');

type Runner = (sample: unknown) => unknown;
let current: { job: number; runner: Promise<Runner> } | undefined;

async function load(module: string, factory: string, spec: unknown): Promise<Runner> {
  const mod = (await import(module)) as Record<string, unknown>;
  const make = mod[factory];
  if (typeof make !== 'function') throw new Error(`${module} has no function export '${factory}'`);
  const runner: unknown = (make as (s: unknown) => unknown)(spec);
  if (typeof runner !== 'function') throw new Error(`${module}.${factory}(spec) did not return a function`);
  return runner as Runner;
}

port.on('message', (msg: DecayWorkerRequest) => {
  if (msg.type === 'setup') {
    const runner = load(msg.module, msg.factory, msg.spec);
    runner.catch(() => undefined); // reported when a chunk awaits it
    current = { job: msg.job, runner };
    return;
  }
  void (async () => {
    try {
      if (current === undefined || current.job !== msg.job) throw new Error(`chunk for unknown job ${msg.job}`);
      const run = await current.runner;
      const results = msg.samples.map((s) => run(s));
      const reply: DecayWorkerReply = { type: 'done', job: msg.job, first: msg.first, results };
      port.postMessage(reply);
    } catch (error) {
      const reply: DecayWorkerReply = { type: 'error', job: msg.job, message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    }
  })();
});

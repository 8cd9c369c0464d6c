/**
 * @stationkeeper/workers — Node worker-thread pools for catalog-scale batch work. Kept apart from
 * @stationkeeper/astro, which stays browser-safe.
 */
export { Sgp4WorkerPool, type Sgp4PoolRunOptions } from './sgp4/index.js';
export { DecayWorkerPool, type DecayPoolRunOptions } from './decay/index.js';
export * from './passes/index.js';

export { DecayWorkerPool, type DecayPoolRunOptions } from './decay-pool.js';

export { Sgp4WorkerPool, type Sgp4PoolRunOptions } from './sgp4-pool.js';

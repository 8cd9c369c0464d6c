/** The generic worker-thread pool behind the SGP4, pass and decay pools (pool and worker sides, protocol). */
export { ChunkedWorkerPool, WorkerPoolHandle, chunkSizeOf, workerScriptUrl, type ChunkedJob, type PoolNames } from './worker-pool.js';
export { serveChunks, type ChunkHandlers } from './serve.js';
export type { ChunkDoneReply, ChunkErrorReply, JobChunkMessage, JobSetupMessage } from './protocol.js';

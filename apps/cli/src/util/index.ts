/** Small shared CLI helpers: flags (node:util parseArgs), input files (plain or gzip), CSV/JSON writers. */
export * from './args.js';
export * from './files.js';
export * from './writers.js';

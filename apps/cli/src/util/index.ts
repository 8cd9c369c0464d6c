/**
 * Small shared CLI helpers: flags (a hand-rolled reader and node:util parseArgs), numbers and ISO times with
 * UsageError, input files (plain or gzip), the store, element-file inputs, CSV/JSON writers.
 */
export * from './args.js';
export * from './elements.js';
export * from './files.js';
export * from './flags.js';
export * from './store.js';
export * from './writers.js';

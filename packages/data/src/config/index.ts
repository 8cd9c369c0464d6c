/** The configuration file (home location, database, followed objects). See docs/sources.md. */
export * from './config.js';
export * from './runtime.js';

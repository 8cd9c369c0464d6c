/**
 * Online sources: a polite HTTP client, a fetch ledger (conditional requests and politeness intervals),
 * body validation, and the CelesTrak, IERS and Space-Track endpoints. See docs/sources.md.
 */
export * from './errors.js';
export * from './http-client.js';
export * from './fetch-ledger.js';
export * from './fetch-resource.js';
export * from './validate.js';
export * from './celestrak.js';
export * from './iers.js';
export * from './space-track.js';
export * from './update.js';

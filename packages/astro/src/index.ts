/**
 * @stationkeeper/astro — pure astrodynamics with no runtime dependencies and no I/O.
 * Import a subsystem through its subpath (`@stationkeeper/astro/time`, `/frames`, `/elements`, `/sgp4`, …);
 * this root re-exports the common core.
 */
export * from './units/index.js';
export * from './time/index.js';
export * from './frames/index.js';

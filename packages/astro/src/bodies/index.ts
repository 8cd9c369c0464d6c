/**
 * Sun and Moon: analytic series (Meeus 1998; VSOP87 truncated), twilight classes.
 * `@stationkeeper/astro/bodies`.
 */
export * from './sun.js';
export * from './twilight.js';
export * from './moon.js';

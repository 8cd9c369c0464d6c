/**
 * Event finding over any propagator: bracketing + Brent refinement (roots, extrema), rise/culmination/set with
 * a stated no-miss guarantee, conical-shadow eclipses, pass records with visibility and magnitude, ground tracks.
 * `@stationkeeper/astro/events`; see docs/passes.md.
 */
export * from './roots.js';
export * from './earth.js';
export * from './pass-finder.js';
export * from './illumination.js';
export * from './window.js';
export * from './passes.js';
export * from './ground-track.js';
export * from './sky.js';
export * from './tabulated.js';
export * from './magnitude.js';

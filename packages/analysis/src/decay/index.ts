/**
 * @stationkeeper/analysis/decay — orbital decay: the orbit-averaged propagator, drag-parameter (ballistic
 * coefficient) fit from element histories (Molczan), lifetime/reentry and Monte Carlo planning. Pure: element
 * sets, space weather and atmospheres come in as arguments. See docs/decay.md.
 */
export * from './mean-orbit.js';
export * from './averaged-rates.js';
export * from './averaged-propagator.js';
export * from './lifetime.js';
export * from './space-weather.js';
export * from './ballistic-fit.js';
export * from './monte-carlo.js';
export * from './arc-fit.js';
export * from './arc-pairs.js';
export * from './msafe-spread.js';

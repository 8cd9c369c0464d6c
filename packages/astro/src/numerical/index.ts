/**
 * @stationkeeper/astro/numerical — adaptive Runge–Kutta integrators (Dormand–Prince 5(4), Prince–Dormand 8(7))
 * with dense output and event detection, LEO force models and the TEME numerical propagator. See docs/numerical.md.
 */
export * from './tableaus.js';
export * from './integrator.js';
export * from './constants.js';
export { addDrag, addSrp, addThirdBody, addZonalGravity, geodeticLatHeight, type Spacecraft } from './forces.js';
export * from './propagator.js';

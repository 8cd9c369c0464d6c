/**
 * @stationkeeper/astro/sgp4 — SGP4/SDP4 after Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack
 * Report #3" (AIAA 2006-6753): single-satellite (`Sgp4`), `Propagator<'TEME'>` (`Sgp4Propagator`) and
 * catalog batch (`Sgp4Catalog` + `propagateCatalog`). See docs/sgp4.md.
 */
export { Sgp4Code, sgp4CodeMessage, type Sgp4CodeValue } from './codes.js';
export { gravityModel, type GravityModel, type GravityModelName } from './gravity.js';
export {
  DEFAULT_MAX_DAYS_FROM_EPOCH, gstime, invalidElementsReason, type Sgp4Elements, type Sgp4Guard, type Sgp4Options,
} from './init.js';
export { RECORD_STRIDE } from './layout.js';
export { type Sgp4StateArrays } from './propagate.js';
export { Sgp4, allocateSgp4States, type Sgp4Result } from './sgp4.js';
export { Sgp4Propagator, minutesSinceEpoch, type UtcView } from './propagator.js';
export { Sgp4Catalog, propagateCatalog, type Sgp4BatchOptions } from './batch.js';

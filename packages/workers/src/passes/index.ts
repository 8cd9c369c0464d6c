/**
 * Passes of one satellite for many observers on all cores: a tabulated Earth-fixed ephemeris shared with worker
 * threads, the astro pass finder per observer, compact typed-array pass tables. See docs/passes-cities.md.
 */
export { TabulatedEphemeris, type EphemerisData, type TabulateOptions } from './ephemeris.js';
export { findPassesForObservers, ephemerisOrbitBounds, OBSERVER_INVALID, type ManyPassOptions, type ObserverColumns } from './find-many.js';
export { observerColumns, observerColumnsFromDegrees, shareObserverColumns, type ObserverLike } from './observers.js';
export {
  RISE_BEFORE_START, SET_AFTER_END, PassTableBuilder, joinPassColumns, passRow, passesOfObserver, columnBuffers,
  type PassColumns, type PassTable, type PassRow, type PassValues,
} from './pass-table.js';
export { PassWorkerPool, type PassPoolRunOptions, type PassPoolProgress, type ManyObserverPasses } from './pass-pool.js';

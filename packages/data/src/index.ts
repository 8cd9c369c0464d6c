/**
 * @stationkeeper/data — data formats, the store and file import. Prefer the subpaths
 * (`@stationkeeper/data/store`, `/import`, `/formats`); this root re-exports them.
 */
export * from './formats/index.js';
export * from './store/index.js';
export * from './import/index.js';
export * from './sources/index.js';

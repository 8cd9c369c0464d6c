/**
 * `@stationkeeper/data/store` — the element-set / space-weather / EOP store (SQLite or PostgreSQL).
 * See docs/data.md for the schema, migrations and import semantics.
 */
export * from './types.js';
export { openStore, type OpenStoreOptions } from './open.js';
export { resolveStoreLocation, defaultSqlitePath, describeLocation, isPostgresUrl, type LocationInputs } from './location.js';
export { canonicalElementText, elementContentHash } from './element-rows.js';
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations.js';
export { historyRow, meanSemiMajorAxisKm, brouwerMeanMotionRadPerMin, WGS84_EQUATORIAL_RADIUS_KM, type HistoryRow } from './history-row.js';
export { NO_STORED_EOP_NOTE } from './notes.js';

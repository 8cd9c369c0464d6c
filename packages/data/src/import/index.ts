/** `@stationkeeper/data/import` — importing data files into the store (see docs/data.md). */
export { importFile, importText, importBytes, eopTableRows, ImportError, type ImportOptions, type ImportResult, type ImportPhase } from './import-file.js';
export { detectImportFormat, importKindOf, type ImportFormat } from './detect.js';

/**
 * `@stationkeeper/data/formats` — readers for the data files stationkeeper imports: CelesTrak space
 * weather (SW-All.txt and SW-All.csv), the JB2008 index files (SOLFSMY.TXT, DTCFILE.TXT), plain-or-gzip line
 * reading, UTC calendar ↔ MJD helpers.
 * Element sets and EOP files are parsed by `@stationkeeper/astro` (elements, time).
 */
export * from './space-weather-record.js';
export * from './utc-mjd.js';
export * from './rejected.js';
export { parseSpaceWeatherTxt, parseSpaceWeatherTxtRow, looksLikeSpaceWeatherTxt, type SpaceWeatherFileResult } from './space-weather-txt.js';
export { parseSpaceWeatherCsv, looksLikeSpaceWeatherCsv } from './space-weather-csv.js';
export { readInputText, readLines, decodeInput, isGzip, type InputText, type LineRecord } from './read-input.js';
export { parseSolfsmy, parseDtcFile, parseJb2008IndexFiles, type SolfsmyFile } from './jb2008-index-files.js';

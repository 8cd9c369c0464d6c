/**
 * `@stationkeeper/data/formats` — readers for the data files stationkeeper imports: CelesTrak space
 * weather (SW-All.txt and SW-All.csv), plain-or-gzip line reading, UTC calendar ↔ MJD helpers.
 * Element sets and EOP files are parsed by `@stationkeeper/astro` (elements, time).
 */
export * from './space-weather-record.js';
export * from './utc-mjd.js';

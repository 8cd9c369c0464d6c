/**
 * Tells the supported file families apart by their content (never by the file name):
 * CelesTrak space weather (SW-All.txt header/sections, SW-All.csv header), IERS finals2000A (fixed columns:
 * date in 1–6, MJD `nnnnn.00` in 8–15, flag in 17), element sets (TLE/3LE with `1 `/`2 ` lines, OMM
 * JSON/XML/KVN/CSV as `@stationkeeper/astro/elements` detects them).
 */
import { detectElementFormat } from '@stationkeeper/astro/elements';
import { looksLikeSpaceWeatherCsv } from '../formats/space-weather-csv.js';
import { looksLikeSpaceWeatherTxt } from '../formats/space-weather-txt.js';

export type ImportFormat = 'sw-txt' | 'sw-csv' | 'finals2000a' | 'tle' | 'omm-json' | 'omm-xml' | 'omm-kvn' | 'omm-csv';

const FINALS_LINE = /^[ \d]{2}[ \d]{2}[ \d]{2} [ \d]{5}\.\d{2} [IP ]/;

/** The format of a text, or undefined when it is none we import. */
export function detectImportFormat(text: string): ImportFormat | undefined {
  const head = text.slice(0, 20_000);
  if (looksLikeSpaceWeatherTxt(head)) return 'sw-txt';
  if (looksLikeSpaceWeatherCsv(head)) return 'sw-csv';
  const firstLines = head.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 3);
  if (firstLines.length > 0 && firstLines.every((l) => FINALS_LINE.test(l))) return 'finals2000a';
  const element = detectElementFormat(head);
  if (element !== 'tle') return element;
  // A TLE file must contain a line 1 followed by a line 2 somewhere near its start.
  return /^1 [ \dA-Z]{5}.*\r?\n2 [ \dA-Z]{5}/m.test(head) ? 'tle' : undefined;
}

export function importKindOf(format: ImportFormat): 'elements' | 'space-weather' | 'eop' {
  return format === 'sw-txt' || format === 'sw-csv' ? 'space-weather' : format === 'finals2000a' ? 'eop' : 'elements';
}

/**
 * CelesTrak (T. S. Kelso, https://celestrak.org): GP element sets and space weather.
 *
 * - GP query API: `/NORAD/elements/gp.php?{CATNR=n | GROUP=name}&FORMAT={json|3le}` — CelesTrak,
 *   "A New Way to Obtain GP Data (aka TLEs)" (https://celestrak.org/NORAD/documentation/gp-data-formats.php).
 *   GP data change at most every 2 hours; CelesTrak asks clients not to download the same data more than once
 *   per update and blocks clients that do, so each GP URL is requested at most once per 2 h here.
 * - Space weather: `/SpaceData/SW-All.csv` and the classic `/SpaceData/SW-All.txt` — CelesTrak, "Space Weather
 *   Data" (https://celestrak.org/SpaceData/SpaceWx-format.php). Daily data (observed through yesterday, then
 *   45 days and monthly predictions); requested at most once per 6 h.
 */
import { SourceError } from './errors.js';
import type { FetchContext, ResourceOutcome } from './fetch-resource.js';
import { fetchResource } from './fetch-resource.js';
import { mjdToIsoDay, validateOmmJson, validateSpaceWeatherCsv, validateSpaceWeatherTxt, validateTleText, type DailyTableSummary, type ElementTextSummary } from './validate.js';

export const CELESTRAK_BASE_URL = 'https://celestrak.org';
/** GP data update cycle: CelesTrak's politeness rule allows one download of the same query per cycle. */
export const CELESTRAK_GP_MIN_INTERVAL_S = 2 * 3600;
export const CELESTRAK_SPACE_WEATHER_MIN_INTERVAL_S = 6 * 3600;

export type GpFormat = 'json' | '3le';
export type GpQuery = { readonly catnr: number } | { readonly group: string };

function checkQuery(query: GpQuery): void {
  if ('catnr' in query) {
    if (!Number.isInteger(query.catnr) || query.catnr < 1 || query.catnr > 339_999) {
      throw new RangeError(`NORAD catalog number must be an integer in 1..339999, got ${query.catnr}`);
    }
  } else if (!/^[a-z0-9-]{1,40}$/i.test(query.group)) {
    throw new RangeError(`CelesTrak GROUP must be 1-40 letters, digits or '-', got "${query.group}"`);
  }
}

/** The GP query URL, e.g. `https://celestrak.org/NORAD/elements/gp.php?CATNR=25544&FORMAT=json`. */
export function celestrakGpUrl(query: GpQuery, format: GpFormat, baseUrl = CELESTRAK_BASE_URL): string {
  checkQuery(query);
  const key = 'catnr' in query ? `CATNR=${query.catnr}` : `GROUP=${encodeURIComponent(query.group)}`;
  return `${baseUrl.replace(/\/+$/, '')}/NORAD/elements/gp.php?${key}&FORMAT=${format}`;
}

/** CelesTrak answers an unknown CATNR/GROUP with a plain-text sentence instead of data. */
function rejectNoData(url: string, body: string): void {
  const t = body.trim();
  if (/^no gp data found/i.test(t) || /^invalid query/i.test(t) || /^gp data has not updated/i.test(t)) {
    throw new SourceError('invalid-body', url, `CelesTrak answered "${t.slice(0, 100)}" instead of element sets`);
  }
}

export interface GpFetchOptions {
  readonly baseUrl?: string;
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/** Downloads and validates one GP query. For a CATNR query the body must contain that object. */
export function fetchCelestrakGp(ctx: FetchContext, query: GpQuery, format: GpFormat, options: GpFetchOptions = {}): Promise<ResourceOutcome<ElementTextSummary>> {
  const url = celestrakGpUrl(query, format, options.baseUrl);
  const what = 'catnr' in query ? `${query.catnr}` : `group ${query.group}`;
  return fetchResource(ctx, {
    label: `CelesTrak GP ${what} (${format === 'json' ? 'OMM JSON' : '3LE'})`,
    url,
    minIntervalS: CELESTRAK_GP_MIN_INTERVAL_S,
    validate: (u, body) => {
      rejectNoData(u, body);
      const summary = format === 'json' ? validateOmmJson(u, body) : validateTleText(u, body);
      if ('catnr' in query) {
        const want = String(query.catnr);
        const has = [...summary.catalogNumbers].some((c) => c === want || c.replace(/^0+/, '') === want);
        if (!has) throw new SourceError('invalid-body', u, `asked for catalog number ${want} but the body has ${[...summary.catalogNumbers].join(', ')}`);
      }
      return summary;
    },
    ...(options.force === undefined ? {} : { force: options.force }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

export type SpaceWeatherFormat = 'csv' | 'txt';

export function celestrakSpaceWeatherUrl(format: SpaceWeatherFormat, baseUrl = CELESTRAK_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/SpaceData/SW-All.${format}`;
}

/**
 * Downloads and validates CelesTrak space weather. Besides the format checks, the table must reach at least
 * `today` (UTC, `YYYY-MM-DD`): the files always carry predictions into the future, so one that ends earlier
 * was cut short or is stale.
 */
export function fetchCelestrakSpaceWeather(
  ctx: FetchContext,
  format: SpaceWeatherFormat,
  options: GpFetchOptions = {},
): Promise<ResourceOutcome<DailyTableSummary>> {
  const url = celestrakSpaceWeatherUrl(format, options.baseUrl);
  return fetchResource(ctx, {
    label: `CelesTrak space weather (SW-All.${format})`,
    url,
    minIntervalS: CELESTRAK_SPACE_WEATHER_MIN_INTERVAL_S,
    validate: (u, body) => {
      const summary = format === 'csv' ? validateSpaceWeatherCsv(u, body) : validateSpaceWeatherTxt(u, body);
      const today = mjdToIsoDay(ctx.now() / 86_400_000 + 40_587);
      if (summary.lastDay < today) {
        throw new SourceError('truncated', u, `space-weather table ends on ${summary.lastDay}, before today (${today}): truncated or stale body`);
      }
      return summary;
    },
    ...(options.force === undefined ? {} : { force: options.force }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

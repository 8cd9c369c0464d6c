/**
 * Space-Track.org (18th/19th Space Defense Squadron) `gp_history`: every element set ever published for an
 * object, the source of long histories. API: Space-Track "How To" and "API Use Guidelines"
 * (https://www.space-track.org/documentation): POST `/ajaxauth/login` with form fields `identity` and
 * `password` sets a session cookie; queries are GET `/basicspacedata/query/class/gp_history/...`. Space-Track
 * limits clients to 30 requests/minute and 300/hour and asks that gp_history be fetched once and then
 * incrementally; each query URL is requested at most once per hour here.
 *
 * Credentials come ONLY from the environment (`SPACETRACK_USER`, `SPACETRACK_PASSWORD`). They travel in the
 * login POST body, never in a URL, and are never written to the store, the ledger, a log or an error
 * message (errors name the variables, never their values).
 */
import { SourceError } from './errors.js';
import type { FetchContext, ResourceOutcome } from './fetch-resource.js';
import { fetchResource } from './fetch-resource.js';
import { validateOmmJson, validateTleText, type ElementTextSummary } from './validate.js';

export const SPACE_TRACK_BASE_URL = 'https://www.space-track.org';
export const SPACE_TRACK_MIN_INTERVAL_S = 3600;

export interface SpaceTrackCredentials {
  readonly user: string;
  readonly password: string;
}

/** Reads credentials from `SPACETRACK_USER` / `SPACETRACK_PASSWORD`; throws `SourceError('auth')` naming what is missing. */
export function spaceTrackCredentialsFromEnv(env: Readonly<Record<string, string | undefined>>): SpaceTrackCredentials {
  const user = env['SPACETRACK_USER'];
  const password = env['SPACETRACK_PASSWORD'];
  const missing = [user === undefined || user === '' ? 'SPACETRACK_USER' : undefined, password === undefined || password === '' ? 'SPACETRACK_PASSWORD' : undefined].filter(
    (x): x is string => x !== undefined,
  );
  if (missing.length > 0 || user === undefined || password === undefined) {
    throw new SourceError('auth', `${SPACE_TRACK_BASE_URL}/`, `Space-Track needs an account: set ${missing.join(' and ')} in the environment`);
  }
  return { user, password };
}

export interface GpHistoryQuery {
  readonly noradIds: readonly number[];
  /** Inclusive UTC day range `YYYY-MM-DD` on EPOCH; both or neither. */
  readonly fromDay?: string;
  readonly toDay?: string;
  readonly format?: '3le' | 'json';
}

/** The gp_history query URL (no credentials in it). */
export function spaceTrackGpHistoryUrl(query: GpHistoryQuery, baseUrl = SPACE_TRACK_BASE_URL): string {
  if (query.noradIds.length === 0) throw new RangeError('gp_history needs at least one NORAD catalog number');
  for (const id of query.noradIds) {
    if (!Number.isInteger(id) || id < 1 || id > 339_999) throw new RangeError(`NORAD catalog number must be an integer in 1..339999, got ${id}`);
  }
  const parts = ['basicspacedata', 'query', 'class', 'gp_history', 'NORAD_CAT_ID', query.noradIds.join(',')];
  if ((query.fromDay === undefined) !== (query.toDay === undefined)) throw new RangeError('gp_history day range needs both fromDay and toDay');
  if (query.fromDay !== undefined && query.toDay !== undefined) {
    for (const d of [query.fromDay, query.toDay]) if (!/^\d{4}-\d\d-\d\d$/.test(d)) throw new RangeError(`gp_history day must be YYYY-MM-DD, got "${d}"`);
    parts.push('EPOCH', `${query.fromDay}--${query.toDay}`);
  }
  parts.push('orderby', 'EPOCH%20asc', 'format', query.format ?? '3le', 'emptyresult', 'show');
  return `${baseUrl.replace(/\/+$/, '')}/${parts.join('/')}`;
}

/** Logs in and returns the session cookie header. The credentials appear only in the POST body. */
export async function spaceTrackLogin(ctx: FetchContext, credentials: SpaceTrackCredentials, baseUrl = SPACE_TRACK_BASE_URL, signal?: AbortSignal): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/ajaxauth/login`;
  const form = new URLSearchParams({ identity: credentials.user, password: credentials.password }).toString();
  const res = await ctx.http.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    ...(signal === undefined ? {} : { signal }),
  });
  if (/"Login"\s*:\s*"Failed"/i.test(res.body)) {
    throw new SourceError('auth', url, 'Space-Track refused the login: check SPACETRACK_USER and SPACETRACK_PASSWORD');
  }
  const cookies = res.headers.getSetCookie().map((c) => c.split(';', 1)[0]!.trim()).filter((c) => c !== '');
  if (cookies.length === 0) throw new SourceError('auth', url, 'Space-Track login answered without a session cookie');
  return cookies.join('; ');
}

export interface SpaceTrackFetchOptions {
  readonly baseUrl?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/** Downloads gp_history for the query (logging in only when the politeness interval allows a request). */
export function fetchSpaceTrackGpHistory(ctx: FetchContext, query: GpHistoryQuery, options: SpaceTrackFetchOptions): Promise<ResourceOutcome<ElementTextSummary>> {
  const baseUrl = options.baseUrl ?? SPACE_TRACK_BASE_URL;
  const url = spaceTrackGpHistoryUrl(query, baseUrl);
  const credentials = spaceTrackCredentialsFromEnv(options.env);
  const format = query.format ?? '3le';
  return fetchResource(ctx, {
    label: `Space-Track gp_history ${query.noradIds.join(',')}${query.fromDay === undefined ? '' : ` ${query.fromDay}..${query.toDay ?? ''}`}`,
    url,
    minIntervalS: SPACE_TRACK_MIN_INTERVAL_S,
    prepare: async () => ({ cookie: await spaceTrackLogin(ctx, credentials, baseUrl, options.signal) }),
    validate: (u, body) => {
      if (/^\s*NO RESULTS RETURNED/i.test(body) || body.trim() === '[]') {
        throw new SourceError('invalid-body', u, 'Space-Track has no element sets for this query (empty result)');
      }
      if (/"error"\s*:/i.test(body.slice(0, 200))) {
        throw new SourceError('invalid-body', u, `Space-Track answered with an error: ${body.slice(0, 160).trim()}`);
      }
      return format === 'json' ? validateOmmJson(u, body) : validateTleText(u, body);
    },
    ...(options.force === undefined ? {} : { force: options.force }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

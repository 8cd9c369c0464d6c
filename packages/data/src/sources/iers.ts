/**
 * IERS Earth orientation: `finals2000A.all` (IAU 2000A, Bulletin A rapid/predicted and Bulletin B final
 * values since 1973-01-02, about a year of predictions) from the IERS Data Center, mirrored by the USNO
 * Rapid Service/Prediction Centre. Format: IERS RS/PC `readme.finals2000A`. Updated daily; requested at most
 * once per 12 h here.
 */
import { SourceError } from './errors.js';
import type { FetchContext, ResourceOutcome } from './fetch-resource.js';
import { fetchResource } from './fetch-resource.js';
import { validateFinals2000A } from './validate.js';

export const IERS_FINALS_URL = 'https://datacenter.iers.org/data/9/finals2000A.all';
export const IERS_MIN_INTERVAL_S = 12 * 3600;

export interface FinalsSummary {
  readonly rows: number;
  readonly firstMjd: number;
  readonly lastMjd: number;
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface IersFetchOptions {
  /** Full URL of the finals2000A file (tests point it at a loopback server). */
  readonly url?: string;
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/** Downloads and validates finals2000A; the table must start by 1973 (`.all`) and reach today (it carries predictions). */
export function fetchIersFinals2000A(ctx: FetchContext, options: IersFetchOptions = {}): Promise<ResourceOutcome<FinalsSummary>> {
  const url = options.url ?? IERS_FINALS_URL;
  return fetchResource(ctx, {
    label: 'IERS finals2000A.all (EOP)',
    url,
    minIntervalS: IERS_MIN_INTERVAL_S,
    validate: (u, body) => {
      const summary = validateFinals2000A(u, body);
      const todayMjd = Math.floor(ctx.now() / 86_400_000) + 40_587;
      if (summary.lastMjd < todayMjd) {
        throw new SourceError('truncated', u, `finals2000A ends on ${summary.lastDay} (MJD ${summary.lastMjd}), before today: truncated or stale body`);
      }
      return summary;
    },
    ...(options.force === undefined ? {} : { force: options.force }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

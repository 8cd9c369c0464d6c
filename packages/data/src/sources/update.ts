/**
 * The online update: newest element sets (CelesTrak GP, OMM JSON) for the ISS and any other objects, space
 * weather (CelesTrak SW-All.csv) and Earth orientation (IERS finals2000A.all), each validated, parsed and
 * stored in ONE store transaction per source. A source that fails (offline, HTTP error, HTML page, truncated
 * or empty body, parse failure) leaves the store exactly as it was and is reported with the reason; the other
 * sources still run. The fetch ledger is written only after the store committed.
 */
import { detectImportFormat, importText, type ImportFormat } from '../import/index.js';
import type { IngestSummary, Store } from '../store/index.js';
import { fetchCelestrakGp, fetchCelestrakSpaceWeather, type GpFormat, type SpaceWeatherFormat } from './celestrak.js';
import { SourceError } from './errors.js';
import type { FetchContext, ResourceOutcome } from './fetch-resource.js';
import { fetchIersFinals2000A } from './iers.js';
import { fetchSpaceTrackGpHistory } from './space-track.js';

export const ISS_NORAD_ID = 25544;

export interface UpdatePlan {
  /** Objects whose newest elements to fetch (the ISS is always included). */
  readonly noradIds?: readonly number[];
  readonly spaceWeather?: boolean;
  readonly eop?: boolean;
  /** Ignore the politeness intervals (still sends conditional requests). */
  readonly force?: boolean;
  readonly gpFormat?: GpFormat;
  readonly spaceWeatherFormat?: SpaceWeatherFormat;
  /** Base URLs (tests point them at a loopback server). */
  readonly celestrakBaseUrl?: string;
  readonly iersFinalsUrl?: string;
  /**
   * Also fetch the element history of the same objects from Space-Track gp_history for an inclusive UTC day
   * range (`YYYY-MM-DD`); credentials from `env` (SPACETRACK_USER / SPACETRACK_PASSWORD).
   */
  readonly spaceTrackHistory?: { readonly fromDay: string; readonly toDay: string; readonly baseUrl?: string };
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type UpdateStepStatus = 'stored' | 'not-modified' | 'skipped' | 'failed';

export interface UpdateStep {
  readonly label: string;
  readonly url: string;
  readonly status: UpdateStepStatus;
  /** One line for people: counts, or why nothing was stored. */
  readonly message: string;
  readonly ingest?: IngestSummary;
  /** The failure, for `failed` steps (a `SourceError`, `ParseError` or store error). */
  readonly error?: Error;
}

export interface UpdateOptions {
  /** Wall-clock time of this update, recorded in the ingest log. */
  readonly at: Date;
  /** Called when a step starts (`status` undefined) and when it ends. */
  readonly onStep?: (label: string, step?: UpdateStep) => void;
  readonly signal?: AbortSignal;
}

function counts(s: IngestSummary): string {
  return `${s.accepted} new, ${s.updated} updated, ${s.duplicate} unchanged${s.rejected > 0 ? `, ${s.rejected} rejected` : ''}`;
}

/** Fetch → validate → parse → one store transaction → ledger. Never throws: failures become `failed` steps. */
async function step<S>(store: Store, options: UpdateOptions, label: string, fetch: () => Promise<ResourceOutcome<S>>, expected: readonly ImportFormat[]): Promise<UpdateStep> {
  options.onStep?.(label);
  let url = '';
  let result: UpdateStep;
  try {
    const outcome = await fetch();
    url = outcome.url;
    if (outcome.status === 'skipped') {
      const mins = Math.ceil((outcome.nextAllowedAtMs - options.at.getTime()) / 60_000);
      result = { label, url, status: 'skipped', message: `checked recently; the source asks for at most one download per update cycle (next in ${mins} min, or use --force)` };
    } else if (outcome.status === 'not-modified') {
      await outcome.commit();
      result = { label, url, status: 'not-modified', message: 'not modified since the last download' };
    } else {
      // The validators checked the shape; make sure the importer reads it as that format too before it writes.
      const format = detectImportFormat(outcome.body);
      if (format === undefined || !expected.includes(format)) {
        throw new SourceError('invalid-body', outcome.url, `the answer reads as ${format ?? 'no supported format'}, expected ${expected.join(' or ')}`);
      }
      const imported = await importText(store, outcome.body, { source: outcome.url, at: options.at, contentSha256: outcome.sha256 });
      const ingest = imported.summary;
      await outcome.commit();
      result = { label, url, status: 'stored', message: `${(outcome.bytes / 1024).toFixed(0)} KiB: ${counts(ingest)}`, ingest };
    }
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    const why = error instanceof SourceError ? error.message : `${error.name}: ${error.message}`;
    result = { label, url: error instanceof SourceError ? error.url : url, status: 'failed', message: `${why} — nothing was stored`, error };
  }
  options.onStep?.(label, result);
  return result;
}

/** Runs the update plan; one step per source, in order (elements, space weather, EOP). */
export async function runUpdate(store: Store, ctx: FetchContext, plan: UpdatePlan, options: UpdateOptions): Promise<UpdateStep[]> {
  const ids = [...new Set([ISS_NORAD_ID, ...(plan.noradIds ?? [])])];
  const gpFormat = plan.gpFormat ?? 'json';
  const common = {
    ...(plan.celestrakBaseUrl === undefined ? {} : { baseUrl: plan.celestrakBaseUrl }),
    ...(plan.force === undefined ? {} : { force: plan.force }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const steps: UpdateStep[] = [];
  for (const id of ids) {
    steps.push(
      await step(store, options, `elements ${id} (CelesTrak GP)`, () => fetchCelestrakGp(ctx, { catnr: id }, gpFormat, common), gpFormat === 'json' ? ['omm-json'] : ['tle']),
    );
  }
  const history = plan.spaceTrackHistory;
  if (history !== undefined) {
    steps.push(
      await step(
        store,
        options,
        `element history ${ids.join(',')} (Space-Track gp_history ${history.fromDay}..${history.toDay})`,
        () =>
          fetchSpaceTrackGpHistory(ctx, { noradIds: ids, fromDay: history.fromDay, toDay: history.toDay }, {
            env: plan.env ?? {},
            ...(history.baseUrl === undefined ? {} : { baseUrl: history.baseUrl }),
            ...(plan.force === undefined ? {} : { force: plan.force }),
            ...(options.signal === undefined ? {} : { signal: options.signal }),
          }),
        ['tle'],
      ),
    );
  }
  if (plan.spaceWeather !== false) {
    const format = plan.spaceWeatherFormat ?? 'csv';
    steps.push(
      await step(store, options, `space weather (CelesTrak SW-All.${format})`, () => fetchCelestrakSpaceWeather(ctx, format, common), [format === 'csv' ? 'sw-csv' : 'sw-txt']),
    );
  }
  if (plan.eop !== false) {
    steps.push(
      await step(
        store,
        options,
        'Earth orientation (IERS finals2000A.all)',
        () =>
          fetchIersFinals2000A(ctx, {
            ...(plan.iersFinalsUrl === undefined ? {} : { url: plan.iersFinalsUrl }),
            ...(plan.force === undefined ? {} : { force: plan.force }),
            ...(options.signal === undefined ? {} : { signal: options.signal }),
          }),
        ['finals2000a'],
      ),
    );
  }
  return steps;
}

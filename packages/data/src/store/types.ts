/**
 * The store's public contract: what goes in (element sets, space-weather days, EOP rows, each import
 * one transaction with an ingest-log entry) and what comes out (histories, latest sets, `SpaceWeather`,
 * EOP rows). Two implementations share it and one test suite: SQLite (better-sqlite3) and PostgreSQL (pg).
 *
 * Time in this API is UTC as a Modified Julian Date in days (`…UtcMjd`): MJD = JD − 2 400 000.5, counted
 * on the UTC calendar (a day is 86 400 s of the UTC clock; leap seconds are not counted — the convention
 * of TLE/OMM epochs, CelesTrak space weather and IERS EOP files alike).
 */
import type { ElementSet } from '@stationkeeper/astro/elements';
import type { EopRow, EopTable } from '@stationkeeper/astro/time';
import type { SpaceWeatherRecord } from '../formats/space-weather-record.js';

/** Which store and where. `url` of a PostgreSQL store may carry a password: show `describeLocation()` instead. */
export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** The families of data one ingest can carry (`mixed` when a caller stores several in one transaction). */
export type IngestKind = 'elements' | 'space-weather' | 'eop' | 'mixed';

/** One record of an input that could not be used, with its 1-based line (0 when the format has no lines). */
export interface RejectedRecord {
  readonly line: number;
  readonly column?: number;
  readonly reason: string;
}

/** What an ingest is and where it came from; written to `ingest_log`. */
export interface IngestMeta {
  readonly kind: IngestKind;
  /** File path or URL the data came from (never with credentials in it). */
  readonly source: string;
  /** Detected format, e.g. `3le`, `omm-json`, `sw-txt`, `sw-csv`, `finals2000a`. */
  readonly format: string;
  /** Wall-clock time of the ingest (the caller reads the clock: the library never does). */
  readonly at: Date;
  /** SHA-256 (hex) of the input bytes, when known. */
  readonly contentSha256?: string;
  /** Records the parser rejected; their count and reasons go to the log (first 100 reasons kept). */
  readonly rejected?: readonly RejectedRecord[];
}

/** Counts of one ingest. `accepted` = new rows; `updated` = rows replaced (better or newer data). */
export interface IngestCounts {
  readonly accepted: number;
  readonly updated: number;
  /** Records that changed nothing: already stored, repeated within the input, or outranked (a prediction for an observed day). */
  readonly duplicate: number;
  readonly rejected: number;
}

export interface IngestSummary extends IngestCounts {
  /** The `ingest_log` id of this ingest. */
  readonly ingestId: number;
  /** `ok` when nothing was rejected, `partial` when some records were. */
  readonly status: 'ok' | 'partial';
}

/** Progress of a running ingest, in records of the current batch. */
export type IngestProgress = (done: number, total: number) => void;

/** The writer handed to `Store.ingest`: everything written through it commits or rolls back together. */
export interface IngestWriter {
  addElementSets(sets: readonly ElementSet[], onProgress?: IngestProgress): Promise<IngestCounts>;
  addSpaceWeather(records: readonly SpaceWeatherRecord[], onProgress?: IngestProgress): Promise<IngestCounts>;
  /** Daily EOP rows (the time package's `EopRow`); celestial-pole offsets must be dX/dY (IAU 2000A). */
  addEop(rows: readonly EopRow[], onProgress?: IngestProgress): Promise<IngestCounts>;
}

/** An element set as stored: the parsed set (with `source.text` = the raw text) plus store metadata. */
export interface StoredElementSet {
  readonly id: number;
  readonly ingestId: number;
  readonly noradId: number;
  /** Epoch, UTC MJD (days). */
  readonly epochUtcMjd: number;
  /** Epoch as ISO-8601 UTC with microseconds, e.g. `2021-01-01T05:19:37.123456Z`. */
  readonly epochIso: string;
  /** SHA-256 (hex) of the canonical element content (see `elementContentHash`). */
  readonly contentHash: string;
  readonly elementSet: ElementSet;
}

export interface TimeRangeUtcMjd {
  /** Inclusive lower bound, UTC MJD days. */
  readonly fromUtcMjd?: number;
  /** Inclusive upper bound, UTC MJD days. */
  readonly toUtcMjd?: number;
}

export interface IngestLogEntry {
  readonly id: number;
  readonly at: string;
  readonly kind: IngestKind;
  readonly source: string;
  readonly format: string;
  readonly contentSha256: string | null;
  readonly accepted: number;
  readonly updated: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly status: 'ok' | 'partial';
  /** First rejection reasons, `line N: reason`. */
  readonly reasons: readonly string[];
}

export interface StoredObject {
  readonly noradId: number;
  readonly name: string | null;
  readonly intlDesignator: string | null;
  readonly elementSetCount: number;
  readonly firstEpochUtcMjd: number | null;
  readonly lastEpochUtcMjd: number | null;
}

export interface StoreInfo {
  readonly kind: 'sqlite' | 'postgres';
  /** Path, or the URL with its password masked. */
  readonly location: string;
  readonly schemaVersion: number;
  readonly rowCounts: Readonly<Record<'objects' | 'element_sets' | 'space_weather' | 'eop' | 'ingest_log', number>>;
  readonly lastIngests: readonly IngestLogEntry[];
}

/** The store. All methods are async (PostgreSQL is); one `Store` serialises its own transactions. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Path, or URL with the password masked. */
  readonly location: string;

  /**
   * Runs `write` in ONE transaction and logs it: either everything it wrote plus the `ingest_log` row
   * commits, or (on a throw, a rejected promise or a crash) nothing does. Rejected records in
   * `meta.rejected` make the status `partial`.
   */
  ingest(meta: IngestMeta, write: (writer: IngestWriter) => Promise<void>): Promise<IngestSummary>;

  /** Element sets of one object with epochs in the range, ordered by epoch (then insertion). */
  elementHistory(noradId: number, range?: TimeRangeUtcMjd): Promise<StoredElementSet[]>;
  /** The element set with the latest epoch at or before `atUtcMjd` (or the latest overall). */
  latestElementSet(noradId: number, atUtcMjd?: number): Promise<StoredElementSet | undefined>;
  /** The element set with the earliest epoch at or after `atUtcMjd` (or the earliest overall). */
  firstElementSet(noradId: number, atUtcMjd?: number): Promise<StoredElementSet | undefined>;
  /** Objects known to the store, by catalog number. */
  objects(noradIds?: readonly number[]): Promise<StoredObject[]>;

  /** Space-weather days (observed, then predicted) with `mjd` in the range, ordered by day. */
  spaceWeatherRecords(range?: TimeRangeUtcMjd): Promise<SpaceWeatherRecord[]>;
  /** EOP rows (the time package's `EopRow`, radians and seconds) with `mjdUtc` in the range, ordered by day. */
  eopRows(range?: TimeRangeUtcMjd): Promise<EopRow[]>;
  /** The stored EOP as the time package's `EopTable` (dX/dY pole offsets), or undefined when none is stored. */
  eopTable(range?: TimeRangeUtcMjd): Promise<EopTable | undefined>;

  ingestLog(limit?: number): Promise<IngestLogEntry[]>;
  info(lastIngests?: number): Promise<StoreInfo>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

export type { EopRow, EopTable } from '@stationkeeper/astro/time';

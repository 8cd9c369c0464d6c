/**
 * Seeds an empty store with the bundled ISS sample (see iss-sample.ts) so that `stationkeeper now` works on a
 * fresh clone with no network. The sample goes in like any import: one transaction, one ingest-log entry
 * whose `source` names it as the bundled sample.
 */
import { parseElementFile, type ElementSet } from '@stationkeeper/astro/elements';
import type { IngestSummary, Store } from '../store/index.js';
import { ISS_SAMPLE_3LE, ISS_SAMPLE_NORAD_ID, ISS_SAMPLE_SOURCE } from './iss-sample.js';

/** The sample parsed into an `ElementSet` (throws if the bundled text were ever damaged). */
export function issSampleElementSet(): ElementSet {
  const parsed = parseElementFile(ISS_SAMPLE_3LE);
  const set = parsed.records[0];
  if (set === undefined || parsed.records.length !== 1) throw new Error('bundled ISS sample does not parse as one element set');
  return set;
}

/**
 * Stores the sample when the store holds no element set of the ISS; returns the ingest summary, or
 * `undefined` when the store already had ISS elements (then nothing is written).
 */
export async function seedIssSampleIfEmpty(store: Store, at: Date): Promise<IngestSummary | undefined> {
  if ((await store.latestElementSet(ISS_SAMPLE_NORAD_ID)) !== undefined) return undefined;
  const set = issSampleElementSet();
  return store.ingest({ kind: 'elements', source: ISS_SAMPLE_SOURCE, format: '3le', at }, async (w) => {
    await w.addElementSets([set]);
  });
}

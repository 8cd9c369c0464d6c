/**
 * The bundled ISS element set: seeds an empty store so that a first run without network still works.
 *
 * Source: the example TLE of the Wikipedia article "Two-line element set", section "Format"
 * (https://en.wikipedia.org/wiki/Two-line_element_set; text under CC BY-SA 4.0). It is the ISS (NORAD 25544)
 * element set with epoch 08264.51782528 = 2008-09-20 12:25:40.104 UTC, originally published by NORAD/USSTRATCOM
 * and widely reproduced as a worked example. Checksums (column 69) are 7 and 7 and verify.
 *
 * It is a SAMPLE: propagating it to today is meaningless (the orbit has decayed and been reboosted many times
 * since 2008). Every output that uses it must say so and tell the user how to get current elements.
 */
import type { ElementSet } from '@stationkeeper/astro/elements';

export const ISS_SAMPLE_NORAD_ID = 25544;
export const ISS_SAMPLE_TITLE = 'ISS (ZARYA)';
export const ISS_SAMPLE_LINE1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
export const ISS_SAMPLE_LINE2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';
/** The three lines as a 3LE document. */
export const ISS_SAMPLE_3LE = `${ISS_SAMPLE_TITLE}\n${ISS_SAMPLE_LINE1}\n${ISS_SAMPLE_LINE2}\n`;
/** Epoch of the sample, ISO-8601 UTC (day 264.51782528 of 2008). */
export const ISS_SAMPLE_EPOCH_ISO = '2008-09-20T12:25:40.104Z';
/** The citation, for messages and the ingest log. */
export const ISS_SAMPLE_CITATION = 'Wikipedia, "Two-line element set", section "Format" (example ISS TLE, epoch 2008-09-20), https://en.wikipedia.org/wiki/Two-line_element_set';
/** The `source` recorded in the ingest log when the sample is seeded; also how outputs recognise it. */
export const ISS_SAMPLE_SOURCE = `bundled sample: ${ISS_SAMPLE_CITATION}`;

/** True when `set` is the bundled sample (same object, epoch and element-set number as printed). */
export function isIssSample(set: Pick<ElementSet, 'noradId' | 'epochYear' | 'epochDayOfYear' | 'elementSetNo'>): boolean {
  return set.noradId === ISS_SAMPLE_NORAD_ID && set.epochYear === 2008 && Math.abs(set.epochDayOfYear - 264.51782528) < 1e-9 && set.elementSetNo === 292;
}

/**
 * The warning every output that uses the sample prints. `atIso` is the instant the output is for; the age is
 * given in days from the sample epoch.
 */
export function issSampleWarning(atMs?: number): string {
  const epochMs = Date.parse(ISS_SAMPLE_EPOCH_ISO);
  const age = atMs === undefined ? '' : ` — ${Math.round(Math.abs(atMs - epochMs) / 86_400_000)} days from the requested time`;
  return (
    `WARNING: using the bundled SAMPLE element set for the ISS (epoch ${ISS_SAMPLE_EPOCH_ISO}${age}; from ${ISS_SAMPLE_CITATION}). ` +
    'It is stale: positions and passes far from its epoch are illustrative only. ' +
    "Run 'stationkeeper update' (online) or 'stationkeeper import FILE' to get current elements."
  );
}

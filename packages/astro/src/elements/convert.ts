/**
 * OMM ↔ TLE. Every TLE is an OMM; an OMM is a TLE only when its values fit the TLE columns (catalog number
 * ≤ 339999 via Alpha-5, epoch 1957–2056, mean motion < 100 rev/day, |ṅ/2| < 1 rev/day², exponents within ±9,
 * OBJECT_ID of the form YYYY-NNNP{0,3}). The TLE carries the OMM values rounded to its printed precision:
 * epoch to 1e-8 day (0.864 ms), angles to 1e-4°, eccentricity to 1e-7, mean motion to 1e-8 rev/day.
 */
import type { ElementSet } from './element-set.js';
import { elementSetToOmm, intlDesignatorOfObjectId, ommRecordToElementSet, type OmmRecord } from './omm.js';
import { formatTle } from './tle-format.js';
import { parseTle } from './tle-parse.js';

/** TLE lines of an OMM record (or an element set read from an OMM); RangeError when not representable. */
export function ommToTle(omm: OmmRecord | ElementSet): [string, string] {
  const es = 'EPOCH' in omm ? ommRecordToElementSet(omm) : omm;
  const objectId = es.objectId;
  if (objectId !== undefined && objectId !== '' && intlDesignatorOfObjectId(objectId) === '') {
    throw new RangeError(`OBJECT_ID "${objectId}" has no TLE international-designator form (YYYY-NNNP, 1957–2056)`);
  }
  return formatTle(es);
}

/** The OMM record of a TLE given as its two lines (and optional name); ParseError for bad lines. */
export function tleToOmm(line1: string, line2: string, name?: string): OmmRecord {
  return elementSetToOmm(parseTle(line1, line2, name));
}

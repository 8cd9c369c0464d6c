import type { JulianDate } from '../time/julian-date.js';

/** Where an element set came from: its format, the raw text it was read from and the line it started on. */
export interface ElementSource {
  readonly format: 'tle' | '3le' | 'omm-json' | 'omm-xml' | 'omm-kvn' | 'omm-csv';
  /** The exact text of the record (the two or three lines of a TLE; the object/row of an OMM). */
  readonly text: string;
  /** 1-based line of the record within the input it came from, when known. */
  readonly line?: number;
}

/**
 * A mean-element set in the SGP4 theory (TLE or OMM). Angles in radians, as the library's
 * conventions require; the TLE/OMM degree values round-trip exactly through formatting
 * (the raw text is kept in `source`). Mean motion terms keep their published units because SGP4
 * consumes them in exactly that form.
 */
export interface ElementSet {
  /** NORAD catalog number (Alpha-5 decoded: `T0000` → 270000). */
  readonly noradId: number;
  /** Object name from a 3LE title line or OMM OBJECT_NAME (without the leading `0 `), if any. */
  readonly name?: string;
  /** Security classification: U, C or S. */
  readonly classification: string;
  /** International designator as printed in the TLE (e.g. `98067A`), possibly empty. */
  readonly intlDesignator: string;
  /** Four-digit epoch year (TLE two-digit years: 57–99 → 19xx, 00–56 → 20xx). */
  readonly epochYear: number;
  /** Day of year with fraction, 1.0 = Jan 1 00:00 UTC, as printed. */
  readonly epochDayOfYear: number;
  /** The epoch as a two-part UTC Julian date (jd1: JD of the year's Jan 0.0, jd2: day of year). */
  readonly epochUtc: JulianDate;
  /** Mean motion, revolutions per day (Kozai mean motion as published). */
  readonly meanMotionRevPerDay: number;
  /** First derivative of mean motion divided by two, rev/day² — the TLE/OMM `MEAN_MOTION_DOT` value. */
  readonly meanMotionDot: number;
  /** Second derivative of mean motion divided by six, rev/day³ — the TLE/OMM `MEAN_MOTION_DDOT` value. */
  readonly meanMotionDdot: number;
  /** SGP4 drag term B*, 1/earth radii. */
  readonly bstar: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  readonly eccentricity: number;
  readonly argPerigeeRad: number;
  readonly meanAnomalyRad: number;
  /** Ephemeris type (0 for SGP4 element sets). */
  readonly ephemerisType: number;
  /** Element set number. */
  readonly elementSetNo: number;
  /** Revolution number at epoch. */
  readonly revNumber: number;
  readonly source?: ElementSource;
}

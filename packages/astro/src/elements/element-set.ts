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
  /** OMM `OBJECT_ID` as published (e.g. `1998-067A`) when the set came from an OMM. */
  readonly objectId?: string;
  /** Per-record TLE printing facts, so that formatting reproduces the original text exactly. */
  readonly tleFormat?: TleFormat;
  readonly source?: ElementSource;
}

/**
 * How one TLE record was printed, beyond its values: the facts `formatTle` needs to reproduce the text
 * character for character (Space-Track prints some catalog numbers without leading zeros, some signs as
 * `+`, zero exponents as `-0` or `+0`). All plain strings/booleans, so an ElementSet stays JSON-safe.
 * Absent facts mean the canonical choice (zero-padded catalog number, blank positive signs, `-0` for zero).
 */
export interface TleFormat {
  /** Padding of a catalog number below 10000 in columns 3–7: `'0'` (`00005`) or `' '` (`    5`). */
  readonly catalogPad: '0' | ' ';
  /** Sign character printed in column 34 (MEAN_MOTION_DOT): `' '`, `'+'` or `'-'` (`-` keeps a negative zero). */
  readonly ndotSign: ' ' | '+' | '-';
  /** Sign character of the MEAN_MOTION_DDOT mantissa, column 45. */
  readonly nddotSign: ' ' | '+' | '-';
  /** Exponent of MEAN_MOTION_DDOT as printed in columns 51–52 (`'-4'`, `'+0'`). */
  readonly nddotExponent: string;
  /** Sign character of the B* mantissa, column 54. */
  readonly bstarSign: ' ' | '+' | '-';
  /** Exponent of B* as printed in columns 60–61. */
  readonly bstarExponent: string;
  /** Column 63 was blank (old element sets); the ephemeris type then reads as 0. */
  readonly ephemerisTypeBlank?: boolean;
  /** Padding of the element set number (columns 65–68) and revolution number (64–68): `' '` unless zeros were printed. */
  readonly elementSetNoPad?: '0';
  readonly revNumberPad?: '0';
  /** Line 2 printed its angles and mean motion zero-padded (`034.2695`, `01.00270176`), as some Space-Track records do. */
  readonly line2ZeroPadded?: boolean;
  /** The 3LE title line's prefix (`'0 '` as Space-Track prints it, `''` as CelesTrak does) and its trailing blanks. */
  readonly titlePrefix?: '0 ' | '';
  readonly titleTrailingSpaces?: number;
}

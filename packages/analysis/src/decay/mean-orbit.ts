/**
 * Mean orbit of an element set for the decay model: the Brouwer mean semi-major axis a₀″ that SGP4 itself
 * derives from the published (Kozai) mean motion (Vallado, Crawford, Hujsak & Kelso 2006, "Revisiting Spacetrack
 * Report #3", AIAA 2006-6753, `initl`, WGS-72 constants the element sets are fitted with; computed by
 * `@stationkeeper/astro/elements` `brouwerSemiMajorAxisKm`), with e, i, Ω, ω as published, and the epoch as a
 * UTC MJD. Altitudes are stated above the WGS-84 equatorial radius, 6378.137 km
 * (the convention of `stationkeeper history`).
 */
import { brouwerSemiMajorAxisKm, MEAN_ALTITUDE_REFERENCE_RADIUS_KM, type ElementSet } from '@stationkeeper/astro/elements';

/** WGS-84 equatorial radius, km (NIMA TR8350.2): the reference of every "altitude" in the decay module. */
export const EQUATORIAL_RADIUS_KM = MEAN_ALTITUDE_REFERENCE_RADIUS_KM;

/** Mean (orbit-averaged) elements at a UTC time. Angles in radians, lengths in km. */
export interface MeanOrbit {
  /** UTC Modified Julian Date (days). */
  readonly utcMjd: number;
  readonly aKm: number;
  readonly e: number;
  readonly iRad: number;
  readonly raanRad: number;
  readonly argpRad: number;
}

const MJD_JD = 2_400_000.5;

/** UTC MJD of an element set's epoch. */
export function epochUtcMjd(s: ElementSet): number {
  return s.epochUtc.jd1 - MJD_JD + s.epochUtc.jd2;
}

/** The mean orbit of an element set. */
export function meanOrbitOf(s: ElementSet): MeanOrbit {
  return {
    utcMjd: epochUtcMjd(s), aKm: brouwerSemiMajorAxisKm(s), e: s.eccentricity, iRad: s.inclinationRad,
    raanRad: s.raanRad, argpRad: s.argPerigeeRad,
  };
}

/** Mean altitude a − R⊕ (WGS-84 equatorial), km. */
export function meanAltitudeKm(o: { readonly aKm: number }): number {
  return o.aKm - EQUATORIAL_RADIUS_KM;
}

/** Perigee altitude a(1 − e) − R⊕, km. */
export function perigeeAltitudeKm(o: { readonly aKm: number; readonly e: number }): number {
  return o.aKm * (1 - o.e) - EQUATORIAL_RADIUS_KM;
}

/**
 * SGP4 status codes. 1–6 are those of the reference implementation (Vallado, Crawford, Hujsak & Kelso 2006,
 * "Revisiting Spacetrack Report #3", AIAA 2006-6753, and its 2020 C++ release); 7–10 are stationkeeper's
 * guards, which only ever reclassify samples the reference calls valid (0 or 6), so they never change a
 * reference code 1–4.
 */
export const Sgp4Code = {
  /** Valid state. */
  OK: 0,
  /** Mean eccentricity outside −0.001 ≤ e < 1 after the secular drag update. */
  MEAN_ECCENTRICITY: 1,
  /** Mean motion ≤ 0. */
  MEAN_MOTION: 2,
  /** Perturbed eccentricity (after deep-space periodics) outside 0 ≤ e ≤ 1. */
  PERTURBED_ECCENTRICITY: 3,
  /** Semi-latus rectum < 0. */
  SEMI_LATUS_RECTUM: 4,
  /** (Unused since 2006: "satellite underground" in the original code.) */
  UNUSED_5: 5,
  /** Orbit radius below one Earth radius: decayed. The state is still computed, as in the reference. */
  DECAYED: 6,
  /**
   * Decay guard. Always (unless `guard.drag: false`): the drag polynomial of the semi-major axis,
   * 1 − C1·t − D2·t² − D3·t³ − D4·t⁴, has reached zero, so SGP4's semi-major axis grows again and positions are
   * garbage (the "community decay check" of ootk and satellite.js 7). With `guard.perigee: true` also: the
   * mean perigee a(1 − e) at the sample lies below one Earth radius (off by default, because the reference
   * calls such samples valid — verification cases 28872 and 29141 print them).
   */
  DECAY_GUARD: 7,
  /** Decay guard: the sample lies farther than `guard.maxDaysFromEpoch` from the element epoch. */
  OUT_OF_RANGE: 8,
  /** Batch only: the element set was rejected at initialisation (non-finite field, e ∉ [0, 1), n ≤ 0). */
  INVALID_ELEMENTS: 9,
  /**
   * The arithmetic produced a non-finite state where the reference would return NaN or infinity with code 0
   * (degenerate cases such as a perturbed eccentricity of exactly 1). Never seen on real element sets.
   */
  NON_FINITE: 10,
} as const;

export type Sgp4CodeValue = (typeof Sgp4Code)[keyof typeof Sgp4Code];

const MESSAGES: readonly string[] = [
  'success',
  'mean eccentricity is outside the range -0.001 <= e < 1.0',
  'mean motion is less than or equal to zero',
  'perturbed eccentricity is outside the range 0.0 <= e <= 1.0',
  'semi-latus rectum is less than zero',
  '(error 5 is no longer used)',
  'orbit radius is below one Earth radius: the satellite has decayed',
  'decayed before this time (decay guard: drag polynomial exhausted or mean perigee below the surface)',
  'time is outside the allowed range from the element epoch (decay guard)',
  'element set rejected at initialisation',
  'the model produced a non-finite state (degenerate elements or time)',
];

/** A human-readable description of an SGP4 status code. */
export function sgp4CodeMessage(code: number): string {
  return MESSAGES[code] ?? `unknown SGP4 code ${code}`;
}

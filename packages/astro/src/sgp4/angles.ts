/** Angle reduction for the SGP4 hot paths. */

const TWO_PI = 2.0 * Math.PI;

/**
 * C's fmod(x, 2π) (sign of x) by truncated division: V8 compiles `%` on doubles to a slow library call, and the
 * results differ from an exact fmod by a few ulps of x (≤ 1e-14 rad here), far below anything SGP4 resolves.
 */
export function fmod2pi(x: number): number {
  return x - TWO_PI * Math.trunc(x / TWO_PI);
}

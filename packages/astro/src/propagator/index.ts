/**
 * The propagator contract shared by SGP4 and the numerical/averaged propagators, so that event finding
 * (passes, eclipses, altitude crossings) works on any of them.
 */
import type { FrameName, StateVector } from '../frames/state-vector.js';
import type { Instant } from '../time/instant.js';

/** Thrown by `Propagator.stateAt` when no valid state exists (decayed, diverged, out of range). */
export class PropagationError extends RangeError {
  override readonly name: string = 'PropagationError';
  /** Model-specific code (SGP4: 1–6 as in Vallado et al. 2006; others documented by their model). */
  readonly code: number;
  constructor(message: string, code: number) {
    super(message);
    this.code = code;
  }
}

export interface Propagator<F extends FrameName = FrameName> {
  /** The frame of the states this propagator returns. */
  readonly frame: F;
  /** State at an instant; throws `PropagationError` when the model has no valid state there. */
  stateAt(t: Instant): StateVector<F>;
}

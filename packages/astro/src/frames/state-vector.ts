import type { Instant } from '../time/instant.js';
import type { Vec3 } from '../units/index.js';

/**
 * Reference frames: TEME (SGP4's output, true equator mean equinox of date), PEF (pseudo Earth-fixed),
 * ITRF (Earth-fixed, with polar motion), GCRF (celestial, IAU 2006/2000 CIO-based).
 */
export type FrameName = 'TEME' | 'PEF' | 'ITRF' | 'GCRF';

/** Position (km) and velocity (km/s) at an instant, with the frame in the type. */
export interface StateVector<F extends FrameName> {
  readonly frame: F;
  readonly instant: Instant;
  readonly positionKm: Vec3;
  readonly velocityKmS: Vec3;
}

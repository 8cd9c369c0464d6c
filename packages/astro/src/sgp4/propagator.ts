/**
 * SGP4 behind the shared `Propagator<'TEME'>` contract. Time since epoch is reckoned in UTC, as the element
 * sets are: minutes = (UTC JD − epoch UTC JD) · 1440, both as two-part Julian dates (Vallado et al. 2006).
 */
import type { StateVector } from '../frames/state-vector.js';
import { PropagationError, type Propagator } from '../propagator/index.js';
import type { Instant } from '../time/instant.js';
import type { JulianDate } from '../time/julian-date.js';
import { sgp4CodeMessage } from './codes.js';
import type { Sgp4Elements, Sgp4Options } from './init.js';
import { Sgp4 } from './sgp4.js';

/** The UTC view `Sgp4Propagator` needs (TimeScales provides it). */
export interface UtcView {
  utc(t: Instant): JulianDate;
}

/** Minutes from the element epoch to a UTC two-part Julian date. */
export function minutesSinceEpoch(epochUtc: JulianDate, utc: JulianDate): number {
  return ((utc.jd1 - epochUtc.jd1) + (utc.jd2 - epochUtc.jd2)) * 1440.0;
}

export class Sgp4Propagator implements Propagator<'TEME'> {
  readonly frame = 'TEME' as const;
  readonly sgp4: Sgp4;
  private readonly timeScales: UtcView;
  private readonly buf = new Float64Array(6);

  constructor(sgp4: Sgp4, timeScales: UtcView) {
    this.sgp4 = sgp4;
    this.timeScales = timeScales;
  }

  static fromElements(es: Sgp4Elements, timeScales: UtcView, options: Sgp4Options = {}): Sgp4Propagator {
    return new Sgp4Propagator(Sgp4.fromElements(es, options), timeScales);
  }

  /** Minutes since the element epoch at `t`. */
  minutesAt(t: Instant): number {
    return minutesSinceEpoch(this.sgp4.epochUtc, this.timeScales.utc(t));
  }

  /** TEME state at `t`; throws PropagationError (with the SGP4 code) when the sample is not valid. */
  stateAt(t: Instant): StateVector<'TEME'> {
    const minutes = this.minutesAt(t);
    const b = this.buf;
    const code = this.sgp4.propagateMinutesInto(minutes, b);
    if (code !== 0) {
      throw new PropagationError(
        `SGP4 error ${code} for NORAD ${this.sgp4.noradId} at ${minutes.toFixed(6)} min from epoch: ${sgp4CodeMessage(code)}`, code);
    }
    return { frame: 'TEME', instant: t, positionKm: [b[0]!, b[1]!, b[2]!], velocityKmS: [b[3]!, b[4]!, b[5]!] };
  }
}

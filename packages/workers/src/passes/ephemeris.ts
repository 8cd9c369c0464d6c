/**
 * The tabulated Earth-fixed ephemeris the pass pool shares with its workers: `TabulatedEphemeris` of
 * `@stationkeeper/astro/events` (cubic Hermite on a uniform grid; accuracy and references there), with tables on
 * SharedArrayBuffers by default so worker threads read them without copies.
 */
import { TabulatedEphemeris as Tabulated, type EcefSampler, type TabulateOptions } from '@stationkeeper/astro/events';

export type { EphemerisData, TabulateOptions } from '@stationkeeper/astro/events';

/** astro's `TabulatedEphemeris` whose `tabulate` allocates on SharedArrayBuffers unless `shared: false`. */
export class TabulatedEphemeris extends Tabulated {
  static override tabulate(sampler: EcefSampler, durationS: number, options: TabulateOptions = {}): TabulatedEphemeris {
    return new TabulatedEphemeris(Tabulated.tabulate(sampler, durationS, { shared: true, ...options }).data);
  }
}

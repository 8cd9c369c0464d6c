/**
 * Space-weather drivers of the atmosphere models, one record per UTC day, as published by CelesTrak/CSSI
 * (SW-All.txt) — observed first, then predicted. Filled by `@stationkeeper/data` from the store or a file,
 * or built by hand for constant/percentile scenarios. Pure data: no I/O here.
 */
export type SpaceWeatherKind = 'observed' | 'daily-predicted' | 'monthly-predicted' | 'scenario';

export interface SpaceWeatherDay {
  /** UTC Modified Julian Date of the day's 00:00. */
  readonly mjd: number;
  /** Observed 10.7 cm solar radio flux, solar flux units (1e-22 W m⁻² Hz⁻¹). */
  readonly f107ObsSfu: number;
  /** 10.7 cm flux adjusted to 1 AU, sfu. */
  readonly f107AdjSfu: number;
  /** 81-day average of observed F10.7 centred on this day, sfu. */
  readonly f107ObsCenter81Sfu: number;
  /** 81-day average of observed F10.7 ending on this day, sfu (when published). */
  readonly f107ObsLast81Sfu?: number;
  /** Daily planetary equivalent amplitude Ap (2 nT units). */
  readonly apDaily: number;
  /** Eight 3-hourly ap values, 00–03 UT … 21–24 UT (empty for monthly predictions). */
  readonly ap3h: readonly number[];
  readonly kind: SpaceWeatherKind;
}

/** A time-ordered, gap-free (or gap-flagged) run of days. */
export interface SpaceWeather {
  readonly days: readonly SpaceWeatherDay[];
}

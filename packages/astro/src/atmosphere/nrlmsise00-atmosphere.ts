/**
 * NRLMSISE-00 as an `Atmosphere`: total mass density (GTD7D, including anomalous oxygen — the effective
 * density for drag, Picone et al. 2002 §2.3) at a geodetic point and UTC time, with drivers from a
 * `MsisDriverSource` (space-weather records or a constant scenario). Local solar time is taken as
 * UT + longitude/15 h (mean solar time), as the model's authors recommend.
 */
import type { Atmosphere, AtmosphereSample } from './atmosphere.js';
import { dayOfYear } from './calendar.js';
import { gtd7d, MSIS_AP_ARRAY_SWITCHES, MSIS_DEFAULT_SWITCHES } from './nrlmsise00/index.js';
import type { MsisDriverSource } from './space-weather-drivers.js';

const DEG = 180 / Math.PI;

export interface NrlmsiseOptions {
  /** Use the 3-hour ap history (switch 9 = −1) instead of daily Ap. Default false. */
  readonly apHistory?: boolean;
}

export class NrlmsiseAtmosphere implements Atmosphere {
  readonly name = 'NRLMSISE-00';
  readonly #drivers: MsisDriverSource;
  readonly #apHistory: boolean;

  constructor(drivers: MsisDriverSource, options: NrlmsiseOptions = {}) {
    this.#drivers = drivers;
    this.#apHistory = options.apHistory ?? false;
  }

  densityKgM3(sample: AtmosphereSample): number {
    const { utcMjd, latitudeRad, longitudeRad, altitudeKm } = sample;
    if (!(altitudeKm >= 0 && altitudeKm <= 2000)) throw new RangeError(`NRLMSISE-00 altitude must be 0–2000 km, got ${altitudeKm} km`);
    const { doy, secUt } = dayOfYear(utcMjd);
    const d = this.#drivers(utcMjd);
    const lonDeg = longitudeRad * DEG;
    let lst = secUt / 3600 + lonDeg / 15;
    lst = ((lst % 24) + 24) % 24;
    const out = gtd7d(
      {
        doy, secUt, altitudeKm, latitudeDeg: latitudeRad * DEG, longitudeDeg: lonDeg, localSolarTimeH: lst,
        f107A: d.f107A, f107: d.f107, ap: d.ap, apArray: d.apArray,
      },
      this.#apHistory ? MSIS_AP_ARRAY_SWITCHES : MSIS_DEFAULT_SWITCHES,
    );
    return out.totalMassGCm3 * 1000; // g/cm³ → kg/m³
  }
}

/**
 * JB2008 as an `Atmosphere`: total mass density at a point and UTC instant, with the solar and geomagnetic
 * indices from a `Jb2008DriverSource` (normally `jb2008Drivers(data)` over SET's SOLFSMY/DTCFILE data).
 *
 * Geometry, as the model's inputs are defined (JB2008.f header; Bowman et al. 2008, AIAA 2008-6438):
 * - the Sun's right ascension and declination (true equator and equinox of date) come from `bodies/sunPosition`
 *   (Meeus ch. 25, ≤ 0.005°) rather than the reference driver's low-precision SUNPOS (~0.01°);
 * - the point's "right ascension" is GAST + east longitude, GAST = GMST(IAU 1982, UT1 ≈ UTC) + the equation of the
 *   equinoxes, so that only the true hour angle GAST + λ − α☉ enters; |UT1 − UTC| < 0.9 s moves it by < 0.004°;
 * - latitude is the geocentric latitude of the point (the model's SAT(2)); height is the WGS-84 geodetic height
 *   (the height every model here is given).
 * Time: the model's MJD is UTC; the Sun is evaluated at TT = UTC + (TAI − UTC) + 32.184 s from a leap-second table.
 */
import type { Atmosphere, AtmosphereSample } from './atmosphere.js';
import { jb2008, type Jb2008Output } from './jb2008/jb2008.js';
import type { Jb2008DriverSource } from './jb2008/jb2008-indices.js';
import { sunPosition } from '../bodies/sun.js';
import { geodeticFromItrf, itrfFromGeodetic } from '../frames/geodetic.js';
import { builtinLeapSeconds, taiMinusUtcAt, type LeapSecondTable } from '../time/leap-seconds.js';
import { MJD_OFFSET } from '../time/julian-date.js';
import { gmst82RadOf } from '../time/sidereal.js';
import { wrapTwoPi, type Vec3 } from '../units/index.js';

const TT_MINUS_TAI_S = 32.184;

export interface Jb2008Options {
  /** TAI−UTC table for the Sun's TT argument. Default: the built-in table. */
  readonly leapSeconds?: LeapSecondTable;
}

export class Jb2008Atmosphere implements Atmosphere {
  readonly name = 'JB2008';
  readonly #drivers: Jb2008DriverSource;
  readonly #leapSeconds: LeapSecondTable;

  constructor(drivers: Jb2008DriverSource, options: Jb2008Options = {}) {
    this.#drivers = drivers;
    this.#leapSeconds = options.leapSeconds ?? builtinLeapSeconds();
  }

  /** Total mass density, kg/m³, at a geodetic point. RangeError below 90 km or outside the index data. */
  densityKgM3(sample: AtmosphereSample): number {
    const { utcMjd, latitudeRad, longitudeRad, altitudeKm } = sample;
    const p = itrfFromGeodetic({ latitudeRad, longitudeRad, heightKm: altitudeKm });
    return this.#evaluate(utcMjd, Math.atan2(p[2], Math.hypot(p[0], p[1])), longitudeRad, altitudeKm).densityKgM3;
  }

  /** Temperatures and density at an ITRF position (km) and UTC MJD. */
  evaluateAtItrf(positionItrfKm: Vec3, utcMjd: number): Jb2008Output {
    const [x, y, z] = positionItrfKm;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
      throw new RangeError(`ITRF position must be finite (km), got [${x}, ${y}, ${z}]`);
    }
    // Geodetic height from the shared WGS-84 conversion; the model's latitude is geocentric.
    const { heightKm } = geodeticFromItrf(positionItrfKm);
    return this.#evaluate(utcMjd, Math.atan2(z, Math.hypot(x, y)), Math.atan2(y, x), heightKm);
  }

  /** Total mass density, kg/m³, at an ITRF position (km) and UTC MJD. */
  densityAtItrfKgM3(positionItrfKm: Vec3, utcMjd: number): number {
    return this.evaluateAtItrf(positionItrfKm, utcMjd).densityKgM3;
  }

  #evaluate(utcMjd: number, geocentricLatRad: number, eastLonRad: number, heightKm: number): Jb2008Output {
    if (!Number.isFinite(utcMjd)) throw new RangeError(`utcMjd must be finite, got ${utcMjd}`);
    if (!(heightKm >= 90)) throw new RangeError(`JB2008 height must be at least 90 km, got ${heightKm} km`);
    const indices = this.#drivers(utcMjd);
    const day = Math.floor(utcMjd);
    const ttMinusUtcS = taiMinusUtcAt(this.#leapSeconds, day, (utcMjd - day) * 86_400) + TT_MINUS_TAI_S;
    const sun = sunPosition(MJD_OFFSET, utcMjd + ttMinusUtcS / 86_400);
    const gastRad = gmst82RadOf(MJD_OFFSET, utcMjd) + sun.equationOfEquinoxesRad;
    return jb2008({
      mjd: utcMjd,
      sunRaRad: sun.rightAscensionRad,
      sunDecRad: sun.declinationRad,
      rightAscensionRad: wrapTwoPi(gastRad + eastLonRad),
      latitudeRad: geocentricLatRad,
      altitudeKm: heightKm,
      ...indices,
    });
  }
}

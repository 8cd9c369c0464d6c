/**
 * Harris–Priester atmosphere with the diurnal bulge, after Montenbruck & Gill (2000), "Satellite Orbits",
 * §3.5.2 and Table 3.8 (minimum/maximum densities for mean solar activity, 100–1000 km). The bulge apex
 * lags the Sun by 30° in right ascension; the density is ρ = ρ_min + (ρ_max − ρ_min)·cosⁿ(ψ/2), with ψ the
 * angle between the satellite direction and the apex, and exponential interpolation in height between
 * table rows. n = 2 for low-inclination orbits, up to 6 for polar ones (M&G suggest 2–6; default 4).
 * Valid 100–1000 km; RangeError outside.
 *
 * Transcription check: all 50 rows agree digit for digit with the `ALT_RHO` table of Orekit's
 * `HarrisPriester.java` (which cites the same Montenbruck & Gill table), compared 2026-11-25.
 */
import type { Atmosphere, AtmosphereSample } from './atmosphere.js';
import { gmstRad, sunRaDecRad } from './calendar.js';

/** Montenbruck & Gill (2000) Table 3.8: height km, ρ_min, ρ_max in g/km³ (= 1e-12 kg/m³). */
const HP_TABLE: readonly (readonly [number, number, number])[] = [
  [100, 497400.0, 497400.0], [120, 24900.0, 24900.0], [130, 8377.0, 8710.0], [140, 3899.0, 4059.0],
  [150, 2122.0, 2215.0], [160, 1263.0, 1344.0], [170, 800.8, 875.8], [180, 528.3, 601.0], [190, 361.7, 429.7],
  [200, 255.7, 316.2], [210, 183.9, 239.6], [220, 134.1, 185.3], [230, 99.49, 145.5], [240, 74.88, 115.7],
  [250, 57.09, 93.08], [260, 44.03, 75.55], [270, 34.30, 61.82], [280, 26.97, 50.95], [290, 21.39, 42.26],
  [300, 17.08, 35.26], [320, 10.99, 25.11], [340, 7.214, 18.19], [360, 4.824, 13.37], [380, 3.274, 9.955],
  [400, 2.249, 7.492], [420, 1.558, 5.684], [440, 1.091, 4.355], [460, 0.7701, 3.362], [480, 0.5474, 2.612],
  [500, 0.3916, 2.042], [520, 0.2819, 1.605], [540, 0.2042, 1.267], [560, 0.1488, 1.005], [580, 0.1092, 0.7997],
  [600, 0.08070, 0.6390], [620, 0.06012, 0.5123], [640, 0.04519, 0.4121], [660, 0.03430, 0.3325],
  [680, 0.02632, 0.2691], [700, 0.02043, 0.2185], [720, 0.01607, 0.1779], [740, 0.01281, 0.1452],
  [760, 0.01036, 0.1190], [780, 0.008496, 0.09776], [800, 0.007069, 0.08059], [840, 0.004680, 0.05741],
  [880, 0.003200, 0.04210], [920, 0.002210, 0.03130], [960, 0.001560, 0.02360], [1000, 0.001150, 0.01810],
];
const G_KM3_TO_KG_M3 = 1e-12;
const LAG_RAD = (30 * Math.PI) / 180;

export class HarrisPriesterAtmosphere implements Atmosphere {
  readonly name = 'Harris-Priester';
  readonly #n: number;

  /** @param cosineExponent n of cosⁿ(ψ/2): 2 (low inclination) … 6 (polar). */
  constructor(cosineExponent = 4) {
    if (!(cosineExponent >= 2 && cosineExponent <= 6)) throw new RangeError(`Harris–Priester exponent must be 2–6, got ${cosineExponent}`);
    this.#n = cosineExponent;
  }

  densityKgM3(sample: AtmosphereSample): number {
    const h = sample.altitudeKm;
    if (!(h >= 100 && h <= 1000)) throw new RangeError(`Harris–Priester altitude must be 100–1000 km, got ${h} km`);
    let i = 0;
    while (i < HP_TABLE.length - 2 && HP_TABLE[i + 1]![0] <= h) i++;
    const [h0, min0, max0] = HP_TABLE[i]!;
    const [h1, min1, max1] = HP_TABLE[i + 1]!;
    const hMin = (h0 - h1) / Math.log(min1 / min0);
    const hMax = (h0 - h1) / Math.log(max1 / max0);
    const rhoMin = min0 * Math.exp((h0 - h) / hMin);
    const rhoMax = max0 * Math.exp((h0 - h) / hMax);
    // Angle to the bulge apex: satellite direction (geocentric latitude ≈ geodetic here, < 0.2° effect) in the
    // celestial frame via GMST, apex at the Sun's declination and RA + 30°.
    const { raRad, decRad } = sunRaDecRad(sample.utcMjd);
    const satRa = sample.longitudeRad + gmstRad(sample.utcMjd);
    const cosPsi = Math.sin(sample.latitudeRad) * Math.sin(decRad) +
      Math.cos(sample.latitudeRad) * Math.cos(decRad) * Math.cos(satRa - raRad - LAG_RAD);
    const cosHalf = Math.sqrt(Math.max(0, 0.5 * (1 + cosPsi)));
    return (rhoMin + (rhoMax - rhoMin) * Math.pow(cosHalf, this.#n)) * G_KM3_TO_KG_M3;
  }
}

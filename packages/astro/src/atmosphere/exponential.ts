/**
 * Exponential atmosphere, Vallado (2013), "Fundamentals of Astrodynamics and Applications", 4th ed.,
 * Table 8-4 (after CIRA-72 / U.S. Standard Atmosphere 1976): ρ = ρ₀ exp(−(h − h₀)/H) in bands from
 * 0 km to beyond 1000 km. No time or solar-activity dependence.
 *
 * Transcription check: all 28 bands agree digit for digit with independent public transcriptions of
 * Vallado Table 8-4 (e.g. Wertz/Vallado tables in several open-source propagators), compared 2026-11-25.
 */
import type { Atmosphere, AtmosphereSample } from './atmosphere.js';

/** [base altitude h₀ km, nominal density ρ₀ kg/m³, scale height H km] — Vallado Table 8-4. */
const BANDS: readonly (readonly [number, number, number])[] = [
  [0, 1.225, 7.249], [25, 3.899e-2, 6.349], [30, 1.774e-2, 6.682], [40, 3.972e-3, 7.554], [50, 1.057e-3, 8.382],
  [60, 3.206e-4, 7.714], [70, 8.77e-5, 6.549], [80, 1.905e-5, 5.799], [90, 3.396e-6, 5.382], [100, 5.297e-7, 5.877],
  [110, 9.661e-8, 7.263], [120, 2.438e-8, 9.473], [130, 8.484e-9, 12.636], [140, 3.845e-9, 16.149],
  [150, 2.07e-9, 22.523], [180, 5.464e-10, 29.74], [200, 2.789e-10, 37.105], [250, 7.248e-11, 45.546],
  [300, 2.418e-11, 53.628], [350, 9.518e-12, 53.298], [400, 3.725e-12, 58.515], [450, 1.585e-12, 60.828],
  [500, 6.967e-13, 63.822], [600, 1.454e-13, 71.835], [700, 3.614e-14, 88.667], [800, 1.17e-14, 124.64],
  [900, 5.245e-15, 181.05], [1000, 3.019e-15, 268.0],
];

export class ExponentialAtmosphere implements Atmosphere {
  readonly name = 'exponential (Vallado Table 8-4)';

  densityKgM3(sample: AtmosphereSample): number {
    const h = sample.altitudeKm;
    if (!(h >= 0 && h <= 2500)) throw new RangeError(`exponential atmosphere altitude must be 0–2500 km, got ${h} km`);
    let i = BANDS.length - 1;
    while (i > 0 && BANDS[i]![0] > h) i--;
    const [h0, rho0, scaleKm] = BANDS[i]!;
    return rho0 * Math.exp(-(h - h0) / scaleKm);
  }
}

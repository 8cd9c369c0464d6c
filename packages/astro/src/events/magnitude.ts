/**
 * Estimated visual magnitude of a satellite modelled as a diffuse (Lambertian) sphere, with the standard
 * magnitude m₀ defined at 1000 km range and 90° phase angle (half illuminated) — the convention of
 * M. McCants' qs.mag / Heavens-Above. Phase law of a Lambertian sphere, normalised to 1 at 90°
 * (e.g. T. Hejduk 2011, "Specular and diffuse components in spherical satellite photometric modeling", AMOS):
 *   m = m₀ + 5·log10(ρ / 1000 km) − 2.5·log10((π − φ)·cos φ + sin φ) − 2.5·log10(f)
 * ρ range, φ the Sun–satellite–observer angle, f the visible fraction of the solar disc (penumbra dimming).
 */
/** ISS standard magnitude (1000 km, 90° phase), as used by Heavens-Above. */
export const ISS_STANDARD_MAGNITUDE = -1.8;

/** Magnitude, or null when the satellite is unlit (f = 0) or seen exactly against the Sun (φ = 180°). */
export function visualMagnitude(standardMagnitude: number, rangeKm: number, phaseAngleRad: number, sunlitFraction = 1): number | null {
  if (!(rangeKm > 0) || !Number.isFinite(rangeKm)) throw new RangeError(`range must be > 0 km, got ${rangeKm}`);
  if (!(phaseAngleRad >= 0 && phaseAngleRad <= Math.PI)) throw new RangeError(`phase angle must be within 0…π rad, got ${phaseAngleRad}`);
  if (!(sunlitFraction >= 0 && sunlitFraction <= 1)) throw new RangeError(`sunlit fraction must be within 0…1, got ${sunlitFraction}`);
  const law = (Math.PI - phaseAngleRad) * Math.cos(phaseAngleRad) + Math.sin(phaseAngleRad);
  if (sunlitFraction === 0 || !(law > 1e-9)) return null;
  return standardMagnitude + 5 * Math.log10(rangeKm / 1000) - 2.5 * Math.log10(law) - 2.5 * Math.log10(sunlitFraction);
}

/** Where and when an atmosphere model is asked for density. Geodetic WGS-84 position, UTC time. */
export interface AtmosphereSample {
  /** UTC Modified Julian Date (days), giving day of year, UT seconds and the space-weather lookup. */
  readonly utcMjd: number;
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly altitudeKm: number;
}

/** An atmosphere model: total mass density at a point. */
export interface Atmosphere {
  readonly name: string;
  /** Total mass density, kg/m³. Throws RangeError outside the model's domain. */
  densityKgM3(sample: AtmosphereSample): number;
}

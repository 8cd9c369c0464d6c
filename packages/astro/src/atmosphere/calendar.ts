/**
 * Small calendar and solar helpers for the atmosphere models (pure, no clock): day of year and UT seconds
 * from a UTC MJD, and a low-precision Sun direction (Astronomical Almanac / Meeus ch. 25 "low accuracy"
 * series, ~0.01° — ample for the diurnal bulge of Harris–Priester) with GMST (IAU 1982, Aoki et al. 1982).
 */
const MJD_UNIX_EPOCH = 40_587;
const MS_PER_DAY = 86_400_000;

/** Day of year (1 = Jan 1), year and UT seconds of the day for a UTC MJD. */
export function dayOfYear(utcMjd: number): { year: number; doy: number; secUt: number } {
  if (!Number.isFinite(utcMjd)) throw new RangeError(`utcMjd must be finite, got ${utcMjd}`);
  const day = Math.floor(utcMjd);
  const date = new Date((day - MJD_UNIX_EPOCH) * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const doy = Math.round((date.getTime() - Date.UTC(year, 0, 1)) / MS_PER_DAY) + 1;
  return { year, doy, secUt: (utcMjd - day) * 86_400 };
}

/** Greenwich mean sidereal time, radians, from a UT MJD (IAU 1982; UT1 ≈ UTC is fine for atmosphere use). */
export function gmstRad(utMjd: number): number {
  const t = (utMjd - 51_544.5) / 36_525;
  const sec = 67_310.54841 + (876_600 * 3600 + 8_640_184.812866) * t + 0.093104 * t * t - 6.2e-6 * t * t * t;
  const r = ((sec % 86_400) / 86_400) * 2 * Math.PI;
  return r < 0 ? r + 2 * Math.PI : r;
}

/** Apparent Sun right ascension and declination, radians (low precision, ~0.01°). */
export function sunRaDecRad(utcMjd: number): { raRad: number; decRad: number } {
  const n = utcMjd - 51_544.5;
  const deg = Math.PI / 180;
  const l = (280.46 + 0.9856474 * n) * deg;
  const g = (357.528 + 0.9856003 * n) * deg;
  const lambda = l + (1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * deg;
  const eps = (23.439 - 4e-7 * n) * deg;
  return {
    raRad: Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda)),
    decRad: Math.asin(Math.sin(eps) * Math.sin(lambda)),
  };
}

/**
 * The two astronomical helpers of the official JB2008 driver program (JB08DRV, B. R. Bowman 2008; SET rev. H 2017):
 * the low-precision Sun (SUNPOS — The Astronomical Almanac, p. C24, ~0.01° for 1950–2050) and the right ascension
 * of Greenwich (THETA, days since 1950 Jan 0.0). They are provided so that callers — and the verification against
 * the official outputs — can drive `jb2008` exactly as the reference driver does. `Jb2008Atmosphere` itself uses
 * the higher-accuracy Sun of `@stationkeeper/astro/bodies`.
 *
 * Where the reference writes single-precision literals (`0.9856003 * D2000`), `Math.fround` reproduces them.
 */

const PI = 3.141592653589793;
const TWO_PI = 2 * PI;
const DEG = PI / 180;

/** Days since 1950 Jan 0.0 (the model's D1950) from an MJD. */
export function jb2008D1950(mjd: number): number {
  return mjd - 33281;
}

/** Sun right ascension (rad, [0, 2π)) and declination (rad) at an MJD, as the reference driver's SUNPOS. */
export function jb2008DriverSun(mjd: number): { readonly raRad: number; readonly decRad: number } {
  const d2000 = mjd - 51544.5;
  const solan = (357.528 + Math.fround(0.9856003) * d2000) * DEG;
  let solon = (280.46 + Math.fround(0.9856474) * d2000) % 360;
  if (solon < 0) solon += 360;
  const eclon = (solon + 1.915 * Math.sin(solan) + 0.02 * Math.sin(2 * solan)) * DEG;
  const eps = (23.439 - Math.fround(0.0000004) * d2000) * DEG;
  const t1 = Math.tan(0.5 * eps);
  const t2 = t1 * t1;
  const t4 = t2 * t2;
  let raRad = eclon - t2 * Math.sin(2 * eclon) + 0.5 * t4 * Math.sin(4 * eclon);
  if (raRad < 0) raRad += TWO_PI;
  else if (raRad > TWO_PI) raRad -= TWO_PI;
  return { raRad, decRad: Math.asin(Math.sin(eps) * Math.sin(eclon)) };
}

/** Right ascension of Greenwich (rad, [0, 2π)) at D1950 days since 1950 Jan 0.0 UT (the driver's THETA). */
export function jb2008GreenwichRaRad(d1950: number): number {
  const twoPi = TWO_PI; // the reference writes 6.28318530717958648D0, the same double
  const nday = Math.trunc(d1950);
  let theta: number;
  if (nday <= 7305) {
    theta = (1.7294446614 + 1.72027915246e-2 * nday + 6.3003880926 * (d1950 - nday)) % twoPi;
  } else {
    const ts70 = d1950 - 7305;
    const ids70 = Math.trunc(ts70);
    const tfrac = ts70 - ids70;
    theta = (1.73213438565 + 1.720279169407e-2 * ids70 + (1.720279169407e-2 + twoPi) * tfrac + 5.0755141943e-15 * ts70 * ts70) % twoPi;
  }
  return theta < 0 ? theta + twoPi : theta;
}

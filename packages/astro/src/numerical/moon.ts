/**
 * Low-precision Moon position (Montenbruck & Gill 2000, §3.3.2, after Brown's theory as in the Astronomical
 * Almanac): ~ several arcminutes and ~500 km, ample for the lunar third-body perturbation on a LEO orbit
 * (relative acceleration error < 1e-3 of a ~1e-9 km/s² term). Mean equator and equinox of date, km.
 */
import type { Vec3 } from '../units/index.js';

const DEG = Math.PI / 180;
const ARCSEC = DEG / 3600;

/** Geocentric Moon, km, equator/equinox of date, for TT Julian centuries since J2000. */
export function moonPositionKm(tCenturies: number): Vec3 {
  const t = tCenturies;
  const frac = (x: number): number => x - Math.floor(x);
  const l0 = frac(0.606433 + 1336.851344 * t);
  const l = 2 * Math.PI * frac(0.374897 + 1325.55241 * t);
  const lp = 2 * Math.PI * frac(0.993133 + 99.997361 * t);
  const d = 2 * Math.PI * frac(0.827361 + 1236.853086 * t);
  const f = 2 * Math.PI * frac(0.259086 + 1342.227825 * t);
  const dl = 22640 * Math.sin(l) - 4586 * Math.sin(l - 2 * d) + 2370 * Math.sin(2 * d) + 769 * Math.sin(2 * l) -
    668 * Math.sin(lp) - 412 * Math.sin(2 * f) - 212 * Math.sin(2 * l - 2 * d) - 206 * Math.sin(l + lp - 2 * d) +
    192 * Math.sin(l + 2 * d) - 165 * Math.sin(lp - 2 * d) - 125 * Math.sin(d) - 110 * Math.sin(l + lp) +
    148 * Math.sin(l - lp) - 55 * Math.sin(2 * f - 2 * d);
  const lon = 2 * Math.PI * frac(l0 + dl / 1_296_000);
  const s = f + (dl + 412 * Math.sin(2 * f) + 541 * Math.sin(lp)) * ARCSEC;
  const h = f - 2 * d;
  const n = -526 * Math.sin(h) + 44 * Math.sin(l + h) - 31 * Math.sin(-l + h) - 23 * Math.sin(lp + h) +
    11 * Math.sin(-lp + h) - 25 * Math.sin(-2 * l + f) + 21 * Math.sin(-l + f);
  const lat = (18520 * Math.sin(s) + n) * ARCSEC;
  const r = 385_000 - 20_905 * Math.cos(l) - 3699 * Math.cos(2 * d - l) - 2956 * Math.cos(2 * d) -
    570 * Math.cos(2 * l) + 246 * Math.cos(2 * l - 2 * d) - 205 * Math.cos(lp - 2 * d) - 171 * Math.cos(l + 2 * d) -
    152 * Math.cos(l + lp - 2 * d);
  // Ecliptic of date (the series' longitude is referred to the mean equinox of date) → equator of date.
  const eps = (23.43929111 - 0.0130042 * t) * DEG;
  const xe = r * Math.cos(lat) * Math.cos(lon);
  const ye = r * Math.cos(lat) * Math.sin(lon);
  const ze = r * Math.sin(lat);
  return [xe, Math.cos(eps) * ye - Math.sin(eps) * ze, Math.sin(eps) * ye + Math.cos(eps) * ze];
}

/**
 * Observer lists as columns (geodetic latitude/longitude in radians, height in km on the WGS-84 ellipsoid), on
 * SharedArrayBuffers so every worker reads the same memory. Degrees and metres are accepted here, at the edge.
 */
import type { ObserverColumns } from './find-many.js';

/** One observer, radians and km (the shape of astro's `GeodeticObserver` / frames' `Observer`). */
export interface ObserverLike {
  readonly latitudeRad: number;
  readonly longitudeRad: number;
  readonly heightKm: number;
}

const DEG = Math.PI / 180;

function columns(n: number, shared: boolean): { latitudeRad: Float64Array; longitudeRad: Float64Array; heightKm: Float64Array } {
  const make = (): Float64Array => new Float64Array(shared ? new SharedArrayBuffer(n * 8) : new ArrayBuffer(n * 8));
  return { latitudeRad: make(), longitudeRad: make(), heightKm: make() };
}

/** Columns from a list of observers (shared by default). Values are copied as given; the finder checks ranges. */
export function observerColumns(list: readonly ObserverLike[], shared = true): ObserverColumns {
  const c = columns(list.length, shared);
  list.forEach((o, i) => {
    c.latitudeRad[i] = o.latitudeRad;
    c.longitudeRad[i] = o.longitudeRad;
    c.heightKm[i] = o.heightKm;
  });
  return c;
}

/** Columns from degrees and metres (height 0 m when `heightM` is omitted), shared by default. */
export function observerColumnsFromDegrees(latitudeDeg: ArrayLike<number>, longitudeDeg: ArrayLike<number>,
  heightM?: ArrayLike<number>, shared = true): ObserverColumns {
  const n = latitudeDeg.length;
  if (longitudeDeg.length !== n || (heightM !== undefined && heightM.length !== n)) {
    throw new RangeError(`observer columns differ in length: ${n} latitudes, ${longitudeDeg.length} longitudes, ${heightM?.length ?? n} heights`);
  }
  const c = columns(n, shared);
  for (let i = 0; i < n; i++) {
    c.latitudeRad[i] = latitudeDeg[i]! * DEG;
    c.longitudeRad[i] = longitudeDeg[i]! * DEG;
    c.heightKm[i] = heightM === undefined ? 0 : heightM[i]! / 1000;
  }
  return c;
}

/** The same columns on SharedArrayBuffers (returned as is when they already are). */
export function shareObserverColumns(c: ObserverColumns): ObserverColumns {
  const n = c.latitudeRad.length;
  if (c.longitudeRad.length !== n || c.heightKm.length !== n) throw new RangeError('observer columns differ in length');
  const isShared = (a: Float64Array): boolean => a.buffer instanceof SharedArrayBuffer;
  if (isShared(c.latitudeRad) && isShared(c.longitudeRad) && isShared(c.heightKm)) return c;
  const s = columns(n, true);
  s.latitudeRad.set(c.latitudeRad);
  s.longitudeRad.set(c.longitudeRad);
  s.heightKm.set(c.heightKm);
  return s;
}

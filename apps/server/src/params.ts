/**
 * Query-parameter parsing at the HTTP edge. Every failure is a `BadParameter` naming the parameter, the
 * accepted range with its unit, and the value received; the app turns it into a 400 with that message.
 * Degrees and metres are accepted here (I/O edge) and converted by the callers.
 */
import type { Instant, TimeScales } from '@stationkeeper/astro/time';

/** A query parameter the client got wrong: HTTP 400 `{ error: 'bad-parameter', parameter, message }`. */
export class BadParameter extends Error {
  override readonly name = 'BadParameter';
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

export type Query = Readonly<Record<string, unknown>>;

function raw(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw new BadParameter(name, `parameter '${name}' is given more than once`);
  if (typeof v !== 'string') throw new BadParameter(name, `parameter '${name}' must be a single value`);
  return v;
}

/** A finite number in [min, max] (unit named in messages), or `fallback` when absent. */
export function numberParam(query: Query, name: string, min: number, max: number, unit: string, fallback?: number): number {
  const text = raw(query, name);
  if (text === undefined || text.trim() === '') {
    if (fallback !== undefined) return fallback;
    throw new BadParameter(name, `missing parameter '${name}' (${unit}, ${min}…${max})`);
  }
  const v = Number(text);
  if (!Number.isFinite(v)) throw new BadParameter(name, `parameter '${name}' must be a number (${unit}), got '${text}'`);
  if (v < min || v > max) throw new BadParameter(name, `parameter '${name}' must be within ${min}…${max} ${unit}, got ${v}`);
  return v;
}

/** Like `numberParam` but optional: undefined when absent. */
export function optionalNumberParam(query: Query, name: string, min: number, max: number, unit: string): number | undefined {
  const text = raw(query, name);
  if (text === undefined || text.trim() === '') return undefined;
  return numberParam(query, name, min, max, unit);
}

/** NORAD catalog number 1…339 999 (Alpha-5 range); default the ISS. */
export function noradParam(query: Query, name = 'norad', fallback: number | undefined = 25_544): number {
  const text = raw(query, name);
  if (text === undefined || text.trim() === '') {
    if (fallback !== undefined) return fallback;
    throw new BadParameter(name, `missing parameter '${name}' (NORAD catalog number, e.g. 25544)`);
  }
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1 || v > 339_999) throw new BadParameter(name, `parameter '${name}' must be a NORAD catalog number 1…339999, got '${text}'`);
  return v;
}

/** `true`/`false`/`1`/`0`/empty (= true, as in `?visibleOnly`). */
export function booleanParam(query: Query, name: string, fallback: boolean): boolean {
  const text = raw(query, name);
  if (text === undefined) return fallback;
  if (text === '' || text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new BadParameter(name, `parameter '${name}' must be true or false, got '${text}'`);
}

/** A string parameter from a fixed list. */
export function choiceParam<T extends string>(query: Query, name: string, choices: readonly T[], fallback: T): T {
  const text = raw(query, name);
  if (text === undefined || text === '') return fallback;
  if (!(choices as readonly string[]).includes(text)) throw new BadParameter(name, `parameter '${name}' must be one of ${choices.join(', ')}, got '${text}'`);
  return text as T;
}

export function stringParam(query: Query, name: string): string | undefined {
  const text = raw(query, name);
  return text === undefined || text === '' ? undefined : text;
}

/** An ISO-8601 UTC instant (e.g. 2021-06-15T00:00:00Z or 2021-06-15), or `fallback` when absent. */
export function instantParam(query: Query, name: string, ts: TimeScales, fallback: Instant): Instant;
export function instantParam(query: Query, name: string, ts: TimeScales, fallback?: undefined): Instant | undefined;
export function instantParam(query: Query, name: string, ts: TimeScales, fallback?: Instant): Instant | undefined {
  const text = raw(query, name);
  if (text === undefined || text === '') return fallback;
  const iso = /^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : text;
  try {
    return ts.fromUtcIso(iso);
  } catch (e) {
    throw new BadParameter(name, `parameter '${name}' must be an ISO-8601 UTC time such as 2021-06-15T00:00:00Z, got '${text}' (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Latitude and longitude (degrees) given together or not at all. */
export function observerParams(query: Query, required: boolean): { latitudeDeg: number; longitudeDeg: number; heightM: number } | undefined {
  const lat = raw(query, 'lat');
  const lon = raw(query, 'lon');
  if (lat === undefined && lon === undefined && !required) return undefined;
  if (lat === undefined) throw new BadParameter('lat', "missing parameter 'lat' (observer geodetic latitude, deg, -90…90)");
  if (lon === undefined) throw new BadParameter('lon', "missing parameter 'lon' (observer longitude east, deg, -180…180)");
  return {
    latitudeDeg: numberParam(query, 'lat', -90, 90, 'deg'),
    longitudeDeg: numberParam(query, 'lon', -180, 180, 'deg'),
    heightM: numberParam(query, 'heightM', -500, 9000, 'm', 0),
  };
}

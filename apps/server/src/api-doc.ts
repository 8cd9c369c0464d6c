/**
 * The route list served at GET /api (OpenAPI-ish: method, path, summary, parameters with units and defaults).
 * docs/server.md shows examples of each.
 */
export interface ParameterDoc {
  readonly name: string;
  readonly in: 'query' | 'path';
  readonly type: 'integer' | 'number' | 'string' | 'boolean';
  readonly unit?: string;
  readonly default?: string | number | boolean;
  readonly required?: boolean;
  readonly description: string;
}

export interface RouteDoc {
  readonly method: 'GET';
  readonly path: string;
  readonly summary: string;
  readonly parameters: readonly ParameterDoc[];
}

const norad: ParameterDoc = { name: 'norad', in: 'query', type: 'integer', default: 25544, description: 'NORAD catalog number (1…339999)' };
const lat = (required: boolean): ParameterDoc => ({ name: 'lat', in: 'query', type: 'number', unit: 'deg', required, description: 'observer geodetic latitude (WGS-84), −90…90' });
const lon = (required: boolean): ParameterDoc => ({ name: 'lon', in: 'query', type: 'number', unit: 'deg', required, description: 'observer longitude, east positive, −180…180' });
const heightM: ParameterDoc = { name: 'heightM', in: 'query', type: 'number', unit: 'm', default: 0, description: 'observer height above the WGS-84 ellipsoid, −500…9000' };

export const ROUTES: readonly RouteDoc[] = [
  { method: 'GET', path: '/api', summary: 'this list', parameters: [] },
  {
    method: 'GET', path: '/api/now', summary: 'sub-satellite point (deg, km), inertial speed (km/s), sunlit state; look angles from lat/lon',
    parameters: [norad, lat(false), lon(false), heightM, { name: 'at', in: 'query', type: 'string', default: 'now', description: 'instant, ISO-8601 UTC' }],
  },
  {
    method: 'GET', path: '/api/passes', summary: 'rise/culmination/set, visible segment and magnitude over an observer',
    parameters: [
      norad, lat(true), lon(true), heightM,
      { name: 'from', in: 'query', type: 'string', default: 'now', description: 'window start, ISO-8601 UTC' },
      { name: 'days', in: 'query', type: 'number', unit: 'days', default: 3, description: 'window length, 0.01…30' },
      { name: 'minElevationDeg', in: 'query', type: 'number', unit: 'deg', default: 10, description: 'elevation threshold, −5…89' },
      { name: 'visibleOnly', in: 'query', type: 'boolean', default: false, description: 'only passes with a visible segment (sunlit satellite, Sun below −6°)' },
      { name: 'skyTrack', in: 'query', type: 'boolean', default: false, description: 'include the sampled azimuth/elevation track of each pass' },
    ],
  },
  {
    method: 'GET', path: '/api/groundtrack', summary: 'ground track (GeoJSON, split at ±180°), sub-satellite point and visibility footprint',
    parameters: [
      norad,
      { name: 'from', in: 'query', type: 'string', default: 'now − minutes/2', description: 'start, ISO-8601 UTC' },
      { name: 'minutes', in: 'query', type: 'number', unit: 'min', default: 93, description: 'span, 1…1440' },
      { name: 'stepS', in: 'query', type: 'number', unit: 's', default: 30, description: 'sample step, 5…600' },
      { name: 'at', in: 'query', type: 'string', default: 'from', description: 'instant of the point and footprint, ISO-8601 UTC' },
      { name: 'minElevationDeg', in: 'query', type: 'number', unit: 'deg', default: 0, description: 'footprint elevation limit, 0…89' },
    ],
  },
  {
    method: 'GET', path: '/api/history', summary: 'stored element history as mean/perigee/apogee altitude (km); reboosts show as steps',
    parameters: [
      norad,
      { name: 'from', in: 'query', type: 'string', description: 'first epoch, ISO-8601 UTC (default: all)' },
      { name: 'to', in: 'query', type: 'string', description: 'last epoch, ISO-8601 UTC (default: all)' },
    ],
  },
  {
    method: 'GET', path: '/api/decay', summary: 'no-reboost scenario: reentry p5/p50/p95 and the mean-altitude curve (cached)',
    parameters: [
      norad,
      { name: 'from', in: 'query', type: 'string', description: 'start at the last element set at or before this ISO-8601 UTC time (default: the latest)' },
      { name: 'spaceWeather', in: 'query', type: 'string', default: 'store', description: 'store, p5, p50, p95 or constant:F107,Ap (sfu, Ap)' },
      { name: 'cdAreaMassM2Kg', in: 'query', type: 'number', unit: 'm²/kg', description: 'C_D·A/m instead of the fit to the 30 days before the start (1e-4…1)' },
    ],
  },
  {
    method: 'GET', path: '/api/elements/{norad}', summary: 'latest stored element set (raw text, mean elements in deg), age and stale flag',
    parameters: [{ name: 'norad', in: 'path', type: 'integer', required: true, description: 'NORAD catalog number' }],
  },
  { method: 'GET', path: '/api/db', summary: 'the store: location, schema version, row counts, last ingests, objects', parameters: [] },
  { method: 'GET', path: '/api/countries', summary: 'country outlines (GeoJSON, Natural Earth 1:110m via world-atlas) for the map', parameters: [] },
];

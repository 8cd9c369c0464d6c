/**
 * The stationkeeper configuration file: a small JSON document with the home location, the database and the
 * objects `update` follows. Format documented in docs/sources.md ("Configuration file").
 *
 * Location: `--config PATH`, else `$STATIONKEEPER_CONFIG`, else `$XDG_CONFIG_HOME/stationkeeper/config.json`
 * (XDG Base Directory Specification 0.8), else `~/.config/stationkeeper/config.json`. A missing file at the
 * default place is an empty configuration; a missing file that was named explicitly is an error.
 * Precedence of values: command-line flags > environment variables > this file > built-in defaults.
 *
 * Errors: text that is not JSON → `ParseError` (line and column); a value out of range or of the wrong
 * type → `RangeError` naming the field (`home.latitudeDeg`), its unit and the value.
 */
import { ParseError } from '@stationkeeper/astro/errors';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface HomeLocation {
  /** Geodetic latitude (WGS-84), degrees north, −90..90. */
  readonly latitudeDeg: number;
  /** Longitude, degrees east, −180..180. */
  readonly longitudeDeg: number;
  /** Height above the WGS-84 ellipsoid, metres, −500..9000. Default 0. */
  readonly heightM: number;
  /** A label for output, e.g. `Berlin`. */
  readonly name?: string;
}

export interface DatabaseConfig {
  /** SQLite file (a leading `~/` means the home directory). */
  readonly path?: string;
  /** A `postgres://` or `postgresql://` URL (takes precedence over `path`). */
  readonly url?: string;
}

export interface StationkeeperConfig {
  readonly home?: HomeLocation;
  readonly database?: DatabaseConfig;
  /** Extra NORAD catalog numbers `update` fetches besides the ISS (25544). */
  readonly noradIds?: readonly number[];
}

export interface ConfigLocation {
  readonly path: string;
  /** True when the path came from `--config` or `STATIONKEEPER_CONFIG` (then it must exist). */
  readonly explicit: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** `$XDG_CONFIG_HOME/stationkeeper/config.json`, or `<home>/.config/stationkeeper/config.json`. */
export function defaultConfigPath(env: Env, homeDir: string): string {
  const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
  return join(xdg ?? join(homeDir, '.config'), 'stationkeeper', 'config.json');
}

/** `$XDG_DATA_HOME/stationkeeper`, or `<home>/.local/share/stationkeeper`: where the SQLite store and HTTP cache live by default. */
export function defaultDataDir(env: Env, homeDir: string): string {
  const xdg = nonEmpty(env['XDG_DATA_HOME']);
  return join(xdg ?? join(homeDir, '.local', 'share'), 'stationkeeper');
}

/** Which config file to read: the flag, else `STATIONKEEPER_CONFIG`, else the XDG default. */
export function resolveConfigPath(flag: string | undefined, env: Env, homeDir: string): ConfigLocation {
  if (flag !== undefined) return { path: flag, explicit: true };
  const fromEnv = nonEmpty(env['STATIONKEEPER_CONFIG']);
  if (fromEnv !== undefined) return { path: fromEnv, explicit: true };
  return { path: defaultConfigPath(env, homeDir), explicit: false };
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function fieldError(field: string, message: string, value: unknown): RangeError {
  return new RangeError(`config ${field} ${message}, got ${JSON.stringify(value)}`);
}

function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new RangeError(`config ${where === '' ? '' : `${where}.`}${key} is not a known setting (known: ${allowed.join(', ')})`);
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function numberIn(obj: Record<string, unknown>, key: string, where: string, min: number, max: number, unit: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw fieldError(`${where}.${key}`, `must be a number (${unit})`, v);
  if (v < min || v > max) throw fieldError(`${where}.${key}`, `must be in [${min}, ${max}] ${unit}`, v);
  return v;
}

/** Validates a parsed JSON value as a configuration. */
export function validateConfig(value: unknown): StationkeeperConfig {
  if (!isObject(value)) throw new RangeError(`config must be a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  checkKeys(value, ['$schema', 'comment', 'home', 'database', 'noradIds'], '');
  let home: HomeLocation | undefined;
  if (value['home'] !== undefined) {
    const h = value['home'];
    if (!isObject(h)) throw fieldError('home', 'must be an object {latitudeDeg, longitudeDeg, heightM}', h);
    checkKeys(h, ['latitudeDeg', 'longitudeDeg', 'heightM', 'name'], 'home');
    const latitudeDeg = numberIn(h, 'latitudeDeg', 'home', -90, 90, 'degrees');
    const longitudeDeg = numberIn(h, 'longitudeDeg', 'home', -180, 180, 'degrees');
    const heightM = h['heightM'] === undefined ? 0 : numberIn(h, 'heightM', 'home', -500, 9000, 'metres');
    const name = h['name'];
    if (name !== undefined && typeof name !== 'string') throw fieldError('home.name', 'must be a string', name);
    home = { latitudeDeg, longitudeDeg, heightM, ...(name === undefined ? {} : { name }) };
  }
  let database: DatabaseConfig | undefined;
  if (value['database'] !== undefined) {
    const d = value['database'];
    if (!isObject(d)) throw fieldError('database', 'must be an object {path} or {url}', d);
    checkKeys(d, ['path', 'url'], 'database');
    const path = d['path'];
    const url = d['url'];
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) throw fieldError('database.path', 'must be a non-empty file path', path);
    if (url !== undefined && (typeof url !== 'string' || !/^postgres(ql)?:\/\//.test(url))) {
      throw new RangeError('config database.url must be a postgres:// or postgresql:// URL');
    }
    database = { ...(path === undefined ? {} : { path }), ...(url === undefined ? {} : { url }) };
  }
  let noradIds: number[] | undefined;
  if (value['noradIds'] !== undefined) {
    const n = value['noradIds'];
    if (!Array.isArray(n)) throw fieldError('noradIds', 'must be an array of NORAD catalog numbers', n);
    noradIds = n.map((id: unknown, i) => {
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 339_999) throw fieldError(`noradIds[${i}]`, 'must be an integer NORAD catalog number in [1, 339999]', id);
      return id;
    });
  }
  return { ...(home === undefined ? {} : { home }), ...(database === undefined ? {} : { database }), ...(noradIds === undefined ? {} : { noradIds }) };
}

/** Parses and validates configuration text. */
export function parseConfig(text: string): StationkeeperConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = lineColumn(text, jsonErrorOffset(text));
    throw new ParseError(`config file is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '')}`, lc.line, lc.column, 'json');
  }
  return validateConfig(value);
}

/**
 * Offset of the first character that makes `text` invalid JSON. V8 names a position for some errors only,
 * so this finds the shortest prefix whose error is not mere incompleteness (config files are small).
 */
function jsonErrorOffset(text: string): number {
  for (let k = 1; k <= text.length; k++) {
    try {
      JSON.parse(text.slice(0, k));
    } catch (e) {
      const m = e instanceof Error ? e.message : '';
      if (/end of JSON input/i.test(m)) continue;
      const pos = /position (\d+)/.exec(m);
      if (pos !== null && Number(pos[1]) >= k) continue;
      return pos === null ? k - 1 : Number(pos[1]);
    }
  }
  return text.length;
}

export interface LoadedConfig {
  readonly config: StationkeeperConfig;
  readonly location: ConfigLocation;
  /** False when the default file does not exist (the configuration is then empty). */
  readonly found: boolean;
}

/** Reads the configuration at `location`; errors name the file. */
export async function loadConfig(location: ConfigLocation): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(location.path, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT' && !location.explicit) return { config: {}, location, found: false };
    throw new RangeError(`config file ${location.path} cannot be read (${code === 'ENOENT' ? 'not found' : String(code ?? e)})`, { cause: e });
  }
  try {
    return { config: parseConfig(text), location, found: true };
  } catch (e) {
    if (e instanceof ParseError) {
      const wrapped = new ParseError(`${location.path}: ${e.message.replace(/ \(line \d+, column \d+\)$/, '')}`, e.line, e.column, e.reason);
      throw wrapped;
    }
    if (e instanceof RangeError) throw new RangeError(`${location.path}: ${e.message}`, { cause: e });
    throw e;
  }
}

/** Expands a leading `~/` to the home directory. */
export function expandHome(path: string, homeDir: string): string {
  return path === '~' ? homeDir : path.startsWith('~/') ? join(homeDir, path.slice(2)) : path;
}

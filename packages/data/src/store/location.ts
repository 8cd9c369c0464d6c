/**
 * Where the store lives. Precedence (first wins): `--db` flag, `STATIONKEEPER_DB`,
 * `STATIONKEEPER_DATABASE_URL` (a `postgres://` or `postgresql://` URL), the config file's database,
 * then the default SQLite file `$XDG_DATA_HOME/stationkeeper/stationkeeper.sqlite`
 * (XDG Base Directory Specification 0.8; `XDG_DATA_HOME` defaults to `~/.local/share`).
 * A value that is a postgres URL selects PostgreSQL wherever it appears; anything else is a SQLite path.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { StoreLocation } from './types.js';

export interface LocationInputs {
  /** `--db PATH|URL` from the command line. */
  readonly flag?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Database from the config file, if any. */
  readonly config?: string | undefined;
  /** The user's home directory (os.homedir()). */
  readonly homeDir: string;
  /** Relative SQLite paths resolve against this directory. */
  readonly cwd: string;
}

const PG_URL = /^postgres(?:ql)?:\/\//i;

export function isPostgresUrl(value: string): boolean {
  return PG_URL.test(value);
}

const nonEmpty = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** Resolves the store location from flag, environment, config and defaults (see the file header). */
export function resolveStoreLocation(inputs: LocationInputs): StoreLocation {
  const { env } = inputs;
  const chosen = [inputs.flag, env['STATIONKEEPER_DB'], env['STATIONKEEPER_DATABASE_URL'], inputs.config].find(nonEmpty);
  if (chosen !== undefined) {
    const value = chosen.trim();
    if (isPostgresUrl(value)) return { kind: 'postgres', url: value };
    if (value === ':memory:') return { kind: 'sqlite', path: value };
    return { kind: 'sqlite', path: isAbsolute(value) ? value : resolve(inputs.cwd, value) };
  }
  return { kind: 'sqlite', path: defaultSqlitePath(env, inputs.homeDir) };
}

/** `$XDG_DATA_HOME/stationkeeper/stationkeeper.sqlite`, `XDG_DATA_HOME` defaulting to `~/.local/share`. */
export function defaultSqlitePath(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says relative values are invalid and must be ignored.
  const base = nonEmpty(xdg) && isAbsolute(xdg) ? xdg : join(homeDir, '.local', 'share');
  return join(base, 'stationkeeper', 'stationkeeper.sqlite');
}

/** The location for people to read: the path, or the URL with any password replaced by `***`. */
export function describeLocation(location: StoreLocation): string {
  if (location.kind === 'sqlite') return location.path;
  try {
    const u = new URL(location.url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return location.url.replace(/:\/\/([^:/@]*):[^@]*@/, '://$1:***@');
  }
}

/**
 * The thin SQL layer both stores run on: one connection, `?` placeholders (rewritten to `$n` for
 * PostgreSQL), explicit transactions. Everything above it (schema, dedup, queries) is shared SQL that
 * SQLite ≥ 3.39 and PostgreSQL ≥ 12 both accept (ON CONFLICT upserts, IS DISTINCT FROM, RETURNING).
 */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

export interface SqlDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs a query and returns its rows. */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Opens a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing later). */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders as `$1, $2, …` (our SQL never has `?` inside string literals). */
export function toDollarPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * SQLite through better-sqlite3 (synchronous, in-process; wrapped in promises for the shared async
 * interface). WAL journal: a crash at any point leaves the last committed state (SQLite's atomic commit,
 * https://www.sqlite.org/atomiccommit.html), and readers never block the writer.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.js';

export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
  }

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    return Promise.resolve(this.prepare(sql).all(...params) as SqlRow[]);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return Promise.resolve(this.prepare(sql).run(...params).changes);
  }

  exec(sql: string): Promise<void> {
    this.db.exec(sql);
    return Promise.resolve();
  }

  begin(): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    return Promise.resolve();
  }

  commit(): Promise<void> {
    this.db.exec('COMMIT');
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.statements.clear();
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

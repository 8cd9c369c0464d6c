/**
 * PostgreSQL through node-postgres (`pg`): one client connection per store, so a transaction is simply
 * BEGIN … COMMIT on it. float8 columns come back as numbers; counts are cast to integer in SQL.
 */
import pg from 'pg';
import { toDollarPlaceholders, type SqlDriver, type SqlRow, type SqlValue } from './sql-driver.js';

export class PgDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PgDriver> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    await client.query("SET client_min_messages = 'warning'");
    return new PgDriver(client);
  }

  async query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
    const r = await this.client.query(toDollarPlaceholders(sql), params as SqlValue[]);
    return r.rows as SqlRow[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const r = await this.client.query(toDollarPlaceholders(sql), params as SqlValue[]);
    return r.rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

import type { PgDatabase, PgQueryable } from '../tips/postgres/database.ts';
import type { SqlDriver } from './sqlDriver.ts';

/** `?` placeholders as PostgreSQL's `$1, $2…` (the stores' SQL has no `?` inside literals). */
export function numberedPlaceholders(sql: string): string {
  let count = 0;
  return sql.replace(/\?/g, () => `$${++count}`);
}

const query = async (client: PgQueryable, sql: string, params: unknown[] = []) => (await client.query(numberedPlaceholders(sql), params)).rows;

/**
 * SqlDriver on PostgreSQL, through node-postgres (a server) or PGlite (embedded): both are a
 * PgDatabase (tips/postgres/database.ts). A batch is one transaction.
 */
export function postgresDriver(db: PgDatabase): SqlDriver {
  return {
    all: (sql, params) => query(db, sql, params) as never,
    batch: (statements) =>
      db.transaction(async (tx) => {
        const results: Array<Array<Record<string, unknown>>> = [];
        for (const statement of statements) results.push(await query(tx, statement.sql, statement.params));
        return results;
      }),
    isUniqueViolation(error, table) {
      const { code, table: violated, constraint } = (error ?? {}) as { code?: string; table?: string; constraint?: string };
      return code === '23505' && (violated === table || (constraint ?? '').startsWith(`${table}_`));
    },
  };
}

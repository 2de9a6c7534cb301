import type { D1Database } from '../tips/cloudflare/bindings.ts';
import type { SqlDriver } from './sqlDriver.ts';

// SQLite has no boolean type: D1 would store true as 1 anyway; say so explicitly for the stand-in too.
const sqliteValue = (value: unknown) => (typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value);

/** SqlDriver on Cloudflare D1 (SQLite). A batch is D1's batch(), which D1 runs as one transaction. */
export function d1Driver(db: D1Database): SqlDriver {
  const bound = (sql: string, params: unknown[] = []) => db.prepare(sql).bind(...params.map(sqliteValue));
  return {
    async all(sql, params) {
      return (await bound(sql, params).all()).results as never[];
    },
    async batch(statements) {
      const results = (await db.batch(statements.map((statement) => bound(statement.sql, statement.params)))) as Array<{ results?: Array<Record<string, unknown>> }>;
      return results.map((result) => result.results ?? []);
    },
    isUniqueViolation(error, table) {
      return String(error instanceof Error ? error.message : error).includes(`UNIQUE constraint failed: ${table}.`);
    },
  };
}

import { DatabaseSync } from 'node:sqlite';
import type { D1Database, D1Statement } from '../../../src/lib/tips/cloudflare/bindings';
import { readD1Migrations } from '../../../src/node/readMigrationSet';

/**
 * A D1 binding over Node's own SQLite, for fast in-process tests of the D1 driver: D1 is SQLite,
 * and like D1 this enforces foreign keys, runs batch() as one transaction and names the table in
 * unique-constraint errors. (The storage suite also runs on miniflare's real local D1.)
 */
export function sqliteD1(): { binding: D1Database; sqlite: DatabaseSync } {
  const sqlite = new DatabaseSync(':memory:');
  sqlite.exec('PRAGMA foreign_keys = ON');
  for (const migration of readD1Migrations()) sqlite.exec(migration.sql);
  const statement = (sql: string, values: unknown[] = []): D1Statement & { rows(): Array<Record<string, unknown>> } => ({
    bind: (...bound: unknown[]) => statement(sql, bound),
    rows: () => sqlite.prepare(sql).all(...(values as never[])) as Array<Record<string, unknown>>,
    async first<T>() {
      return (sqlite.prepare(sql).all(...(values as never[]))[0] as T | undefined) ?? null;
    },
    async run() {
      return sqlite.prepare(sql).run(...(values as never[]));
    },
    async all<T>() {
      return { results: sqlite.prepare(sql).all(...(values as never[])) as T[] };
    },
  });
  const binding: D1Database = {
    prepare: (sql) => statement(sql),
    async batch(statements) {
      sqlite.exec('BEGIN');
      try {
        const results = statements.map((each) => ({ results: (each as ReturnType<typeof statement>).rows() }));
        sqlite.exec('COMMIT');
        return results;
      } catch (error) {
        sqlite.exec('ROLLBACK');
        throw error;
      }
    },
  };
  return { binding, sqlite };
}

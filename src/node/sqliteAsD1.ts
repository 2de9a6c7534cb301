import type { DatabaseSync } from 'node:sqlite';
import type { D1Database, D1Statement } from '../lib/tips/cloudflare/bindings';

/**
 * Node's own SQLite behind the few D1 methods the stores use (D1 is SQLite), so the D1 store's own
 * SQL runs on a file (the tips tool reads wrangler's local D1) or in memory (fast tests of the D1
 * driver). Like D1, batch() is one transaction and gives each statement's rows.
 */
export function sqliteAsD1(database: DatabaseSync): D1Database {
  const statement = (sql: string, values: unknown[] = []): D1Statement => {
    const prepared = () => database.prepare(sql.replace(/\?(\d+)/g, '?'));
    const ordered = () => {
      // D1 accepts ?1, ?2 …; node:sqlite binds them by position, so repeat values in the order used.
      const numbered = [...sql.matchAll(/\?(\d+)/g)].map((match) => values[Number(match[1]) - 1]);
      return (numbered.length > 0 ? numbered : values) as Array<string | number | null>;
    };
    return {
      bind: (...bound) => statement(sql, bound),
      first: async <T>() => (prepared().get(...ordered()) as T | undefined) ?? null,
      all: async <T>() => ({ results: prepared().all(...ordered()) as T[] }),
      run: async () => prepared().run(...ordered()),
    };
  };
  return {
    prepare: (sql) => statement(sql),
    batch: async (statements) => {
      database.exec('BEGIN');
      try {
        const results = [];
        for (const one of statements) results.push(await one.all());
        database.exec('COMMIT');
        return results;
      } catch (error) {
        database.exec('ROLLBACK');
        throw error;
      }
    },
  };
}

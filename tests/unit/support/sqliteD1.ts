import { DatabaseSync } from 'node:sqlite';
import type { D1Database } from '../../../src/lib/tips/cloudflare/bindings';
import { readD1Migrations } from '../../../src/node/readMigrationSet';
import { sqliteAsD1 } from '../../../src/node/sqliteAsD1';

/**
 * A D1 binding over Node's own SQLite with the migrations applied, for fast in-process tests of the
 * D1 driver: like D1 it enforces foreign keys, runs batch() as one transaction and names the table
 * in unique-constraint errors. (The storage suite also runs on miniflare's real local D1.)
 */
export function sqliteD1(): { binding: D1Database; sqlite: DatabaseSync } {
  const sqlite = new DatabaseSync(':memory:');
  sqlite.exec('PRAGMA foreign_keys = ON');
  for (const migration of readD1Migrations()) sqlite.exec(migration.sql);
  return { binding: sqliteAsD1(sqlite), sqlite };
}

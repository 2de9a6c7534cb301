import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDatabase } from '../../src/lib/tips/postgres/database';
import { applyMigrations, pendingMigrations } from '../../src/lib/tips/postgres/migrations';
import { pgMigrations } from './support/tipStorageTargets';

type Schema = Record<string, Array<{ column: string; required: boolean }>>;

/** Tables and columns after every D1 migration (D1 is SQLite). */
function d1Schema(): Schema {
  const db = new DatabaseSync(':memory:');
  for (const name of readdirSync('migrations').filter((file) => file.endsWith('.sql')).sort()) db.exec(readFileSync(`migrations/${name}`, 'utf8'));
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string; notnull: number; pk: number }>)
        .map((column) => ({ column: column.name, required: column.notnull === 1 || column.pk > 0 }))
        .sort((a, b) => a.column.localeCompare(b.column)),
    ]),
  );
}

/** Tables and columns after every PostgreSQL migration, less the migration runner's own table. */
async function pgSchema(): Promise<Schema> {
  const db = pgliteDatabase(new PGlite());
  await applyMigrations(db, pgMigrations());
  const { rows } = await db.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT table_name, column_name, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name, column_name`,
  );
  await db.close();
  const schema: Schema = {};
  for (const row of rows) (schema[row.table_name] ??= []).push({ column: row.column_name, required: row.is_nullable === 'NO' });
  return schema;
}

// PGlite takes a few seconds to start on a busy machine.
describe('the two databases', { timeout: 60_000 }, () => {
  it('hold the same tables with the same columns, required alike: a migration added to one needs its twin', async () => {
    const d1 = d1Schema();
    expect(Object.keys(d1)).toContain('tips');
    expect(await pgSchema()).toEqual(d1);
  });

  it('number their migrations alike', () => {
    const numbers = (names: string[]) => names.filter((name) => name.endsWith('.sql')).map((name) => name.slice(0, 4)).sort();
    expect(numbers(readdirSync('migrations/pg'))).toEqual(numbers(readdirSync('migrations')));
  });
});

describe('PostgreSQL migrations', { timeout: 60_000 }, () => {
  it('apply once: a second run (or a second host) applies nothing, and nothing is left pending', async () => {
    const db = pgliteDatabase(new PGlite());
    const migrations = pgMigrations();
    expect(await pendingMigrations(db, migrations)).toEqual(migrations.map((migration) => migration.name).sort());
    expect(await applyMigrations(db, migrations)).toHaveLength(migrations.length);
    expect(await applyMigrations(db, migrations)).toEqual([]);
    expect(await pendingMigrations(db, migrations)).toEqual([]);
    await db.close();
  });

  it('leave the database as it was when one fails', async () => {
    const db = pgliteDatabase(new PGlite());
    const broken = { name: '9999_broken.sql', sql: 'CREATE TABLE half_made (id int); SELECT no_such_function();' };
    await expect(applyMigrations(db, [...pgMigrations(), broken])).rejects.toThrow();
    expect((await db.query("SELECT to_regclass('half_made') AS t")).rows[0]).toEqual({ t: null });
    expect(await pendingMigrations(db, [broken])).toEqual(['9999_broken.sql']);
    await db.close();
  });
});

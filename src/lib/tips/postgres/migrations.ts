import type { PgDatabase } from './database';

export interface Migration {
  /** File name, e.g. "0001_create_tips.sql"; applied in name order. */
  name: string;
  sql: string;
}

/** Any constant: every process that migrates takes this one advisory lock, so two never race. */
const migrationLock = 0x7469_7073; // "tips"

/**
 * Applies the migrations not yet recorded in schema_migrations, each in its own transaction with
 * its record, so a failed migration leaves the database as it was before it. Safe to run from
 * several processes at once (they wait for each other). Returns the names applied now.
 */
export async function applyMigrations(db: PgDatabase, migrations: Migration[]): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/** Names of migrations the database lacks (the server refuses to start on an old schema). */
export async function pendingMigrations(db: PgDatabase, migrations: Migration[]): Promise<string[]> {
  const { rows } = await db.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  const recorded = rows[0]?.exists ? (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((row) => row.name) : [];
  return migrations
    .map((migration) => migration.name)
    .filter((name) => !recorded.includes(name))
    .sort();
}

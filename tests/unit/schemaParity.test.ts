import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDatabase } from '../../src/lib/tips/postgres/database';
import { applyMigrations, pendingMigrations } from '../../src/lib/tips/postgres/migrations';
import { pgMigrations } from './support/tipStorageTargets';
import { postgresMigrationSet } from '../../src/lib/sql/migrationSet';

type Schema = Record<string, Array<{ column: string; required: boolean }>>;

/** Tables and columns after every D1 migration (D1 is SQLite). */
function d1Schema(): Schema {
  const db = new DatabaseSync(':memory:');
  for (const name of readdirSync('migrations')
    .filter((file) => file.endsWith('.sql'))
    .sort())
    db.exec(readFileSync(`migrations/${name}`, 'utf8'));
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
    expect(Object.keys(d1)).toEqual(expect.arrayContaining(['tips', 'tip_conversations', 'tip_messages', 'tip_message_files', 'tipster_sessions_ended']));
    expect(await pgSchema()).toEqual(d1);
  });

  it('run one migration set: PostgreSQL takes a dialect file only in place of a D1 migration of the same name', () => {
    const shared = readdirSync('migrations')
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(pgMigrations().map((migration) => migration.name)).toEqual(shared);
    for (const name of readdirSync('migrations/pg')) expect(shared, `migrations/pg/${name}`).toContain(name);
    expect(() => postgresMigrationSet([], [{ name: '0009_x.sql', sql: '' }])).toThrow(/migrations\/pg\/0009_x.sql has no migrations\/0009_x.sql/);
  });

  it('give every time in PostgreSQL the one type timestamptz', async () => {
    const db = pgliteDatabase(new PGlite());
    await applyMigrations(db, pgMigrations());
    const { rows } = await db.query<{ column: string; data_type: string }>(
      `SELECT table_name || '.' || column_name AS column, data_type FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations' AND (column_name LIKE '%\\_at' OR column_name = 'at' OR column_name = 'keep_until')`,
    );
    await db.close();
    expect(rows.length).toBeGreaterThan(8);
    expect(rows.filter((row) => row.data_type !== 'timestamp with time zone')).toEqual([]);
  });
});

describe('migration 0004 (conversations)', { timeout: 60_000 }, () => {
  it('gives tips from before it no conversation, and a tip deleted with one takes every conversation row along, in both databases', async () => {
    const oldTip = `INSERT INTO tips (id, receipt_hash, category, region, anonymous, content, received_at, status, status_changed_at)
      VALUES ('old', 'h-old', 'ecology', 'horqin', 1, 'sealed2:x', '2026-05-01T10:00:00.000Z', 'received', '2026-05-01T10:00:00.000Z')`;
    const conversationRows = `INSERT INTO tip_conversations (tip_id, tipster_public_key) VALUES ('old', '${'A'.repeat(43)}');
      INSERT INTO tip_messages (tip_id, position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id) VALUES ('old', 0, 'staff', '2026-05-01T10:00:00.000Z', 'tipster1:x', 'sealed2:x', 'k');
      INSERT INTO tip_message_files (object_key, tip_id, message_position, position, content_type, byte_length, sha256) VALUES ('o', 'old', 0, 0, 'application/octet-stream', 1, 'a')`;
    const beforeConversations = (name: string) => name < '0004';
    const sqlite = new DatabaseSync(':memory:');
    sqlite.exec('PRAGMA foreign_keys = ON');
    const d1 = readdirSync('migrations')
      .filter((file) => file.endsWith('.sql'))
      .sort();
    for (const name of d1.filter(beforeConversations)) sqlite.exec(readFileSync(`migrations/${name}`, 'utf8'));
    sqlite.exec(oldTip);
    for (const name of d1.filter((name) => !beforeConversations(name))) sqlite.exec(readFileSync(`migrations/${name}`, 'utf8'));
    expect(sqlite.prepare('SELECT * FROM tip_conversations').all()).toEqual([]);
    sqlite.exec(conversationRows);
    sqlite.exec("DELETE FROM tips WHERE id = 'old'");
    expect(sqlite.prepare('SELECT (SELECT COUNT(*) FROM tip_conversations) + (SELECT COUNT(*) FROM tip_messages) + (SELECT COUNT(*) FROM tip_message_files) AS n').get()).toEqual({
      n: 0,
    });

    const pg = pgliteDatabase(new PGlite());
    await applyMigrations(
      pg,
      pgMigrations().filter((migration) => beforeConversations(migration.name)),
    );
    await pg.exec(oldTip.replace(", 1, 'sealed2", ", true, 'sealed2"));
    await applyMigrations(pg, pgMigrations());
    expect((await pg.query('SELECT * FROM tip_conversations')).rows).toEqual([]);
    await pg.exec(conversationRows);
    await pg.exec("DELETE FROM tips WHERE id = 'old'");
    const { rows } = await pg.query<{ n: number }>(
      'SELECT (SELECT COUNT(*) FROM tip_conversations) + (SELECT COUNT(*) FROM tip_messages) + (SELECT COUNT(*) FROM tip_message_files) AS n',
    );
    await pg.close();
    expect(Number(rows[0]!.n)).toBe(0);
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

describe('migration 0003 on a database that already holds tips', { timeout: 60_000 }, () => {
  const beforeHourTimes = (name: string) => name < '0003';
  const insertTip = `INSERT INTO tips (id, receipt_hash, category, region, anonymous, content, received_at, status, status_changed_at)
    VALUES ('t1', 'h1', 'ecology', 'horqin', 1, 'sealed1:x', '2026-05-01T10:17:23.456Z', 'received', '2026-05-01T10:17:23.456Z')`;

  it('keeps only the hour of the times already stored, in D1 (SQLite)', () => {
    const db = new DatabaseSync(':memory:');
    const migrations = readdirSync('migrations')
      .filter((file) => file.endsWith('.sql'))
      .sort();
    for (const name of migrations.filter(beforeHourTimes)) db.exec(readFileSync(`migrations/${name}`, 'utf8'));
    db.exec(insertTip);
    for (const name of migrations.filter((name) => !beforeHourTimes(name))) db.exec(readFileSync(`migrations/${name}`, 'utf8'));
    expect(db.prepare('SELECT received_at, status_changed_at FROM tips').get()).toEqual({ received_at: '2026-05-01T10:00:00.000Z', status_changed_at: '2026-05-01T10:00:00.000Z' });
  });

  it('keeps only the hour of the times already stored, in PostgreSQL, whatever the session time zone', async () => {
    const db = pgliteDatabase(new PGlite());
    await db.exec("SET TIME ZONE 'Asia/Kolkata'");
    const migrations = pgMigrations();
    await applyMigrations(
      db,
      migrations.filter((migration) => beforeHourTimes(migration.name)),
    );
    await db.exec(insertTip.replace(", 1, 'sealed1", ", true, 'sealed1"));
    await applyMigrations(db, migrations);
    const { rows } = await db.query<{ received_at: Date }>('SELECT received_at FROM tips');
    await db.close();
    expect(rows[0]!.received_at.toISOString()).toBe('2026-05-01T10:00:00.000Z');
  });
});

describe('a D1 migration whose columns differ from PostgreSQL only in type', () => {
  it('names the PostgreSQL type in a comment, and PostgreSQL runs the file with that type', () => {
    const d1 = 'CREATE TABLE t (\n  id TEXT PRIMARY KEY,\n  seen_at TEXT /* postgres: timestamptz */ NOT NULL,\n  gone_at TEXT /* postgres: timestamptz */\n);';
    const [pg] = postgresMigrationSet([{ name: '0009_t.sql', sql: d1 }], []);
    expect(pg.sql).toBe('CREATE TABLE t (\n  id TEXT PRIMARY KEY,\n  seen_at timestamptz NOT NULL,\n  gone_at timestamptz\n);');
  });
});

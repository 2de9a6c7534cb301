import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { getPlatformProxy } from 'wrangler';
import { nodePostgresDatabase, pgliteDatabase, type PgDatabase } from '../../../src/lib/tips/postgres/database';
import { applyMigrations } from '../../../src/lib/tips/postgres/migrations';
import { r2AttachmentStore } from '../../../src/lib/tips/cloudflare/r2AttachmentStore';
import type { D1Database, R2Bucket } from '../../../src/lib/tips/cloudflare/bindings';
import type { AttachmentStore, StaffStore, TipStore } from '../../../src/lib/tips/storage';
import { sqlTipStore } from '../../../src/lib/tips/sqlTipStore';
import { sqlStaffStore } from '../../../src/lib/staff/sqlStaffStore';
import { sqlConversationStore } from '../../../src/lib/conversation/sqlConversationStore';
import type { ConversationStore } from '../../../src/lib/conversation/store';
import { d1Driver } from '../../../src/lib/sql/d1Driver';
import { postgresDriver } from '../../../src/lib/sql/postgresDriver';
import type { SqlDriver } from '../../../src/lib/sql/sqlDriver';
import { readD1Migrations, readPostgresMigrations } from '../../../src/node/readMigrationSet';

/** The SQL stores on one driver with a database of its own, and a way to read its rows as an operator would. */
export interface OpenedTarget {
  store: TipStore;
  staffStore: StaffStore;
  conversationStore: ConversationStore;
  /** Every table the migrations made (the migration runner's own excepted). */
  tables(): Promise<string[]>;
  attachments: AttachmentStore;
  /** Rows of a query written in SQL both SQLite and PostgreSQL accept; booleans as 0/1, times as ISO text. */
  rows(sql: string): Promise<Array<Record<string, unknown>>>;
  readObject(objectKey: string): Promise<Uint8Array | undefined>;
  close(): Promise<void>;
}
export interface StorageTarget {
  name: string;
  open(): Promise<OpenedTarget>;
}

export const pgMigrations = () => readPostgresMigrations();

const stores = (driver: SqlDriver) => ({ store: sqlTipStore(driver), staffStore: sqlStaffStore(driver), conversationStore: sqlConversationStore(driver) });

/** The same value types from every database, so one assertion fits all. */
function normalize(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? Number(value) : value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? Number(value) : value,
    ]),
  );
}

/** Files in memory, standing in for the disk store (which has tests of its own). */
function memoryAttachments() {
  const objects = new Map<string, Uint8Array>();
  const attachments: AttachmentStore = {
    async put(key, bytes) {
      objects.set(key, bytes);
    },
    async get(key) {
      return objects.get(key);
    },
    async delete(keys) {
      for (const key of keys) objects.delete(key);
    },
  };
  return { attachments, readObject: async (key: string) => objects.get(key) };
}

async function openPg(database: PgDatabase, close: () => Promise<void>): Promise<OpenedTarget> {
  await applyMigrations(database, pgMigrations());
  const memory = memoryAttachments();
  return {
    ...stores(postgresDriver(database)),
    ...memory,
    rows: async (sql) => (await database.query<Record<string, unknown>>(sql)).rows.map(normalize),
    tables: async () =>
      (
        await database.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'",
        )
      ).rows.map((row) => row.name),
    close,
  };
}

export const pgliteTarget: StorageTarget = {
  name: 'SQL stores on the PostgreSQL driver, embedded PGlite',
  async open() {
    const database = pgliteDatabase(new PGlite());
    return openPg(database, () => database.close());
  },
};

/** The PostgreSQL server at DATABASE_URL, each run in a schema of its own that is dropped afterwards. */
export function postgresServerTarget(url: string): StorageTarget {
  return {
    name: `SQL stores on the PostgreSQL driver, node-postgres to the server at ${new URL(url).host}`,
    async open() {
      const schema = `tips_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const pool = new pg.Pool({ connectionString: url, max: 5, options: `-c search_path=${schema}` });
      return openPg(nodePostgresDatabase(pool), async () => {
        await pool.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
    },
  };
}

/** Statements of a D1 migration file, one at a time (D1's exec() wants one statement per line). */
function sqliteStatements(sql: string): string[] {
  return sql
    .replace(/--.*$/gm, '')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** The Cloudflare adapter on a real local D1 and R2 (miniflare, in memory), as `wrangler pages dev` runs it. */
export const d1Target: StorageTarget = {
  name: 'SQL stores on the D1 driver, local D1 and R2 (miniflare)',
  async open() {
    const proxy = await getPlatformProxy<{ TIPS_DB: D1Database; TIPS_FILES: R2Bucket }>({
      persist: false,
      envFiles: [],
    });
    const db = proxy.env.TIPS_DB;
    for (const migration of readD1Migrations()) {
      for (const statement of sqliteStatements(migration.sql)) await db.prepare(statement).run();
    }
    const rows = async (sql: string) => (await db.prepare(sql).all<Record<string, unknown>>()).results.map(normalize);
    return {
      ...stores(d1Driver(db)),
      tables: async () =>
        (await rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'")).map((row) =>
          String(row.name),
        ),
      attachments: r2AttachmentStore(proxy.env.TIPS_FILES),
      rows,
      readObject: async (key) => {
        const object = await proxy.env.TIPS_FILES.get(key);
        return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
      },
      close: () => proxy.dispose(),
    };
  },
};

/** The D1 driver on Node's own SQLite (tests/unit/support/sqliteD1.ts): quick, and D1 is SQLite. */
export const sqliteD1Target: StorageTarget = {
  name: 'SQL stores on the D1 driver, node:sqlite standing in for D1',
  async open() {
    const { sqliteD1 } = await import('./sqliteD1');
    const { binding, sqlite } = sqliteD1();
    const rows = async (sql: string) => (sqlite.prepare(sql).all() as Array<Record<string, unknown>>).map(normalize);
    return {
      ...stores(d1Driver(binding)),
      ...memoryAttachments(),
      rows,
      tables: async () => (await rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((row) => String(row.name)),
      close: async () => sqlite.close(),
    };
  },
};

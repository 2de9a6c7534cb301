import { readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { getPlatformProxy } from 'wrangler';
import { nodePostgresDatabase, pgliteDatabase, type PgDatabase } from '../../../src/lib/tips/postgres/database';
import { pgTipStore } from '../../../src/lib/tips/postgres/pgTipStore';
import { applyMigrations } from '../../../src/lib/tips/postgres/migrations';
import { d1TipStore, r2AttachmentStore } from '../../../src/lib/tips/cloudflare/d1TipStore';
import type { D1Database, R2Bucket } from '../../../src/lib/tips/cloudflare/bindings';
import type { AttachmentStore, TipStore } from '../../../src/lib/tips/storage';

/** A storage adapter with a database of its own, and a way to read its rows as an operator would. */
export interface OpenedTarget {
  store: TipStore;
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

export function pgMigrations() {
  return readdirSync('migrations/pg')
    .filter((name) => name.endsWith('.sql'))
    .map((name) => ({ name, sql: readFileSync(`migrations/pg/${name}`, 'utf8') }));
}

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
    store: pgTipStore(database),
    ...memory,
    rows: async (sql) => (await database.query<Record<string, unknown>>(sql)).rows.map(normalize),
    close,
  };
}

export const pgliteTarget: StorageTarget = {
  name: 'PostgreSQL adapter on embedded PGlite',
  async open() {
    const database = pgliteDatabase(new PGlite());
    return openPg(database, () => database.close());
  },
};

/** The PostgreSQL server at DATABASE_URL, each run in a schema of its own that is dropped afterwards. */
export function postgresServerTarget(url: string): StorageTarget {
  return {
    name: `PostgreSQL adapter on the server at ${new URL(url).host}`,
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
  name: 'Cloudflare adapter on local D1 and R2',
  async open() {
    const proxy = await getPlatformProxy<{ TIPS_DB: D1Database; TIPS_FILES: R2Bucket & { get(key: string): Promise<any> } }>({
      persist: false,
      envFiles: [],
    });
    const db = proxy.env.TIPS_DB;
    for (const name of readdirSync('migrations').filter((file) => file.endsWith('.sql')).sort()) {
      for (const statement of sqliteStatements(readFileSync(`migrations/${name}`, 'utf8'))) await db.prepare(statement).run();
    }
    return {
      store: d1TipStore(db),
      attachments: r2AttachmentStore(proxy.env.TIPS_FILES),
      // all() is the one D1 method the adapter itself does not need (so bindings.ts leaves it out).
      rows: async (sql) => (await (db.prepare(sql) as unknown as { all(): Promise<{ results: Array<Record<string, unknown>> }> }).all()).results.map(normalize),
      readObject: async (key) => {
        const object = await proxy.env.TIPS_FILES.get(key);
        return object ? new Uint8Array(await object.arrayBuffer()) : undefined;
      },
      close: () => proxy.dispose(),
    };
  },
};

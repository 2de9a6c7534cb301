import pg from 'pg';
import { nodePostgresDatabase, pgliteDatabase, type PgDatabase } from '../lib/tips/postgres/database.ts';

/**
 * A PostgreSQL database from a URL: postgres://… through a node-postgres pool, or "pglite:DIR"
 * ("pglite:memory" for nothing on disk) through embedded PGlite, for trying the server without a
 * PostgreSQL server (one process only; not for production).
 */
export async function openDatabase(url: string, poolSize = 10): Promise<PgDatabase> {
  if (url.startsWith('pglite:')) {
    const place = url.slice('pglite:'.length);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = place === 'memory' || place === '' ? new PGlite() : new PGlite(place);
    await db.waitReady;
    return pgliteDatabase(db);
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server is dropped, not a crash of the process.
  pool.on('error', (error) => console.error('database connection lost:', error.message));
  return nodePostgresDatabase(pool);
}

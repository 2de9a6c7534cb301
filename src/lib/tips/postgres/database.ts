/**
 * The little of a PostgreSQL client the tip service uses, so the same store runs on node-postgres
 * (a server) and on PGlite (embedded, for tests and trying things out).
 */
export interface PgQueryable {
  /** One statement with $1, $2… parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface PgDatabase extends PgQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** node-postgres and PGlite hand rows back untyped; the driver port gives them the caller's row type. */
// biome-ignore lint/suspicious/noExplicitAny: the boundary with the drivers' own untyped rows.
type DriverRow = any;

/** The parts of node-postgres's Pool used here (typed locally so src/lib does not import `pg`). */
export interface NodePostgresPool {
  query(sql: string, params?: unknown[]): Promise<{ rows: DriverRow[] }>;
  connect(): Promise<NodePostgresClient>;
  end(): Promise<void>;
}
interface NodePostgresClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: DriverRow[] }>;
  release(destroy?: boolean | Error): void;
}

export function nodePostgresDatabase(pool: NodePostgresPool): PgDatabase {
  const queryable = (client: { query: NodePostgresPool['query'] }): PgQueryable => ({
    query: (sql, params) => client.query(sql, params),
    // Without parameters node-postgres uses the simple protocol, which runs several statements.
    exec: async (sql) => void (await client.query(sql)),
  });
  return {
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A client whose ROLLBACK fails is broken: destroy it rather than return it to the pool.
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

/** The parts of PGlite used here. */
export interface PgliteLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: DriverRow[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(work: (tx: { query: PgliteLike['query']; exec: PgliteLike['exec'] }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteDatabase(db: PgliteLike): PgDatabase {
  return {
    query: (sql, params) => db.query(sql, params),
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (work) => db.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params), exec: async (sql) => void (await tx.exec(sql)) })),
    close: () => db.close(),
  };
}

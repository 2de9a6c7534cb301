/**
 * The little a store needs from a SQL database, so TipStore and StaffStore are written once and
 * run on Cloudflare D1 (SQLite), on PostgreSQL through node-postgres and on embedded PGlite.
 *
 * Stores write their SQL once, with `?` placeholders and in the common subset of SQLite and
 * PostgreSQL; a driver translates placeholders and value types (booleans, times) for its database.
 */
export interface SqlStatement {
  sql: string;
  params?: unknown[];
}

export interface SqlDriver {
  /** Rows of one statement (an INSERT … RETURNING or UPDATE … RETURNING gives its rows too). */
  all<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Runs the statements in order as one transaction: all of them or none. D1 has no interactive
   * transactions, so a store that needs a condition writes it into the SQL (WHERE EXISTS …).
   */
  batch(statements: SqlStatement[]): Promise<Array<Array<Record<string, unknown>>>>;
  /** Whether an error is a unique-constraint violation on `table`. */
  isUniqueViolation(error: unknown, table: string): boolean;
}

/** The first row of a statement, if any. */
export async function first<Row = Record<string, unknown>>(driver: SqlDriver, sql: string, params?: unknown[]): Promise<Row | undefined> {
  return (await driver.all<Row>(sql, params))[0];
}

/** `?, ?, ?` for a list of n values (an IN list). */
export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** A time as both databases return it (ISO text from SQLite, a Date from PostgreSQL's timestamptz), as ISO text. */
export function isoTime(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** The same time, or undefined for NULL. */
export const optionalIsoTime = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : isoTime(value));

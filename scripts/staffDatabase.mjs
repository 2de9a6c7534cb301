// The database `npm run staff` writes to, as a SqlDriver for the one StaffStore: the local or
// remote D1 through `wrangler d1 execute` (no binding outside workerd), or PostgreSQL at a URL.
import { execFileSync } from 'node:child_process';
import { openDatabase } from '../src/node/openDatabase.ts';
import { postgresDriver } from '../src/lib/sql/postgresDriver.ts';

/** A value as an SQLite literal (wrangler's --command takes no bound values). */
function literal(value) {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** `?` placeholders filled with literals, in order (the stores' SQL has no `?` inside literals). */
const inline = (sql, params = []) => {
  let index = 0;
  return sql.replace(/\?/g, () => literal(params[index++]));
};

function wranglerD1Driver(remote) {
  const execute = (sql) => {
    const output = execFileSync('npx', ['wrangler', 'd1', 'execute', 'TIPS_DB', remote ? '--remote' : '--local', '--json', '--command', sql], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(output).map((part) => part.results ?? []);
  };
  return {
    all: async (sql, params) => execute(inline(sql, params))[0] ?? [],
    // D1 runs the statements of one --command as one transaction, like batch().
    batch: async (statements) => execute(statements.map((statement) => inline(statement.sql, statement.params)).join(';\n')),
    isUniqueViolation: (error, table) => String(error?.message ?? error).includes(`UNIQUE constraint failed: ${table}.`),
  };
}

/**
 * The driver for the flags given: --database-url URL (postgres://…, or pglite:DIR as the Node
 * server accepts it), else D1 (--remote or local).
 */
export async function openStaffDatabase(flags) {
  const at = flags.indexOf('--database-url');
  const url = at >= 0 ? flags[at + 1] : undefined;
  if (at >= 0 && !url) throw new Error('--database-url needs the PostgreSQL URL after it, e.g. --database-url postgres://tips:secret@db.internal:5432/tips');
  if (url) {
    const database = await openDatabase(url, 1);
    return { driver: postgresDriver(database), platform: 'node', close: () => database.close() };
  }
  return { driver: wranglerD1Driver(flags.includes('--remote')), platform: 'cloudflare', close: async () => {} };
}

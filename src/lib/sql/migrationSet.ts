/** One numbered migration file, e.g. "0001_create_tips.sql"; applied in name order. */
export interface MigrationFile {
  name: string;
  sql: string;
}

/**
 * The one migration set: `migrations/NNNN_*.sql` is what D1 runs (wrangler applies that folder)
 * and what PostgreSQL runs too. Where only a column's type differs, the D1 file names the
 * PostgreSQL type in a comment after it (`sent_hour TEXT /* postgres: timestamptz *\/`), which D1
 * ignores and inPostgresTypes() applies. Where statements differ (a boolean's CHECK, a rewrite of
 * stored times), `migrations/pg/` holds a file of the same name in PostgreSQL's dialect. A dialect
 * file without a shared original is a mistake: every migration must exist for D1.
 */
export function postgresMigrationSet(shared: MigrationFile[], dialect: MigrationFile[]): MigrationFile[] {
  const names = new Set(shared.map((file) => file.name));
  const orphan = dialect.find((file) => !names.has(file.name));
  if (orphan) throw new Error(`migrations/pg/${orphan.name} has no migrations/${orphan.name}: name a PostgreSQL dialect file after the D1 migration it replaces.`);
  const byName = new Map(dialect.map((file) => [file.name, file]));
  return shared.map((file) => byName.get(file.name) ?? { name: file.name, sql: inPostgresTypes(file.sql) }).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A D1 migration with each annotated column type replaced by the PostgreSQL type its comment names.
 * @example inPostgresTypes('expires_at TEXT /* postgres: timestamptz *\/ NOT NULL') === 'expires_at timestamptz NOT NULL'
 */
export const inPostgresTypes = (sql: string): string => sql.replace(/\b[A-Za-z]+ \/\* postgres: ([a-z ]+?) \*\//g, '$1');

/** Whether a file name is a numbered migration. */
export const isMigrationName = (name: string) => /^\d{4}_.+\.sql$/.test(name);

/** One numbered migration file, e.g. "0001_create_tips.sql"; applied in name order. */
export interface MigrationFile {
  name: string;
  sql: string;
}

/**
 * The one migration set: `migrations/NNNN_*.sql` is what D1 runs (wrangler applies that folder)
 * and what PostgreSQL runs too, unless `migrations/pg/` holds a file of the same name, written in
 * PostgreSQL's dialect because a type differs (boolean, timestamptz). A dialect file without a
 * shared original is a mistake: every migration must exist for D1.
 */
export function postgresMigrationSet(shared: MigrationFile[], dialect: MigrationFile[]): MigrationFile[] {
  const names = new Set(shared.map((file) => file.name));
  const orphan = dialect.find((file) => !names.has(file.name));
  if (orphan) throw new Error(`migrations/pg/${orphan.name} has no migrations/${orphan.name}: name a PostgreSQL dialect file after the D1 migration it replaces.`);
  const byName = new Map(dialect.map((file) => [file.name, file]));
  return shared.map((file) => byName.get(file.name) ?? file).sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a file name is a numbered migration. */
export const isMigrationName = (name: string) => /^\d{4}_.+\.sql$/.test(name);

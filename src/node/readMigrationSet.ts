import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMigrationName, postgresMigrationSet, type MigrationFile } from '../lib/sql/migrationSet.ts';

function readFolder(directory: string): MigrationFile[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter(isMigrationName)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(directory, name), 'utf8') }));
}

/** The D1 migrations as they are in `directory` (what wrangler applies). */
export const readD1Migrations = (directory = 'migrations') => readFolder(directory);

/** The PostgreSQL migrations: the shared files with the dialect files of `directory`/pg/ in their place. */
export const readPostgresMigrations = (directory = 'migrations') => postgresMigrationSet(readFolder(directory), readFolder(join(directory, 'pg')));

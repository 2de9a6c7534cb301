import { readPostgresMigrations } from './readMigrationSet';
import type { Migration } from '../lib/tips/postgres/migrations';

/** Set by scripts/build-node-server.mjs: the migrations built into the bundle, so a deploy needs no other file. */
declare const __PG_MIGRATIONS__: Migration[] | undefined;

export async function shippedMigrations(): Promise<Migration[]> {
  return typeof __PG_MIGRATIONS__ !== 'undefined' ? __PG_MIGRATIONS__ : readPostgresMigrations();
}

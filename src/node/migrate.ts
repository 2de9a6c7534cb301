// `npm run db:migrate:pg` (or `node dist-node/migrate.mjs`): applies the PostgreSQL migrations
// (migrations/, with migrations/pg/'s dialect files in place) that DATABASE_URL's database lacks. Safe to run from several hosts at once.
import { applyMigrations } from '../lib/tips/postgres/migrations';
import { openDatabase } from './openDatabase';
import { shippedMigrations } from './migrationSource';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: give the PostgreSQL URL, e.g. postgres://tips:secret@db.internal:5432/tips.');
  process.exit(1);
}
const database = await openDatabase(url, 1);
try {
  const applied = await applyMigrations(database, await shippedMigrations());
  console.log(applied.length > 0 ? `applied ${applied.join(', ')}` : 'the database is up to date');
} finally {
  await database.close();
}

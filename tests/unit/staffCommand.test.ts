import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDatabase } from '../../src/lib/tips/postgres/database';
import { applyMigrations } from '../../src/lib/tips/postgres/migrations';
import { sqlStaffStore } from '../../src/lib/staff/sqlStaffStore';
import { postgresDriver } from '../../src/lib/sql/postgresDriver';
import { verifyPassword } from '../../src/lib/staff/password';
import { readPostgresMigrations } from '../../src/node/readMigrationSet';

const run = promisify(execFile);
const staff = (args: string[]) => run('npx', ['node', 'scripts/staff.mjs', ...args], { env: { ...process.env, STAFF_PASSWORD: 'a long enough staff password' } });

// `npm run staff` through the one StaffStore on PostgreSQL (here PGlite in a directory, which
// --database-url accepts as the Node server does); D1 goes through the same store and wrangler.
describe('npm run staff -- --database-url', { timeout: 120_000 }, () => {
  it('adds an account with 600,000 PBKDF2 iterations, lists it, and removes it with its sessions', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'staff-command-'));
    try {
      const open = async () => pgliteDatabase(new PGlite(directory));
      let database = await open();
      await applyMigrations(database, readPostgresMigrations());
      await database.close();

      expect((await staff(['add', 'reviewer', '--database-url', `pglite:${directory}`])).stdout).toContain('"reviewer" is ready');
      database = await open();
      const store = sqlStaffStore(postgresDriver(database));
      const account = await store.findAccount('reviewer');
      expect(account!.passwordHash).toMatch(/^pbkdf2-sha256\$600000\$/);
      expect(await verifyPassword('a long enough staff password', account!.passwordHash)).toBe(true);
      await store.startSession({ idHash: 'h', username: 'reviewer', createdAt: '2026-06-01T08:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' });
      await database.close();

      expect((await staff(['list', '--database-url', `pglite:${directory}`])).stdout).toMatch(/^reviewer\tcreated /);
      expect((await staff(['remove', 'reviewer', '--database-url', `pglite:${directory}`])).stdout).toContain('removed and its sessions are ended');
      database = await open();
      expect((await database.query('SELECT * FROM staff_sessions')).rows).toEqual([]);
      expect(await sqlStaffStore(postgresDriver(database)).findAccount('reviewer')).toBeUndefined();
      await database.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

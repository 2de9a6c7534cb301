// `npm run staff -- add <username> [--remote]`: creates or resets a staff account for password
// sign-in (local use and self-hosting; production normally uses Cloudflare Access instead).
// The password is read from the terminal (or STAFF_PASSWORD for scripts) and only its PBKDF2 hash
// is stored. `npm run staff -- hash` prints a hash without touching a database (for PostgreSQL).
import { execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import { hashPassword, minimumPasswordLength } from '../src/lib/staff/password.ts';

const [command, username, ...flags] = process.argv.slice(2);

async function readPassword() {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Typed characters are not echoed.
  terminal._writeToOutput = (text) => { if (!text.includes('\n') && text.startsWith('Password')) process.stdout.write(text); };
  const password = await terminal.question(`Password (at least ${minimumPasswordLength} characters): `);
  terminal.close();
  process.stdout.write('\n');
  return password;
}

if (command === 'hash') {
  console.log(await hashPassword(await readPassword()));
} else if (command === 'add' && username) {
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(username)) {
    console.error('A username may hold letters, digits and . _ @ - only (at most 100).');
    process.exit(2);
  }
  const hash = await hashPassword(await readPassword());
  const sql = `INSERT INTO staff_accounts (username, password_hash, created_at) VALUES ('${username}', '${hash}', '${new Date().toISOString()}')
    ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash`;
  execFileSync('npx', ['wrangler', 'd1', 'execute', 'TIPS_DB', flags.includes('--remote') ? '--remote' : '--local', '--command', sql], { stdio: 'inherit' });
  console.log(`Staff account "${username}" is ready; sign in at /staff/login/.`);
} else {
  console.error('Usage: npm run staff -- add <username> [--remote]   |   npm run staff -- hash');
  process.exit(2);
}

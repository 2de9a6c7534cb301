// `npm run staff -- add|remove <username> [--remote | --database-url URL]` and `npm run staff -- list [...]`:
// staff accounts for password sign-in (local use and self-hosting; production on Cloudflare
// normally uses Cloudflare Access instead). Written through the one StaffStore, to the local D1
// (default), the remote D1 (--remote) or PostgreSQL (--database-url). The password is read from
// the terminal (or STAFF_PASSWORD for scripts) and only its PBKDF2 hash is stored: 100,000
// iterations for D1 (workerd's cap), 600,000 for PostgreSQL (the Node server). Adding an existing
// account resets its password and ends its sessions; removing one ends its sessions.
// `npm run staff -- hash` prints a hash without touching a database.
import { createInterface } from 'node:readline/promises';
import { hashPassword, minimumPasswordLength } from '../src/lib/staff/password.ts';
import { sqlStaffStore } from '../src/lib/staff/sqlStaffStore.ts';
import { openStaffDatabase } from './staffDatabase.mjs';

const iterations = { cloudflare: 100_000, node: 600_000 };
const [command, username, ...rest] = process.argv.slice(2);
const flags = command === 'list' ? [username, ...rest].filter(Boolean) : rest;

async function readPassword() {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Typed characters are not echoed.
  terminal._writeToOutput = (text) => {
    if (!text.includes('\n') && text.startsWith('Password')) process.stdout.write(text);
  };
  const password = await terminal.question(`Password (at least ${minimumPasswordLength} characters): `);
  terminal.close();
  process.stdout.write('\n');
  return password;
}

const usage =
  'Usage: npm run staff -- add|remove <username> [--remote | --database-url URL]   |   npm run staff -- list [--remote | --database-url URL]   |   npm run staff -- hash';

if (command === 'hash') {
  console.log(await hashPassword(await readPassword()));
} else if ((command === 'add' || command === 'remove') && username) {
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(username)) {
    console.error('A username may hold letters, digits and . _ @ - only (at most 100).');
    process.exit(2);
  }
  const database = await openStaffDatabase(flags);
  const store = sqlStaffStore(database.driver);
  try {
    if (command === 'add') {
      await store.saveAccount(username, await hashPassword(await readPassword(), iterations[database.platform]), new Date().toISOString());
      console.log(`Staff account "${username}" is ready; sign in at /staff/login/.`);
    } else {
      const removed = await store.removeAccount(username);
      console.log(removed ? `Staff account "${username}" is removed and its sessions are ended.` : `There is no staff account "${username}".`);
      if (!removed) process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
} else if (command === 'list') {
  const database = await openStaffDatabase(flags);
  try {
    for (const account of await sqlStaffStore(database.driver).listAccounts()) console.log(`${account.username}\tcreated ${account.createdAt}`);
  } finally {
    await database.close();
  }
} else {
  console.error(usage);
  process.exit(2);
}

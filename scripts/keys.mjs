// `npm run keys -- add|remove|list`: the reviewers every new tip is sealed to.
//   add <name> [--out key-file.json]   a key pair for one reviewer: the private half into a file
//                                      protected by their passphrase, the public half into the list
//   remove <name or key id>            takes a reviewer off the list (then set the new value and
//                                      run `npm run tips -- reseal`, see README "A reviewer leaves")
//   list                               the list, and the TIP_REVIEWER_KEYS value to configure
// The list (public keys and names only) is a JSON file, `tip-reviewers.json` or `--reviewers <file>`.
// The passphrase is asked for on the terminal, or read from TIP_KEY_PASSPHRASE (scripts, tests).
// `--iterations N` (PBKDF2 rounds, default 600,000) exists for tests only. Nothing is sent anywhere.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPassphraseIterations, generateReviewerKey, minimumPassphraseLength } from '../src/lib/crypto/reviewerKeys.ts';
import { askPassphrase } from '../src/node/askPassphrase.ts';

const usage = `Usage:
  npm run keys -- add <name> [--out key-file.json] [--reviewers tip-reviewers.json]
  npm run keys -- remove <name or key id> [--reviewers tip-reviewers.json]
  npm run keys -- list [--reviewers tip-reviewers.json]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, reviewers: { type: 'string', default: 'tip-reviewers.json' }, iterations: { type: 'string' } },
});
const [command, subject] = positionals;
const listPath = resolve(values.reviewers);

/** @returns {Array<{ name: string, keyId: string, publicKey: string, added: string }>} */
function readList() {
  if (!existsSync(listPath)) return [];
  const list = JSON.parse(readFileSync(listPath, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${listPath} is not a list of reviewers; fix or remove it.`);
  return list;
}

function writeList(list) {
  writeFileSync(listPath, `${JSON.stringify(list, null, 2)}\n`);
}

function printConfiguration(list) {
  if (list.length === 0) {
    console.log('No active reviewers: the tip service refuses to start until TIP_REVIEWER_KEYS lists at least one.');
    return;
  }
  const value = JSON.stringify(list.map(({ name, publicKey }) => ({ name, publicKey })));
  console.log(`Set this on every server (\`npx wrangler pages secret put TIP_REVIEWER_KEYS\`, .dev.vars, or the self-hosted env file):
TIP_REVIEWER_KEYS=${value}`);
}

if (command === 'add' && subject) {
  const list = readList();
  if (list.some((reviewer) => reviewer.name === subject)) {
    console.error(`${listPath} already has a reviewer named "${subject}"; remove them first or choose another name.`);
    process.exit(1);
  }
  let made;
  try {
    const passphrase = process.env.TIP_KEY_PASSPHRASE ?? (await askPassphrase(`Passphrase for ${subject}'s key file (at least ${minimumPassphraseLength} characters): `, true));
    made = await generateReviewerKey(subject, passphrase, values.iterations ? Number(values.iterations) : defaultPassphraseIterations);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const { publicKey, keyId, file } = made;
  const out = resolve(values.out ?? `tip-private-key-${subject.replace(/[^\w.-]/g, '_')}-${keyId}.json`);
  if (existsSync(out)) {
    console.error(`${out} already exists; choose another file name so no key is overwritten.`);
    process.exit(1);
  }
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  list.push({ name: subject, keyId, publicKey, added: new Date().toISOString().slice(0, 10) });
  writeList(list);
  console.log(`Key file of ${subject} (key id ${keyId}) written to ${out}, protected by the passphrase.
Give it to ${subject} only; keep no other copy on a server or in git. They load it on /staff/ with the passphrase.
${listPath} now lists ${list.length} reviewer(s). New tips are sealed to ${subject} once the servers have the new value:`);
  printConfiguration(list);
} else if (command === 'remove' && subject) {
  const list = readList();
  const kept = list.filter((reviewer) => reviewer.name !== subject && reviewer.keyId !== subject);
  if (kept.length === list.length) {
    console.error(`No reviewer named or with key id "${subject}" in ${listPath}. \`npm run keys -- list\` shows who is there.`);
    process.exit(1);
  }
  writeList(kept);
  console.log(`Removed "${subject}" from ${listPath}. Tips received after the servers have the new value are not sealed to them:`);
  printConfiguration(kept);
  console.log(`Then take the tips already received away from them: \`npm run tips -- reseal --key <a remaining reviewer's key file> --reviewers ${values.reviewers}\`.`);
} else if (command === 'list') {
  const list = readList();
  for (const reviewer of list) console.log(`${reviewer.keyId}  ${reviewer.name}  (added ${reviewer.added ?? '?'})`);
  printConfiguration(list);
} else {
  console.error(usage);
  process.exit(2);
}

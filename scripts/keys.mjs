// `npm run keys -- generate [file]`: makes the X25519 key pair tips are sealed to. The private key
// goes to a file for the operator to keep offline (staff load it in their browser to read tips);
// the public key is printed for configuration (TIP_SEALING_PUBLIC_KEY). Nothing is sent anywhere.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateSealingKeyPair } from '../src/lib/crypto/sealedBox.ts';

const [command, target] = process.argv.slice(2);
if (command !== 'generate') {
  console.error('Usage: npm run keys -- generate [private-key-file.json]');
  process.exit(2);
}
const { publicKey, keyId, file } = await generateSealingKeyPair();
const path = resolve(target ?? `tip-private-key-${keyId}.json`);
if (existsSync(path)) {
  console.error(`${path} already exists; choose another file name so no key is overwritten.`);
  process.exit(1);
}
writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
console.log(`Private key (key id ${keyId}) written to ${path}.
Keep it offline (e.g. an encrypted USB stick); never put it on the server or in git.
Staff load this file in their browser on /staff/ to read tips.

Public key for configuration (.dev.vars, or \`npx wrangler pages secret put TIP_SEALING_PUBLIC_KEY\`):
TIP_SEALING_PUBLIC_KEY=${publicKey}`);

// `npm start` needs the tip function's settings in .dev.vars (git-ignored). On a fresh checkout,
// write it from .dev.vars.example with freshly generated secrets and a development sealing key
// pair (private key in .dev-tip-private-key.json, also git-ignored); never overwrite existing ones.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { generateSealingKeyPair } from '../src/lib/crypto/sealedBox.ts';

if (!existsSync('.dev.vars')) {
  const example = readFileSync('.dev.vars.example', 'utf8');
  const { publicKey, file } = await generateSealingKeyPair();
  writeFileSync('.dev-tip-private-key.json', `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(
    '.dev.vars',
    example
      .replace('replace-with-a-long-random-secret', randomBytes(32).toString('base64url'))
      .replace('replace-with-another-long-random-secret', randomBytes(32).toString('base64url'))
      .replace('replace-with-a-long-random-session-secret', randomBytes(32).toString('base64url'))
      .replace('replace-with-the-public-key-from-npm-run-keys', publicKey),
  );
  console.log('Wrote .dev.vars from .dev.vars.example with new secrets, and a development key pair (private key: .dev-tip-private-key.json).');
}

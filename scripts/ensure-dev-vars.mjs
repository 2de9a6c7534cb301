// `npm start` needs the tip function's settings in .dev.vars (git-ignored). On a fresh checkout,
// write it from .dev.vars.example with freshly generated secrets and a development reviewer key
// (key file .dev-tip-private-key.json, also git-ignored, passphrase printed below: development
// only); never overwrite existing ones.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { generateReviewerKey } from '../src/lib/crypto/reviewerKeys.ts';

const developmentPassphrase = 'development only, not a secret';

if (!existsSync('.dev.vars')) {
  const example = readFileSync('.dev.vars.example', 'utf8');
  const { publicKey, file } = await generateReviewerKey('development', developmentPassphrase);
  writeFileSync('.dev-tip-private-key.json', `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(
    '.dev.vars',
    example
      .replace('replace-with-another-long-random-secret', randomBytes(32).toString('base64url'))
      .replace('replace-with-a-long-random-session-secret', randomBytes(32).toString('base64url'))
      .replace('replace-with-a-long-random-tipster-session-secret', randomBytes(32).toString('base64url'))
      .replace('[{"name":"replace-with-a-reviewer","publicKey":"replace-with-their-public-key"}]', JSON.stringify([{ name: 'development', publicKey }])),
  );
  console.log(`Wrote .dev.vars from .dev.vars.example with new secrets, and a development reviewer key (.dev-tip-private-key.json, passphrase "${developmentPassphrase}").`);
}

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test-only secrets for the browser tests, made at run time (never in git) under .wrangler/
 * (git-ignored) and reused while that folder lives, so a test server left running from an earlier
 * run (reuseExistingServer) still matches. Synchronous, because playwright.config.ts needs them
 * when it is loaded.
 */
const folder = join(process.cwd(), '.wrangler', 'test-keys');
export const testPrivateKeyPath = join(folder, 'tip-reviewer-key.json');
/** The test reviewer's passphrase (few PBKDF2 rounds, for speed; real key files use 600,000). */
export const testKeyPassphrase = 'e2e reviewer passphrase, not a secret';
const reviewersPath = join(folder, 'reviewers.json');
const secretsPath = join(folder, 'secrets-v2.json');

export interface TestSecrets {
  sealingPublicKey: string;
  keyId: string;
  powHmacKey: string;
  sessionSecret: string;
}

export function ensureTestSecrets(): TestSecrets {
  if (existsSync(testPrivateKeyPath) && existsSync(secretsPath)) return JSON.parse(readFileSync(secretsPath, 'utf8')) as TestSecrets;
  mkdirSync(folder, { recursive: true });
  // The key file is made by the real `npm run keys -- add`, as an operator would.
  execFileSync(process.execPath, ['scripts/keys.mjs', 'add', 'e2e-reviewer', '--iterations', '1000', '--reviewers', reviewersPath, '--out', testPrivateKeyPath], {
    env: { ...process.env, TIP_KEY_PASSPHRASE: testKeyPassphrase },
    stdio: 'ignore',
  });
  const [reviewer] = JSON.parse(readFileSync(reviewersPath, 'utf8')) as Array<{ keyId: string; publicKey: string }>;
  const secrets: TestSecrets = {
    sealingPublicKey: reviewer!.publicKey,
    keyId: reviewer!.keyId,
    powHmacKey: randomBytes(24).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(secretsPath, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test-only secrets for the browser tests, made at run time (never in git) under .wrangler/
 * (git-ignored) and reused while that folder lives, so a test server left running from an earlier
 * run (reuseExistingServer) still matches. Synchronous, because playwright.config.ts needs them
 * when it is loaded.
 */
const folder = join(process.cwd(), '.wrangler', 'test-keys');
export const testPrivateKeyPath = join(folder, 'tip-private-key.json');
const secretsPath = join(folder, 'secrets.json');

export interface TestSecrets {
  sealingPublicKey: string;
  keyId: string;
  powHmacKey: string;
  sessionSecret: string;
}

export function ensureTestSecrets(): TestSecrets {
  if (existsSync(testPrivateKeyPath) && existsSync(secretsPath)) return JSON.parse(readFileSync(secretsPath, 'utf8')) as TestSecrets;
  mkdirSync(folder, { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  const sealingPublicKey = raw.toString('base64url');
  const file = { type: 'procuratorate-tip-private-key', keyId, publicKey: sealingPublicKey, privateKeyJwk: privateKey.export({ format: 'jwk' }) };
  writeFileSync(testPrivateKeyPath, JSON.stringify(file, null, 2), { mode: 0o600 });
  const secrets: TestSecrets = {
    sealingPublicKey,
    keyId,
    powHmacKey: randomBytes(24).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(secretsPath, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeServerConfigFromEnv } from '../../src/node/serverConfig';
import { diskAttachmentStore } from '../../src/node/diskAttachmentStore';

const minimal = {
  DATABASE_URL: 'postgres://tips@db.internal/tips',
  UPLOAD_DIR: '/var/lib/uploads',
  TIP_SEALING_PUBLIC_KEY: 'A'.repeat(43),
  POW_HMAC_KEY: 'a-long-enough-pow-secret',
};

describe("the Node server's settings", () => {
  it('need only a database, an upload directory, the sealing key and the PoW secret (no RATE_LIMIT_SALT any more); the rest has safe defaults', () => {
    expect(nodeServerConfigFromEnv(minimal)).toMatchObject({
      port: 8080,
      siteDir: 'dist',
      shutdownDrainMs: 2000,
      databasePoolSize: 10,
      publicOrigin: undefined,
      tips: { reviewerKeys: [{ name: 'procuratorate', publicKey: 'A'.repeat(43) }], powMaxNumber: 100_000 },
    });
  });

  it('serve staff review only when its session secret is set, and name a weak one', () => {
    expect(nodeServerConfigFromEnv(minimal).staff).toBeUndefined();
    expect(nodeServerConfigFromEnv({ ...minimal, STAFF_SESSION_SECRET: 's'.repeat(40) }).staff).toMatchObject({ passwordLogin: true, retentionDays: 365 });
    expect(() => nodeServerConfigFromEnv({ ...minimal, STAFF_SESSION_SECRET: 'short' })).toThrow(/STAFF_SESSION_SECRET is shorter than 32 characters/);
  });

  it('refuse an address header without the proxies allowed to set it, and name a malformed proxy list', () => {
    expect(() => nodeServerConfigFromEnv({ ...minimal, CLIENT_ADDRESS_HEADER: 'X-Forwarded-For' })).toThrow(/TRUSTED_PROXY_CIDRS is not/);
    expect(() => nodeServerConfigFromEnv({ ...minimal, CLIENT_ADDRESS_HEADER: 'X-Forwarded-For', TRUSTED_PROXY_CIDRS: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXY_CIDRS must be/);
    expect(nodeServerConfigFromEnv({ ...minimal, CLIENT_ADDRESS_HEADER: 'X-Forwarded-For', TRUSTED_PROXY_CIDRS: '10.0.0.0/8, fd00::/8' })).toMatchObject({
      trustedProxyCidrs: '10.0.0.0/8, fd00::/8',
    });
  });

  it('name the variable and the fix when one is missing or wrong', () => {
    expect(() => nodeServerConfigFromEnv({ ...minimal, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is not set: give the PostgreSQL URL/);
    expect(() => nodeServerConfigFromEnv({ ...minimal, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => nodeServerConfigFromEnv({ ...minimal, UPLOAD_DIR: undefined })).toThrow(/UPLOAD_DIR is not set/);
    expect(() => nodeServerConfigFromEnv({ ...minimal, PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => nodeServerConfigFromEnv({ ...minimal, TIP_SEALING_PUBLIC_KEY: undefined })).toThrow(/TIP_REVIEWER_KEYS is not set: run `npm run keys -- add <reviewer>`/);
    expect(() => nodeServerConfigFromEnv({ ...minimal, POW_HMAC_KEY: 'short' })).toThrow(/POW_HMAC_KEY is shorter than 16 characters/);
    // Everything wrong is named at once, not one variable per failed start.
    expect(() => nodeServerConfigFromEnv({ ...minimal, UPLOAD_DIR: undefined, POW_HMAC_KEY: undefined })).toThrow(/UPLOAD_DIR is not set[\s\S]*POW_HMAC_KEY is not set/);
  });
});

describe('evidence files on disk', () => {
  it('are written whole, readable by the service only, and deleted without complaint when already gone', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'disk-store-'));
    try {
      const store = diskAttachmentStore(directory);
      const key = `tips/${crypto.randomUUID()}`;
      await store.put(key, new TextEncoder().encode('%PDF-1.7 evidence'), 'application/pdf');
      expect(readFileSync(join(directory, key), 'utf8')).toBe('%PDF-1.7 evidence');
      expect(statSync(join(directory, key)).mode & 0o777).toBe(0o600);
      expect(readdirSync(join(directory, 'tips'))).toHaveLength(1);
      expect(await store.get(key)).toEqual(new TextEncoder().encode('%PDF-1.7 evidence'));
      await store.delete([key, `tips/${crypto.randomUUID()}`]);
      expect(readdirSync(join(directory, 'tips'))).toEqual([]);
      expect(await store.get(key)).toBeUndefined();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuse a key that could reach outside the upload directory', async () => {
    const store = diskAttachmentStore('/tmp/never-written');
    await expect(store.put('../etc/passwd', new Uint8Array(), 'text/plain')).rejects.toThrow(/not an attachment key/);
    await expect(store.delete(['tips/../../x'])).rejects.toThrow(/not an attachment key/);
  });
});

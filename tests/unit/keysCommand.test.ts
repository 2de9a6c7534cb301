import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importKeyFile } from '../../src/lib/crypto/reviewerKeys';
import { tipConfigFromEnv } from '../../src/lib/tips/config';

// `npm run keys` as an operator runs it, in its own process.
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'keys-command-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const reviewers = join(work, 'tip-reviewers.json');
const keys = (args: string[], passphrase = 'keys command passphrase') =>
  run(process.execPath, ['scripts/keys.mjs', ...args, '--reviewers', reviewers], { env: { ...process.env, TIP_KEY_PASSPHRASE: passphrase } });
const configuredValue = (stdout: string) => /^TIP_REVIEWER_KEYS=(.+)$/m.exec(stdout)![1]!;

describe('npm run keys -- add|remove|list (finding 7)', () => {
  it('adds reviewers with passphrase-protected key files, removes one, and prints the value the servers take', async () => {
    const added = await keys(['add', 'wang', '--out', join(work, 'wang.json'), '--iterations', '1000']);
    await keys(['add', 'li', '--out', join(work, 'li.json'), '--iterations', '1000']);
    expect(added.stdout).toContain('protected by the passphrase');
    expect(statSync(join(work, 'wang.json')).mode & 0o777).toBe(0o600);
    const wang = await importKeyFile(readFileSync(join(work, 'wang.json'), 'utf8'), 'keys command passphrase');
    expect(wang.name).toBe('wang');

    const removed = await keys(['remove', 'li']);
    expect(removed.stdout).toContain('npm run tips -- reseal');
    const listed = await keys(['list']);
    expect(configuredValue(listed.stdout)).toBe(configuredValue(removed.stdout));
    const config = tipConfigFromEnv({ POW_HMAC_KEY: 'y'.repeat(16), TIP_REVIEWER_KEYS: configuredValue(listed.stdout) });
    expect(config.reviewerKeys).toEqual([{ name: 'wang', publicKey: expect.stringMatching(/^[\w-]{43}$/) }]);
    await expect(keys(['add', 'zhao', '--out', join(work, 'zhao.json')], 'short')).rejects.toMatchObject({ stderr: expect.stringContaining('shorter than 12 characters') });
    await expect(keys(['remove', 'nobody'])).rejects.toMatchObject({ stderr: expect.stringContaining('No reviewer named') });
  }, 60_000);
});

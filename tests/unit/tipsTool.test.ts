import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { getPlatformProxy } from 'wrangler';
import { generateReviewerKey, importKeyFile, importReviewerPublicKey } from '../../src/lib/crypto/reviewerKeys';
import { sqlConversationStore } from '../../src/lib/conversation/sqlConversationStore';
import { sealMessage } from '../../src/lib/conversation/sealMessage';
import { openAsReviewer } from '../../src/lib/conversation/forReviewers';
import { sqlTipStore } from '../../src/lib/tips/sqlTipStore';
import { d1Driver } from '../../src/lib/sql/d1Driver';
import { postgresDriver } from '../../src/lib/sql/postgresDriver';
import { r2AttachmentStore } from '../../src/lib/tips/cloudflare/r2AttachmentStore';
import type { D1Database, R2Bucket } from '../../src/lib/tips/cloudflare/bindings';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { applyMigrations } from '../../src/lib/tips/postgres/migrations';
import { pgliteDatabase } from '../../src/lib/tips/postgres/database';
import { shellEnd, shellStart } from '../../src/lib/tips/renderPages';
import type { AttachmentStore, TipStore } from '../../src/lib/tips/storage';
import { diskAttachmentStore } from '../../src/node/diskAttachmentStore';
import { openRemoteBindings, readProjectBindings } from '../../src/node/remoteTipSource';
import { pgMigrations } from './support/tipStorageTargets';

// `npm run tips` end to end: real tips sealed by the tip core into wrangler's local D1/R2 state
// (and into PGlite with the disk store), then opened and re-sealed by the bundled tool in its own
// process, as a staff member on an offline machine would.
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'tips-tool-'));
const passphrase = 'offline reviewer passphrase';
const wang = await generateReviewerKey('wang', passphrase, 1000);
const li = await generateReviewerKey('li', passphrase, 1000);
const wangFile = join(work, 'wang.json');
const liFile = join(work, 'li.json');
writeFileSync(wangFile, JSON.stringify(wang.file));
writeFileSync(liFile, JSON.stringify(li.file));
const onlyWang = join(work, 'reviewers.json');
writeFileSync(onlyWang, JSON.stringify([{ name: 'wang', keyId: wang.keyId, publicKey: wang.publicKey }]));

const ascii = (text: string) => [...new TextEncoder().encode(text)];
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
// A JPEG whose EXIF says where it was taken.
const jpeg = new Uint8Array([
  0xff,
  0xd8,
  ...segment(0xe0, ascii('JFIF\0')),
  ...segment(0xe1, ascii('Exif\0\0GPSLatitude 43.65N')),
  ...segment(0xdb, [0, 1, 2, 3]),
  ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
  0xff,
  0xda,
  0x00,
  0x04,
  0x01,
  0x02,
  0x11,
  0x22,
  0x33,
  0xff,
  0xd9,
]);
const pdf = new TextEncoder().encode('%PDF-1.4\n<HTA:APPLICATION /> evidence');

async function submitTip(store: TipStore, attachments: AttachmentStore, description: string) {
  const data = new FormData();
  const fields = { category: 'ecology', description, place: '东侧河道', region: 'horqin', identity: 'named', name: '王五', phone: '13912345678', consent: 'yes', metadata: 'keep' };
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  data.append('files', new File([jpeg], 'evidence\u202Egpj.exe', { type: 'image/jpeg' }));
  data.append('files', new File([pdf], 'report.hta', { type: 'application/pdf' }));
  const response = await handleTipRequest(new Request('https://tips.example/api/tips?lang=zh', { method: 'POST', body: data }), {
    store,
    attachments,
    shells: { load: async () => `${shellStart}${shellEnd}` },
    config: {
      rateLimitSalt: 'tips-tool-test-salt',
      rateLimitMax: 100,
      rateLimitWindowSeconds: 600,
      trustTestClientHeader: false,
      statusMinimumMs: 0,
      reviewerKeys: [
        { name: 'wang', publicKey: wang.publicKey },
        { name: 'li', publicKey: li.publicKey },
      ],
      powHmacKey: 'tips-tool-test-pow-key-0123',
      powMaxNumber: 1000,
    },
    clientAddress: '192.0.2.1',
  });
  expect(response.status, await response.clone().text()).toBe(303);
}

const tool = (args: string[]) =>
  run(process.execPath, ['--no-warnings', 'dist-node/tips.mjs', ...args], { env: { ...process.env, TIP_KEY_PASSPHRASE: passphrase } }).then(
    (done) => ({ code: 0, ...done }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

function openedTips(out: string) {
  const names = readdirSync(out).sort();
  const tips = names.filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(join(out, name), 'utf8')));
  return { names, tips };
}

function expectOpenedAsStaffSeeIt(out: string, description: string) {
  const { names, tips } = openedTips(out);
  expect(tips).toHaveLength(1);
  const [tip] = tips;
  const short = `tip-${tip.id.slice(0, 8)}`;
  expect(names).toEqual([`${short}-1-cleaned.jpg`, `${short}-1.jpg`, `${short}-2.pdf`, `${short}.json`]);
  expect(tip).toMatchObject({ category: 'ecology', anonymous: false, content: { description, contact: { name: '王五', phone: '13912345678' } } });
  expect(tip.files).toMatchObject([
    { position: 0, savedAs: `${short}-1.jpg`, tipsterFileName: 'evidencegpj.exe', type: 'image/jpeg', intact: true },
    { position: 1, savedAs: `${short}-2.pdf`, tipsterFileName: 'report.hta', type: 'application/pdf', intact: true },
  ]);
  expect(new Uint8Array(readFileSync(join(out, `${short}-2.pdf`)))).toEqual(pdf);
  expect(new Uint8Array(readFileSync(join(out, `${short}-1.jpg`)))).toEqual(jpeg);
  expect(readFileSync(join(out, `${short}-1-cleaned.jpg`)).includes('GPSLatitude')).toBe(false);
}

beforeAll(async () => {
  await run(process.execPath, ['scripts/build-node-server.mjs', '--only', 'tips']);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run tips (finding 4)', () => {
  it("opens every tip from wrangler's local D1 and R2 state offline, names files as staff save them, and re-seals away from a removed reviewer", async () => {
    const state = join(work, 'wrangler-state');
    const proxy = await getPlatformProxy<{ TIPS_DB: D1Database; TIPS_FILES: R2Bucket }>({ persist: { path: state }, envFiles: [] });
    for (const name of readdirSync('migrations')
      .filter((file) => file.endsWith('.sql'))
      .sort()) {
      const sql = readFileSync(`migrations/${name}`, 'utf8').replace(/--.*$/gm, '');
      for (const statement of sql
        .split(/;\s*(?:\n|$)/)
        .map((part) => part.trim())
        .filter(Boolean))
        await proxy.env.TIPS_DB.prepare(statement).run();
    }
    await submitTip(sqlTipStore(d1Driver(proxy.env.TIPS_DB)), r2AttachmentStore(proxy.env.TIPS_FILES), '本地 D1 里的真实线索：河道里有工业废水直接排放，离线打开。');
    // A tipster's answer in the tip's conversation, sealed to both reviewers like the tip.
    const conversations = sqlConversationStore(d1Driver(proxy.env.TIPS_DB));
    const { results } = await proxy.env.TIPS_DB.prepare('SELECT tip_id, tipster_public_key FROM tip_conversations').all<{ tip_id: string; tipster_public_key: string }>();
    const [{ tip_id: tipId, tipster_public_key: tipsterPublicKey }] = results;
    const answer = await sealMessage({
      reviewers: [await importReviewerPublicKey('wang', wang.publicKey), await importReviewerPublicKey('li', li.publicKey)],
      tipsterPublicKey,
      tipId,
      position: 0,
      author: 'tipster',
      text: '第二座桥，北岸。',
      sentAt: new Date(),
    });
    expect(await conversations.appendMessage({ ...answer, writtenBy: '', files: [] })).toBe('appended');
    await proxy.dispose();

    const out = join(work, 'opened-d1');
    const opened = await tool(['open', '--key', liFile, '--state', state, '--out', out]);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    expectOpenedAsStaffSeeIt(out, '本地 D1 里的真实线索：河道里有工业废水直接排放，离线打开。');

    // li leaves: after the re-seal, li's key opens nothing, wang's still opens content and files.
    expect((await tool(['reseal', '--key', wangFile, '--reviewers', onlyWang, '--state', state])).stdout).toContain('Re-sealed 1 tip(s) and 1 message(s) to wang');
    const after = await getPlatformProxy<{ TIPS_DB: D1Database }>({ persist: { path: state }, envFiles: [] });
    const [message] = (await sqlConversationStore(d1Driver(after.env.TIPS_DB)).findConversation(tipId))!.messages;
    await after.dispose();
    const [wangKey, liKey] = [await importKeyFile(JSON.stringify(wang.file), passphrase), await importKeyFile(JSON.stringify(li.file), passphrase)];
    expect((await openAsReviewer([wangKey], tipId, 0, 'tipster', message!.forReviewers)).body.text).toBe('第二座桥，北岸。');
    await expect(openAsReviewer([liKey], tipId, 0, 'tipster', message!.forReviewers)).rejects.toThrow();
    const refused = await tool(['open', '--key', liFile, '--state', state, '--out', join(work, 'refused')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/none of them is loaded/);
    await tool(['open', '--key', wangFile, '--state', state, '--out', join(work, 'after-reseal')]);
    expectOpenedAsStaffSeeIt(join(work, 'after-reseal'), '本地 D1 里的真实线索：河道里有工业废水直接排放，离线打开。');
  }, 120_000);

  it('opens a tip from PostgreSQL (here PGlite) with its files from the disk store', async () => {
    const dataDir = join(work, 'pglite');
    const uploadDir = join(work, 'uploads');
    const database = pgliteDatabase(new PGlite(dataDir));
    await applyMigrations(database, pgMigrations());
    await submitTip(sqlTipStore(postgresDriver(database)), diskAttachmentStore(uploadDir), 'PostgreSQL 里的线索：河道里有工业废水直接排放，离线打开。');
    await database.close();

    const out = join(work, 'opened-pg');
    const opened = await tool(['open', '--key', wangFile, '--database-url', `pglite:${dataDir}`, '--upload-dir', uploadDir, '--out', out]);
    expect(opened.stderr).toBe('');
    expectOpenedAsStaffSeeIt(out, 'PostgreSQL 里的线索：河道里有工业废水直接排放，离线打开。');
  }, 120_000);

  it('says what is missing instead of guessing', async () => {
    const missing = await tool(['open', '--state', join(work, 'nowhere'), '--out', join(work, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Name your key file: --key <file>');
  });
});

describe('npm run tips -- … --remote (the deployed D1 and R2; Cloudflare cannot be reached from here)', () => {
  it("asks wrangler for the project's tips database and bucket as remote bindings, and no local state", async () => {
    const asked: Array<{ options: Parameters<NonNullable<Parameters<typeof openRemoteBindings>[1]>>[0]; config: unknown }> = [];
    const remote = await openRemoteBindings(await readProjectBindings('wrangler.toml'), async (options) => {
      asked.push({ options, config: JSON.parse(readFileSync(options.configPath!, 'utf8')) });
      return { env: { TIPS_DB: { prepare: () => ({ all: async () => ({ results: [] }) }) }, TIPS_FILES: {} }, dispose: async () => undefined };
    });
    await remote.close();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.options).toMatchObject({ remoteBindings: true, persist: false, envFiles: [] });
    expect(asked[0]!.config).toMatchObject({
      d1_databases: [{ binding: 'TIPS_DB', database_name: 'procuratorate-tips', database_id: '00000000-0000-0000-0000-000000000000', remote: true }],
      r2_buckets: [{ binding: 'TIPS_FILES', bucket_name: 'procuratorate-tip-files', remote: true }],
    });
  });

  it('says plainly, offline, that --remote needs the network and a wrangler login', async () => {
    const offline = await tool(['reseal', '--key', wangFile, '--reviewers', onlyWang, '--remote']);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('Could not reach the deployed D1 and R2 on Cloudflare (--remote needs the network and `npx wrangler login`)');
    expect(offline.stdout).not.toContain('Re-sealed');
  }, 120_000);
});

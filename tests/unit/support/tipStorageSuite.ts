import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { handleTipRequest } from '../../../src/lib/http/routes/tips';
import { shellEnd, shellStart } from '../../../src/lib/tips/renderPages';
import type { AttachmentStore, TipEnvironment } from '../../../src/lib/tips/storage';
import type { StaffEnvironment } from '../../../src/lib/staff/handleStaffRequest';
import { handleStaffRequest } from '../../../src/lib/http/routes/staff';
import { hashPassword } from '../../../src/lib/staff/password';
import type { OpenedTarget, StorageTarget } from './tipStorageTargets';
import { tipsterPublicKeyForCode } from '../../../src/lib/conversation/tipsterKeys';
import { openSealedBytes, openSealedText, testReviewerKeys } from './sealingKeys';

const base = 'https://tips.example/api/tips';
const marker = () => `标记${crypto.randomUUID().slice(0, 8)}`;
const validTip = (tag: string) => ({
  category: 'ecology',
  description: `${tag} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`,
  place: '科尔沁区某嘎查东侧河道',
  region: 'horqin',
  noticedOn: '2025-05-20',
  responsible: '某化工企业',
  identity: 'anonymous',
  consent: 'yes',
});
const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${base}?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const postForm = (fields: Record<string, string>, files: File[]) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  for (const file of files) data.append('files', file);
  return new Request(`${base}?lang=zh`, { method: 'POST', body: data });
};

/**
 * The tip service against a real storage adapter: what a citizen and an operator would notice
 * (what is stored, what is not, repeats, limits, failures). One suite for every adapter; the
 * runners (tipStorage.test.ts) pick the databases.
 */
export function describeTipStorage(target: StorageTarget) {
  // Generous: real databases on a machine shared with builds.
  describe(target.name, { timeout: 30_000 }, () => {
    let opened: OpenedTarget;
    beforeAll(async () => {
      opened = await target.open();
    }, 60_000);
    afterAll(async () => {
      await opened?.close();
    });

    const environment = (overrides: Partial<TipEnvironment> & { rateLimitMax?: number } = {}): TipEnvironment => ({
      store: opened.store,
      attachments: opened.attachments,
      shells: { load: async () => `<html><head><title>t | s</title></head><body>${shellStart}${shellEnd}</body></html>` },
      config: {
        rateLimitSalt: 'storage-suite-salt-0123456789',
        rateLimitMax: overrides.rateLimitMax ?? 1000,
        rateLimitWindowSeconds: 600,
        trustTestClientHeader: false,
        statusMinimumMs: 0,
        reviewerKeys: testReviewerKeys,
        powHmacKey: 'storage-suite-pow-key-0123456789',
        powMaxNumber: 1000,
      },
      clientAddress: `198.51.100.${Math.floor(Math.random() * 250) + 1}`,
      ...overrides,
    });
    /** What staff would read: sealed content opened with the test key; rows written directly by a test may be clear. */
    const openedContent = async (row: Record<string, unknown>) => {
      const text = String(row.content);
      return text.startsWith('sealed2:') ? openSealedText(text, String(row.id)) : text;
    };
    // Content is ciphertext, so SQL cannot search it: read the rows and open each, as staff would.
    const tipsTagged = async (tag: string) => {
      const rows = await opened.rows('SELECT * FROM tips');
      const opens = await Promise.all(rows.map((row) => openedContent(row)));
      return rows.filter((_, index) => opens[index]!.includes(tag));
    };
    const tipIdsTagged = async (tag: string) => (await tipsTagged(tag)).map((row) => `'${String(row.id)}'`).join(', ') || "''";

    it('stores a tip exactly as sent, without the receipt code, the address or the browser', async () => {
      const tag = marker();
      const env = environment({ clientAddress: '203.0.113.77' });
      const sent = { ...validTip(tag), identity: 'named', name: '王五', phone: '13912345678' };
      const response = await handleTipRequest(postJson(sent, { 'User-Agent': 'StorageSuiteAgent/1.0' }), env);
      expect(response.status).toBe(201);
      const { receiptCode, receivedAt } = await response.json();

      const [row] = await tipsTagged(tag);
      expect(row).toMatchObject({ category: 'ecology', region: 'horqin', anonymous: 0, status: 'received', content_format: 1, abuse_check: 'none' });
      expect(String(row!.content)).toMatch(/^sealed2:/);
      expect(String(row!.content)).not.toContain(tag);
      expect(JSON.parse(await openSealedText(String(row!.content), String(row!.id)))).toEqual({
        description: sent.description,
        place: sent.place,
        noticedOn: sent.noticedOn,
        responsible: sent.responsible,
        contact: { name: '王五', phone: '13912345678' },
        locale: 'zh',
        receivedAt,
      });
      // In clear only the hour; the exact time is inside the sealed content.
      const hour = `${receivedAt.slice(0, 13)}:00:00.000Z`;
      expect(new Date(String(row!.received_at)).toISOString()).toBe(hour);
      expect(new Date(String(row!.status_changed_at)).toISOString()).toBe(hour);

      // Its conversation came with it: staff can seal a question to the code's key from the start.
      expect(await opened.rows(`SELECT tipster_public_key FROM tip_conversations WHERE tip_id = '${row!.id}'`)).toEqual([
        { tipster_public_key: await tipsterPublicKeyForCode(receiptCode) },
      ]);

      const everything = JSON.stringify(await Promise.all((await opened.tables()).map((table) => opened.rows(`SELECT * FROM ${table}`))));
      expect(everything).not.toContain(receiptCode);
      expect(everything).not.toContain('203.0.113.77');
      expect(everything).not.toContain('StorageSuiteAgent');
    });

    it('stores evidence files intact with one row each, in the order sent', async () => {
      const tag = marker();
      const pdf = new TextEncoder().encode('%PDF-1.7\n% evidence of discharge\n');
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
      const response = await handleTipRequest(
        postForm({ ...validTip(tag), metadata: 'keep' }, [new File([pdf], '排污口.pdf', { type: 'application/pdf' }), new File([png], 'photo.png', { type: 'image/png' })]),
        environment(),
      );
      expect(response.status).toBe(303);
      const [tip] = await tipsTagged(tag);
      const attachments = await opened.rows(`SELECT * FROM tip_attachments WHERE tip_id = '${tip!.id}' ORDER BY position`);
      // The rows describe only the sealed objects: the names and types the tipster chose are inside the seal.
      expect(attachments.map((row) => [row.position, row.original_name, row.content_type])).toEqual([
        [0, '', 'application/octet-stream'],
        [1, '', 'application/octet-stream'],
      ]);
      const stored = await Promise.all(attachments.map((row) => opened.readObject(String(row.object_key))));
      expect(stored.map((bytes) => bytes!.byteLength)).toEqual(attachments.map((row) => row.byte_length));
      expect(attachments[0]!.sha256).toBe(createHash('sha256').update(stored[0]!).digest('hex'));
      const sealedTip = { id: String(tip!.id), content: String(tip!.content) };
      expect(await openSealedBytes(stored[0]!, sealedTip, 0)).toEqual(pdf);
      expect(await openSealedBytes(stored[1]!, sealedTip, 1)).toEqual(png);
      const content = JSON.parse(await openSealedText(sealedTip.content, sealedTip.id));
      expect(content.attachments.map((file: { name: string; contentType: string; byteLength: number }) => [file.name, file.contentType, file.byteLength])).toEqual([
        ['排污口.pdf', 'application/pdf', pdf.byteLength],
        ['photo.png', 'image/png', png.byteLength],
      ]);
      expect(content.attachments[0].sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    });

    it('stores one tip when the same submission arrives five times at once, and answers each with its receipt', async () => {
      const tag = marker();
      const env = environment();
      const headers = { 'Idempotency-Key': `suite-${crypto.randomUUID()}` };
      const answers = await Promise.all(Array.from({ length: 5 }, () => handleTipRequest(postJson(validTip(tag), headers), env)));
      const bodies = await Promise.all(answers.map((answer) => answer.json()));
      expect(new Set(bodies.map((body) => body.receiptCode)).size).toBe(1);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(await tipsTagged(tag)).toHaveLength(1);
      expect(await opened.rows(`SELECT * FROM tip_submissions WHERE tip_id IN (${await tipIdsTagged(tag)})`)).toHaveLength(1);
    });

    it('keeps no value computed from a client address in any table after tips and staff sign-ins, whatever the secrets', async () => {
      // The same tips and sign-ins, at the same moment, from address A twice and from address B, each
      // into a database of its own. A column whose values are the same in both A runs is
      // deterministic; it must then be the same for B too, or it was computed from the address
      // (as a salted hash of it would be: equal for equal salts and addresses, whatever the salt).
      const at = new Date('2026-06-01T08:17:23.456Z');
      const snapshot = async (address: string) => {
        const own = await target.open();
        try {
          await own.staffStore.saveAccount('reviewer', await hashPassword('correct horse battery staple', 1000), '2026-05-01T00:00:00.000Z');
          const env = { ...environment({ clientAddress: address }), store: own.store, attachments: own.attachments, now: () => at };
          for (const body of [validTip('甲'), { ...validTip('乙'), identity: 'named', name: '李四', phone: '13912345678' }]) {
            expect((await handleTipRequest(postJson(body), env)).status).toBe(201);
            expect((await handleTipRequest(postForm(body, []), env)).status).toBe(303);
          }
          const staffEnv: StaffEnvironment = {
            store: own.staffStore,
            attachments: own.attachments,
            config: {
              sessionSecret: 'storage-suite-session-secret-0123456789',
              sessionTtlSeconds: 3600,
              passwordLogin: true,
              loginFreeAttempts: 3,
              loginMaxDelaySeconds: 60,
              loginClientMaxDelaySeconds: 900,
              loginChecksPerMinute: 100,
              passwordIterations: 1000,
              deadlines: { acknowledgeDays: 7, answerMonths: 3 },
              retentionDays: 30,
            },
            clientAddress: address,
            now: () => at,
          };
          const signIn = (username: string, password: string) =>
            handleStaffRequest(
              new Request('https://tips.example/api/staff/login', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify({ username, password }),
              }),
              staffEnv,
            );
          expect((await signIn('reviewer', 'not the password at all')).status).toBe(401);
          expect((await signIn('nobody', 'not the password at all')).status).toBe(401);
          expect((await signIn('reviewer', 'correct horse battery staple')).status).toBe(200);
          const columns: Record<string, string> = {};
          for (const table of (await own.tables()).sort()) {
            const rows = await own.rows(`SELECT * FROM ${table}`);
            for (const column of Object.keys(rows[0] ?? {}))
              columns[`${table}.${column}`] = JSON.stringify(
                rows
                  .map((row) => row[column])
                  .map(String)
                  .sort(),
              );
            columns[`${table} rows`] = String(rows.length);
          }
          return columns;
        } finally {
          await own.close();
        }
      };
      const first = await snapshot('203.0.113.9');
      const again = await snapshot('203.0.113.9');
      const other = await snapshot('198.51.100.200');
      const deterministic = Object.keys(first).filter((column) => first[column] === again[column]);
      expect(deterministic).toContain('tips.received_at');
      expect(Object.keys(other).sort()).toEqual(Object.keys(first).sort());
      for (const column of deterministic) expect(other[column], column).toBe(first[column]);
      expect(JSON.stringify(other)).not.toContain('198.51.100.200');
    }, 120_000);

    it('lets a solved proof-of-work challenge serve one tip only', async () => {
      const env = environment();
      const challenge = await (await handleTipRequest(new Request(`${base}/challenge`), env)).json();
      const { solveChallenge } = await import('altcha-lib/v1');
      const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
      const altcha = btoa(JSON.stringify({ ...challenge, number: solution!.number }));
      const [first, replay] = [marker(), marker()];
      expect((await handleTipRequest(postJson({ ...validTip(first), altcha }), env)).status).toBe(201);
      expect((await handleTipRequest(postJson({ ...validTip(replay), altcha }), env)).status).toBe(201);
      expect((await tipsTagged(first)).map((row) => row.abuse_check)).toEqual(['pow']);
      expect((await tipsTagged(replay)).map((row) => row.abuse_check)).toEqual(['failed']);
    });

    it('does not let a known idempotency key swallow a different tip', async () => {
      const env = environment();
      const headers = { 'Idempotency-Key': `suite-${crypto.randomUUID()}` };
      const [mine, theirs] = [marker(), marker()];
      const a = await (await handleTipRequest(postJson(validTip(mine), headers), env)).json();
      const b = await (await handleTipRequest(postJson(validTip(theirs), headers), env)).json();
      expect(b.receiptCode).not.toBe(a.receiptCode);
      expect(await tipsTagged(theirs)).toHaveLength(1);
    });

    it('keeps no row and no file when a file cannot be written', async () => {
      const tag = marker();
      let puts = 0;
      const failing: AttachmentStore = {
        put: async (key, bytes, type) => {
          puts += 1;
          if (puts === 2) throw new Error('disk full');
          await opened.attachments.put(key, bytes, type);
        },
        get: (key) => opened.attachments.get(key),
        delete: (keys) => opened.attachments.delete(keys),
      };
      const pdf = () => new File([new TextEncoder().encode('%PDF-1.7 x')], 'a.pdf', { type: 'application/pdf' });
      const response = await handleTipRequest(postForm({ ...validTip(tag), metadata: 'keep' }, [pdf(), pdf()]), environment({ attachments: failing }));
      expect(response.status).toBe(503);
      expect(await tipsTagged(tag)).toEqual([]);
    });

    it('writes a tip whole or not at all when the database refuses part of it', async () => {
      const tag = marker();
      await handleTipRequest(
        postForm({ ...validTip(tag), metadata: 'keep' }, [new File([new TextEncoder().encode('%PDF-1.7 x')], 'a.pdf', { type: 'application/pdf' })]),
        environment(),
      );
      const [existing] = await opened.rows(`SELECT object_key FROM tip_attachments WHERE tip_id IN (${await tipIdsTagged(tag)})`);
      const id = crypto.randomUUID();
      // Its second attachment row reuses a key that exists: the tip row and the first must vanish too.
      const attempt = opened.store.insertTip({
        id,
        receiptHash: `hash-${id}`,
        category: 'ecology',
        region: 'horqin',
        anonymous: true,
        content: '{}',
        sealedToKeyId: 'suite-key',
        abuseCheck: 'none',
        receivedAt: new Date().toISOString(),
        attachments: [
          { objectKey: `tips/${crypto.randomUUID()}`, contentType: 'application/pdf', byteLength: 1, sha256: 'a', originalName: 'a.pdf' },
          { objectKey: String(existing!.object_key), contentType: 'application/pdf', byteLength: 1, sha256: 'b', originalName: 'b.pdf' },
        ],
        idempotencyKeyHash: `key-${id}`,
        sealedReceipt: 'sealed',
        tipsterPublicKey: 'A'.repeat(43),
      });
      await expect(attempt).rejects.toThrow();
      expect(await opened.rows(`SELECT id FROM tips WHERE id = '${id}'`)).toEqual([]);
      expect(await opened.rows(`SELECT tip_id FROM tip_attachments WHERE tip_id = '${id}'`)).toEqual([]);
      expect(await opened.rows(`SELECT tip_id FROM tip_submissions WHERE tip_id = '${id}'`)).toEqual([]);
    });

    it('finds a status by the right code only', async () => {
      const env = environment();
      const { receiptCode } = await (await handleTipRequest(postJson(validTip(marker())), env)).json();
      const ask = (code: string) =>
        handleTipRequest(
          new Request(`${base}/status?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ code }) }),
          env,
        );
      const right = await ask(receiptCode.toLowerCase());
      expect(right.status).toBe(200);
      expect(await right.json()).toMatchObject({ status: 'received' });
      expect((await ask(`${receiptCode.slice(0, -1)}${receiptCode.endsWith('2') ? '3' : '2'}`)).status).toBe(404);
    });

    it('keeps nothing from a robot that fills the honeypot', async () => {
      const tag = marker();
      const response = await handleTipRequest(postJson({ ...validTip(tag), website: 'https://spam.example' }), environment());
      expect(response.status).toBe(201);
      expect(await tipsTagged(tag)).toEqual([]);
    });
  });
}

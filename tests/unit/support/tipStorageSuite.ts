import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { handleTipRequest } from '../../../src/lib/tips/handleTipRequest';
import { shellEnd, shellStart } from '../../../src/lib/tips/renderPages';
import type { AttachmentStore, TipEnvironment } from '../../../src/lib/tips/storage';
import type { OpenedTarget, StorageTarget } from './tipStorageTargets';
import { openSealedBytes, openSealedText, testReviewerKeys } from './memoryTipEnvironment';

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
      });
      expect(new Date(String(row!.received_at)).toISOString()).toBe(receivedAt);
      expect(new Date(String(row!.status_changed_at)).toISOString()).toBe(receivedAt);

      const everything = JSON.stringify(
        await Promise.all(['tips', 'tip_attachments', 'tip_submissions', 'tip_rate_counters'].map((table) => opened.rows(`SELECT * FROM ${table}`))),
      );
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

    it('counts a client\'s tips in the database, so two server processes share one limit', async () => {
      const address = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
      // Two environments over one database: what two processes behind a load balancer are.
      const first = environment({ clientAddress: address, rateLimitMax: 3 });
      const second = environment({ clientAddress: address, rateLimitMax: 3 });
      const statuses = [];
      for (const env of [first, second, first, second]) statuses.push((await handleTipRequest(postJson(validTip(marker())), env)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
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
      await handleTipRequest(postForm({ ...validTip(tag), metadata: 'keep' }, [new File([new TextEncoder().encode('%PDF-1.7 x')], 'a.pdf', { type: 'application/pdf' })]), environment());
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
        handleTipRequest(new Request(`${base}/status?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ code }) }), env);
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

import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { marker, queryTipsDb, readTipFile, storedTipsContaining, testClient, validTip } from './support/tips';
import { openTipContent, openTipFile } from '../../src/lib/crypto/tipEnvelope';
import { testOpeningKey } from './support/tips';
import mn from '../../src/i18n/mn.json' with { type: 'json' };

// The tip function in its real runtime (workerd via `wrangler pages dev`, local D1 and R2,
// migrations applied by the web server command).
const description = (tag: string) => `${tag} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`;

test.describe('the tip function', () => {
  test('stores a JSON tip exactly as sent, with no address or browser details, and answers 201', async ({ request }) => {
    const tag = marker();
    const sent = { ...validTip(description(tag)), identity: 'named', name: '王五', phone: '13912345678', email: 'wang@example.com' };
    const response = await request.post('/api/tips?lang=zh', { data: sent, headers: { ...testClient(), 'User-Agent': 'TipTestAgent/9.9' } });
    expect(response.status()).toBe(201);
    expect(response.headers()['cache-control']).toBe('no-store');
    const { receiptCode } = await response.json();
    expect(receiptCode).toMatch(/^([2-9A-HJKMNP-TV-Z]{4}-){4}[2-9A-HJKMNP-TV-Z]{4}$/);

    // The row holds the content sealed: nothing the tipster wrote is readable in it.
    expect(await queryTipsDb(`SELECT id FROM tips WHERE content LIKE '%${tag}%' OR content LIKE '%王五%' OR content LIKE '%13912345678%'`)).toEqual([]);
    const [stored] = await storedTipsContaining(tag);
    const row = stored!.row;
    expect(row.content).toMatch(/^sealed2:/);
    expect(row.sealed_to_key_id).toBe((await testOpeningKey()).keyId);
    expect(stored!.content).toEqual({
      description: sent.description,
      place: sent.place,
      noticedOn: sent.noticedOn,
      responsible: sent.responsible,
      contact: { name: '王五', phone: '13912345678', email: 'wang@example.com' },
      locale: 'zh',
      receivedAt: expect.any(String),
    });
    expect(row).toMatchObject({ category: 'ecology', region: 'horqin', anonymous: 0, status: 'received' });
    // In clear only to the hour; the exact time is in the sealed content.
    expect(row.received_at).toBe(`${String(stored!.content.receivedAt).slice(0, 13)}:00:00.000Z`);
    expect(JSON.stringify(row)).not.toContain(receiptCode);

    // Nothing anywhere in the database holds the address or the user agent.
    const tables = await queryTipsDb<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'");
    expect(tables.map((table) => table.name)).not.toContain('tip_rate_counters');
    // One wrangler call for every table (each call costs seconds).
    const everything = JSON.stringify(await queryTipsDb(tables.map((table) => `SELECT * FROM ${table.name}`).join('; ')));
    expect(everything).not.toContain('127.0.0.1');
    expect(everything).not.toContain('TipTestAgent');
  });

  test('stores evidence files sealed under random keys, opening to the exact bytes, and answers a form with 303', async ({ request }) => {
    const tag = marker();
    const pdf = Buffer.from('%PDF-1.7\n% evidence of discharge\n');
    const response = await request.post('/api/tips?lang=zh', {
      headers: testClient(),
      multipart: {
        ...validTip(description(tag)),
        // Sent as it is: this test follows the exact bytes through storage.
        metadata: 'keep',
        files: { name: '排污口.pdf', mimeType: 'application/pdf', buffer: pdf },
      },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe('/api/tips/received?lang=zh');
    const [stored] = await storedTipsContaining(tag);
    const [attachment] = await queryTipsDb<Record<string, string>>(`SELECT * FROM tip_attachments WHERE tip_id = '${stored!.row.id}'`);
    // The row and the object say nothing the tipster chose: no name, no type, no hash of the file.
    expect(attachment).toMatchObject({ content_type: 'application/octet-stream', original_name: '' });
    expect(attachment!.object_key).toMatch(/^tips\/[0-9a-f-]{36}$/);
    const object = await readTipFile(attachment!.object_key);
    expect(object.includes(Buffer.from('%PDF'))).toBe(false);
    expect(attachment!.sha256).toBe(createHash('sha256').update(object).digest('hex'));
    expect(stored!.content.attachments).toEqual([
      {
        objectKey: attachment!.object_key,
        name: '排污口.pdf',
        contentType: 'application/pdf',
        byteLength: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        hiddenDataRemoved: false,
      },
    ]);
    const keys = [await testOpeningKey()];
    const opened = await openTipContent(keys, stored!.row.id!, stored!.row.content!);
    expect(Buffer.from(await openTipFile(keys, opened, stored!.row.id!, 0, new Uint8Array(object)))).toEqual(pdf);
  });

  test("refuses what is wrong with the right status code, in the reader's language, storing nothing", async ({ request }) => {
    const tag = marker();
    const headers = testClient();
    const unknownCategory = await request.post('/api/tips?lang=mn', { data: { ...validTip(description(tag)), category: 'weather' }, headers });
    expect(unknownCategory.status()).toBe(422);
    expect((await unknownCategory.json()).fieldErrors.category).toBe(mn['tip.error.category']);

    const disguised = await request.post('/api/tips?lang=zh', {
      headers,
      multipart: { ...validTip(description(tag)), files: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\x00 a program') } },
    });
    expect(disguised.status()).toBe(422);
    expect(await disguised.text()).toContain('有文件的内容与它的类型不符');

    const wrongType = await request.post('/api/tips?lang=zh', { headers: { ...headers, 'Content-Type': 'text/plain' }, data: 'hello' });
    expect(wrongType.status()).toBe(415);
    const malformed = await request.post('/api/tips?lang=zh', { headers: { ...headers, 'Content-Type': 'application/json' }, data: '{"category":' });
    expect(malformed.status()).toBe(400);
    const tooLarge = await request.post('/api/tips?lang=zh', {
      headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
      data: Buffer.alloc(27 * 1024 * 1024, 0x20),
    });
    expect(tooLarge.status()).toBe(413);
    expect(await storedTipsContaining(tag)).toEqual([]);
  });

  test('stores one tip for a double submit and answers both with the same receipt', async ({ request }) => {
    const tag = marker();
    const headers = { ...testClient(), 'Idempotency-Key': `test-${crypto.randomUUID()}` };
    const data = validTip(description(tag));
    const answers = await Promise.all([request.post('/api/tips', { data, headers }), request.post('/api/tips', { data, headers })]);
    const codes = await Promise.all(answers.map(async (answer) => (await answer.json()).receiptCode));
    expect(codes[0]).toBe(codes[1]);
    const again = await request.post('/api/tips', { data, headers });
    expect((await again.json()).receiptCode).toBe(codes[0]);
    expect(await storedTipsContaining(tag)).toHaveLength(1);
  });

  test('gives every copy of the form its own key, and stores a form sent without one (a stale copy) as a tip of its own', async ({ request }) => {
    const keyOf = async () => {
      const page = await request.get('/zh/tip/');
      expect(page.headers()['cache-control']).toBe('no-store');
      return /name="idempotencyKey" value="([^"]*)"/.exec(await page.text())?.[1];
    };
    const [first, second] = [await keyOf(), await keyOf()];
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(second).not.toBe(first);

    const tag = marker();
    const headers = testClient();
    const unkeyed = () => request.post('/api/tips?lang=zh', { headers, multipart: validTip(description(tag)), maxRedirects: 0 });
    const answers = [await unkeyed(), await unkeyed()];
    expect(answers.map((answer) => answer.status())).toEqual([303, 303]);
    expect(answers[1]!.headers()['set-cookie']).not.toBe(answers[0]!.headers()['set-cookie']);
    expect(await storedTipsContaining(tag)).toHaveLength(2);
  });

  test('limits each client and says when to come back', async ({ request }) => {
    const headers = testClient();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await request.post('/api/tips?lang=zh', { data: validTip(description(marker())), headers })).status());
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await request.post('/api/tips?lang=zh', { data: validTip(description(marker())), headers });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await limited.json()).message).toMatch(/^提交次数过多，请 \d+ 分钟后再试/);
  });

  test('tells a robot that fills the honeypot it succeeded, and keeps nothing', async ({ request }) => {
    const tag = marker();
    const response = await request.post('/api/tips', { data: { ...validTip(description(tag)), website: 'https://spam.example' }, headers: testClient() });
    expect(response.status()).toBe(201);
    expect(await storedTipsContaining(tag)).toEqual([]);
  });

  test('shows a status for a right code, never the content, and takes as long for wrong codes', async ({ request }) => {
    const tag = marker();
    const { receiptCode } = await (await request.post('/api/tips', { data: validTip(description(tag)), headers: testClient() })).json();
    // Code lookups count against the client's rate limit (as tips do): each timed one is a client of its own.
    const ask = (code: string) => request.post('/api/tips/status?lang=zh', { form: { code }, headers: testClient() });
    const right = await ask(receiptCode.toLowerCase().replace(/-/g, ' '));
    expect(right.status()).toBe(200);
    expect(right.headers()['cache-control']).toBe('no-store');
    const page = await right.text();
    expect(page).toContain('已收到');
    expect(page).not.toContain(tag);
    expect((await ask('2222-3333-4444-5555-6666')).status()).toBe(404);

    const time = async (code: string) => {
      const started = performance.now();
      await ask(code);
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const rightTimes: number[] = [];
    const wrongTimes: number[] = [];
    for (let round = 0; round < 9; round += 1) {
      rightTimes.push(await time(receiptCode));
      wrongTimes.push(await time(`${receiptCode.slice(0, -1)}${receiptCode.endsWith('2') ? '3' : '2'}`));
    }
    // Every answer waits for the floor (STATUS_MINIMUM_MS=100 on the test server), so a lookup's
    // own cost is hidden. The medians may still differ by scheduling noise on a busy machine.
    expect(Math.min(...rightTimes)).toBeGreaterThanOrEqual(100);
    expect(Math.min(...wrongTimes)).toBeGreaterThanOrEqual(100);
    expect(Math.abs(median(rightTimes) - median(wrongTimes))).toBeLessThan(100);
  });

  test('sends no-store on the form, status and confirmation pages', async ({ request }) => {
    for (const path of ['/zh/tip/', '/mn/tip/', '/zh/tip/status/', '/mn/tip/status/', '/api/tips/received?lang=zh']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['cache-control'], path).toBe('no-store');
    }
  });
});

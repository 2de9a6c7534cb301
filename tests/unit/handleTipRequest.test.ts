import { describe, expect, it } from 'vitest';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { maxBodyBytes } from '../../src/lib/tips/handleTipRequest';
import { sqlTipEnvironment, openSealedText } from './support/sqlTipEnvironment';
import { anonymousTip, tipFormRequest } from './support/tipFixtures';

const base = 'https://tips.example/api/tips';
const tip = anonymousTip;
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${base}?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const form = (fields: Record<string, string>, files: File[] = []) => tipFormRequest(fields, files);
const pdf = (name = 'evidence.pdf') => new File([new TextEncoder().encode('%PDF-1.7 evidence')], name, { type: 'application/pdf' });

describe('submitting a tip to the core', () => {
  it('stores the tip with its files and answers JSON with a receipt', async () => {
    const { env, tips, objects } = sqlTipEnvironment();
    const response = await handleTipRequest(form({ ...tip, metadata: 'keep' }, [pdf()]), env);
    expect(response.status).toBe(303);
    expect(tips()).toHaveLength(1);
    expect(objects.size).toBe(1);
    expect(JSON.parse(await openSealedText(tips()[0]!.content, tips()[0]!.id))).toMatchObject({ description: tip.description, place: tip.place });
  });

  it('answers a repeated idempotency key with the same receipt and stores one tip', async () => {
    const { env, tips } = sqlTipEnvironment();
    const headers = { 'Idempotency-Key': 'key-0123456789abcdef' };
    const [first, second] = await Promise.all([handleTipRequest(json(tip, headers), env), handleTipRequest(json(tip, headers), env)]);
    const codes = [(await first.json()).receiptCode, (await second.json()).receiptCode];
    expect(codes[0]).toBe(codes[1]);
    expect(tips()).toHaveLength(1);
  });

  it('stores a form sent without any key (a stale copy) as a tip of its own, never merged with the same words', async () => {
    const { env, tips } = sqlTipEnvironment();
    const first = await handleTipRequest(form(tip), env);
    const second = await handleTipRequest(form(tip), env);
    expect(first.headers.get('Set-Cookie')).not.toBe(second.headers.get('Set-Cookie'));
    expect(tips()).toHaveLength(2);
  });

  it('does not let a known idempotency key swallow a different tip', async () => {
    const { env, tips } = sqlTipEnvironment();
    const headers = { 'Idempotency-Key': 'key-0123456789abcdef' };
    const first = await (await handleTipRequest(json(tip, headers), env)).json();
    const other = await (await handleTipRequest(json({ ...tip, description: `${tip.description}另一位举报人。` }, headers), env)).json();
    expect(other.receiptCode).not.toBe(first.receiptCode);
    expect(tips()).toHaveLength(2);
  });

  it('keeps the time in clear only to the hour and seals the exact time with the content', async () => {
    const { env, tips } = sqlTipEnvironment();
    env.now = () => new Date('2026-06-01T08:17:23.456Z');
    await handleTipRequest(json(tip), env);
    expect(tips()[0]!.receivedAt).toBe('2026-06-01T08:00:00.000Z');
    expect(JSON.parse(await openSealedText(tips()[0]!.content, tips()[0]!.id)).receivedAt).toBe('2026-06-01T08:17:23.456Z');
  });

  it('keeps no row and no file when a file cannot be written', async () => {
    const { env, tips, objects, failNextAttachmentWrite } = sqlTipEnvironment();
    failNextAttachmentWrite();
    const response = await handleTipRequest(form({ ...tip, metadata: 'keep' }, [pdf('a.pdf'), pdf('b.pdf')]), env);
    expect(response.status).toBe(503);
    expect(tips()).toHaveLength(0);
    expect(objects.size).toBe(0);
  });

  it('refuses a file whose bytes are not the type it claims', async () => {
    const { env, tips } = sqlTipEnvironment();
    const fake = new File(['MZ this is a program'], 'photo.jpg', { type: 'image/jpeg' });
    const response = await handleTipRequest(form({ ...tip }, [fake]), env);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('有文件的内容与它的类型不符');
    expect(tips()).toHaveLength(0);
  });

  it('pretends to accept a robot that fills the honeypot, and keeps nothing', async () => {
    const { env, tips } = sqlTipEnvironment();
    const response = await handleTipRequest(json({ ...tip, website: 'http://spam.example' }), env);
    expect(response.status).toBe(201);
    expect(tips()).toHaveLength(0);
  });

  it('answers 415, 413 and 400 to what no form sends, storing nothing', async () => {
    const { env, tips } = sqlTipEnvironment();
    const text = new Request(base, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect((await handleTipRequest(text, env)).status).toBe(415);
    const huge = new Request(base, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(maxBodyBytes + 1) }, body: '{}' });
    expect((await handleTipRequest(huge, env)).status).toBe(413);
    const broken = new Request(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"category":' });
    expect((await handleTipRequest(broken, env)).status).toBe(400);
    expect(tips()).toHaveLength(0);
  });

  it('shows the receipt once, then never again', async () => {
    const { env } = sqlTipEnvironment();
    const submitted = await handleTipRequest(form(tip), env);
    const cookie = submitted.headers.get('Set-Cookie')!.split(';')[0]!;
    const code = decodeURIComponent(cookie.split('=')[1]!).split('|')[0]!;
    const shown = await handleTipRequest(new Request(`${base}/received?lang=zh`, { headers: { Cookie: cookie } }), env);
    expect(await shown.text()).toContain(code);
    expect(shown.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
    const again = await handleTipRequest(new Request(`${base}/received?lang=zh`), env);
    expect(await again.text()).not.toContain(code);
  });

  it('tells the status for a right code and the same "not found" for any wrong one', async () => {
    const { env } = sqlTipEnvironment();
    const { receiptCode } = await (await handleTipRequest(json(tip), env)).json();
    const ask = (code: string) =>
      handleTipRequest(
        new Request(`${base}/status?lang=zh`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ code }) }),
        env,
      );
    expect(await (await ask(receiptCode.toLowerCase())).json()).toMatchObject({ status: 'received' });
    expect((await ask('2222-2222-2222-2222-2222')).status).toBe(404);
    expect((await ask('nonsense')).status).toBe(404);
  });
});

// The tipster's side of the conversation through the one request layer, without JavaScript: a
// code typed into the status form, the session cookie, the page, a reply with a photo, leave.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createSiteApp } from '../../src/lib/http/app';
import { memoryRateLimiter } from '../../src/lib/http/rateLimit';
import { rateLimitSubject } from '../../src/lib/http/clientAddress';
import { importReviewerPublicKey } from '../../src/lib/crypto/reviewerKeys';
import { sealMessage } from '../../src/lib/conversation/sealMessage';
import { openAsReviewer, openFileAsReviewer } from '../../src/lib/conversation/forReviewers';
import type { TipEnvironment } from '../../src/lib/tips/storage';
import { runRetention, type StaffEnvironment } from '../../src/lib/staff/handleStaffRequest';
import { anonymousTip } from './support/tipFixtures';
import { tipMessageValues } from '../../src/lib/tips/tipSchema';
import { maxBodyBytes } from '../../src/lib/tips/handleTipRequest';
import { useTranslations as t } from '../../src/i18n';
import { sqlTipEnvironment, testOpeningKey, testReviewerKeys } from './support/sqlTipEnvironment';

const origin = 'https://tips.example';
const sessionSecret = 'unit-test-tipster-session-secret-0123456789';
const question = '请问排污口在哪一座桥下？';
const answer = '在第二座桥下，北岸。';

function site(config: Partial<TipEnvironment['config']> = {}, now?: () => Date) {
  const memory = sqlTipEnvironment({ tipsterSessionSecret: sessionSecret, rateLimitMax: 50, ...config });
  if (now) memory.env.now = now;
  const limiter = memoryRateLimiter({ max: memory.env.config.rateLimitMax, windowSeconds: memory.env.config.rateLimitWindowSeconds });
  const app = createSiteApp({
    tips: () => memory.env,
    staff: () => undefined,
    tipRateLimiter: () => limiter,
    clientSubject: (c) => rateLimitSubject(c.req.header('X-Address-For-Test') ?? '192.0.2.10'),
    staticFiles: (c) => c.text('a static file'),
    log: () => undefined,
  });
  const request = (path: string, init: RequestInit & { cookie?: string } = {}) =>
    app.request(`${origin}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(init.cookie ? { Cookie: init.cookie } : {}) } });
  /** A tip through the form, its receipt code read from the receipt page. */
  const submitTip = async () => {
    const sent = await request('/api/tips?lang=zh', { method: 'POST', body: new URLSearchParams(anonymousTip) });
    const receiptCookie = sent.headers.get('Set-Cookie')!.split(';')[0]!;
    const receipt = await (await request('/api/tips/received?lang=zh', { cookie: receiptCookie })).text();
    const code = receipt.match(/data-receipt-code>([^<]+)</)![1]!;
    const tipId = String(memory.tips().at(-1)!.id);
    return { code, tipId, receipt };
  };
  /** What staff do in their browser (sealed there): a question sealed to the tip's public key. */
  const staffAsks = async (tipId: string, text: string) => {
    const conversation = (await memory.env.conversations!.findConversation(tipId))!;
    const sealed = await sealMessage({
      reviewers: await Promise.all(testReviewerKeys.map((key) => importReviewerPublicKey(key.name, key.publicKey))),
      tipsterPublicKey: conversation.tipsterPublicKey,
      tipId,
      position: conversation.messages.length,
      author: 'staff',
      text,
      sentAt: new Date(),
    });
    expect(await memory.env.conversations!.appendMessage({ ...sealed, writtenBy: 'wang', files: [] })).toBe('appended');
  };
  const signIn = (code: string, lang = 'zh', address?: string) =>
    request(`/api/tips/status?lang=${lang}`, { method: 'POST', body: new URLSearchParams({ code }), headers: address ? { 'X-Address-For-Test': address } : {} });
  /** A tip, a staff question, the tipster signed in, and the reply form with a photo as the page sends it. */
  const askedAndReplying = async (photoName: string, lang = 'zh') => {
    const { code, tipId } = await submitTip();
    await staffAsks(tipId, question);
    const opened = await signIn(code, lang);
    const cookie = sessionOf(opened);
    const form = new FormData();
    form.set('csrf', csrfOf(await opened.text()));
    form.set('text', answer);
    form.set('metadata', 'remove');
    form.append('files', new File([await photoWithLocation()], photoName, { type: 'image/jpeg' }));
    return { code, tipId, cookie, form };
  };
  return { memory, request, submitTip, staffAsks, signIn, askedAndReplying };
}

const sessionOf = (response: Response) => response.headers.get('Set-Cookie')!.split(';')[0]!;
const csrfOf = (page: string) => page.match(/name="csrf" value="([^"]+)"/)![1]!;
/** A real photo with a GPS position and the phone's name in its EXIF. */
const photoWithLocation = async () =>
  new Uint8Array(
    await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 20, g: 130, b: 90 } } })
      .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Model X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 39/1 0/1' } })
      .jpeg()
      .toBuffer(),
  );

describe('the tipster signs in with the receipt code', () => {
  it('gets a 15-minute, script-proof, path-limited session and a page with the status history and the staff question, marked new once', async () => {
    const { submitTip, staffAsks, signIn, request } = site();
    const { code, tipId } = await submitTip();
    await staffAsks(tipId, question);
    const opened = await signIn(code.toLowerCase());
    expect(opened.status).toBe(200);
    const cookie = opened.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^tipster_session=ts1\./);
    for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Path=/api/tips/status', 'Max-Age=900', 'Secure']) expect(cookie).toContain(attribute);
    const page = await opened.text();
    expect(page).toContain(question);
    expect(page).toContain('已收到');
    expect(page).toContain('新留言');
    expect(page).toContain('name="csrf"');
    expect(page).not.toContain(code);
    const again = await (await request('/api/tips/status?lang=zh', { cookie: sessionOf(opened) })).text();
    expect(again).toContain(question);
    expect(again).not.toContain('data-message-new');
  });

  it('with a wrong code gets exactly what a wrong code got before conversations, and no cookie', async () => {
    const withConversations = site();
    const without = site({ tipsterSessionSecret: undefined });
    await withConversations.submitTip();
    const wrong = 'ABCD-EFGH-JKMN-PQRS-TVWX';
    const [a, b] = [await withConversations.signIn(wrong), await without.signIn(wrong)];
    expect(a.status).toBe(404);
    expect(a.headers.get('Set-Cookie')).toBeNull();
    expect(await a.text()).toBe(await b.text());
  });

  it('in Mongolian, gets the page in Mongolian', async () => {
    const { submitTip, signIn } = site();
    const { code } = await submitTip();
    const page = await (await signIn(code, 'mn')).text();
    expect(page).toContain('ᠪᠠᠢᠳᠠᠯ');
    expect(page).toContain('action="/api/tips/status/reply?lang=mn"');
  });

  it('counts code attempts in the same per-client window as tips', async () => {
    const { request, signIn } = site({ rateLimitMax: 2 });
    expect((await request('/api/tips?lang=zh', { method: 'POST', body: new URLSearchParams(anonymousTip), headers: { 'X-Address-For-Test': '198.51.100.4' } })).status).toBe(303);
    expect((await signIn('ABCD-EFGH-JKMN-PQRS-TVWX', 'zh', '198.51.100.4')).status).toBe(404);
    const limited = await signIn('ABCD-EFGH-JKMN-PQRS-TVWY', 'zh', '198.51.100.4');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('分钟后再试');
    expect((await signIn('ABCD-EFGH-JKMN-PQRS-TVWY', 'zh', '198.51.100.5')).status).toBe(404);
  });
});

describe('the tipster answers', () => {
  it('with text and a photo: the photo loses its location, both are sealed to the reviewers, the database holds no readable word, the page shows the reply', async () => {
    const { askedAndReplying, request, memory } = site();
    const { code, tipId, cookie, form } = await askedAndReplying('桥下排污口.jpg');
    const sent = await request('/api/tips/status/reply?lang=zh', { method: 'POST', body: form, cookie });
    expect(sent.status).toBe(303);
    const page = await (await request(sent.headers.get('Location')!, { cookie })).text();
    expect(page).toContain('已发送');
    expect(page).toContain(answer);
    expect(page).toContain('桥下排污口.jpg');

    const everything = JSON.stringify(['tip_conversations', 'tip_messages', 'tip_message_files'].map((table) => memory.rows(`SELECT * FROM ${table}`)));
    for (const secret of [question, answer, '排污口', code]) expect(everything).not.toContain(secret);
    const [row] = memory.rows("SELECT * FROM tip_messages WHERE author = 'tipster'");
    const opened2 = await openAsReviewer([testOpeningKey], tipId, row!.position, 'tipster', row!.for_reviewers);
    expect(opened2.body.text).toBe(answer);
    const [file] = memory.rows('SELECT object_key FROM tip_message_files');
    const stored = memory.objects.get(file!.object_key)!;
    expect(new TextDecoder('latin1').decode(stored)).not.toContain('PhoneMaker');
    const photo = await openFileAsReviewer([testOpeningKey], opened2, tipId, row!.position, 'tipster', 0, stored as Uint8Array<ArrayBuffer>);
    expect(new TextDecoder('latin1').decode(photo)).not.toContain('PhoneMaker');
    expect((await sharp(photo).metadata()).width).toBe(16);
    expect(await memory.env.conversations!.tipsWithUnreadAnswer([tipId])).toEqual(new Set([tipId]));
  });

  it('is refused without the page token, with a file that is not what it says, or with nothing written, storing nothing', async () => {
    const { submitTip, signIn, request, memory } = site();
    const { code } = await submitTip();
    const opened = await signIn(code);
    const cookie = sessionOf(opened);
    const csrf = csrfOf(await opened.text());
    const post = (fields: Record<string, string>, files: File[] = []) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      for (const file of files) form.append('files', file);
      return request('/api/tips/status/reply?lang=zh', { method: 'POST', body: form, cookie });
    };
    expect((await post({ text: answer })).status).toBe(403);
    const mislabelled = await post({ csrf, text: answer }, [new File([new TextEncoder().encode('MZ not a photo')], 'a.jpg', { type: 'image/jpeg' })]);
    expect(mislabelled.status).toBe(422);
    expect(await mislabelled.text()).toContain(answer);
    expect((await post({ csrf, text: '   ' })).status).toBe(422);
    expect(memory.rows('SELECT * FROM tip_messages')).toEqual([]);
    expect(memory.objects.size).toBe(0);
  });
  it('over the size limit, gets the conversation again in the reader’s language, saying what the limit is, storing nothing', async () => {
    const { askedAndReplying, request, memory } = site();
    for (const lang of ['zh', 'mn'] as const) {
      const { cookie, form } = await askedAndReplying('photo.jpg', lang);
      // Over what the request layer reads at all: refused before the body is read.
      form.append('files', new File([new Uint8Array(maxBodyBytes + 128 * 1024)], 'video.jpg', { type: 'image/jpeg' }));
      const refused = await request(`/api/tips/status/reply?lang=${lang}`, { method: 'POST', body: form, cookie });
      expect(refused.status).toBe(413);
      const page = await refused.text();
      expect(page).toContain(`<h1>${t(lang)('tip.conversation.title')}</h1>`);
      expect(page).toContain(t(lang)('tip.error.filesTooLargeTogether', tipMessageValues));
      expect(page).toContain(question);
    }
    expect(memory.rows("SELECT * FROM tip_messages WHERE author = 'tipster'")).toEqual([]);
    expect(memory.objects.size).toBe(0);
  });
});

describe('a session that ended', () => {
  it('after "leave", shows the code form with a notice and nothing of the tip, even to a copied cookie', async () => {
    const { submitTip, staffAsks, signIn, request } = site();
    const { code, tipId } = await submitTip();
    await staffAsks(tipId, question);
    const opened = await signIn(code);
    const cookie = sessionOf(opened);
    const left = await request('/api/tips/status/leave?lang=zh', { method: 'POST', body: new URLSearchParams({ csrf: csrfOf(await opened.text()) }), cookie });
    expect(left.status).toBe(200);
    expect(left.headers.get('Set-Cookie')).toContain('Max-Age=0');
    expect(await left.text()).toContain('已经结束查看');
    const copied = await (await request('/api/tips/status?lang=zh', { cookie })).text();
    expect(copied).toContain('请重新输入查询码');
    expect(copied).not.toContain(question);
    expect(copied).toContain('name="code"');
  });

  it('after 15 minutes, shows the code form with a notice and takes no reply', async () => {
    let now = new Date();
    const { submitTip, signIn, request, memory } = site({}, () => now);
    const { code } = await submitTip();
    const opened = await signIn(code);
    const cookie = sessionOf(opened);
    const csrf = csrfOf(await opened.text());
    now = new Date(now.getTime() + 15 * 60_000 + 1000);
    const page = await (await request('/api/tips/status?lang=zh', { cookie })).text();
    expect(page).toContain('查看已经结束');
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('text', answer);
    const late = await (await request('/api/tips/status/reply?lang=zh', { method: 'POST', body: form, cookie })).text();
    expect(late).toContain('查看已经结束');
    expect(memory.rows('SELECT * FROM tip_messages')).toEqual([]);
  });

  it('by quick exit, leaves for the harmless page and refuses the cookie afterwards', async () => {
    const { submitTip, signIn, request } = site();
    const { code } = await submitTip();
    const cookie = sessionOf(await signIn(code));
    const exit = await request('/api/tips/status/exit', { cookie });
    expect(exit.status).toBe(303);
    expect(exit.headers.get('Location')).toBe('https://www.weather.com.cn/');
    expect(await (await request('/api/tips/status?lang=zh', { cookie })).text()).toContain('请重新输入查询码');
  });
});

describe('retention', () => {
  it('deletes the files tipsters added and erases both copies of every message of a long-closed tip; the tipster sees the status only', async () => {
    const { askedAndReplying, request, memory } = site();
    const { tipId, cookie, form } = await askedAndReplying('photo.jpg');
    expect((await request('/api/tips/status/reply?lang=zh', { method: 'POST', body: form, cookie })).status).toBe(303);
    expect(memory.objects.size).toBe(1);
    await memory.staffStore.changeStatus(tipId, { status: 'closed', note: '', changedBy: 'wang', changedAt: '2026-01-01T00:00:00.000Z' });
    const staffEnv = { store: memory.staffStore, conversations: memory.env.conversations, attachments: memory.env.attachments, config: { retentionDays: 30 } } as StaffEnvironment;
    expect(await runRetention(staffEnv, 'retention')).toEqual({ deleted: 1, erased: 1 });
    expect(memory.objects.size).toBe(0);
    expect(memory.rows('SELECT deleted_at IS NOT NULL AS gone FROM tip_message_files')).toEqual([{ gone: 1 }]);
    expect(memory.rows("SELECT position FROM tip_messages WHERE for_tipster = '' AND for_reviewers = ''")).toHaveLength(2);
    const page = await (await request('/api/tips/status?lang=zh', { cookie })).text();
    expect(page).toContain('已办结');
    expect(page).not.toContain(question);
  });
});

describe('the printable receipt', () => {
  it('says to come back with the code, and by which date (the acknowledgement deadline)', async () => {
    const { submitTip } = site({ acknowledgeDays: 7 });
    const { receipt } = await submitTip();
    const by = receipt.match(/<time datetime="([^"]+)" data-come-back-by>/)![1]!;
    expect(Math.round((Date.parse(by) - Date.now()) / 86_400_000)).toBe(7);
    expect(receipt).toContain('请回来查看');
  });
});

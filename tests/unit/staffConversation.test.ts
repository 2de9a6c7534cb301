import { describe, expect, it } from 'vitest';
import { handleStaffRequest } from '../../src/lib/http/routes/staff';
import { newSessionId } from '../../src/lib/staff/session';
import { generateReviewerKey, importReviewerPublicKey } from '../../src/lib/crypto/reviewerKeys';
import { sealMessage } from '../../src/lib/conversation/sealMessage';
import { openAsReviewer, openFileAsReviewer } from '../../src/lib/conversation/forReviewers';
import { openAsTipster } from '../../src/lib/conversation/forTipster';
import { tipsterPublicKeyForCode } from '../../src/lib/conversation/tipsterKeys';
import { staffMessageMaxLength } from '../../src/lib/conversation/staffMessage';
import { origin, staffPassword, staffTestEnvironment } from './support/staffEnvironment';
import { testOpeningKey, testReviewerKeys } from './support/sqlTipEnvironment';

const reviewers = await Promise.all(testReviewerKeys.map((reviewer) => importReviewerPublicKey(reviewer.name, reviewer.publicKey)));
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new TextEncoder().encode('JFIF\0'), 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

/** The staff core with a conversation store, a signed-in reviewer and `count` tips, each with its receipt code's key stored. */
async function setUp(count = 1) {
  const env = staffTestEnvironment();
  const conversations = env.staffEnv.conversations!;
  const tips: Array<{ id: string; code: string; publicKey: string }> = [];
  for (let index = 0; index < count; index += 1) {
    // Each tip its own day and text (the same tip sent twice is one tip), so the list order is known.
    env.setClock(new Date(Date.parse('2026-06-01T08:00:00Z') + index * 86_400_000));
    const { receiptCode } = (await (await env.submitTip({ description: `河道里有工业废水直接排放，第 ${index + 1} 处排污口，已经持续一个月了。` })).json()) as {
      receiptCode: string;
    };
    const id = env.tips().at(-1)!.id;
    // The submission stored the code's public key with the tip.
    const publicKey = await tipsterPublicKeyForCode(receiptCode);
    expect((await conversations.findConversation(id))?.tipsterPublicKey).toBe(publicKey);
    tips.push({ id, code: receiptCode, publicKey });
  }
  const login = await handleStaffRequest(
    new Request(`${origin}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'reviewer', password: staffPassword }),
    }),
    env.staffEnv,
  );
  const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!;
  const { csrfToken } = (await (await handleStaffRequest(new Request(`${origin}/api/staff/session`, { headers: { Cookie: cookie } }), env.staffEnv)).json()) as {
    csrfToken: string;
  };
  const get = (path: string) => handleStaffRequest(new Request(`${origin}${path}`, { headers: { Cookie: cookie } }), env.staffEnv);
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    handleStaffRequest(
      new Request(`${origin}${path}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Origin: origin, ...extra },
        body: JSON.stringify(body),
      }),
      env.staffEnv,
    );
  return { env, conversations, tips, get, post };
}

/** A staff question sealed as the staff browser seals it. */
const question = (tip: { id: string; publicKey: string }, position: number, text: string, sealedTo = reviewers) =>
  sealMessage({ reviewers: sealedTo, tipsterPublicKey: tip.publicKey, tipId: tip.id, position, author: 'staff', text, sentAt: new Date('2026-06-01T08:12:00Z') });
const posted = (sealed: { position: number; forTipster: string; forReviewers: string }) => ({
  position: sealed.position,
  forTipster: sealed.forTipster,
  forReviewers: sealed.forReviewers,
});

/** The tipster's answer with a photo, stored as the tipster's route stores it (the server seals it to the reviewers). */
async function tipsterAnswer(setup: Awaited<ReturnType<typeof setUp>>, tip: { id: string; publicKey: string }, position: number, text: string) {
  const sealed = await sealMessage({
    reviewers,
    tipsterPublicKey: tip.publicKey,
    tipId: tip.id,
    position,
    author: 'tipster',
    text,
    sentAt: new Date('2026-06-01T09:30:00Z'),
    files: [{ described: { name: 'river.jpg', contentType: 'image/jpeg', byteLength: jpeg.byteLength, sha256: '00' }, bytes: jpeg }],
  });
  const objectKey = `messages/${crypto.randomUUID()}`;
  await setup.env.env.attachments.put(objectKey, sealed.sealedFiles[0]!, 'application/octet-stream');
  expect(
    await setup.conversations.appendMessage({
      ...sealed,
      writtenBy: '',
      files: [{ objectKey, contentType: 'image/jpeg', byteLength: sealed.sealedFiles[0]!.byteLength, sha256: '00' }],
    }),
  ).toBe('appended');
  return objectKey;
}

const someId = '00000000-0000-4000-8000-000000000000';
const conversationEndpoints: Array<[string, string]> = [
  ['GET', `/api/staff/tips/${someId}/conversation`],
  ['POST', `/api/staff/tips/${someId}/conversation/read`],
  ['POST', `/api/staff/tips/${someId}/messages`],
  ['GET', `/api/staff/tips/${someId}/messages/1/files/0`],
];

describe('the staff side of the conversation', () => {
  it('answers 401 without a session and 403 with a made-up one on every conversation endpoint', async () => {
    const { env } = await setUp(0);
    for (const [method, path] of conversationEndpoints) {
      expect((await handleStaffRequest(new Request(`${origin}${path}`, { method }), env.staffEnv)).status, `${method} ${path}`).toBe(401);
      const forged = await handleStaffRequest(new Request(`${origin}${path}`, { method, headers: { Cookie: `__Host-staff_session=${newSessionId()}` } }), env.staffEnv);
      expect(forged.status, `${method} ${path}`).toBe(403);
    }
  });

  it('refuses a staff message without the CSRF token or from another site', async () => {
    const setup = await setUp();
    const tip = setup.tips[0]!;
    const sealed = posted(await question(tip, 0, '请问排污口具体在哪一侧？'));
    expect((await setup.post(`/api/staff/tips/${tip.id}/messages`, sealed, { 'X-CSRF-Token': 'made-up' })).status).toBe(403);
    expect((await setup.post(`/api/staff/tips/${tip.id}/messages`, sealed, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await setup.conversations.findConversation(tip.id))!.messages).toHaveLength(0);
  });

  it('hands out the conversation sealed with the keys to seal to, stores a question sealed in the browser that only the code and a reviewer key open, and audits both', async () => {
    const setup = await setUp();
    const tip = setup.tips[0]!;
    const shown = await setup.get(`/api/staff/tips/${tip.id}/conversation`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('cache-control')).toBe('no-store');
    const body = await shown.json();
    expect(body).toMatchObject({ tipsterPublicKey: tip.publicKey, reviewers: testReviewerKeys, nextPosition: 0, messages: [], maxLength: staffMessageMaxLength });

    const text = '请问排污口具体在哪一侧？大约从什么时候开始？';
    const sent = await setup.post(`/api/staff/tips/${tip.id}/messages`, posted(await question(tip, 0, text)));
    expect(sent.status).toBe(201);
    const [stored] = (await setup.conversations.findConversation(tip.id))!.messages;
    expect(stored).toMatchObject({ position: 0, author: 'staff', writtenBy: 'reviewer', sentHour: '2026-06-01T08:00:00.000Z', fileCount: 0 });
    expect(JSON.stringify(stored)).not.toContain('排污口');
    expect((await openAsTipster(tip.code, tip.id, 0, stored!.forTipster, 'staff')).text).toBe(text);
    expect((await openAsReviewer([testOpeningKey], tip.id, 0, 'staff', stored!.forReviewers)).body.text).toBe(text);

    const audit = setup.env.auditLog().filter((entry) => entry.tipId === tip.id);
    expect(audit.map((entry) => [entry.action, entry.actor, entry.detail])).toEqual([
      ['message_read', 'reviewer', 'no messages'],
      ['message_send', 'reviewer', 'message 1'],
    ]);
  });

  it('answers 409 with the next position when the position is taken, so the browser reseals there', async () => {
    const setup = await setUp();
    const tip = setup.tips[0]!;
    expect((await setup.post(`/api/staff/tips/${tip.id}/messages`, posted(await question(tip, 0, '第一个问题')))).status).toBe(201);
    for (const position of [0, 5]) {
      const taken = await setup.post(`/api/staff/tips/${tip.id}/messages`, posted(await question(tip, position, '第二个问题')));
      expect(taken.status, `position ${position}`).toBe(409);
      expect(await taken.json()).toMatchObject({ error: 'position_taken', nextPosition: 1 });
    }
    expect((await setup.post(`/api/staff/tips/${tip.id}/messages`, posted(await question(tip, 1, '第二个问题')))).status).toBe(201);
  });

  it('refuses what is not sealed, too long, or not sealed to exactly the active reviewers, and stores nothing', async () => {
    const setup = await setUp();
    const tip = setup.tips[0]!;
    const good = posted(await question(tip, 0, '请补充照片'));
    const stranger = await generateReviewerKey('someone else', 'a passphrase for a stranger', 1000);
    const strangerKey = await importReviewerPublicKey('someone else', stranger.publicKey);
    const cases: Array<[string, unknown, string]> = [
      ['plain text for the tipster', { ...good, forTipster: '请补充照片' }, 'malformed'],
      ['plain text for reviewers', { ...good, forReviewers: '请补充照片' }, 'malformed'],
      ['not base64url', { ...good, forTipster: 'tipster1:不是密文' }, 'malformed'],
      ['a damaged reviewer copy', { ...good, forReviewers: 'sealed2:AAAA' }, 'malformed'],
      ['too long', { ...good, forTipster: `tipster1:${'A'.repeat(40_000)}` }, 'too_long'],
      ['sealed to a key that is not a reviewer', posted(await question(tip, 0, '请补充照片', [strangerKey])), 'wrong_reviewers'],
      ['sealed to a reviewer and an extra key', posted(await question(tip, 0, '请补充照片', [...reviewers, strangerKey])), 'wrong_reviewers'],
      ['an extra field', { ...good, author: 'tipster' }, 'invalid'],
      ['no position', { forTipster: good.forTipster, forReviewers: good.forReviewers }, 'invalid'],
    ];
    for (const [name, body, error] of cases) {
      const refused = await setup.post(`/api/staff/tips/${tip.id}/messages`, body);
      expect(refused.status, name).toBe(422);
      const answer = await refused.json();
      expect(answer.error, name).toBe(error);
      // A sentence for the staff member, from the string files.
      expect(answer.message, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await setup.conversations.findConversation(tip.id))!.messages).toHaveLength(0);
    expect(setup.env.auditLog().filter((entry) => entry.action === 'message_send')).toHaveLength(0);
  });

  it('a question sealed for tip A and posted as tip B opens for neither side of B', async () => {
    const setup = await setUp(2);
    const [a, b] = setup.tips as [(typeof setup.tips)[0], (typeof setup.tips)[0]];
    // The server holds no key to tell; whoever opens it checks the tip and place the seal is bound to.
    expect((await setup.post(`/api/staff/tips/${b.id}/messages`, posted(await question(a, 0, '只给A的问题')))).status).toBe(201);
    const [moved] = (await setup.conversations.findConversation(b.id))!.messages;
    await expect(openAsReviewer([testOpeningKey], b.id, 0, 'staff', moved!.forReviewers)).rejects.toThrow(/does not open/);
    await expect(openAsTipster(b.code, b.id, 0, moved!.forTipster, 'staff')).rejects.toThrow(/does not open/);
    await expect(openAsTipster(a.code, b.id, 0, moved!.forTipster, 'staff')).rejects.toThrow(/does not open/);
  });

  it('marks and sorts a tip with an unread answer first, serves its file sealed under a safe name, and clears the mark once shown', async () => {
    const setup = await setUp(3);
    const answered = setup.tips[2]!;
    await setup.post(`/api/staff/tips/${answered.id}/messages`, posted(await question(answered, 0, '请问在哪里？')));
    await tipsterAnswer(setup, answered, 1, '在东侧第二个排污口，附照片。');

    const list = (await (await setup.get('/api/staff/tips')).json()) as { tips: Array<{ id: string; hasUnreadAnswer: boolean }> };
    expect(list.tips.map((tip) => [tip.id, tip.hasUnreadAnswer])).toEqual([
      [answered.id, true],
      [setup.tips[0]!.id, false],
      [setup.tips[1]!.id, false],
    ]);

    // The store pages in that order too, so an answered tip is on the first page however many tips came before it.
    const firstPage = await setup.env.staffStore.listTips({}, { offset: 0, limit: 1 }, setup.env.staffEnv.now!(), setup.env.staffEnv.config.deadlines);
    expect(firstPage.tips.map((tip) => tip.id)).toEqual([answered.id]);

    const conversation = await (await setup.get(`/api/staff/tips/${answered.id}/conversation`)).json();
    expect(conversation.messages.map((message: { author: string; unread: boolean }) => [message.author, message.unread])).toEqual([
      ['staff', false],
      ['tipster', true],
    ]);
    expect(conversation.messages[1].files).toEqual([{ position: 0, contentType: 'image/jpeg', byteLength: expect.any(Number) }]);
    const opened = await openAsReviewer([testOpeningKey], answered.id, 1, 'tipster', conversation.messages[1].forReviewers);
    expect(opened.body.text).toBe('在东侧第二个排污口，附照片。');

    const file = await setup.get(`/api/staff/tips/${answered.id}/messages/1/files/0`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="tip-${answered.id.slice(0, 8)}-m2-1.sealed"`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(await openFileAsReviewer([testOpeningKey], opened, answered.id, 1, 'tipster', 0, bytes)).toEqual(jpeg);
    // Only a tipster's message has files; positions and indexes that hold none are not found.
    for (const path of ['messages/0/files/0', 'messages/1/files/1', 'messages/9/files/0', 'messages/x/files/0']) {
      expect((await setup.get(`/api/staff/tips/${answered.id}/${path}`)).status, path).toBe(404);
    }

    expect((await setup.post(`/api/staff/tips/${answered.id}/conversation/read`, { through: 5 })).status).toBe(422);
    expect((await setup.post(`/api/staff/tips/${answered.id}/conversation/read`, { through: 1 })).status).toBe(200);
    const after = (await (await setup.get('/api/staff/tips')).json()) as { tips: Array<{ id: string; hasUnreadAnswer: boolean }> };
    expect(after.tips.map((tip) => tip.hasUnreadAnswer)).toEqual([false, false, false]);
    expect(after.tips[0]!.id).toBe(setup.tips[0]!.id);

    const audit = setup.env.auditLog().filter((entry) => entry.tipId === answered.id);
    expect(audit.map((entry) => [entry.action, entry.detail])).toEqual([
      ['message_send', 'message 1'],
      ['message_read', 'messages 1–2'],
      ['message_download', 'message 2 file 1'],
    ]);
  });

  it('answers 410 for a message file retention deleted, and 404 for a tip without a conversation', async () => {
    const setup = await setUp();
    const tip = setup.tips[0]!;
    await tipsterAnswer(setup, tip, 0, '补充');
    const [file] = (await setup.conversations.findConversation(tip.id))!.messages[0]!.files;
    await setup.conversations.markMessageFilesDeleted([file!.objectKey], '2027-01-01T00:00:00.000Z');
    const gone = await setup.get(`/api/staff/tips/${tip.id}/messages/0/files/0`);
    expect(gone.status).toBe(410);
    expect((await gone.json()).message).toContain('2027-01-01');
    // A tip sent before conversations existed has none.
    setup.env.sqlite.prepare('DELETE FROM tip_conversations WHERE tip_id = ?').run(tip.id);
    const none = await setup.get(`/api/staff/tips/${tip.id}/conversation`);
    expect(none.status).toBe(404);
    expect((await none.json()).error).toBe('no_conversation');
  });

  it('the CSV export gains only the message counts of each side', async () => {
    const setup = await setUp();
    const tip = setup.tips[0]!;
    await setup.post(`/api/staff/tips/${tip.id}/messages`, posted(await question(tip, 0, '请问排污口在哪？')));
    await tipsterAnswer(setup, tip, 1, '在东侧河道');
    const csv = await (await setup.get('/api/staff/export.csv')).text();
    const [header, row] = csv.trim().split(/\r?\n/);
    expect(header!.split(',').slice(-2)).toEqual(['工作人员消息数', '举报人消息数']);
    expect(row!.split(',').slice(-2)).toEqual(['1', '1']);
    expect(csv).not.toMatch(/排污口|东侧河道|tipster1:|sealed2:/);
  });
});

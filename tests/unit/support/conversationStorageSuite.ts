import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReceiptCode, hashReceiptCode } from '../../../src/lib/tips/receiptCode';
import { importReviewerPublicKey } from '../../../src/lib/crypto/reviewerKeys';
import { sealMessage, type SealedMessage } from '../../../src/lib/conversation/sealMessage';
import { tipsterPublicKeyForCode } from '../../../src/lib/conversation/tipsterKeys';
import { openAsTipster } from '../../../src/lib/conversation/forTipster';
import { openAsReviewer } from '../../../src/lib/conversation/forReviewers';
import type { NewConversationMessage } from '../../../src/lib/conversation/store';
import type { OpenedTarget, StorageTarget } from './tipStorageTargets';
import { testOpeningKey, testReviewerKeys } from './sealingKeys';

const question = '请问排放口在哪一座桥下？';
const answer = '第二座桥，北岸。';
const fileName = '桥下排污口.jpg';
const sentAt = new Date('2026-12-03T07:41:09.000Z');

/** The row a sealed message becomes; files get random object keys as the routes give them. */
const rowOf = (message: SealedMessage, writtenBy = ''): NewConversationMessage => ({
  ...message,
  writtenBy,
  files: message.sealedFiles.map((bytes) => ({
    objectKey: `messages/${crypto.randomUUID()}`,
    contentType: 'application/octet-stream',
    byteLength: bytes.byteLength,
    sha256: 'ab',
  })),
});

/**
 * The conversation tables through the one SQL ConversationStore on a real database: what staff
 * and a tipster would notice (order, read marks, nothing readable in the rows, nothing partial,
 * retention). Runs on every target of tipStorageTargets.ts (conversationStorage.test.ts).
 */
export function describeConversationStorage(target: StorageTarget) {
  describe(`conversations: ${target.name}`, { timeout: 30_000 }, () => {
    let opened: OpenedTarget;
    beforeAll(async () => {
      opened = await target.open();
    }, 60_000);
    afterAll(async () => {
      await opened?.close();
    });

    /** A tip as the submission stores it: with its conversation, in the same batch. */
    const newTip = async () => {
      const code = generateReceiptCode();
      const id: string = crypto.randomUUID();
      const tipsterPublicKey = await tipsterPublicKeyForCode(code);
      const outcome = await opened.store.insertTip({
        id,
        receiptHash: await hashReceiptCode(code),
        category: 'ecology',
        region: 'horqin',
        anonymous: true,
        content: 'sealed2:x',
        sealedToKeyId: 'test',
        abuseCheck: 'none',
        receivedAt: '2026-12-01T09:00:00.000Z',
        attachments: [],
        idempotencyKeyHash: `key-${id}`,
        sealedReceipt: 'sealed',
        tipsterPublicKey,
      });
      expect(outcome).toBe('inserted');
      return { id, code, tipsterPublicKey };
    };
    const reviewers = () => Promise.all(testReviewerKeys.map((key) => importReviewerPublicKey(key.name, key.publicKey)));
    const seal = async (tip: { id: string; tipsterPublicKey: string }, position: number, author: 'staff' | 'tipster', text: string, withFile = false) =>
      sealMessage({
        reviewers: await reviewers(),
        tipsterPublicKey: tip.tipsterPublicKey,
        tipId: tip.id,
        position,
        author,
        text,
        sentAt,
        ...(withFile
          ? {
              files: [
                { described: { name: fileName, contentType: 'image/jpeg', byteLength: 4, sha256: 'cd' }, bytes: new TextEncoder().encode('JPEG') as Uint8Array<ArrayBuffer> },
              ],
            }
          : {}),
      });
    const conversationRows = async (tipId: string) =>
      JSON.stringify(await Promise.all(['tip_conversations', 'tip_messages', 'tip_message_files'].map((table) => opened.rows(`SELECT * FROM ${table} WHERE tip_id = '${tipId}'`))));

    it('gives every new tip its conversation with the public key of its code, in the tip batch', async () => {
      const tip = await newTip();
      const conversation = await opened.conversationStore.findConversation(tip.id);
      expect(conversation).toEqual({ tipId: tip.id, tipsterPublicKey: tip.tipsterPublicKey, staffReadThrough: -1, tipsterSeenThrough: -1, messages: [] });
      expect(await opened.conversationStore.findTipIdByReceipt(await hashReceiptCode(tip.code))).toBe(tip.id);
      expect(await opened.conversationStore.findTipIdByReceipt(await hashReceiptCode(generateReceiptCode()))).toBeUndefined();
    });

    it('keeps a question and an answer with a file in order, each side able to reopen them, no row revealing a word, a file name or the code', async () => {
      const tip = await newTip();
      expect(await opened.conversationStore.appendMessage(rowOf(await seal(tip, 0, 'staff', question), 'reviewer-wang'))).toBe('appended');
      expect(await opened.conversationStore.appendMessage(rowOf(await seal(tip, 1, 'tipster', answer, true)))).toBe('appended');
      const conversation = (await opened.conversationStore.findConversation(tip.id))!;
      expect(conversation.messages.map((message) => [message.position, message.author, message.writtenBy, message.fileCount, message.files.length, message.sentHour])).toEqual([
        [0, 'staff', 'reviewer-wang', 0, 0, '2026-12-03T07:00:00.000Z'],
        [1, 'tipster', '', 1, 1, '2026-12-03T07:00:00.000Z'],
      ]);
      expect((await openAsTipster(tip.code, tip.id, 0, conversation.messages[0]!.forTipster)).text).toBe(question);
      expect((await openAsReviewer([testOpeningKey], tip.id, 1, 'tipster', conversation.messages[1]!.forReviewers)).body.files?.[0]?.name).toBe(fileName);
      const everything = await conversationRows(tip.id);
      expect(everything).toContain(tip.id);
      for (const secret of [question, answer, '排放口', '桥下排污口', tip.code, tip.code.replace(/-/g, ''), ':41:09']) expect(everything, secret).not.toContain(secret);
    });

    it('writes nothing at a taken or skipped position, files included', async () => {
      const tip = await newTip();
      expect(await opened.conversationStore.appendMessage(rowOf(await seal(tip, 0, 'staff', question)))).toBe('appended');
      const racing = rowOf(await seal(tip, 0, 'tipster', answer, true));
      expect(await opened.conversationStore.appendMessage(racing)).toBe('position_taken');
      expect(await opened.conversationStore.appendMessage(rowOf(await seal(tip, 2, 'tipster', answer)))).toBe('position_taken');
      const conversation = (await opened.conversationStore.findConversation(tip.id))!;
      expect(conversation.messages.map((message) => message.author)).toEqual(['staff']);
      expect(await opened.rows(`SELECT object_key FROM tip_message_files WHERE tip_id = '${tip.id}'`)).toEqual([]);
    });

    it('writes a message whole or not at all when one of its file rows is refused', async () => {
      const tip = await newTip();
      const first = rowOf(await seal(tip, 0, 'tipster', answer, true));
      expect(await opened.conversationStore.appendMessage(first)).toBe('appended');
      const second = rowOf(await seal(tip, 1, 'tipster', answer, true));
      // Its file row reuses an object key that exists: the message row must vanish with it.
      await expect(opened.conversationStore.appendMessage({ ...second, files: [{ ...second.files[0]!, objectKey: first.files[0]!.objectKey }] })).rejects.toThrow();
      expect((await opened.conversationStore.findConversation(tip.id))!.messages).toHaveLength(1);
      expect(await opened.conversationStore.tipsWithUnreadAnswer([tip.id])).toEqual(new Set([tip.id]));
    });

    it('marks an unread answer until staff read it, moves read marks only forward and counts messages per side', async () => {
      const [asked, answered] = [await newTip(), await newTip()];
      await opened.conversationStore.appendMessage(rowOf(await seal(asked, 0, 'staff', question)));
      await opened.conversationStore.appendMessage(rowOf(await seal(answered, 0, 'staff', question)));
      await opened.conversationStore.appendMessage(rowOf(await seal(answered, 1, 'tipster', answer)));
      await opened.conversationStore.appendMessage(rowOf(await seal(answered, 2, 'tipster', answer)));
      expect(await opened.conversationStore.tipsWithUnreadAnswer([asked.id, answered.id])).toEqual(new Set([answered.id]));
      await opened.conversationStore.markReadByStaff(answered.id, 2);
      await opened.conversationStore.markReadByStaff(answered.id, 0);
      expect((await opened.conversationStore.findConversation(answered.id))!.staffReadThrough).toBe(2);
      expect(await opened.conversationStore.tipsWithUnreadAnswer([asked.id, answered.id])).toEqual(new Set());
      await opened.conversationStore.markSeenByTipster(asked.id, 0);
      await opened.conversationStore.markSeenByTipster(asked.id, -1);
      expect((await opened.conversationStore.findConversation(asked.id))!.tipsterSeenThrough).toBe(0);
      expect(await opened.conversationStore.messageCounts([asked.id, answered.id])).toEqual(
        new Map([
          [asked.id, { staff: 1, tipster: 0 }],
          [answered.id, { staff: 1, tipster: 2 }],
        ]),
      );
      expect(await opened.conversationStore.countTipsterMessagesSince(answered.id, '2026-12-03T07:00:00.000Z')).toBe(2);
      expect(await opened.conversationStore.countTipsterMessagesSince(answered.id, '2026-12-03T08:00:00.000Z')).toBe(0);
    });

    it('shows the tipster the statuses and their dates, never a staff note', async () => {
      const tip = await newTip();
      await opened.staffStore.changeStatus(tip.id, { status: 'under_review', note: '内部备注：联系环保局', changedBy: 'wang', changedAt: '2026-12-02T10:00:00.000Z' });
      const view = await opened.conversationStore.findTipsterStatus(tip.id);
      expect(view).toEqual({
        status: 'under_review',
        history: [
          { status: 'received', changedAt: '2026-12-01T09:00:00.000Z' },
          { status: 'under_review', changedAt: '2026-12-02T10:00:00.000Z' },
        ],
      });
      expect(JSON.stringify(view)).not.toContain('内部备注');
      expect(await opened.conversationStore.findTipsterStatus(crypto.randomUUID())).toBeUndefined();
    });

    it('refuses a public key of the wrong size and an unknown author', async () => {
      const tip = await newTip();
      await expect(opened.rows(`UPDATE tip_conversations SET tipster_public_key = 'short' WHERE tip_id = '${tip.id}'`)).rejects.toThrow();
      await opened.conversationStore.appendMessage(rowOf(await seal(tip, 0, 'staff', question)));
      await expect(opened.rows(`UPDATE tip_messages SET author = 'someone' WHERE tip_id = '${tip.id}'`)).rejects.toThrow();
    });

    it('hands retention the files of closed tips only, marks them deleted, and loses every row with the tip', async () => {
      const [closed, open] = [await newTip(), await newTip()];
      for (const tip of [closed, open]) await opened.conversationStore.appendMessage(rowOf(await seal(tip, 0, 'tipster', answer, true)));
      await opened.staffStore.changeStatus(closed.id, { status: 'closed', note: '', changedBy: 'wang', changedAt: '2026-12-02T10:00:00.000Z' });
      const expired = await opened.conversationStore.findExpiredMessageFiles('2026-12-03T00:00:00.000Z');
      expect(expired.filter((file) => [closed.id, open.id].includes(file.tipId)).map((file) => file.tipId)).toEqual([closed.id]);
      await opened.conversationStore.markMessageFilesDeleted(
        expired.map((file) => file.objectKey),
        '2026-12-03T01:00:00.000Z',
      );
      expect((await opened.conversationStore.findConversation(closed.id))!.messages[0]!.files[0]!.deletedAt).toBe('2026-12-03T01:00:00.000Z');
      expect(await opened.conversationStore.findExpiredMessageFiles('2026-12-03T00:00:00.000Z')).toEqual([]);

      await opened.rows(`DELETE FROM tip_status_changes WHERE tip_id = '${closed.id}'`);
      await opened.rows(`DELETE FROM tip_submissions WHERE tip_id = '${closed.id}'`);
      await opened.rows(`DELETE FROM tips WHERE id = '${closed.id}'`);
      expect(await conversationRows(closed.id)).toBe('[[],[],[]]');
      expect(await opened.conversationStore.findConversation(closed.id)).toBeUndefined();
    });

    it('refuses an ended session until its token would have expired anyway, keeping nothing but its id', async () => {
      const sessionId = crypto.randomUUID();
      const expiresAt = Date.now() + 15 * 60_000;
      expect(await opened.conversationStore.isTipsterSessionEnded(sessionId, Date.now())).toBe(false);
      await opened.conversationStore.endTipsterSession(sessionId, expiresAt);
      await opened.conversationStore.endTipsterSession(sessionId, expiresAt);
      expect(await opened.conversationStore.isTipsterSessionEnded(sessionId, Date.now())).toBe(true);
      expect(await opened.conversationStore.isTipsterSessionEnded(sessionId, expiresAt + 1)).toBe(false);
      expect(Object.keys((await opened.rows(`SELECT * FROM tipster_sessions_ended WHERE session_id = '${sessionId}'`))[0]!).sort()).toEqual(['expires_at', 'session_id']);
    });

    it('rewraps a reviewers copy only while it is the one reseal read', async () => {
      const tip = await newTip();
      await opened.conversationStore.appendMessage(rowOf(await seal(tip, 0, 'tipster', answer)));
      const [copy] = (await opened.conversationStore.listReviewerCopies()).filter((row) => row.tipId === tip.id);
      expect(copy).toMatchObject({ tipId: tip.id, position: 0, author: 'tipster' });
      expect(await opened.conversationStore.replaceReviewerCopy(tip.id, 0, copy!.forReviewers, 'sealed2:new', 'k2')).toBe(true);
      expect(await opened.conversationStore.replaceReviewerCopy(tip.id, 0, copy!.forReviewers, 'sealed2:newer', 'k3')).toBe(false);
      expect((await opened.conversationStore.findConversation(tip.id))!.messages[0]).toMatchObject({ forReviewers: 'sealed2:new', sealedToKeyId: 'k2' });
    });
  });
}

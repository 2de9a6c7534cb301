/**
 * The staff side of the conversation by receipt code (issue 15), behind the staff service's
 * authentication and CSRF check (handleStaffRequest.ts):
 *
 *   GET  /api/staff/tips/:id/conversation                    the messages, still sealed, and the keys to seal a new one to
 *   POST /api/staff/tips/:id/conversation/read               { through }: the browser showed the messages up to there
 *   POST /api/staff/tips/:id/messages                        { position, forTipster, forReviewers }: a question sealed in the browser
 *   GET  /api/staff/tips/:id/messages/:position/files/:index a tipster's file, still sealed
 *
 * The server opens nothing here: staff messages arrive sealed by the staff browser (sealMessage.ts),
 * and the tipster's answers leave sealed to the reviewers, opened in the staff browser.
 */
import { z } from 'zod';
import { useTranslations } from '../../i18n';
import { fromBase64Url } from '../crypto/base64url';
import { keyIdOf } from '../crypto/reviewerKeys';
import { inConversationOrder, nextPosition, sentHourOf, unreadByStaff } from '../conversation/model';
import { refusalOf, staffMessageMaxLength, type StaffMessageRefusal } from '../conversation/staffMessage';
import type { Conversation, ConversationStore } from '../conversation/store';
import type { AuditEntry, TipConfig } from '../tips/storage';
import { messageFileBaseName } from './evidenceFileName';
import type { Staff, StaffEnvironment } from './handleStaffRequest';
import { headers, json, problem } from './staffAnswers';

/** What the conversation needs beside the staff store: its own store, and whom new messages are sealed to. */
interface ConversationEnvironment {
  store: ConversationStore;
  reviewerKeys: TipConfig['reviewerKeys'];
}

// The staff UI is Chinese; its messages live with every other UI string.
const t = useTranslations('zh');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const wholeNumber = /^\d{1,6}$/;

/** The four conversation routes (src/lib/http/routes/staff.ts declares their paths and methods). */
export const showStaffConversation = (id: string, env: StaffEnvironment, staff: Staff) => withConversation(id, env, () => showConversation(id, env, staff));
export const markConversationRead = (request: Request, id: string, env: StaffEnvironment) => withConversation(id, env, () => markRead(request, id, env));
export const sendStaffMessage = (request: Request, id: string, env: StaffEnvironment, staff: Staff) => withConversation(id, env, () => sendMessage(request, id, env, staff));
export const downloadTipsterFile = (id: string, position: string, index: string, env: StaffEnvironment, staff: Staff) =>
  withConversation(id, env, () => downloadMessageFile(id, position, index, env, staff));

const noConversation = () => problem(404, 'no_conversation', t('staff.conversation.error.none'));

/** Answers 404 for a server without conversations or a malformed tip id before any handler runs. */
async function withConversation(id: string, env: StaffEnvironment, answer: () => Promise<Response>): Promise<Response> {
  if (!env.conversations || !env.reviewerKeys || !uuid.test(id)) return noConversation();
  return answer();
}

/** Only called behind withConversation, which answered 404 where either is missing. */
const conversationOf = (env: StaffEnvironment): ConversationEnvironment => ({ store: env.conversations!, reviewerKeys: env.reviewerKeys! });
const now = (env: StaffEnvironment) => env.now?.() ?? new Date();

async function audit(env: StaffEnvironment, staff: Staff, action: AuditEntry['action'], tipId: string, detail: string): Promise<void> {
  await env.store.audit({ at: now(env).toISOString(), actor: staff.actor, action, tipId, detail });
}

async function findConversation(id: string, env: StaffEnvironment): Promise<Conversation | undefined> {
  return conversationOf(env).store.findConversation(id);
}

async function showConversation(id: string, env: StaffEnvironment, staff: Staff): Promise<Response> {
  const conversation = await findConversation(id, env);
  if (!conversation) return noConversation();
  const messages = inConversationOrder(conversation.messages);
  const unread = new Set(unreadByStaff(messages, conversation.staffReadThrough).map((message) => message.position));
  // Handed out sealed, like the tip itself: the hand-out is what the audit records.
  await audit(env, staff, 'message_read', id, messages.length ? `messages 1–${messages.length}` : 'no messages');
  return json({
    tipId: id,
    tipsterPublicKey: conversation.tipsterPublicKey,
    reviewers: conversationOf(env).reviewerKeys,
    nextPosition: messages.length,
    staffReadThrough: conversation.staffReadThrough,
    maxLength: staffMessageMaxLength,
    messages: messages.map((message) => ({
      position: message.position,
      author: message.author,
      sentHour: message.sentHour,
      writtenBy: message.writtenBy,
      forReviewers: message.forReviewers,
      unread: unread.has(message.position),
      files: message.files.map((file) => ({
        position: file.position,
        contentType: file.contentType,
        byteLength: file.byteLength,
        ...(file.deletedAt ? { deletedAt: file.deletedAt } : {}),
      })),
    })),
  });
}

async function bodyOf(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

const readMark = z.strictObject({ through: z.number().int().min(0) });

async function markRead(request: Request, id: string, env: StaffEnvironment): Promise<Response> {
  const parsed = readMark.safeParse(await bodyOf(request));
  if (!parsed.success) return problem(422, 'invalid', t('staff.conversation.error.invalid'));
  const conversation = await findConversation(id, env);
  if (!conversation) return noConversation();
  if (parsed.data.through >= conversation.messages.length) return problem(422, 'invalid', t('staff.conversation.error.invalid'));
  await conversationOf(env).store.markReadByStaff(id, parsed.data.through);
  return json({ staffReadThrough: Math.max(conversation.staffReadThrough, parsed.data.through) });
}

const postedMessage = z.strictObject({
  position: z.number().int().min(0),
  forTipster: z.string().min(1),
  forReviewers: z.string().min(1),
});

const refusalMessage: Record<Exclude<StaffMessageRefusal, 'position_taken'>, string> = {
  malformed: t('staff.conversation.error.malformed'),
  too_long: t('staff.conversation.error.tooLong', { max: staffMessageMaxLength }),
  wrong_reviewers: t('staff.conversation.error.wrongReviewers'),
};

/** 409 with the position to reseal at: the seals are bound to the position, so only the browser can move a message. */
const positionTaken = (next: number) => json({ error: 'position_taken', message: t('staff.conversation.error.positionTaken'), nextPosition: next }, 409);

async function activeKeyIds(env: StaffEnvironment): Promise<string[]> {
  return Promise.all(conversationOf(env).reviewerKeys.map((reviewer) => keyIdOf(fromBase64Url(reviewer.publicKey))));
}

async function sendMessage(request: Request, id: string, env: StaffEnvironment, staff: Staff): Promise<Response> {
  const parsed = postedMessage.safeParse(await bodyOf(request));
  if (!parsed.success) return problem(422, 'invalid', t('staff.conversation.error.invalid'));
  const conversation = await findConversation(id, env);
  if (!conversation) return noConversation();
  const expected = nextPosition(conversation.messages);
  const keyIds = await activeKeyIds(env);
  const refusal = refusalOf(parsed.data, expected, keyIds);
  if (refusal === 'position_taken') return positionTaken(expected);
  if (refusal) return problem(422, refusal, refusalMessage[refusal]);
  const sentHour = sentHourOf(now(env));
  const appended = await conversationOf(env).store.appendMessage({
    tipId: id,
    position: parsed.data.position,
    author: 'staff',
    sentHour,
    forTipster: parsed.data.forTipster,
    forReviewers: parsed.data.forReviewers,
    fileCount: 0,
    sealedToKeyId: keyIds.join(','),
    writtenBy: staff.actor,
    files: [],
  });
  if (appended === 'position_taken') return positionTaken(nextPosition((await findConversation(id, env))?.messages ?? []));
  await audit(env, staff, 'message_send', id, `message ${parsed.data.position + 1}`);
  return json({ position: parsed.data.position, sentHour }, 201);
}

async function downloadMessageFile(id: string, position: string, index: string, env: StaffEnvironment, staff: Staff): Promise<Response> {
  const notFound = () => problem(404, 'not_found', t('staff.conversation.error.noFile'));
  if (!wholeNumber.test(position) || !wholeNumber.test(index)) return notFound();
  const conversation = await findConversation(id, env);
  const message = conversation?.messages.find((candidate) => candidate.position === Number(position) && candidate.author === 'tipster');
  const file = message?.files.find((candidate) => candidate.position === Number(index));
  if (!message || !file) return notFound();
  if (file.deletedAt) return problem(410, 'deleted', t('staff.file.deleted', { date: file.deletedAt.slice(0, 10) }));
  const bytes = await env.attachments.get(file.objectKey);
  if (!bytes) return notFound();
  await audit(env, staff, 'message_download', id, `message ${message.position + 1} file ${file.position + 1}`);
  // Still sealed, named by the tip and place only, as the tip's own files (downloadFile).
  const name = `${messageFileBaseName(id, message.position, file.position)}.sealed`;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: headers({ 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${name}"` }),
  });
}

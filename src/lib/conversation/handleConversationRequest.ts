/**
 * The tipster's side of the conversation (issue 15), without JavaScript: after the receipt code
 * was right (handleTipRequest's status lookup hands over), a 15-minute session cookie carries the
 * tipster's keys; the page shows the status history and every message, and takes a reply with
 * files (checked and cleaned like a tip's, sealed to the reviewers and to the code's key). Leave
 * and quick exit end the session for good. Wiring plan and what is left: docs/conversation.md.
 */
import { isLocale, type Locale } from '../../i18n/locales';
import { useTranslations, type UiKey } from '../../i18n';
import { preferredLocale } from '../preferredLocale';
import { isSecureRequest, readCookie, setCookieHeader } from '../http/cookies';
import { csrfTokenFor, csrfTokenMatches } from '../staff/session';
import { fillShell, retitle } from '../tips/renderPages';
import { filesToSeal } from '../tips/cleanFiles';
import { sha256Hex } from '../tips/receiptCode';
import { claimedEvidenceType, validateReply, type ReplyFieldErrors } from '../tips/tipSchema';
import { readEvidence, reviewerKeysFor } from '../tips/handleTipRequest';
import type { TipEnvironment } from '../tips/storage';
import { openWithTipsterKeys } from './forTipster';
import { newForTipster, readThroughAfterShowing, sentHourOf } from './model';
import { sealMessage } from './sealMessage';
import type { ConversationStore } from './store';
import { tipsterKeysFromCode } from './tipsterKeys';
import {
  issueTipsterSession,
  sessionOpensTip,
  tipsterSessionCookieName,
  tipsterSessionPath,
  tipsterSessionSeconds,
  verifyTipsterSession,
  type TipsterSession,
} from './tipsterSession';
import { conversationPaths, renderConversationPage, renderStatusCodeForm, type ConversationPage, type ShownMessage } from './renderConversationPage';

const noStore = { 'Cache-Control': 'no-store' };
/** Where quick exit leaves for: the same harmless page as the tip form's quick exit. */
export const quickExitDestination = 'https://www.weather.com.cn/';
/** Replies per tip per day: enough for any real answer, a wall against a flood from a stolen cookie. */
export const tipsterRepliesPerDay = 20;

/** The tip environment with the conversation configured (a store and TIPSTER_SESSION_SECRET). */
export type ConversationEnvironment = TipEnvironment & { conversations: ConversationStore; config: TipEnvironment['config'] & { tipsterSessionSecret: string } };

export function conversationEnabled(env: TipEnvironment): env is ConversationEnvironment {
  return env.conversations !== undefined && typeof env.config.tipsterSessionSecret === 'string' && env.config.tipsterSessionSecret.length > 0;
}

const cookieScope = (request: Request) => ({ path: tipsterSessionPath, secure: isSecureRequest(request) });
const sessionCookie = (request: Request, token: string, maxAgeSeconds = tipsterSessionSeconds) =>
  setCookieHeader(tipsterSessionCookieName, token, { ...cookieScope(request), maxAgeSeconds });
const nowOf = (env: TipEnvironment) => env.now?.() ?? new Date();

function requestLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get('lang');
  return isLocale(asked) ? asked : (preferredLocale(request.headers.get('Accept-Language')) ?? 'zh');
}

async function htmlPage(env: TipEnvironment, locale: Locale, area: string, titleKey: UiKey, status: number, headers: Record<string, string> = {}): Promise<Response> {
  const shell = await env.shells.load(`/${locale}/tip/status/`);
  const body = fillShell(shell, area, retitle(useTranslations(locale)(titleKey)));
  return new Response(body, { status, headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8', ...headers } });
}

/** The code form again with a one-line notice, the session cookie cleared. */
const codeFormAgain = (request: Request, env: TipEnvironment, locale: Locale, notice: UiKey) =>
  htmlPage(env, locale, renderStatusCodeForm(locale, notice), 'tip.status.title', 200, { 'Set-Cookie': sessionCookie(request, '', 0) });

/**
 * The right code was typed (the status lookup found its tip): start a session and show the page.
 * The keys are derived only now, so a wrong code costs no more than it did before.
 */
export async function startTipsterConversation(request: Request, env: ConversationEnvironment, locale: Locale, code: string, receiptHash: string): Promise<Response> {
  const tipId = await env.conversations.findTipIdByReceipt(receiptHash);
  if (!tipId) throw new Error('a tip found by its receipt vanished');
  const keys = await tipsterKeysFromCode(code);
  const token = await issueTipsterSession(env.config.tipsterSessionSecret, tipId, keys, nowOf(env));
  const checked = await verifyTipsterSession(env.config.tipsterSessionSecret, token, nowOf(env), tipId);
  if (!checked.ok) throw new Error('a session just issued does not verify');
  return showConversation(request, env, locale, checked.session, {}, 200, { 'Set-Cookie': sessionCookie(request, token) });
}

/** The session the request's cookie carries, if it is valid, unexpired, not ended and opens its tip. */
async function currentSession(request: Request, env: ConversationEnvironment): Promise<TipsterSession | undefined> {
  const token = readCookie(request, tipsterSessionCookieName, cookieScope(request));
  if (!token) return undefined;
  const now = nowOf(env);
  const checked = await verifyTipsterSession(env.config.tipsterSessionSecret, token, now);
  if (!checked.ok) return undefined;
  if (await env.conversations.isTipsterSessionEnded(checked.session.sessionId, now.getTime())) return undefined;
  const conversation = await env.conversations.findConversation(checked.session.tipId);
  if (conversation && !sessionOpensTip(checked.session, conversation.tipsterPublicKey)) return undefined;
  return checked.session;
}

async function showConversation(
  request: Request,
  env: ConversationEnvironment,
  locale: Locale,
  session: TipsterSession,
  extra: Pick<ConversationPage, 'notice' | 'replyErrors' | 'replyText'>,
  status: number,
  headers: Record<string, string> = {},
): Promise<Response> {
  const view = await env.conversations.findTipsterStatus(session.tipId);
  if (!view) return codeFormAgain(request, env, locale, 'tip.conversation.expired');
  const conversation = await env.conversations.findConversation(session.tipId);
  let messages: ShownMessage[] | undefined;
  if (conversation) {
    const unseen = new Set(newForTipster(conversation.messages, conversation.tipsterSeenThrough).map((message) => message.position));
    // Retention erased both copies of a closed tip's messages: nothing is left to show of them.
    messages = await Promise.all(
      conversation.messages
        .filter((message) => message.forTipster !== '')
        .map(async (message) => ({
          position: message.position,
          author: message.author,
          body: await openWithTipsterKeys(session.keys, session.tipId, message.position, message.forTipster, message.author),
          isNew: unseen.has(message.position),
        })),
    );
    const seen = readThroughAfterShowing(conversation.messages, conversation.tipsterSeenThrough);
    if (seen > conversation.tipsterSeenThrough) await env.conversations.markSeenByTipster(session.tipId, seen);
  }
  const csrfToken = await csrfTokenFor(env.config.tipsterSessionSecret, session.sessionId);
  return htmlPage(env, locale, renderConversationPage(locale, { view, messages, csrfToken, ...extra }), 'tip.conversation.title', status, headers);
}

/** GET /api/tips/status (after a reply), POST …/reply, POST …/leave, GET …/exit. */
export async function handleConversationRequest(request: Request, env: TipEnvironment): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/\/+$/, '');
  const locale = requestLocale(request);
  if (!conversationEnabled(env)) {
    if (path === conversationPaths.exit) return new Response(null, { status: 303, headers: { ...noStore, Location: quickExitDestination } });
    return new Response('Not found', { status: 404, headers: noStore });
  }
  try {
    if (path === conversationPaths.status && request.method === 'GET') {
      const session = await currentSession(request, env);
      if (!session) return codeFormAgain(request, env, locale, 'tip.conversation.expired');
      const sent = new URL(request.url).searchParams.get('sent') === '1';
      return showConversation(request, env, locale, session, sent ? { notice: { key: 'tip.conversation.sent', isError: false } } : {}, 200);
    }
    if (path === conversationPaths.reply && request.method === 'POST') return await reply(request, env, locale);
    if (path === conversationPaths.leave && request.method === 'POST') return await leave(request, env, locale);
    if (path === conversationPaths.exit && request.method === 'GET') {
      // A plain link (no script needed): SameSite=Strict keeps another site from ending a session with it.
      const session = await currentSession(request, env);
      if (session) await env.conversations.endTipsterSession(session.sessionId, session.expiresAt);
      return new Response(null, { status: 303, headers: { ...noStore, Location: quickExitDestination, 'Set-Cookie': sessionCookie(request, '', 0) } });
    }
    return new Response('Method not allowed', { status: 405, headers: noStore });
  } catch (error) {
    console.error('conversation failed', error instanceof Error ? error.message : error);
    return htmlPage(env, locale, renderStatusCodeForm(locale, 'tip.problem.unavailableBody'), 'tip.problem.unavailableTitle', 503);
  }
}

/** The answer to a code attempt or a reply over the per-client limit (counted by the request layer). */
export async function conversationRateLimitedAnswer(request: Request, env: TipEnvironment, retryAfter: number): Promise<Response> {
  const locale = requestLocale(request);
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return htmlPage(env, locale, renderStatusCodeForm(locale, 'tip.conversation.rateLimited', { minutes }), 'tip.status.title', 429, { 'Retry-After': String(retryAfter) });
}

/**
 * A reply over the body limit, refused by the request layer before it is read: the conversation
 * again, in the reader's language, with the files field saying what the limit is (the text cannot
 * be kept: it was never read).
 */
export async function oversizedReplyAnswer(request: Request, env: TipEnvironment): Promise<Response> {
  const locale = requestLocale(request);
  if (!conversationEnabled(env)) return new Response('Not found', { status: 404, headers: noStore });
  const session = await currentSession(request, env);
  if (!session) return codeFormAgain(request, env, locale, 'tip.conversation.expired');
  return showConversation(request, env, locale, session, { replyErrors: { files: 'tip.error.filesTooLargeTogether' } }, 413);
}

async function readForm(request: Request): Promise<FormData | undefined> {
  try {
    return await request.formData();
  } catch {
    return undefined;
  }
}

async function leave(request: Request, env: ConversationEnvironment, locale: Locale): Promise<Response> {
  const session = await currentSession(request, env);
  if (!session) return codeFormAgain(request, env, locale, 'tip.conversation.expired');
  const form = await readForm(request);
  const csrf = form?.get('csrf');
  if (!(await csrfTokenMatches(env.config.tipsterSessionSecret, session.sessionId, typeof csrf === 'string' ? csrf : null)))
    return showConversation(request, env, locale, session, { notice: { key: 'tip.conversation.formExpired', isError: true } }, 403);
  await env.conversations.endTipsterSession(session.sessionId, session.expiresAt);
  return codeFormAgain(request, env, locale, 'tip.conversation.left');
}

async function reply(request: Request, env: ConversationEnvironment, locale: Locale): Promise<Response> {
  const session = await currentSession(request, env);
  if (!session) return codeFormAgain(request, env, locale, 'tip.conversation.expired');
  const form = await readForm(request);
  const problem = (extra: Pick<ConversationPage, 'notice' | 'replyErrors' | 'replyText'>, status: number) => showConversation(request, env, locale, session, extra, status);
  if (!form) return problem({ notice: { key: 'tip.problem.malformedBody', isError: true } }, 400);
  const csrf = form.get('csrf');
  const text = typeof form.get('text') === 'string' ? String(form.get('text')) : '';
  if (!(await csrfTokenMatches(env.config.tipsterSessionSecret, session.sessionId, typeof csrf === 'string' ? csrf : null)))
    return problem({ notice: { key: 'tip.conversation.formExpired', isError: true }, replyText: text }, 403);
  const conversation = await env.conversations.findConversation(session.tipId);
  if (!conversation) return problem({}, 409);

  const now = nowOf(env);
  const dayAgo = sentHourOf(new Date(now.getTime() - 23 * 3_600_000));
  if ((await env.conversations.countTipsterMessagesSince(session.tipId, dayAgo)) >= tipsterRepliesPerDay)
    return problem({ notice: { key: 'tip.conversation.tooManyReplies', isError: true }, replyText: text }, 429);

  // An empty file input still sends a nameless, empty part.
  const files = form.getAll('files').filter((entry): entry is File => typeof entry !== 'string' && (entry.size > 0 || entry.name !== ''));
  const validation = validateReply({ text, files, metadata: form.get('metadata') ?? undefined });
  const refuse = (replyErrors: ReplyFieldErrors) => problem({ replyErrors, replyText: text }, 422);
  if (!validation.ok) return refuse(validation.errors);
  const evidence = await Promise.all(validation.reply.files.map(readEvidence));
  if (evidence.some((file) => file.sniffed !== claimedEvidenceType(file.file))) return refuse({ files: 'tip.error.fileContent' });
  const sealable = await filesToSeal(evidence, validation.reply.metadata);
  if (!sealable) return refuse({ files: 'tip.error.fileNotCleaned' });

  const reviewers = await reviewerKeysFor(env.config.reviewerKeys);
  // The seal is bound to the position: if another message took it meanwhile, seal again at the next.
  for (let attempt = 0, position = conversation.messages.length; attempt < 2; attempt += 1) {
    const sealed = await sealMessage({
      reviewers,
      tipsterPublicKey: conversation.tipsterPublicKey,
      tipId: session.tipId,
      position,
      author: 'tipster',
      text: validation.reply.text,
      sentAt: now,
      files: sealable.map((file) => ({
        described: { name: file.file.name.slice(0, 255), contentType: file.sniffed!, byteLength: file.bytes.byteLength, sha256: file.sha256 },
        bytes: file.bytes as Uint8Array<ArrayBuffer>,
      })),
    });
    const objects = await Promise.all(
      sealed.sealedFiles.map(async (bytes) => {
        const objectKey = `messages/${crypto.randomUUID()}`;
        return { objectKey, contentType: 'application/octet-stream', byteLength: bytes.byteLength, sha256: await sha256Hex(bytes), bytes };
      }),
    );
    const written: string[] = [];
    let outcome: 'appended' | 'position_taken';
    try {
      for (const object of objects) {
        await env.attachments.put(object.objectKey, object.bytes, object.contentType);
        written.push(object.objectKey);
      }
      outcome = await env.conversations.appendMessage({ ...sealed, writtenBy: '', files: objects.map(({ bytes: _bytes, ...row }) => row) });
    } catch (error) {
      await env.attachments.delete(written).catch(() => undefined);
      throw error;
    }
    if (outcome === 'appended') {
      return new Response(null, { status: 303, headers: { ...noStore, Location: `${conversationPaths.status}?lang=${locale}&sent=1` } });
    }
    await env.attachments.delete(written).catch(() => undefined);
    position = (await env.conversations.findConversation(session.tipId))?.messages.length ?? position + 1;
  }
  return problem({ notice: { key: 'tip.problem.unavailableBody', isError: true }, replyText: text }, 503);
}

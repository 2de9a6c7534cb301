import { tipsterPublicKeyForCode } from '../conversation/tipsterKeys';
import { conversationEnabled, startTipsterConversation } from '../conversation/handleConversationRequest';
import { isLocale, type Locale } from '../../i18n/locales';
import { preferredLocale } from '../preferredLocale';
import { useTranslations, type UiKey } from '../../i18n';
import { floorToHour, spentChallengeOf } from './spentChallenge';
import { isSecureRequest, readCookie, setCookieHeader } from '../http/cookies';
import { generateReceiptCode, hashReceiptCode, normalizeReceiptCode, sha256Hex } from './receiptCode';
import { renderTipForm, type TipFormValues } from '../../components/tip/tipFormTemplate';
import { fillShell, renderConfirmation, renderConfirmationGone, renderProblem, renderStatusResult, retitle } from './renderPages';
import { openWith, sealWith } from './sealing';
import { importReviewerPublicKey, type ReviewerPublicKey } from '../crypto/reviewerKeys';
import { sealTipContent, sealTipFile, startTipSeal } from '../crypto/tipEnvelope';
import { createPowChallenge, checkPowSolution } from './proofOfWork';
import { sniffEvidenceType, sniffLength } from './sniffFileType';
import { filesToSeal } from './cleanFiles';
import type { NewAttachment, NewTip, TipContent, TipEnvironment } from './storage';
import { claimedEvidenceType, tipLimits, tipMessageValues as tipValuesForMessages, validateTip, type TipFieldErrors, type ValidTip } from './tipSchema';

/** Text fields plus every file: anything bigger cannot be a valid tip. */
export const maxBodyBytes = tipLimits.maxTotalFileBytes + 1024 * 1024;
const receiptCookie = 'tip_receipt';
const noStore = { 'Cache-Control': 'no-store' };
const textFields = [
  'category',
  'description',
  'place',
  'region',
  'noticedOn',
  'responsible',
  'metadata',
  'identity',
  'name',
  'phone',
  'email',
  'consent',
  'website',
  'idempotencyKey',
  'altcha',
] as const;

/** What every failure the tip service did not foresee answers: storage is down, come back later. */
export async function tipServiceUnavailable(request: Request, env: TipEnvironment): Promise<Response> {
  return problem(request, env, requestLocale(request), 503, 'storage_unavailable', 'tip.problem.unavailableTitle', 'tip.problem.unavailableBody');
}

/** The reader's language: the page's `?lang=`, else the browser's, else Chinese. */
export function requestLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get('lang');
  if (isLocale(asked)) return asked;
  return preferredLocale(request.headers.get('Accept-Language')) ?? 'zh';
}

function wantsJson(request: Request): boolean {
  const type = mediaType(request);
  if (type === 'application/json') return true;
  const accept = request.headers.get('Accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function mediaType(request: Request): string {
  return (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export async function submitTip(request: Request, env: TipEnvironment): Promise<Response> {
  const locale = requestLocale(request);
  const now = env.now?.() ?? new Date();
  const type = mediaType(request);
  if (!['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'].includes(type)) {
    return problem(request, env, locale, 415, 'unsupported_media_type', 'tip.problem.typeTitle', 'tip.problem.typeBody');
  }
  const declaredLength = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (declaredLength > maxBodyBytes) return problem(request, env, locale, 413, 'too_large', 'tip.problem.tooLargeTitle', 'tip.problem.tooLargeBody');

  // The rate limit is counted before this, in memory, by the request layer (src/lib/http/rateLimit.ts).

  const body = await readBody(request, type);
  if (body === 'too_large') return problem(request, env, locale, 413, 'too_large', 'tip.problem.tooLargeTitle', 'tip.problem.tooLargeBody');
  if (body === 'malformed') return problem(request, env, locale, 400, 'malformed', 'tip.problem.malformedTitle', 'tip.problem.malformedBody');

  // A filled honeypot is a robot: it is told "received" and nothing is kept.
  if (typeof body.values.website === 'string' && body.values.website.trim() !== '') {
    return acknowledge(request, locale, generateReceiptCode(), now, false);
  }

  const validation = validateTip({ ...body.values, files: body.files });
  if (!validation.ok) return invalid(request, env, locale, body, validation.errors, 422);
  const tip = validation.tip;

  const files = await Promise.all(tip.files.map(readEvidence));
  const mislabelled = files.some((file) => file.sniffed !== claimedEvidenceType(file.file));
  if (mislabelled) return invalid(request, env, locale, body, { files: 'tip.error.fileContent' }, 422);

  // Proof of work only sorts tips: one sent without it (no script) or with a stale one is kept
  // and marked for review, never turned away.
  const abuseCheck = await checkPowSolution(body.values.altcha, env.config.powHmacKey, now);
  const proofOfWork = abuseCheck === 'pow' ? await spentChallengeOf(body.values.altcha!) : undefined;

  const idempotencyKey = await chooseIdempotencyKey(request, body.values.idempotencyKey, tip, files);
  const idempotencyKeyHash = await sha256Hex(`idempotency:${idempotencyKey}`);
  // With files, look for an earlier submission first so a repeat does not write them again;
  // without, the insert itself finds the repeat (one database round trip fewer per tip).
  const earlier = files.length > 0 ? await receiptOfEarlier(env, idempotencyKey, idempotencyKeyHash) : undefined;
  if (earlier) return acknowledge(request, locale, earlier.code, earlier.receivedAt, true);

  // Hidden data (location, device, author) goes before sealing unless the tipster chose to keep it.
  const sealable = await filesToSeal(files, tip.metadata);
  if (!sealable) return invalid(request, env, locale, body, { files: 'tip.error.fileNotCleaned' }, 422);

  const code = generateReceiptCode();
  const tipId = crypto.randomUUID();
  const seal = await startTipSeal(tipId, await reviewerKeysFor(env.config.reviewerKeys));
  // Every file is sealed before it leaves this function; its row describes only the sealed bytes,
  // and what the tipster chose (name, type, content hash) goes into the sealed content.
  const sealedFiles = await Promise.all(
    sealable.map(async ({ file, bytes, sniffed, sha256, hiddenDataRemoved }, index) => {
      const sealed = await sealTipFile(seal, index, bytes);
      return {
        sealed,
        described: { objectKey: `tips/${crypto.randomUUID()}`, name: file.name.slice(0, 255), contentType: sniffed!, byteLength: bytes.byteLength, sha256, hiddenDataRemoved },
      };
    }),
  );
  const attachments: NewAttachment[] = await Promise.all(
    sealedFiles.map(async ({ sealed, described }) => ({
      objectKey: described.objectKey,
      contentType: 'application/octet-stream',
      byteLength: sealed.byteLength,
      sha256: await sha256Hex(sealed),
      originalName: '',
    })),
  );
  const written: string[] = [];
  try {
    await Promise.all(
      attachments.map(async (attachment, index) => {
        await env.attachments.put(attachment.objectKey, sealedFiles[index]!.sealed, attachment.contentType);
        written.push(attachment.objectKey);
      }),
    );
  } catch (error) {
    await env.attachments.delete(written).catch(() => undefined);
    throw error;
  }

  const content: TipContent = {
    description: tip.description,
    place: tip.place,
    noticedOn: tip.noticedOn,
    responsible: tip.responsible,
    contact: tip.contact,
    locale,
    receivedAt: now.toISOString(),
    ...(sealedFiles.length > 0 ? { attachments: sealedFiles.map((file) => file.described) } : {}),
  };
  let outcome: Awaited<ReturnType<typeof env.store.insertTip>>;
  try {
    const newTip: NewTip = {
      id: tipId,
      receiptHash: await hashReceiptCode(code),
      category: tip.category,
      region: tip.region,
      anonymous: tip.identity === 'anonymous',
      content: await sealTipContent(seal, JSON.stringify(content)),
      sealedToKeyId: seal.keyIds.join(','),
      abuseCheck,
      // In clear only to the hour: the exact time is in the sealed content.
      receivedAt: floorToHour(now),
      ...(proofOfWork ? { proofOfWork } : {}),
      attachments,
      idempotencyKeyHash,
      sealedReceipt: await sealWith(idempotencyKey, `${code}|${now.toISOString()}`),
      tipsterPublicKey: await tipsterPublicKeyForCode(code),
    };
    outcome = await env.store.insertTip(newTip);
    // A solution that already served another tip is a replay: keep the tip, marked for checking.
    if (outcome === 'proof_of_work_spent') outcome = await env.store.insertTip({ ...newTip, abuseCheck: 'failed', proofOfWork: undefined });
  } catch (error) {
    await env.attachments.delete(written).catch(() => undefined);
    throw error;
  }
  if (outcome !== 'inserted') {
    // The same submission won a race meanwhile: drop our copy and answer with its receipt.
    await env.attachments.delete(written).catch(() => undefined);
    const winner = await receiptOfEarlier(env, idempotencyKey, idempotencyKeyHash);
    if (!winner) throw new Error('duplicate idempotency key without a readable receipt');
    return acknowledge(request, locale, winner.code, winner.receivedAt, true);
  }
  return acknowledge(request, locale, code, now, false);
}

const reviewerKeyCache = new Map<string, Promise<ReviewerPublicKey[]>>();

/** The configured reviewers' public keys, imported once per isolate. */
export function reviewerKeysFor(reviewers: TipEnvironment['config']['reviewerKeys']): Promise<ReviewerPublicKey[]> {
  const cacheKey = JSON.stringify(reviewers);
  let keys = reviewerKeyCache.get(cacheKey);
  if (!keys) {
    keys = Promise.all(reviewers.map((reviewer) => importReviewerPublicKey(reviewer.name, reviewer.publicKey)));
    keys.catch(() => reviewerKeyCache.delete(cacheKey));
    reviewerKeyCache.set(cacheKey, keys);
  }
  return keys;
}

export async function powChallenge(env: TipEnvironment): Promise<Response> {
  const challenge = await createPowChallenge(env.config.powHmacKey, env.config.powMaxNumber, env.now?.() ?? new Date());
  return Response.json(challenge, { headers: noStore });
}

type Body = { values: Record<string, string>; files: File[]; hadFiles: boolean };

async function readBody(request: Request, type: string): Promise<Body | 'too_large' | 'malformed'> {
  let limited: Request;
  try {
    limited = await withinLimit(request);
  } catch (error) {
    if (error instanceof BodyTooLarge) return 'too_large';
    return 'malformed';
  }
  try {
    if (type === 'application/json') {
      const json: unknown = await limited.json();
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'malformed';
      const values: Record<string, string> = {};
      for (const [key, value] of Object.entries(json)) {
        if (typeof value === 'string') values[key] = value;
        else if (typeof value === 'boolean' || typeof value === 'number') values[key] = String(value);
      }
      return { values, files: [], hadFiles: false };
    }
    const form = await limited.formData();
    const values: Record<string, string> = {};
    for (const field of textFields) {
      const value = form.get(field);
      if (typeof value === 'string') values[field] = value;
    }
    // An empty file input still sends a nameless, empty part.
    const files = form.getAll('files').filter((entry): entry is File => typeof entry !== 'string' && (entry.size > 0 || entry.name !== ''));
    return { values, files, hadFiles: files.length > 0 };
  } catch {
    return 'malformed';
  }
}

class BodyTooLarge extends Error {}

/** The request with its body read up to the limit (for bodies sent without a Content-Length). */
async function withinLimit(request: Request): Promise<Request> {
  if (request.headers.has('Content-Length') || !request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: 'POST', headers: request.headers, body: bytes });
}

/** A file's bytes, its sniffed type and its hash (the tip form and the tipster's replies). */
export async function readEvidence(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { file, bytes, sniffed: sniffEvidenceType(bytes.subarray(0, sniffLength)), sha256: await sha256Hex(bytes) };
}

/**
 * The key that makes a repeated submission one tip, always bound to what was submitted, so a key
 * someone learnt cannot swallow a different tip: the form's hidden field (filled in for each copy
 * of the form by the request layer, or by the script) or an Idempotency-Key header, with a digest
 * of the submission. Without a key (a form from a stale copy) the tip is its own: never merged
 * with anyone's, even the same words from the same address. Nothing about the client goes in.
 */
async function chooseIdempotencyKey(request: Request, fromForm: string | undefined, tip: ValidTip, files: Array<{ sha256: string }>): Promise<string> {
  const given = request.headers.get('Idempotency-Key') ?? fromForm ?? '';
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(given)) return `unkeyed:${crypto.randomUUID()}`;
  const { files: _files, ...fields } = tip;
  const digest = await sha256Hex(JSON.stringify([fields, files.map((file) => file.sha256)]));
  return `given:${given}:${digest}`;
}

async function receiptOfEarlier(env: TipEnvironment, idempotencyKey: string, keyHash: string) {
  const sealed = await env.store.findSealedReceipt(keyHash);
  if (!sealed) return undefined;
  const opened = await openWith(idempotencyKey, sealed);
  const [code, receivedAt] = opened?.split('|') ?? [];
  if (!code || !receivedAt) return undefined;
  return { code, receivedAt: new Date(receivedAt) };
}

function acknowledge(request: Request, locale: Locale, code: string, receivedAt: Date, repeated: boolean): Response {
  if (wantsJson(request)) {
    return Response.json({ receiptCode: code, receivedAt: receivedAt.toISOString(), status: 'received', repeated }, { status: repeated ? 200 : 201, headers: noStore });
  }
  return new Response(null, {
    status: 303,
    headers: {
      ...noStore,
      Location: `/api/tips/received?lang=${locale}`,
      'Set-Cookie': setCookieHeader(receiptCookie, `${code}|${receivedAt.getTime()}`, { ...receiptCookieScope(request), maxAgeSeconds: 600 }),
    },
  });
}

async function invalid(request: Request, env: TipEnvironment, locale: Locale, body: Body, errors: TipFieldErrors, status: number, formMessage?: string): Promise<Response> {
  const t = useTranslations(locale);
  if (wantsJson(request)) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key!, tipValuesForMessages)]));
    return Response.json({ error: 'invalid', message: formMessage ?? t('tip.errorSummary.title'), fieldErrors }, { status, headers: noStore });
  }
  const { website: _honeypot, idempotencyKey: _key, ...kept } = body.values;
  const form = renderTipForm(locale, kept as TipFormValues, errors, {
    idempotencyKey: crypto.randomUUID(),
    filesDropped: body.hadFiles,
    formMessage,
  });
  const shell = await env.shells.load(`/${locale}/tip/`);
  const html = fillShell(shell, form, (title) => `${t('tip.errorTitlePrefix')}${title}`);
  return new Response(html, { status, headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8' } });
}

/** The answer to a tip over the rate limit (counted by the request layer): the form again, with what was typed. */
export async function tipRateLimitedAnswer(request: Request, env: TipEnvironment, retryAfter: number): Promise<Response> {
  const locale = requestLocale(request);
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  const text = useTranslations(locale)('tip.problem.rateLimited', { minutes });
  const headers = { ...noStore, 'Retry-After': String(retryAfter) };
  if (wantsJson(request)) return Response.json({ error: 'rate_limited', message: text, retryAfterSeconds: retryAfter }, { status: 429, headers });
  // The form comes back with what was typed (the body is read only to keep the values).
  const body = await readBody(request, mediaType(request));
  const kept = typeof body === 'object' ? body : { values: {}, files: [], hadFiles: false };
  const response = await invalid(request, env, locale, kept, {}, 429, text);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function problem(request: Request, env: TipEnvironment, locale: Locale, status: number, code: string, titleKey: UiKey, bodyKey: UiKey): Promise<Response> {
  const t = useTranslations(locale);
  if (wantsJson(request)) return Response.json({ error: code, message: t(bodyKey) }, { status, headers: noStore });
  const shell = await env.shells.load(`/${locale}/tip/status/`);
  const html = fillShell(shell, renderProblem(locale, t(titleKey), t(bodyKey)), retitle(t(titleKey)));
  return new Response(html, { status, headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8' } });
}

export async function showReceipt(request: Request, env: TipEnvironment): Promise<Response> {
  const locale = requestLocale(request);
  const t = useTranslations(locale);
  const cookie = readCookie(request, receiptCookie, receiptCookieScope(request));
  const [code, receivedAtMs] = cookie?.split('|') ?? [];
  const shell = await env.shells.load(`/${locale}/tip/status/`);
  const headers = new Headers({ ...noStore, 'Content-Type': 'text/html; charset=utf-8' });
  // Shown once: the cookie is cleared by the same answer that shows the code.
  headers.append('Set-Cookie', setCookieHeader(receiptCookie, '', { ...receiptCookieScope(request), maxAgeSeconds: 0 }));
  if (!code || !normalizeReceiptCode(code) || !receivedAtMs) {
    return new Response(fillShell(shell, renderConfirmationGone(locale), retitle(t('tip.received.goneTitle'))), { status: 200, headers });
  }
  const html = fillShell(shell, renderConfirmation(locale, code, new Date(Number(receivedAtMs)), env.config.acknowledgeDays), retitle(t('tip.received.title')));
  return new Response(html, { status: 200, headers });
}

/** The receipt cookie goes only to the page that shows it once, so it cannot take the __Host- prefix. */
const receiptCookieScope = (request: Request) => ({ path: '/api/tips/received', secure: isSecureRequest(request) });

export async function lookUpStatus(request: Request, env: TipEnvironment): Promise<Response> {
  const locale = requestLocale(request);
  const started = Date.now();
  const t = useTranslations(locale);
  const type = mediaType(request);
  let typed = '';
  try {
    if (type === 'application/json') {
      const json = (await request.json()) as { code?: unknown };
      typed = typeof json.code === 'string' ? json.code : '';
    } else if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
      const value = (await request.formData()).get('code');
      typed = typeof value === 'string' ? value : '';
    } else {
      return problem(request, env, locale, 415, 'unsupported_media_type', 'tip.problem.typeTitle', 'tip.problem.typeBody');
    }
  } catch {
    return problem(request, env, locale, 400, 'malformed', 'tip.problem.malformedTitle', 'tip.problem.malformedBody');
  }
  // A mistyped code goes through the same hashing and lookup as a real one, and every answer
  // waits until the same minimum time, so timing says nothing about which codes exist.
  const code = normalizeReceiptCode(typed) ?? 'not-a-code';
  const receiptHash = await hashReceiptCode(code);
  const found = await env.store.findStatus(receiptHash);
  const wait = env.config.statusMinimumMs - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  // The right code in a browser opens the conversation (a session); a wrong one gets what it always got.
  if (found && !wantsJson(request) && conversationEnabled(env)) return startTipsterConversation(request, env, locale, code, receiptHash);
  const result = found ? { status: found.status, changedAt: new Date(found.changedAt) } : undefined;
  if (wantsJson(request)) {
    if (!result) return Response.json({ error: 'not_found', message: t('tip.status.notFound') }, { status: 404, headers: noStore });
    return Response.json({ status: result.status, since: result.changedAt.toISOString() }, { headers: noStore });
  }
  const shell = await env.shells.load(`/${locale}/tip/status/`);
  const html = fillShell(shell, renderStatusResult(locale, result), retitle(t('tip.status.resultTitle')));
  return new Response(html, { status: result ? 200 : 404, headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8' } });
}

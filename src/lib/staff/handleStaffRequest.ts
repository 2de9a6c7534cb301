import type { ConversationStore } from '../conversation/store';
import { z } from 'zod';
import { useTranslations, type Translate, type UiKey } from '../../i18n';
import type { UiStringValues } from '../../i18n/translate';
import { preferredLocale } from '../preferredLocale';
import { categoryIds, categoryLabel, regionIds, regionLabel } from '../taxonomy';
import { tipStatuses, type AttachmentStore, type AuditEntry, type StaffStore, type TipFilter, type TipSummary } from '../tips/storage';
import { verifyAccessJwt } from './accessJwt';
import type { StaffConfig } from './config';
import { csvRows } from './csv';
import { evidenceBaseName } from './evidenceFileName';
import { ageInDays, deadlineState, dueDates } from './deadlines';
import { decoyPasswordHash, verifyPassword } from './password';
import { csrfTokenFor, csrfTokenMatches, isSessionId, newSessionId, readCookie, sessionCookie, sessionCookieName, sessionIdHash } from './session';
import { ClientThrottle, secondsToWait } from './signInThrottle';
import { staffSecurityHeaders } from './staffHeaders';

export interface StaffEnvironment {
  store: StaffStore;
  /** The conversations (conversation/store.ts): retention deletes their files too. */
  conversations?: ConversationStore;
  attachments: AttachmentStore;
  config: StaffConfig;
  /** The client's address, only for counting its failed sign-ins in memory (never stored). */
  clientAddress?: string;
  /** Failed sign-ins per client; one per process (or isolate) unless a test brings its own. */
  clientThrottle?: ClientThrottle;
  now?: () => Date;
}

export interface Staff {
  actor: string;
  sessionId: string;
  /** SHA-256 of a password session's id (absent for Cloudflare Access). */
  sessionIdHash?: string;
  /** 'service' is an Access service token: it may only run the scheduled retention call. */
  via: 'access' | 'password' | 'service';
}

let processClientThrottle: ClientThrottle | undefined;

function clientThrottleOf(env: StaffEnvironment): ClientThrottle {
  if (env.clientThrottle) return env.clientThrottle;
  processClientThrottle ??= new ClientThrottle({ freeAttempts: env.config.loginFreeAttempts, maxDelaySeconds: env.config.loginClientMaxDelaySeconds });
  return processClientThrottle;
}

export const staffPageSize = 50;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function headers(extra: Record<string, string> = {}): Headers {
  return new Headers({ ...staffSecurityHeaders, ...extra });
}

function json(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: headers({ 'content-type': 'application/json; charset=utf-8', ...extra }) });
}

/** A JSON error for the staff page or a script: a code to act on, a message in the reader's language. */
export const staffProblem = (t: Translate, status: number, error: string, key: UiKey, values?: UiStringValues) => json({ error, message: t(key, values) }, status);

/** A 405 for a staff path asked with another method, naming the one it takes. */
export function methodNotAllowed(allowed: string): Response {
  return new Response('Method not allowed', { status: 405, headers: headers({ Allow: allowed }) });
}

const now = (env: StaffEnvironment) => env.now?.() ?? new Date();

export async function authenticate(request: Request, env: StaffEnvironment, t: Translate): Promise<Staff | Response> {
  const assertion = request.headers.get('Cf-Access-Jwt-Assertion');
  if (env.config.access && assertion) {
    const checked = await verifyAccessJwt(assertion, env.config.access, now(env));
    if (!checked.ok) return staffProblem(t, 403, checked.reason, checked.reason === 'expired' ? 'staff.api.expired' : 'staff.api.invalidCredential');
    if (checked.kind === 'service' && !env.config.access.serviceTokens.includes(checked.actor.slice('service-token:'.length))) {
      return staffProblem(t, 403, 'service_token', 'staff.api.serviceTokenUnlisted');
    }
    return { actor: checked.actor, sessionId: checked.sessionId, via: checked.kind === 'service' ? 'service' : 'access' };
  }
  const sessionId = env.config.passwordLogin ? readCookie(request, sessionCookieName) : undefined;
  if (!sessionId) return staffProblem(t, 401, 'unauthenticated', 'staff.api.signInFirst');
  // A session exists only as a row: after logout, account removal or reset an old cookie opens nothing.
  const idHash = isSessionId(sessionId) ? await sessionIdHash(sessionId) : undefined;
  const session = idHash ? await env.store.findSession(idHash) : undefined;
  if (!session) return staffProblem(t, 403, 'forged', 'staff.api.sessionGone');
  if (session.expiresAt <= now(env).toISOString()) return staffProblem(t, 403, 'expired', 'staff.api.expired');
  return { actor: session.username, sessionId, sessionIdHash: session.idHash, via: 'password' };
}

/**
 * Whether a browser says the request comes from another site: Sec-Fetch-Site, or an Origin whose
 * host is neither the Host header nor the URL's (a local proxy may rewrite one of them).
 */
export function fromAnotherSite(request: Request, url: URL): boolean {
  const site = request.headers.get('Sec-Fetch-Site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.get('Origin');
  // Pages sent with Referrer-Policy: no-referrer (all staff pages) post with Origin "null";
  // Sec-Fetch-Site above then decides.
  if (!origin || origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return host !== url.host && host !== request.headers.get('Host');
}

/** State changes need the session's CSRF token, and must not come from another site. */
export async function sameOriginWithCsrf(request: Request, url: URL, env: StaffEnvironment, staff: Staff): Promise<boolean> {
  if (fromAnotherSite(request, url)) return false;
  return csrfTokenMatches(env.config.sessionSecret, staff.sessionId, request.headers.get('X-CSRF-Token'));
}

async function readFields(request: Request): Promise<Record<string, string> | undefined> {
  const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    if (type === 'application/json') {
      const body: unknown = await request.json();
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
      return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
    if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
      const form = await request.formData();
      return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export async function logIn(request: Request, env: StaffEnvironment, t: Translate): Promise<Response> {
  const url = new URL(request.url);
  const wantsJson = (request.headers.get('Accept') ?? '').includes('application/json');
  const fail = (status: number, error: string, key: UiKey, values?: UiStringValues) =>
    wantsJson ? staffProblem(t, status, error, key, values) : new Response(null, { status: 303, headers: headers({ Location: `/staff/login/?error=${error}` }) });
  if (!env.config.passwordLogin) return fail(404, 'password_login_off', 'staff.login.error.password_login_off');
  if (fromAnotherSite(request, url)) return fail(403, 'csrf', 'staff.login.error.csrf');
  const fields = await readFields(request);
  const username = fields?.username?.trim() ?? '';
  const password = fields?.password ?? '';
  if (!username || !password || username.length > 100 || password.length > 1000) return fail(400, 'missing', 'staff.login.error.missing');

  // Growing delays, never a lock: per client (memory only) and per account (its row), both
  // checked before the password is; then the cap on password checks for all clients together.
  const at = now(env);
  const throttle = clientThrottleOf(env);
  const client = env.clientAddress ?? 'unknown';
  const account = await env.store.findAccount(username);
  const wait = Math.max(
    throttle.secondsToWait(client, at.getTime()),
    account ? secondsToWait(account.failedSignIns, account.lastFailedSignInAt ? Date.parse(account.lastFailedSignInAt) : undefined, at.getTime(), delayRules(env)) : 0,
  );
  if (wait > 0) return tooSoon(fail, wait, 'staff.api.failedSignInsWait', { seconds: wait });
  const minute = Math.floor(at.getTime() / 60_000) * 60;
  if ((await env.store.countPasswordCheck(minute)) > env.config.loginChecksPerMinute) {
    return tooSoon(fail, minute + 60 - Math.floor(at.getTime() / 1000), 'staff.api.tooManySignIns');
  }
  const matches = await verifyPassword(password, account?.passwordHash ?? decoyPasswordHash(env.config.passwordIterations));
  if (!account || !matches) {
    // Counted, not written one audit row each: the account's count, and one entry when delays begin.
    throttle.fail(client, at.getTime());
    const failures = account ? await env.store.recordFailedSignIn(username, at.toISOString()) : 0;
    if (failures === env.config.loginFreeAttempts) {
      await env.store.audit({ at: at.toISOString(), actor: username, action: 'login_failed', detail: `${failures} failed attempts; delays begin` });
    }
    return fail(401, 'wrong_credentials', 'staff.login.error.wrong_credentials');
  }
  throttle.succeed(client);
  const sessionId = newSessionId();
  await env.store.startSession({
    idHash: await sessionIdHash(sessionId),
    username,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + env.config.sessionTtlSeconds * 1000).toISOString(),
  });
  await env.store.audit({
    at: at.toISOString(),
    actor: username,
    action: 'login',
    detail: account.failedSignIns > 0 ? `password; after ${account.failedSignIns} failed attempts` : 'password',
  });
  const cookie = sessionCookie(sessionId, env.config.sessionTtlSeconds, url.protocol === 'https:');
  if (wantsJson) return json({ actor: username }, 200, { 'Set-Cookie': cookie });
  return new Response(null, { status: 303, headers: headers({ Location: '/staff/', 'Set-Cookie': cookie }) });
}

const delayRules = (env: StaffEnvironment) => ({ freeAttempts: env.config.loginFreeAttempts, maxDelaySeconds: env.config.loginMaxDelaySeconds });

type Fail = (status: number, error: string, key: UiKey, values?: UiStringValues) => Response;

function tooSoon(fail: Fail, seconds: number, key: UiKey, values?: UiStringValues): Response {
  const response = fail(429, 'rate_limited', key, values);
  response.headers.set('Retry-After', String(Math.max(1, seconds)));
  return response;
}

export async function logOut(url: URL, env: StaffEnvironment, staff: Staff): Promise<Response> {
  if (staff.sessionIdHash) {
    await env.store.endSession(staff.sessionIdHash);
    await audit(env, staff, 'logout', undefined, '');
  }
  return json({ loggedOut: true }, 200, { 'Set-Cookie': sessionCookie('', 0, url.protocol === 'https:') });
}

/** The signed-in account's active password sessions (when each began and ends; which one is this). */
export async function listSessions(env: StaffEnvironment, staff: Staff): Promise<Response> {
  const sessions = staff.via === 'password' ? await env.store.listSessions(staff.actor, now(env).toISOString()) : [];
  return json({ sessions: sessions.map((session) => ({ createdAt: session.createdAt, expiresAt: session.expiresAt, current: session.idHash === staff.sessionIdHash })) });
}

export async function endOtherSessions(env: StaffEnvironment, staff: Staff): Promise<Response> {
  const ended = staff.sessionIdHash ? await env.store.endOtherSessions(staff.actor, staff.sessionIdHash) : 0;
  await audit(env, staff, 'logout', undefined, `ended ${ended} other sessions`);
  return json({ ended });
}

export async function sessionInfo(env: StaffEnvironment, staff: Staff): Promise<Response> {
  return json({
    actor: staff.actor,
    via: staff.via,
    csrfToken: await csrfTokenFor(env.config.sessionSecret, staff.sessionId),
    deadlines: env.config.deadlines,
    retentionDays: env.config.retentionDays,
  });
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listQuery = z.strictObject({
  status: z.enum(tipStatuses).optional(),
  category: z.enum(categoryIds).optional(),
  region: z.enum(regionIds).optional(),
  from: date.optional(),
  to: date.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

function parseFilter(url: URL, t: Translate): { filter: TipFilter; page: number } | Response {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, value]) => value !== ''));
  const parsed = listQuery.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'query';
    return staffProblem(t, 400, 'invalid_filter', 'staff.api.invalidFilter', { field });
  }
  const { status, category, region, from, to, page } = parsed.data;
  return {
    filter: {
      ...(status ? { status } : {}),
      ...(category ? { category } : {}),
      ...(region ? { region } : {}),
      ...(from ? { receivedFrom: from } : {}),
      ...(to ? { receivedTo: to } : {}),
    },
    page,
  };
}

function describe(tip: TipSummary, env: StaffEnvironment, at: Date) {
  return {
    ...tip,
    categoryLabel: categoryLabel(tip.category, 'zh'),
    regionLabel: regionLabel(tip.region, 'zh'),
    ageDays: ageInDays(tip.receivedAt, at),
    deadline: deadlineState(tip.receivedAt, tip.status, at, env.config.deadlines),
    ...dueDates(tip.receivedAt, env.config.deadlines),
  };
}

export async function listTips(url: URL, env: StaffEnvironment, t: Translate): Promise<Response> {
  const parsed = parseFilter(url, t);
  if (parsed instanceof Response) return parsed;
  const at = now(env);
  const { tips, total } = await env.store.listTips(parsed.filter, { offset: (parsed.page - 1) * staffPageSize, limit: staffPageSize }, at, env.config.deadlines);
  return json({ tips: tips.map((tip) => describe(tip, env, at)), total, page: parsed.page, pageSize: staffPageSize });
}

async function audit(env: StaffEnvironment, staff: Staff, action: AuditEntry['action'], tipId: string | undefined, detail: string): Promise<void> {
  await env.store.audit({ at: now(env).toISOString(), actor: staff.actor, action, ...(tipId ? { tipId } : {}), detail });
}

export async function openTip(id: string, env: StaffEnvironment, staff: Staff, t: Translate): Promise<Response> {
  const tip = uuid.test(id) ? await env.store.findTip(id) : undefined;
  if (!tip) return staffProblem(t, 404, 'not_found', 'staff.api.noSuchTip');
  await audit(env, staff, 'read', id, '');
  return json({
    ...describe(tip, env, now(env)),
    content: tip.content,
    ...(tip.contentErasedAt ? { contentErasedAt: tip.contentErasedAt } : {}),
    attachments: tip.attachments,
    history: tip.history,
  });
}

export async function downloadFile(id: string, position: string, env: StaffEnvironment, staff: Staff, t: Translate): Promise<Response> {
  const tip = uuid.test(id) && /^\d{1,2}$/.test(position) ? await env.store.findTip(id) : undefined;
  const attachment = tip?.attachments.find((candidate) => candidate.position === Number(position));
  if (!tip || !attachment) return staffProblem(t, 404, 'not_found', 'staff.api.noSuchFile');
  if (attachment.deletedAt) return staffProblem(t, 410, 'deleted', 'staff.api.fileDeleted', { date: attachment.deletedAt.slice(0, 10) });
  const bytes = await env.attachments.get(attachment.objectKey);
  if (!bytes) return staffProblem(t, 404, 'not_found', 'staff.api.noSuchFile');
  await audit(env, staff, 'download', id, `file ${position}`);
  // Still sealed: the browser opens it with the staff member's private key.
  // Named by the tip and position, never by the tipster (see evidenceFileName.ts).
  const name = `${evidenceBaseName(id, attachment.position)}.sealed`;
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: headers({ 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${name}"` }),
  });
}

const statusNoteMax = 2000;
const statusChange = z.strictObject({ status: z.enum(tipStatuses), note: z.string().trim().min(1).max(statusNoteMax) });

export async function changeStatus(request: Request, id: string, env: StaffEnvironment, staff: Staff, t: Translate): Promise<Response> {
  const fields = await readFields(request);
  const parsed = statusChange.safeParse(fields ?? {});
  if (!parsed.success) return staffProblem(t, 422, 'invalid', 'staff.api.invalidStatusChange', { max: statusNoteMax });
  const at = now(env).toISOString();
  const changed = uuid.test(id) && (await env.store.changeStatus(id, { status: parsed.data.status, note: parsed.data.note, changedBy: staff.actor, changedAt: at }));
  if (!changed) return staffProblem(t, 404, 'not_found', 'staff.api.noSuchTip');
  await audit(env, staff, 'status_change', id, parsed.data.status);
  return json({ status: parsed.data.status, changedAt: at });
}

export async function exportCsv(url: URL, env: StaffEnvironment, staff: Staff, t: Translate): Promise<Response> {
  const parsed = parseFilter(url, t);
  if (parsed instanceof Response) return parsed;
  const at = now(env);
  const rows: Array<Array<string | number | boolean>> = [['编号', '领域', '地区', '匿名', '收到时间', '状态', '状态更新时间', '防滥用检查', '期限', '已过天数']];
  for (let offset = 0; ; offset += 500) {
    const { tips } = await env.store.listTips(parsed.filter, { offset, limit: 500 }, at, env.config.deadlines);
    for (const tip of tips) {
      const described = describe(tip, env, at);
      rows.push([
        tip.id,
        described.categoryLabel,
        described.regionLabel,
        tip.anonymous ? '是' : '否',
        tip.receivedAt,
        tip.status,
        tip.statusChangedAt,
        tip.abuseCheck,
        described.deadline,
        described.ageDays,
      ]);
    }
    if (tips.length < 500) break;
  }
  await audit(env, staff, 'export', undefined, `${rows.length - 1} rows; filter ${JSON.stringify(parsed.filter)}`);
  return new Response(csvRows(rows), {
    headers: headers({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="tips-${at.toISOString().slice(0, 10)}.csv"` }),
  });
}

export async function viewAudit(url: URL, env: StaffEnvironment, staff: Staff, t: Translate): Promise<Response> {
  const page = Number(url.searchParams.get('page') ?? '1');
  if (!Number.isInteger(page) || page < 1 || page > 100_000) return staffProblem(t, 400, 'invalid_page', 'staff.api.invalidPage');
  await audit(env, staff, 'audit_view', undefined, `page ${page}`);
  const { entries, total } = await env.store.listAudit({ offset: (page - 1) * staffPageSize, limit: staffPageSize });
  return json({ entries, total, page, pageSize: staffPageSize });
}

/**
 * Deletes the files of tips closed more than `retentionDays` ago and audits each deletion. Run by
 * staff from the review page or by a scheduled POST (see README); the rows stay, marked deleted.
 */
export async function runRetention(env: StaffEnvironment, actor: string): Promise<{ deleted: number; erased: number }> {
  const at = now(env);
  const closedBefore = new Date(at.getTime() - env.config.retentionDays * 86_400_000).toISOString();
  const expired = await env.store.findExpiredAttachments(closedBefore);
  if (expired.length > 0) {
    await env.attachments.delete(expired.map((file) => file.objectKey));
    await env.store.markAttachmentsDeleted(
      expired.map((file) => file.objectKey),
      at.toISOString(),
    );
  }
  // The files tipsters added in the conversation go with the tip's own.
  const expiredMessageFiles = (await env.conversations?.findExpiredMessageFiles(closedBefore)) ?? [];
  if (expiredMessageFiles.length > 0) {
    await env.attachments.delete(expiredMessageFiles.map((file) => file.objectKey));
    await env.conversations!.markMessageFilesDeleted(
      expiredMessageFiles.map((file) => file.objectKey),
      at.toISOString(),
    );
  }
  for (const file of [...expired, ...expiredMessageFiles]) {
    await env.store.audit({ at: at.toISOString(), actor, action: 'retention_delete', tipId: file.tipId, detail: `closed before ${closedBefore.slice(0, 10)}` });
  }
  // What the tipster wrote goes too (contact details included); the clear triage fields and the
  // status history stay, so counts and the audit still add up.
  const erased = await env.store.eraseClosedTips(closedBefore, at.toISOString());
  for (const tipId of erased) {
    await env.store.audit({ at: at.toISOString(), actor, action: 'retention_erase', tipId, detail: `content; closed before ${closedBefore.slice(0, 10)}` });
  }
  return { deleted: expired.length + expiredMessageFiles.length, erased: erased.length };
}

export async function runRetentionRequest(env: StaffEnvironment, staff: Staff): Promise<Response> {
  return json(await runRetention(env, staff.actor));
}

/** The language of staff answers: the one the staff page asks in (its fetches send its lang), else Chinese. */
export const staffTranslations = (request: Request): Translate => useTranslations(preferredLocale(request.headers.get('Accept-Language')) ?? 'zh');

import { fromBase64Url, toBase64Url } from '../crypto/base64url';
import { constantTimeEqual } from './password';
import { isSecureRequest, readCookie as readSiteCookie, setCookieHeader } from '../http/cookies';

/**
 * Staff sessions as a signed cookie (HMAC-SHA-256): who, until when, and a random session id the
 * CSRF token is derived from. Nothing is stored server-side; a session ends when it expires or the
 * browser drops the cookie (logout clears it).
 */
export const sessionCookieName = 'staff_session';

export interface Session {
  actor: string;
  sessionId: string;
  expiresAt: number;
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function sign(secret: string, text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(text)));
}

export async function createSessionToken(secret: string, actor: string, now: Date, ttlSeconds: number): Promise<string> {
  const session: Session = { actor, sessionId: toBase64Url(crypto.getRandomValues(new Uint8Array(16))), expiresAt: now.getTime() + ttlSeconds * 1000 };
  const payload = toBase64Url(new TextEncoder().encode(JSON.stringify(session)));
  return `${payload}.${toBase64Url(await sign(secret, `session:${payload}`))}`;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: 'forged' | 'expired' };

export async function verifySessionToken(secret: string, token: string, now: Date): Promise<SessionCheck> {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'forged' };
  let given: Uint8Array;
  try {
    given = fromBase64Url(signature);
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (!constantTimeEqual(given, await sign(secret, `session:${payload}`))) return { ok: false, reason: 'forged' };
  let session: Session;
  try {
    session = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as Session;
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (typeof session.actor !== 'string' || typeof session.sessionId !== 'string' || typeof session.expiresAt !== 'number') return { ok: false, reason: 'forged' };
  if (session.expiresAt <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, session };
}

/** The CSRF token for a session: only a page that read it from /api/staff/session can send it. */
export async function csrfTokenFor(secret: string, sessionId: string): Promise<string> {
  return toBase64Url(await sign(secret, `csrf:${sessionId}`));
}

export async function csrfTokenMatches(secret: string, sessionId: string, given: string | null): Promise<boolean> {
  if (!given) return false;
  return constantTimeEqual(new TextEncoder().encode(given), new TextEncoder().encode(await csrfTokenFor(secret, sessionId)));
}

/** The session cookie for the whole site: `__Host-staff_session` behind TLS (src/lib/http/cookies.ts). */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return setCookieHeader(sessionCookieName, token, { path: '/', maxAgeSeconds, secure });
}

export function readCookie(request: Request, name: string): string | undefined {
  return readSiteCookie(request, name, { path: '/', secure: isSecureRequest(request) });
}

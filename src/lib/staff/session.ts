import { toBase64Url } from '../crypto/base64url';
import { sha256Hex } from '../tips/receiptCode';
import { constantTimeEqual } from './password';
import { isSecureRequest, readCookie as readSiteCookie, setCookieHeader } from '../http/cookies';

/**
 * Staff sessions are rows in the database (StaffStore.startSession): the cookie holds a random
 * id, the database only its SHA-256, so a copy of the database opens no session. A session ends
 * at logout, when its account is removed or reset, or when it expires.
 */
export const sessionCookieName = 'staff_session';

/** A new session id: 256 random bits, base64url. */
export const newSessionId = () => toBase64Url(crypto.getRandomValues(new Uint8Array(32)));

/** What the database keeps of a session id. */
export const sessionIdHash = (sessionId: string) => sha256Hex(`staff-session:${sessionId}`);

/** Whether a cookie value can be a session id at all (anything else is not looked up). */
export const isSessionId = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function sign(secret: string, text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', await hmacKey(secret), new TextEncoder().encode(text)));
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

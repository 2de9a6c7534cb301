/**
 * The tipster's short session after the code is accepted, so they need not type it again for
 * each step. Nothing is stored: the cookie itself carries what the server needs, the tip id and
 * the tipster's private key (tipsterKeys.ts), encrypted and authenticated (AES-256-GCM) under a
 * key only the server has (TIPSTER_SESSION_SECRET), with its expiry inside. The code itself is
 * in no cookie, no row and no log; trade-offs in README.md beside this file.
 *
 * Token: "ts1." + base64url of IV (12) | AES-GCM ciphertext with tag,
 * additional data "procuratorate-conversation v1|tipster session".
 */
import { fromBase64Url, toBase64Url } from '../crypto/base64url.ts';
import { constantTimeEqual } from '../staff/password.ts';
import { setCookieHeader } from '../http/cookies.ts';
import { tipsterKeysFromPrivateKey, type TipsterKeys } from './tipsterKeys.ts';

export const tipsterSessionCookieName = 'tipster_session';
export const tipsterSessionSeconds = 15 * 60;
/** The only path the cookie is sent to: the status and conversation endpoint. */
export const tipsterSessionPath = '/api/tips/status';
export const minimumSessionSecretLength = 32;
const tokenPrefix = 'ts1.';
const ivLength = 12;
const utf8 = (text: string) => new TextEncoder().encode(text);
const additionalData = utf8('procuratorate-conversation v1|tipster session');

export class SessionSecretError extends Error {}

/** What a valid token gives the server back. */
export interface TipsterSession {
  tipId: string;
  /** Random, for a "leave" that also refuses this token if it was copied (see README). */
  sessionId: string;
  expiresAt: number;
  keys: TipsterKeys;
}

export type TipsterSessionCheck = { ok: true; session: TipsterSession } | { ok: false; reason: 'forged' | 'expired' | 'other_tip' };

interface SessionPayload {
  tipId: string;
  sessionId: string;
  expiresAt: number;
  privateKey: string;
}

async function sessionKey(secret: string): Promise<CryptoKey> {
  if (secret.length < minimumSessionSecretLength)
    throw new SessionSecretError(`TIPSTER_SESSION_SECRET is shorter than ${minimumSessionSecretLength} characters: set a long random value (e.g. \`openssl rand -base64 48\`).`);
  const material = await crypto.subtle.importKey('raw', utf8(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8('procuratorate-conversation v1|session key salt'), info: utf8('procuratorate-conversation v1|tipster session key') },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A token for the tipster of `tipId`, issued right after their code opened the tip. */
export async function issueTipsterSession(secret: string, tipId: string, keys: TipsterKeys, now: Date, ttlSeconds = tipsterSessionSeconds): Promise<string> {
  const payload: SessionPayload = {
    tipId,
    sessionId: toBase64Url(crypto.getRandomValues(new Uint8Array(16))),
    expiresAt: now.getTime() + ttlSeconds * 1000,
    privateKey: toBase64Url(keys.privateKey),
  };
  const iv = crypto.getRandomValues(new Uint8Array(ivLength));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await sessionKey(secret), utf8(JSON.stringify(payload))));
  const sealed = new Uint8Array(ivLength + ciphertext.byteLength);
  sealed.set(iv, 0);
  sealed.set(ciphertext, ivLength);
  return tokenPrefix + toBase64Url(sealed);
}

function isPayload(value: unknown): value is SessionPayload {
  const payload = value as SessionPayload;
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof payload.tipId === 'string' &&
    typeof payload.sessionId === 'string' &&
    typeof payload.expiresAt === 'number' &&
    typeof payload.privateKey === 'string'
  );
}

/**
 * Checks a token at `now`. With `tipId`, a token issued for another tip is refused (the route asks
 * for the tip the page is about); without it, the session names its tip.
 */
export async function verifyTipsterSession(secret: string, token: string, now: Date, tipId?: string): Promise<TipsterSessionCheck> {
  const key = await sessionKey(secret);
  let payload: unknown;
  try {
    if (!token.startsWith(tokenPrefix)) return { ok: false, reason: 'forged' };
    const sealed = fromBase64Url(token.slice(tokenPrefix.length));
    if (sealed.byteLength < ivLength + 16) return { ok: false, reason: 'forged' };
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(0, ivLength), additionalData }, key, sealed.slice(ivLength));
    payload = JSON.parse(new TextDecoder().decode(opened));
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (!isPayload(payload)) return { ok: false, reason: 'forged' };
  if (payload.expiresAt <= now.getTime()) return { ok: false, reason: 'expired' };
  if (tipId !== undefined && payload.tipId !== tipId) return { ok: false, reason: 'other_tip' };
  const keys = await tipsterKeysFromPrivateKey(fromBase64Url(payload.privateKey));
  return { ok: true, session: { tipId: payload.tipId, sessionId: payload.sessionId, expiresAt: payload.expiresAt, keys } };
}

/**
 * Whether a session's key is the one stored with its tip: the route checks this before showing
 * anything, so a token can only ever open the tip whose code made it.
 */
export function sessionOpensTip(session: TipsterSession, storedPublicKey: string): boolean {
  return constantTimeEqual(utf8(toBase64Url(session.keys.publicKey)), utf8(storedPublicKey));
}

/** The Set-Cookie value that starts (or renews) a session. */
export function tipsterSessionCookie(token: string, secure: boolean, maxAgeSeconds = tipsterSessionSeconds): string {
  return setCookieHeader(tipsterSessionCookieName, token, { path: tipsterSessionPath, maxAgeSeconds, secure });
}

/** The Set-Cookie value for "leave" and quick exit. */
export function endTipsterSessionCookie(secure: boolean): string {
  return tipsterSessionCookie('', secure, 0);
}

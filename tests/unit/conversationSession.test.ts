import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/lib/crypto/base64url';
import { generateReceiptCode } from '../../src/lib/tips/receiptCode';
import { openWithTipsterKeys, sealForTipster } from '../../src/lib/conversation/forTipster';
import { tipsterKeysFromCode, tipsterPublicKeyForCode } from '../../src/lib/conversation/tipsterKeys';
import {
  endTipsterSessionCookie,
  issueTipsterSession,
  sessionOpensTip,
  SessionSecretError,
  tipsterSessionCookie,
  tipsterSessionSeconds,
  verifyTipsterSession,
} from '../../src/lib/conversation/tipsterSession';

const secret = 'a-test-session-secret-of-at-least-32-characters';
const code = generateReceiptCode();
const tipId = crypto.randomUUID();
const now = new Date('2026-12-03T07:30:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('the tipster session token', () => {
  it('carries what opens staff messages for 15 minutes, and then nothing', async () => {
    const token = await issueTipsterSession(secret, tipId, await tipsterKeysFromCode(code), now);
    const sealed = await sealForTipster(await tipsterPublicKeyForCode(code), tipId, 0, '请补充照片');
    const during = await verifyTipsterSession(secret, token, later(tipsterSessionSeconds - 1), tipId);
    expect(during.ok).toBe(true);
    if (!during.ok) return;
    expect(during.session.tipId).toBe(tipId);
    expect((await openWithTipsterKeys(during.session.keys, tipId, 0, sealed)).text).toBe('请补充照片');
    expect(await verifyTipsterSession(secret, token, later(tipsterSessionSeconds))).toEqual({ ok: false, reason: 'expired' });
  });

  it('holds neither the code nor the key in readable form', async () => {
    const keys = await tipsterKeysFromCode(code);
    const token = await issueTipsterSession(secret, tipId, keys, now);
    const decoded = new TextDecoder().decode(fromBase64Url(token.slice(token.indexOf('.') + 1)));
    for (const hidden of [code, code.replace(/-/g, ''), toBase64Url(keys.privateKey), tipId, 'expiresAt']) {
      expect(token).not.toContain(hidden);
      expect(decoded).not.toContain(hidden);
    }
  });

  it('cannot be forged, changed or made with another secret', async () => {
    const token = await issueTipsterSession(secret, tipId, await tipsterKeysFromCode(code), now);
    const at = token.length - 5;
    const changed = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    const otherSecret = await issueTipsterSession(`${secret}-other`, tipId, await tipsterKeysFromCode(code), now);
    for (const bad of [changed, otherSecret, '', 'ts1.', 'ts1.!!!', token.replace('ts1.', 'ts2.'), `${token}.x`]) {
      expect(await verifyTipsterSession(secret, bad, now), bad).toEqual({ ok: false, reason: 'forged' });
    }
  });

  it('is not accepted for another tip, even one whose code the holder also has', async () => {
    const otherTip = crypto.randomUUID();
    const otherCode = generateReceiptCode();
    const token = await issueTipsterSession(secret, tipId, await tipsterKeysFromCode(code), now);
    expect(await verifyTipsterSession(secret, token, now, otherTip)).toEqual({ ok: false, reason: 'other_tip' });
    const check = await verifyTipsterSession(secret, token, now);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(sessionOpensTip(check.session, await tipsterPublicKeyForCode(code))).toBe(true);
    expect(sessionOpensTip(check.session, await tipsterPublicKeyForCode(otherCode))).toBe(false);
  });

  it('gives each session its own id, so "leave" can refuse a copied cookie', async () => {
    const keys = await tipsterKeysFromCode(code);
    const ids = await Promise.all(
      [1, 2].map(async () => {
        const check = await verifyTipsterSession(secret, await issueTipsterSession(secret, tipId, keys, now), now);
        return check.ok ? check.session.sessionId : '';
      }),
    );
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses a short secret with a message naming the setting', async () => {
    await expect(issueTipsterSession('short', tipId, await tipsterKeysFromCode(code), now)).rejects.toThrow(SessionSecretError);
    await expect(verifyTipsterSession('short', 'ts1.x', now)).rejects.toThrow(/TIPSTER_SESSION_SECRET/);
  });
});

describe('the tipster session cookie', () => {
  it('is HttpOnly, SameSite=Strict, sent only to the status endpoint, 15 minutes; leaving clears it', () => {
    // Attributes in any order: the one cookie helper (src/lib/http/cookies.ts) writes them.
    const attributes = (header: string) => header.split('; ').sort();
    expect(attributes(tipsterSessionCookie('ts1.abc', true))).toEqual(['HttpOnly', 'Max-Age=900', 'Path=/api/tips/status', 'SameSite=Strict', 'Secure', 'tipster_session=ts1.abc']);
    expect(attributes(endTipsterSessionCookie(false))).toEqual(['HttpOnly', 'Max-Age=0', 'Path=/api/tips/status', 'SameSite=Strict', 'tipster_session=']);
  });
});

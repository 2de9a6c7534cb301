import { fromBase64Url } from '../crypto/sealedBox';

/**
 * Cloudflare Access in production: Access signs a JWT (RS256) for every request of a signed-in
 * staff member and sends it in Cf-Access-Jwt-Assertion. We check it against the team's public keys
 * (the JWKS at https://<team>.cloudflareaccess.com/cdn-cgi/access/certs), the application's
 * audience tag, the issuer and the expiry.
 */
export interface AccessSettings {
  jwksUrl: string;
  audience: string;
  issuer: string;
}

interface Jwk extends JsonWebKey {
  kid?: string;
}

export type FetchJwks = (url: string) => Promise<{ keys: Jwk[] }>;

const jwksCache = new Map<string, { keys: Jwk[]; fetchedAt: number }>();

export const fetchJwksOverNetwork: FetchJwks = async (url) => {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`JWKS at ${url} answered ${response.status}`);
  return (await response.json()) as { keys: Jwk[] };
};

async function keysFor(settings: AccessSettings, fetchJwks: FetchJwks, now: Date, refresh: boolean): Promise<Jwk[]> {
  const cached = jwksCache.get(settings.jwksUrl);
  if (cached && !refresh && now.getTime() - cached.fetchedAt < 3_600_000) return cached.keys;
  const { keys } = await fetchJwks(settings.jwksUrl);
  jwksCache.set(settings.jwksUrl, { keys, fetchedAt: now.getTime() });
  return keys;
}

export type AccessCheck = { ok: true; actor: string; sessionId: string } | { ok: false; reason: 'forged' | 'expired' };

export async function verifyAccessJwt(token: string, settings: AccessSettings, fetchJwks: FetchJwks, now: Date): Promise<AccessCheck> {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'forged' };
  const [headerText, payloadText, signatureText] = parts as [string, string, string];
  let header: { alg?: string; kid?: string };
  let payload: { aud?: string | string[]; iss?: string; exp?: number; nbf?: number; iat?: number; email?: string; sub?: string };
  let signature: Uint8Array<ArrayBuffer>;
  try {
    header = JSON.parse(new TextDecoder().decode(fromBase64Url(headerText)));
    payload = JSON.parse(new TextDecoder().decode(fromBase64Url(payloadText)));
    signature = fromBase64Url(signatureText);
  } catch {
    return { ok: false, reason: 'forged' };
  }
  if (header.alg !== 'RS256' || typeof header.kid !== 'string') return { ok: false, reason: 'forged' };
  let jwk = (await keysFor(settings, fetchJwks, now, false)).find((key) => key.kid === header.kid);
  // A key we have not seen: Access may have rotated its keys; look once more.
  if (!jwk) jwk = (await keysFor(settings, fetchJwks, now, true)).find((key) => key.kid === header.kid);
  if (!jwk || jwk.kty !== 'RSA') return { ok: false, reason: 'forged' };
  const key = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  const valid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, new TextEncoder().encode(`${headerText}.${payloadText}`));
  if (!valid) return { ok: false, reason: 'forged' };
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(settings.audience) || payload.iss !== settings.issuer) return { ok: false, reason: 'forged' };
  const seconds = now.getTime() / 1000;
  if (typeof payload.exp !== 'number' || payload.exp <= seconds) return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && payload.nbf > seconds + 60) return { ok: false, reason: 'forged' };
  const actor = payload.email ?? payload.sub;
  if (!actor) return { ok: false, reason: 'forged' };
  return { ok: true, actor, sessionId: `access:${payload.sub ?? actor}:${payload.iat ?? payload.exp}` };
}

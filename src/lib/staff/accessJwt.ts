import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/**
 * Cloudflare Access in production: Access signs a JWT (RS256) for every request of a signed-in
 * staff member, or of a service token, and sends it in Cf-Access-Jwt-Assertion. `jose` checks it
 * against the team's public keys (the JWKS at https://<team>.cloudflareaccess.com/cdn-cgi/access/certs),
 * the application's audience tag, the issuer, the expiry and the issue time.
 */
export interface AccessSettings {
  jwksUrl: string;
  audience: string;
  issuer: string;
  /** Client ids of the Access service tokens allowed to run the scheduled retention call. */
  serviceTokens: string[];
}

/** An Access token older than this is refused even before its `exp` (Access sessions last at most a day here). */
const maxTokenAge = '24h';
/** How long the team's keys are used before they are fetched again, and how long an unknown key id waits before a refetch. */
const jwksCacheMaxAge = 3_600_000;
const jwksCooldown = 300_000;

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * One key set per JWKS address, kept for the isolate's (or process's) life: jose caches the keys,
 * and a token naming an unknown `kid` triggers at most one fetch per cooldown, not one per request.
 */
function keySetFor(jwksUrl: string) {
  let keySet = keySets.get(jwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: jwksCacheMaxAge, cooldownDuration: jwksCooldown });
    keySets.set(jwksUrl, keySet);
  }
  return keySet;
}

export type AccessCheck = { ok: true; actor: string; sessionId: string; kind: 'person' | 'service' } | { ok: false; reason: 'forged' | 'expired' };

interface AccessClaims extends JWTPayload {
  email?: string;
  /** Set on tokens Access issues for a service token: its client id. */
  common_name?: string;
}

export async function verifyAccessJwt(token: string, settings: AccessSettings, now: Date): Promise<AccessCheck> {
  let payload: AccessClaims;
  try {
    ({ payload } = await jwtVerify<AccessClaims>(token, keySetFor(settings.jwksUrl), {
      algorithms: ['RS256'],
      audience: settings.audience,
      issuer: settings.issuer,
      requiredClaims: ['exp', 'iat'],
      maxTokenAge,
      clockTolerance: 60,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    // The team's key set unreachable or broken is our outage (503), not a bad credential.
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) throw error;
    return { ok: false, reason: 'forged' };
  }
  if (payload.common_name && !payload.email) {
    return { ok: true, actor: `service-token:${payload.common_name}`, sessionId: `access-service:${payload.common_name}:${payload.iat}`, kind: 'service' };
  }
  const actor = payload.email ?? payload.sub;
  if (!actor) return { ok: false, reason: 'forged' };
  return { ok: true, actor, sessionId: `access:${payload.sub ?? actor}:${payload.iat}`, kind: 'person' };
}

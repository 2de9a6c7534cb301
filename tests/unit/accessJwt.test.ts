import { describe, expect, it } from 'vitest';
import { handleStaffRequest } from '../../src/lib/staff/handleStaffRequest';
import { toBase64Url } from '../../src/lib/crypto/sealedBox';
import { origin, staffTestEnvironment } from './support/staffEnvironment';

// A stand-in for the Access team's signing keys, made for this run: the JWKS is stubbed, the
// signature checks are real.
const access = { jwksUrl: 'https://team.cloudflareaccess.example/cdn-cgi/access/certs', audience: 'aud-tag-0123', issuer: 'https://team.cloudflareaccess.example' };
const algorithm = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const teamKey = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
const strangerKey = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
const jwks = { keys: [{ ...(await crypto.subtle.exportKey('jwk', teamKey.publicKey)), kid: 'team-1' }] };
const nowSeconds = Date.parse('2026-06-01T08:00:00Z') / 1000;

async function jwt(claims: Record<string, unknown>, key = teamKey.privateKey, kid = 'team-1') {
  const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
  const unsigned = `${encode({ alg: 'RS256', kid, typ: 'JWT' })}.${encode({ aud: [access.audience], iss: access.issuer, email: 'staff@procuratorate.example', sub: 'user-1', iat: nowSeconds - 60, exp: nowSeconds + 3600, ...claims })}`;
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new TextEncoder().encode(unsigned)));
  return `${unsigned}.${toBase64Url(signature)}`;
}

function environment() {
  const env = staffTestEnvironment({ access, passwordLogin: false });
  let fetches = 0;
  env.staffEnv.fetchJwks = async (url) => {
    expect(url).toBe(access.jwksUrl);
    fetches += 1;
    return jwks;
  };
  return { env, fetches: () => fetches };
}

const ask = (env: ReturnType<typeof environment>['env'], token?: string, path = '/api/staff/session') =>
  handleStaffRequest(new Request(`${origin}${path}`, { headers: token ? { 'Cf-Access-Jwt-Assertion': token } : {} }), env.staffEnv);

describe('Cloudflare Access', () => {
  it('lets in a request with a valid Access JWT, as the email it names', async () => {
    const { env } = environment();
    const response = await ask(env, await jwt({}));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ actor: 'staff@procuratorate.example', via: 'access' });
    await ask(env, await jwt({}), '/api/staff/tips/00000000-0000-4000-8000-000000000000');
  });

  it('answers 401 without a JWT and ignores session cookies when password login is off', async () => {
    const { env } = environment();
    expect((await ask(env)).status).toBe(401);
  });

  it('answers 403 to a forged, tampered, expired, wrong-audience, wrong-issuer or unsigned JWT', async () => {
    const { env } = environment();
    const valid = await jwt({});
    const [header, , signature] = valid.split('.');
    const tampered = `${header}.${toBase64Url(new TextEncoder().encode(JSON.stringify({ aud: [access.audience], iss: access.issuer, email: 'boss@x', exp: nowSeconds + 99999 })))}.${signature}`;
    const none = `${toBase64Url(new TextEncoder().encode('{"alg":"none","kid":"team-1"}'))}.${valid.split('.')[1]}.`;
    const cases: Array<[string, string]> = [
      ['stranger key', await jwt({}, strangerKey.privateKey)],
      ['tampered', tampered],
      ['expired', await jwt({ exp: nowSeconds - 1 })],
      ['wrong audience', await jwt({ aud: ['another-app'] })],
      ['wrong issuer', await jwt({ iss: 'https://evil.example' })],
      ['alg none', none],
      ['unknown kid', await jwt({}, teamKey.privateKey, 'team-9')],
      ['garbage', 'a.b.c'],
    ];
    for (const [name, token] of cases) expect((await ask(env, token)).status, name).toBe(403);
  });

  it('caches the team keys, looking again only for a key id it has not seen', async () => {
    const { env, fetches } = environment();
    await ask(env, await jwt({}));
    await ask(env, await jwt({}));
    const afterKnown = fetches();
    await ask(env, await jwt({}, teamKey.privateKey, 'rotated'));
    expect(fetches()).toBe(afterKnown + 1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { handleStaffRequest } from '../../src/lib/http/routes/staff';
import { toBase64Url } from '../../src/lib/crypto/base64url';
import { origin, staffTestEnvironment } from './support/staffEnvironment';

// A stand-in for the Access team's signing keys, made for this run and served by a local JWKS
// server; the fetching, caching and signature checks are jose's own.
const audience = 'aud-tag-0123';
const issuer = 'https://team.cloudflareaccess.example';
const teamKey = await generateKeyPair('RS256');
const strangerKey = await generateKeyPair('RS256');
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(teamKey.publicKey)), kid: 'team-1', alg: 'RS256' }] });
const now = new Date('2026-06-01T08:00:00Z');
const nowSeconds = now.getTime() / 1000;

let server: Server;
let baseUrl = '';
const fetchesOf = new Map<string, number>();
let nextSet = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    fetchesOf.set(request.url!, (fetchesOf.get(request.url!) ?? 0) + 1);
    response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function jwt(claims: Record<string, unknown>, key = teamKey.privateKey, kid = 'team-1') {
  const body = { aud: [audience], iss: issuer, email: 'staff@procuratorate.example', sub: 'user-1', iat: nowSeconds - 60, exp: nowSeconds + 3600, ...claims };
  return new SignJWT(Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

/** Each environment gets a JWKS address of its own, so one test's cached keys do not serve another. */
function environment(serviceTokens: string[] = []) {
  const path = `/certs-${(nextSet += 1)}`;
  const env = staffTestEnvironment({ access: { jwksUrl: `${baseUrl}${path}`, audience, issuer, serviceTokens }, passwordLogin: false });
  env.setClock(now);
  return { env, fetches: () => fetchesOf.get(path) ?? 0 };
}

const ask = (env: ReturnType<typeof environment>['env'], token?: string, path = '/api/staff/session', method = 'GET') =>
  handleStaffRequest(new Request(`${origin}${path}`, { method, headers: token ? { 'Cf-Access-Jwt-Assertion': token } : {} }), env.staffEnv);

describe('Cloudflare Access', () => {
  it('lets in a request with a valid Access JWT, as the email it names', async () => {
    const { env } = environment();
    const response = await ask(env, await jwt({}));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ actor: 'staff@procuratorate.example', via: 'access' });
  });

  it('answers 401 without a JWT and ignores session cookies when password login is off', async () => {
    const { env } = environment();
    expect((await ask(env)).status).toBe(401);
  });

  it('answers 403 to a forged, tampered, expired, future-issued, too old, wrong-audience, wrong-issuer or unsigned JWT', async () => {
    const { env } = environment();
    const valid = await jwt({});
    const [header, , signature] = valid.split('.');
    const tampered = `${header}.${toBase64Url(new TextEncoder().encode(JSON.stringify({ aud: [audience], iss: issuer, email: 'boss@x', iat: nowSeconds, exp: nowSeconds + 99999 })))}.${signature}`;
    const none = `${toBase64Url(new TextEncoder().encode('{"alg":"none","kid":"team-1"}'))}.${valid.split('.')[1]}.`;
    const cases: Array<[string, string]> = [
      ['stranger key', await jwt({}, strangerKey.privateKey)],
      ['tampered', tampered],
      ['expired', await jwt({ exp: nowSeconds - 120 })],
      ['issued in the future', await jwt({ iat: nowSeconds + 3600 })],
      ['without iat', await jwt({ iat: undefined })],
      ['issued two days ago', await jwt({ iat: nowSeconds - 2 * 86_400 })],
      ['wrong audience', await jwt({ aud: ['another-app'] })],
      ['wrong issuer', await jwt({ iss: 'https://evil.example' })],
      ['alg none', none],
      ['unknown kid', await jwt({}, teamKey.privateKey, 'team-9')],
      ['garbage', 'a.b.c'],
    ];
    for (const [name, token] of cases) expect((await ask(env, token)).status, name).toBe(403);
  });

  it('fetches the team keys once, and a flood of unknown key ids does not refetch on every request', async () => {
    const { env, fetches } = environment();
    for (let round = 0; round < 3; round += 1) expect((await ask(env, await jwt({}))).status).toBe(200);
    expect(fetches()).toBe(1);
    for (let round = 0; round < 20; round += 1) expect((await ask(env, await jwt({}, teamKey.privateKey, `unknown-${round}`))).status).toBe(403);
    expect(fetches()).toBe(1);
  });

  it('lets a listed Access service token run the scheduled retention call, and nothing else', async () => {
    const { env } = environment(['0123abcd.access']);
    const service = await jwt({ email: undefined, sub: '', common_name: '0123abcd.access', type: 'app' });
    const retention = await ask(env, service, '/api/staff/retention', 'POST');
    expect(retention.status).toBe(200);
    expect(await retention.json()).toEqual({ deleted: 0, erased: 0 });
    expect((await ask(env, service, '/api/staff/tips')).status).toBe(403);
    expect((await ask(env, service, '/api/staff/session')).status).toBe(403);
    const unlisted = await jwt({ email: undefined, sub: '', common_name: 'someone-else.access' });
    expect((await ask(env, unlisted, '/api/staff/retention', 'POST')).status).toBe(403);
  });
});

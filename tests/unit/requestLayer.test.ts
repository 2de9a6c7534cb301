import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSiteApp } from '../../src/lib/http/app';
import { canonicalPath } from '../../src/lib/http/canonicalPath';
import { readCookie, setCookieHeader } from '../../src/lib/http/cookies';
import { memoryRateLimiter } from '../../src/lib/http/rateLimit';
import { rateLimitSubject } from '../../src/lib/http/clientAddress';
import type { TipEnvironment } from '../../src/lib/tips/storage';
import { sqlTipEnvironment } from './support/sqlTipEnvironment';
import { renderTipForm } from '../../src/components/tip/tipFormTemplate';
import { shellStart, shellEnd } from '../../src/lib/tips/renderPages';

const origin = 'https://tips.example';
const tip = (description: string) => ({
  category: 'ecology',
  description: `河道里有大量工业废水直接排放，已经持续一个月了。${description}`,
  place: '东侧河道',
  region: 'horqin',
  identity: 'anonymous',
  consent: 'yes',
});

/** The tip form page as the build writes it (the shell the tip core loads): the form with an empty key. */
const builtTipPage = `<html><body>${shellStart}${renderTipForm('zh')}${shellEnd}</body></html>`;

/** The one app over storage in an in-memory SQLite; the client is whatever address a test says it is. */
function siteApp(config: Partial<TipEnvironment['config']> = {}) {
  const memory = sqlTipEnvironment({ rateLimitMax: 2, ...config });
  const app = createSiteApp({
    tips: () => memory.env,
    staff: () => undefined,
    tipRateLimiter: (() => {
      const limiter = memoryRateLimiter({ max: memory.env.config.rateLimitMax, windowSeconds: memory.env.config.rateLimitWindowSeconds });
      return () => limiter;
    })(),
    clientSubject: (c) => rateLimitSubject(c.req.header('X-Address-For-Test') ?? ''),
    staticFiles: (c) => c.text('a static file'),
    log: () => undefined,
  });
  const post = (address: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(`${origin}/api/tips?lang=zh`, { method: 'POST', body: new URLSearchParams(body), headers: { 'X-Address-For-Test': address, ...headers } });
  return { app, post, memory };
}

describe('rate limits in the request layer', () => {
  it('turn away a client over the limit with the form and what was typed, and say when to try again', async () => {
    const { post, memory } = siteApp();
    expect((await post('192.0.2.1', tip('一'))).status).toBe(303);
    expect((await post('192.0.2.1', tip('二'))).status).toBe(303);
    const limited = await post('192.0.2.1', tip('三 超出'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    const page = await limited.text();
    expect(page).toMatch(/分钟后再试/);
    expect(page).toContain('三 超出');
    expect(memory.tips()).toHaveLength(2);
    // Another client is not affected.
    expect((await post('192.0.2.2', tip('四'))).status).toBe(303);
  });

  it('count a whole IPv6 /64 as one client, however its addresses are written', async () => {
    const { post } = siteApp({ rateLimitMax: 1 });
    expect((await post('2001:db8:5:6::1', tip('一'))).status).toBe(303);
    expect((await post('2001:DB8:5:6:ffff:1:2:3', tip('二'))).status).toBe(429);
    expect((await post('2001:db8:5:7::1', tip('三'))).status).toBe(303);
  });

  it('let a test name its client only on a test server (TIPS_TEST_HOOKS)', async () => {
    const production = siteApp({ rateLimitMax: 1, trustTestClientHeader: false });
    expect((await production.post('192.0.2.9', tip('一'), { 'X-Test-Client': 'a' })).status).toBe(303);
    expect((await production.post('192.0.2.9', tip('二'), { 'X-Test-Client': 'b' })).status).toBe(429);
    const test = siteApp({ rateLimitMax: 1, trustTestClientHeader: true });
    expect((await test.post('192.0.2.9', tip('一'), { 'X-Test-Client': 'a' })).status).toBe(303);
    expect((await test.post('192.0.2.9', tip('二'), { 'X-Test-Client': 'b' })).status).toBe(303);
  });

  it('forget every count when the window ends', async () => {
    let now = 1_000_000_000_000;
    const limiter = memoryRateLimiter({ max: 1, windowSeconds: 600 }, () => now);
    expect((await limiter.hit('x')).allowed).toBe(true);
    expect(await limiter.hit('x')).toEqual({ allowed: false, retryAfterSeconds: 200 });
    now += 200_000;
    expect((await limiter.hit('x')).allowed).toBe(true);
  });
});

describe('the tip form page', () => {
  const formKey = async (app: ReturnType<typeof siteApp>['app']) => {
    const page = await app.request(`${origin}/zh/tip/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    return /name="idempotencyKey" value="([^"]+)"/.exec(await page.text())?.[1];
  };

  it("gives every copy of the form a key of its own, so two people's identical tips are two tips and one form sent twice is one", async () => {
    const { app, post, memory } = siteApp({ rateLimitMax: 10 });
    memory.env.shells = { load: async () => builtTipPage };
    const [mine, theirs] = [await formKey(app), await formKey(app)];
    expect(mine).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(theirs).not.toBe(mine);
    const receipt = async (key: string) => (await post('198.51.100.4', { ...tip('同一段话。'), idempotencyKey: key })).headers.get('set-cookie');
    const [myFirst, myDoubleClick, theirReceipt] = [await receipt(mine!), await receipt(mine!), await receipt(theirs!)];
    expect(myDoubleClick).toBe(myFirst);
    expect(theirReceipt).not.toBe(myFirst);
    expect(memory.tips()).toHaveLength(2);
  });

  it("leaves a path that is no language's to the static files", async () => {
    const { app } = siteApp();
    expect(await (await app.request(`${origin}/xx/tip/`)).text()).toBe('a static file');
  });
});

describe("the request layer's other checks", () => {
  it('give one spelling to each path', () => {
    expect(canonicalPath('/zh/t%69p//status/')).toBe('/zh/tip/status/');
    expect(canonicalPath('/%2F%2Fevil.com/')).toBe('/evil.com/');
    expect(canonicalPath('/a/../../b')).toBe('/b');
    expect(canonicalPath('/zh/..')).toBe('/');
    expect(canonicalPath('/%5Cevil.com')).toBeUndefined();
    expect(canonicalPath('/%E0%A4%A')).toBeUndefined();
  });

  it('refuse a cross-site POST, and let through a same-origin one and one from no browser at all', async () => {
    const { post } = siteApp();
    expect((await post('192.0.2.3', tip('跨站'), { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('192.0.2.3', tip('跨站'), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await post('192.0.2.3', tip('同站'), { Origin: origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);
    expect((await post('192.0.2.4', tip('脚本'))).status).toBe(303);
  });

  it('send cookies through one helper: __Host- for the whole site behind TLS, a malformed one read without throwing', () => {
    expect(setCookieHeader('staff_session', 't', { path: '/', maxAgeSeconds: 60, secure: true })).toBe(
      '__Host-staff_session=t; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    expect(setCookieHeader('tip_receipt', 'A|1', { path: '/api/tips/received', maxAgeSeconds: 60, secure: false })).toBe(
      'tip_receipt=A%7C1; Max-Age=60; Path=/api/tips/received; HttpOnly; SameSite=Strict',
    );
    const broken = new Request(origin, { headers: { Cookie: 'tip_receipt=%E0%A4%A; staff_session=x' } });
    expect(readCookie(broken, 'tip_receipt', { path: '/api/tips/received', secure: true })).toBe('%E0%A4%A');
    // Over TLS a site-wide cookie counts only with its prefix, which no other host can set.
    expect(readCookie(broken, 'staff_session', { path: '/', secure: true })).toBeUndefined();
  });

  it("answer methods nobody serves with 405 and the site's headers", async () => {
    const { app } = siteApp();
    const answer = await app.request(`${origin}/zh/`, { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('the Pages Functions routes', () => {
  it('send only the root, the tip form pages and the APIs through a function, never every static file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pages-routes-'));
    try {
      await promisify(execFile)('npx', ['wrangler', 'pages', 'functions', 'build', '--outdir', join(out, 'worker'), '--output-routes-path', join(out, '_routes.json')]);
      const routes = JSON.parse(readFileSync(join(out, '_routes.json'), 'utf8'));
      expect(routes.include.sort()).toEqual(['/', '/api/staff/*', '/api/tips/*', '/mn/tip', '/zh/tip']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

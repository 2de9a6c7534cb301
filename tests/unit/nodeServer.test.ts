import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import mn from '../../src/i18n/mn.json';
import { pgliteDatabase, type PgDatabase } from '../../src/lib/tips/postgres/database';
import { applyMigrations } from '../../src/lib/tips/postgres/migrations';
import { sqlTipStore } from '../../src/lib/tips/sqlTipStore';
import { sqlStaffStore } from '../../src/lib/staff/sqlStaffStore';
import { postgresDriver } from '../../src/lib/sql/postgresDriver';
import { staffPassword, staffPasswordHash } from './support/staffEnvironment';
import { diskAttachmentStore } from '../../src/node/diskAttachmentStore';
import { distShells } from '../../src/node/distShells';
import { createSiteServer, type SiteServer } from '../../src/node/siteServer';
import { siteHeadersFile } from '../../src/lib/http/siteHeaders';
import { pgMigrations } from './support/tipStorageTargets';
import { openSealedBytes, openSealedText, testReviewerKeys } from './support/sqlTipEnvironment';

// The self-hosted server in this process, over the built site (npm test builds first) and
// embedded PGlite, on a port of its own (8811).
const port = 8811;
const origin = `http://127.0.0.1:${port}`;
const tip = (tag: string) => ({
  category: 'ecology',
  description: `${tag} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`,
  place: '科尔沁区某嘎查东侧河道',
  region: 'horqin',
  identity: 'anonymous',
  consent: 'yes',
});

async function startServer(drainMs = 0) {
  if (!existsSync('dist/zh/tip/index.html')) throw new Error('dist/ is not built: run npm run build first (npm test does).');
  const database = pgliteDatabase(new PGlite());
  await applyMigrations(database, pgMigrations());
  await database.query('INSERT INTO staff_accounts (username, password_hash, created_at) VALUES ($1, $2, $3)', ['reviewer', staffPasswordHash, new Date().toISOString()]);
  const uploadDir = mkdtempSync(join(tmpdir(), 'tip-uploads-'));
  // The server closes its database when it stops; the test closes the real one after its checks.
  const closedByServer = { value: false };
  const site = await createSiteServer({
    siteDir: 'dist',
    database: { ...database, close: async () => void (closedByServer.value = true) },
    store: sqlTipStore(postgresDriver(database)),
    attachments: diskAttachmentStore(uploadDir),
    shells: distShells('dist'),
    tipConfig: {
      rateLimitMax: 1000,
      rateLimitWindowSeconds: 600,
      trustTestClientHeader: false,
      statusMinimumMs: 0,
      reviewerKeys: testReviewerKeys,
      powHmacKey: 'node-server-test-pow-key-0123',
      powMaxNumber: 1000,
    },
    staff: {
      store: sqlStaffStore(postgresDriver(database)),
      config: {
        sessionSecret: 'node-server-test-session-secret-0123456789',
        sessionTtlSeconds: 3600,
        passwordLogin: true,
        loginFreeAttempts: 3,
        loginMaxDelaySeconds: 60,
        loginClientMaxDelaySeconds: 900,
        loginChecksPerMinute: 60,
        passwordIterations: 1000,
        deadlines: { acknowledgeDays: 7, answerMonths: 3 },
        retentionDays: 30,
      },
    },
    log: () => undefined,
    drainMs,
  });
  await new Promise<void>((done) => site.server.listen(port, '127.0.0.1', done));
  return { site, database, uploadDir, closedByServer };
}

describe('the self-hosted Node server', { timeout: 30_000 }, () => {
  let site: SiteServer;
  let database: PgDatabase;
  let uploadDir: string;
  beforeAll(async () => {
    ({ site, database, uploadDir } = await startServer());
  }, 60_000);
  afterAll(async () => {
    await site?.shutdown();
    await database?.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('serves built pages with the security headers of _headers', async () => {
    const response = await fetch(`${origin}/zh/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(readFileSync('dist/zh/index.html', 'utf8'));
    const tipPage = await fetch(`${origin}/mn/tip/`);
    expect(tipPage.headers.get('cache-control')).toBe('no-store');
    expect(tipPage.headers.get('referrer-policy')).toBe('no-referrer');
    const search = await fetch(`${origin}/zh/search/`);
    expect(search.headers.get('content-security-policy')).toContain("'wasm-unsafe-eval'");
    expect((await fetch(`${origin}/zh/tip/`)).headers.get('content-security-policy')).not.toContain('wasm');
  });

  it('serves assets with their types and long caching, and answers a repeat visit with 304', async () => {
    const asset = readdirSync('dist/_astro').find((name) => name.endsWith('.css'))!;
    const response = await fetch(`${origin}/_astro/${asset}`);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const again = await fetch(`${origin}/_astro/${asset}`, { headers: { 'If-None-Match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it("answers unknown paths with the site's 404 page, and never hands out configuration or files outside dist/", async () => {
    const missing = await fetch(`${origin}/zh/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync('dist/404.html', 'utf8'));
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${origin}/_headers`)).status).toBe(404);
    // Dot segments are resolved inside the site first: the way out leads to dist/package.json, which is not there.
    const wayOut = await rawGet('/..%2f..%2fpackage.json');
    expect([wayOut.status, wayOut.headers.location]).toEqual([308, '/package.json']);
    expect((await rawGet('/package.json')).status).toBe(404);
    expect(wayOut.body).not.toContain('procuratorate-site');
    expect((await rawGet('/../package.json')).body).not.toContain('"devDependencies"');
  });

  it('adds the trailing slash a directory needs, as Cloudflare Pages does', async () => {
    const response = await fetch(`${origin}/zh/tip?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/zh/tip/?x=1');
  });

  it('sends "/" to the language the browser asks for, and shows the bilingual page otherwise', async () => {
    const mongolian = await fetch(`${origin}/`, { headers: { 'Accept-Language': 'mn-CN,mn;q=0.9,zh-CN;q=0.8' }, redirect: 'manual' });
    expect(mongolian.status).toBe(302);
    expect(mongolian.headers.get('location')).toBe('/mn/');
    expect(mongolian.headers.get('vary')).toBe('Accept-Language');
    const neither = await fetch(`${origin}/`, { headers: { 'Accept-Language': 'fr' }, redirect: 'manual' });
    expect(neither.status).toBe(200);
    expect(await neither.text()).toBe(readFileSync('dist/index.html', 'utf8'));
  });

  it('takes a tip with a file, stores it in PostgreSQL and the upload directory, and shows its receipt once', async () => {
    const tag = `标记${crypto.randomUUID().slice(0, 8)}`;
    const form = new FormData();
    for (const [name, value] of Object.entries(tip(tag))) form.set(name, value);
    // Sent as it is ("keep"): this test follows the bytes through storage unchanged.
    form.set('metadata', 'keep');
    const pdf = new TextEncoder().encode('%PDF-1.7\n% evidence\n');
    form.append('files', new File([pdf], '证据.pdf', { type: 'application/pdf' }));
    const submitted = await fetch(`${origin}/api/tips?lang=zh`, { method: 'POST', body: form, redirect: 'manual' });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('cache-control')).toBe('no-store');
    // The function's answers carry the site's policy too.
    expect(submitted.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = submitted.headers.get('set-cookie')!.split(';')[0]!;

    const shown = await fetch(`${origin}${submitted.headers.get('location')}`, { headers: { Cookie: cookie } });
    const page = await shown.text();
    const code = decodeURIComponent(cookie.split('=')[1]!).split('|')[0]!;
    expect(page).toContain(code);
    expect(page).toContain('<html lang="zh-CN"');

    const [stored] = await tipIdsTagged(database, tag);
    const { rows } = await database.query<{ object_key: string }>('SELECT object_key FROM tip_attachments WHERE tip_id = $1', [stored]);
    const {
      rows: [sealedTip],
    } = await database.query<{ id: string; content: string }>('SELECT id, content FROM tips WHERE id = $1', [stored]);
    expect(rows).toHaveLength(1);
    // The file on disk is sealed: it opens with the procuratorate's key only.
    const onDisk = new Uint8Array(readFileSync(join(uploadDir, rows[0]!.object_key)));
    expect(onDisk).not.toEqual(pdf);
    expect(await openSealedBytes(onDisk, sealedTip!, 0)).toEqual(pdf);
    // Only whole files are left in the directory, no temporaries.
    expect(readdirSync(join(uploadDir, 'tips')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it("answers the form's mistakes inside the built page, in the reader's language", async () => {
    const response = await fetch(`${origin}/api/tips?lang=mn`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...tip('x'), category: 'weather' }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<html lang="mn-Mong"');
    expect(html).toContain(mn['tip.error.category']);
  });

  it('lets staff sign in, find a tip, open it with their key, download its sealed file and change its status, all recorded in PostgreSQL', async () => {
    const tag = `标记${crypto.randomUUID().slice(0, 8)}`;
    const form = new FormData();
    for (const [name, value] of Object.entries(tip(tag))) form.set(name, value);
    form.set('metadata', 'keep');
    const pdf = new TextEncoder().encode('%PDF-1.7\n% staff evidence\n');
    form.append('files', new File([pdf], '证据.pdf', { type: 'application/pdf' }));
    expect((await fetch(`${origin}/api/tips?lang=zh`, { method: 'POST', body: form, headers: { Accept: 'application/json' } })).status).toBe(201);
    const [id] = await tipIdsTagged(database, tag);

    expect((await fetch(`${origin}/api/staff/tips`)).status).toBe(401);
    const login = await fetch(`${origin}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', Origin: origin },
      body: new URLSearchParams({ username: 'reviewer', password: staffPassword }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const get = (path: string) => fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
    const { csrfToken } = await (await get('/api/staff/session')).json();

    const today = new Date().toISOString().slice(0, 10);
    const listed = await get(`/api/staff/tips?status=received&from=${today}&to=${today}`);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const { tips } = await listed.json();
    expect(tips.map((one: { id: string }) => one.id)).toContain(id);
    expect((await (await get('/api/staff/tips?to=2000-01-01')).json()).total).toBe(0);

    const opened = await (await get(`/api/staff/tips/${id}`)).json();
    expect(opened).toMatchObject({ id, status: 'received', attachmentCount: 1 });
    expect(JSON.parse(await openSealedText(opened.content, id)).description).toContain(tag);
    const file = await get(`/api/staff/tips/${id}/files/0`);
    expect(file.status).toBe(200);
    expect(await openSealedBytes(new Uint8Array(await file.arrayBuffer()), opened, 0)).toEqual(pdf);

    const changed = await fetch(`${origin}/api/staff/tips/${id}/status`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken, Origin: origin },
      body: JSON.stringify({ status: 'under_review', note: '已转交生态环境部门核查' }),
    });
    expect(changed.status).toBe(200);
    const after = await (await get(`/api/staff/tips/${id}`)).json();
    expect(after.status).toBe('under_review');
    expect(after.history).toMatchObject([{ status: 'under_review', note: '已转交生态环境部门核查', changedBy: 'reviewer' }]);
    const { rows: audit } = await database.query<{ action: string }>('SELECT action FROM staff_audit WHERE tip_id = $1 ORDER BY at', [id]);
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['read', 'download', 'status_change']));
  });

  it('gives every copy of the tip form a key of its own, so identical tips from two copies are two tips', async () => {
    const keyOf = async () => /name="idempotencyKey" value="([^"]*)"/.exec((await rawGet('/mn/tip/')).body)?.[1];
    const [first, second] = [await keyOf(), await keyOf()];
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(second).not.toBe(first);
  });

  it('has one spelling per path: no redirect off the site, no way around no-store, no 5xx for odd input', async () => {
    // Audit: "/%2F%2Fevil.com/index.html" was answered 308 to "///evil.com/".
    const sneaky = await rawGet('/%2F%2Fevil.com/index.html');
    expect(sneaky.status).toBe(308);
    expect(sneaky.headers.location).toBe('/evil.com/index.html');
    expect((await rawGet('/%5C%5Cevil.com/')).status).toBe(400);
    // Audit: "/zh/t%69p/" and "/zh//tip/" served the tip page without no-store.
    expect((await rawGet('/zh/./tip/')).headers['cache-control']).toBe('no-store');
    for (const path of ['/zh/t%69p/', '/zh//tip/', '/zh/%74ip/']) {
      const answer = await rawGet(path);
      expect([path, answer.status, answer.headers.location]).toEqual([path, 308, '/zh/tip/']);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    // Audit: a malformed receipt cookie gave 503, a bad Host or TRACE 500.
    const badCookie = await rawGet('/api/tips/received?lang=zh', { headers: { Cookie: 'tip_receipt=%E0%A4%A' } });
    expect(badCookie.status).toBe(200);
    expect(badCookie.body).toContain('<html');
    expect((await rawGet('/zh/', { headers: { Host: 'bad host/\\x' } })).status).toBe(400);
    const trace = await rawGet('/zh/', { method: 'TRACE' });
    expect(trace.status).toBe(405);
    expect(trace.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await rawGet('/%E0%A4%A')).status).toBe(400);
  });

  it("refuses a tip a page of another site makes the browser send, and takes the same site's form sent without JavaScript", async () => {
    const body = new URLSearchParams({ ...tip(`跨站${crypto.randomUUID().slice(0, 8)}`) });
    const crossSite = await fetch(`${origin}/api/tips?lang=zh`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('content-security-policy')).toContain("default-src 'self'");
    const staffLogout = await fetch(`${origin}/api/staff/logout`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(staffLogout.status).toBe(403);
    const sameSite = await fetch(`${origin}/api/tips?lang=zh`, {
      method: 'POST',
      body: new URLSearchParams(tip(`同站${crypto.randomUUID().slice(0, 8)}`)),
      redirect: 'manual',
      headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(sameSite.status).toBe(303);
  });

  it('stops an oversized body on every route before reading it all', async () => {
    // Audit: /api/tips/status and /api/staff/login read any size (60 MB accepted, memory 100 → 376 MB).
    for (const path of ['/api/tips/status?lang=zh', '/api/staff/login', '/api/staff/tips/x/status']) {
      const declared = await sendUntilAnswered(path, { 'Content-Length': String(60 * 1024 * 1024) });
      expect([path, declared.status]).toEqual([path, 413]);
      expect(declared.headers['x-content-type-options']).toBe('nosniff');
      expect(declared.sentBytes).toBeLessThan(1024 * 1024);
    }
    // Without a Content-Length (chunked) the limit counts what arrives.
    const chunked = await sendUntilAnswered('/api/tips/status?lang=zh', { 'Transfer-Encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(chunked.sentBytes).toBeLessThan(1024 * 1024);
  });

  it("sends the site's headers with every answer of the tip service, re-rendered pages included", async () => {
    const response = await fetch(`${origin}/api/tips/status?lang=mn`, { method: 'POST', body: new URLSearchParams({ code: 'nope' }) });
    expect(response.status).toBe(404);
    for (const name of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security']) expect(response.headers.get(name)).toBeTruthy();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(readFileSync('dist/_headers', 'utf8')).toBe(siteHeadersFile);
  });

  it("streams files in ranges and serves Pagefind's index as bytes", async () => {
    const page = readFileSync('dist/zh/index.html');
    const part = await fetch(`${origin}/zh/`, { headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(page.subarray(0, 100));
    const meta = readdirSync('dist/pagefind/zh').find((name) => name.endsWith('.pf_meta'))!;
    expect((await fetch(`${origin}/pagefind/zh/${meta}`)).headers.get('content-type')).toBe('application/octet-stream');
  });

  it('reports healthy while the database answers', async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('stopping the Node server', () => {
  it('finishes a tip that is still arriving, says it is unhealthy while draining, then refuses new connections and closes the database', async () => {
    const { site, database, uploadDir, closedByServer } = await startServer(500);
    try {
      const tag = `标记${crypto.randomUUID().slice(0, 8)}`;
      const body = Buffer.from(JSON.stringify(tip(tag)));
      // Half the body is sent, then the server is told to stop, then the rest follows.
      const sending = httpRequest(`${origin}/api/tips?lang=zh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.byteLength },
      });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        sending.on('response', (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body: text }));
        });
        sending.on('error', reject);
      });
      sending.write(body.subarray(0, 40));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopped = site.shutdown();
      // While draining it still answers, telling the load balancer to look elsewhere.
      const health = await fetch(`${origin}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get('connection')).toBe('close');
      await new Promise((resolve) => setTimeout(resolve, 600));
      await expect(fetch(`${origin}/zh/`)).rejects.toThrow();
      sending.end(body.subarray(40));

      const { status, body: text } = await answer;
      expect(status).toBe(201);
      expect(JSON.parse(text).receiptCode).toBeTruthy();
      expect(await tipIdsTagged(database, tag)).toHaveLength(1);
      await stopped;
      expect(closedByServer.value).toBe(true);
    } finally {
      await site.shutdown();
      await database.close();
      rmSync(uploadDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Ids of stored tips whose content, once opened with the test key, mentions the tag (content is sealed, so SQL cannot search it). */
async function tipIdsTagged(database: PgDatabase, tag: string): Promise<string[]> {
  const { rows } = await database.query<{ id: string; content: string }>('SELECT id, content FROM tips');
  const ids: string[] = [];
  for (const row of rows) if ((await openSealedText(row.content, row.id)).includes(tag)) ids.push(row.id);
  return ids;
}

/**
 * A form POST that keeps sending 64 KB pieces of a huge body until the server answers: what a
 * server that reads everything would never do before the body ends.
 */
function sendUntilAnswered(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } }, (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode!, headers: response.headers, sentBytes });
      outgoing.destroy();
    });
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    const piece = `code=${'A'.repeat(64 * 1024)}`;
    const sendMore = () => {
      if (answered || sentBytes > 8 * 1024 * 1024) return;
      sentBytes += piece.length;
      outgoing.write(piece, () => setTimeout(sendMore, 5));
    };
    sendMore();
  });
}

/** A request exactly as written (no URL clean-up by a client library), with its answer's headers. */
function rawGet(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body, headers: response.headers }));
    })
      .on('error', reject)
      .end(options.body);
  });
}

import { describe, expect, it } from 'vitest';
import { runRetention } from '../../src/lib/staff/handleStaffRequest';
import { handleStaffRequest } from '../../src/lib/http/routes/staff';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { newSessionId, sessionIdHash } from '../../src/lib/staff/session';
import { nodePlatform, staffConfigFromEnv } from '../../src/lib/staff/config';
import { hashPassword, verifyPassword } from '../../src/lib/staff/password';
import { csvCell } from '../../src/lib/staff/csv';
import { openSealedText } from './support/sqlTipEnvironment';
import { origin, staffPassword, staffTestEnvironment } from './support/staffEnvironment';

type Env = ReturnType<typeof staffTestEnvironment>;

async function logIn(env: Env, password = staffPassword, username = 'reviewer', client = '198.51.100.20') {
  env.staffEnv.clientAddress = client;
  return handleStaffRequest(
    new Request(`${origin}/api/staff/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }),
    }),
    env.staffEnv,
  );
}

async function session(env: Env) {
  const cookie = (await logIn(env)).headers.get('Set-Cookie')!.split(';')[0]!;
  const info = await (await handleStaffRequest(new Request(`${origin}/api/staff/session`, { headers: { Cookie: cookie } }), env.staffEnv)).json();
  const get = (path: string) => handleStaffRequest(new Request(`${origin}${path}`, { headers: { Cookie: cookie } }), env.staffEnv);
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    handleStaffRequest(
      new Request(`${origin}${path}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': info.csrfToken, Origin: origin, ...extra },
        body: JSON.stringify(body),
      }),
      env.staffEnv,
    );
  return { cookie, csrf: info.csrfToken as string, get, post };
}

/** Every staff endpoint with a method it answers. */
const endpoints: Array<[string, string]> = [
  ['GET', '/api/staff/session'],
  ['POST', '/api/staff/logout'],
  ['GET', '/api/staff/tips'],
  ['GET', '/api/staff/tips/00000000-0000-4000-8000-000000000000'],
  ['GET', '/api/staff/tips/00000000-0000-4000-8000-000000000000/files/0'],
  ['POST', '/api/staff/tips/00000000-0000-4000-8000-000000000000/status'],
  ['GET', '/api/staff/export.csv'],
  ['GET', '/api/staff/audit'],
  ['POST', '/api/staff/retention'],
];

describe('staff authentication', () => {
  it('answers 401 on every endpoint without a credential', async () => {
    const env = staffTestEnvironment();
    for (const [method, path] of endpoints) {
      const response = await handleStaffRequest(new Request(`${origin}${path}`, { method }), env.staffEnv);
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('answers 403 on every endpoint with a made-up, expired or logged-out session', async () => {
    const env = staffTestEnvironment();
    const expired = newSessionId();
    await env.staffStore.startSession({ idHash: await sessionIdHash(expired), username: 'reviewer', createdAt: '2026-05-01T08:00:00.000Z', expiresAt: '2026-05-01T09:00:00.000Z' });
    const staff = await session(env);
    expect((await staff.post('/api/staff/logout', {})).status).toBe(200);
    const loggedOut = staff.cookie.split('=')[1]!;
    for (const token of [newSessionId(), expired, loggedOut, 'garbage', `${loggedOut}.`]) {
      for (const [method, path] of endpoints) {
        const response = await handleStaffRequest(new Request(`${origin}${path}`, { method, headers: { Cookie: `__Host-staff_session=${token}` } }), env.staffEnv);
        expect(response.status, `${method} ${path} with ${token.slice(0, 12)}`).toBe(403);
      }
    }
  });

  it('keeps sessions in the database: an old cookie stops working after logout, and when the account is removed', async () => {
    const env = staffTestEnvironment();
    const first = await session(env);
    const second = await session(env);
    const listed = await (await second.get('/api/staff/sessions')).json();
    expect(listed.sessions.map((entry: { current: boolean }) => entry.current).sort()).toEqual([false, true]);
    expect(JSON.stringify(env.rows('SELECT * FROM staff_sessions'))).not.toContain(first.cookie.split('=')[1]);
    expect((await first.post('/api/staff/logout', {})).status).toBe(200);
    expect((await first.get('/api/staff/tips')).status).toBe(403);
    expect((await second.get('/api/staff/tips')).status).toBe(200);
    expect(await env.staffStore.removeAccount('reviewer')).toBe(true);
    expect((await second.get('/api/staff/tips')).status).toBe(403);
    expect(env.rows('SELECT * FROM staff_sessions')).toEqual([]);
  });

  it("ends the account's other sessions on request", async () => {
    const env = staffTestEnvironment();
    const other = await session(env);
    const mine = await session(env);
    expect(await (await mine.post('/api/staff/sessions/end-others', {})).json()).toEqual({ ended: 1 });
    expect((await other.get('/api/staff/tips')).status).toBe(403);
    expect((await mine.get('/api/staff/tips')).status).toBe(200);
  });

  it('signs in with the right password into an HttpOnly, SameSite=Strict cookie with an expiry, and audits it', async () => {
    const env = staffTestEnvironment();
    const response = await logIn(env);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/staff/');
    expect(response.headers.get('Set-Cookie')).toMatch(/^__Host-staff_session=[\w-]{43}; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
    expect(env.auditLog().at(-1)).toMatchObject({ actor: 'reviewer', action: 'login' });
    const wrong = await logIn(env, 'not the password at all');
    expect(wrong.headers.get('Location')).toBe('/staff/login/?error=wrong_credentials');
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
  });

  it('counts failed sign-ins instead of auditing each, and audits once when delays begin', async () => {
    const env = staffTestEnvironment();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      env.setClock(new Date(Date.parse('2026-06-01T08:00:00Z') + attempt * 120_000));
      await logIn(env, `wrong password ${attempt}`, 'reviewer', `198.51.100.${attempt + 1}`);
    }
    expect(env.auditLog().filter((entry) => entry.action === 'login_failed')).toEqual([
      { at: '2026-06-01T08:04:00.000Z', actor: 'reviewer', action: 'login_failed', detail: '3 failed attempts; delays begin' },
    ]);
    env.setClock(new Date('2026-06-01T08:10:00Z'));
    await logIn(env);
    expect(env.auditLog().at(-1)).toMatchObject({ action: 'login', detail: 'password; after 3 failed attempts' });
  });

  it('slows guessing with growing delays per account, but never keeps the reviewer out longer than the cap', async () => {
    const env = staffTestEnvironment();
    let clock = Date.parse('2026-06-01T08:00:00Z');
    // An attacker from 50 addresses guesses as fast as the server lets it, for an hour.
    let guesses = 0;
    for (let tick = 0; tick < 3600; tick += 1, clock += 1000) {
      env.setClock(new Date(clock));
      const answer = await logIn(env, 'a wrong guess again', 'reviewer', `203.0.113.${tick % 50}`);
      if (answer.headers.get('Location')?.includes('wrong_credentials')) guesses += 1;
    }
    // 3 free, then 1, 2, 4 … 32 s, then one a minute: about 70 guesses in the hour, not 3,600.
    expect(guesses).toBeLessThan(75);
    expect(guesses).toBeGreaterThan(55);
    // The reviewer, whenever they come, waits at most the account cap and then gets in.
    env.setClock(new Date(clock + 60_000));
    expect((await logIn(env)).headers.get('Set-Cookie')).toMatch(/^__Host-staff_session=/);
  }, 120_000);

  it('throttles one client harder than the account, without slowing another client beyond the account delay', async () => {
    const env = staffTestEnvironment({ loginMaxDelaySeconds: 4 });
    let clock = Date.parse('2026-06-01T08:00:00Z');
    for (let attempt = 0; attempt < 10; attempt += 1, clock += 120_000) {
      env.setClock(new Date(clock));
      await logIn(env, 'a wrong password', 'reviewer', '203.0.113.66');
    }
    env.setClock(new Date(clock));
    expect((await logIn(env, staffPassword, 'reviewer', '203.0.113.66')).headers.get('Location')).toBe('/staff/login/?error=rate_limited');
    expect((await logIn(env, staffPassword, 'reviewer', '198.51.100.5')).headers.get('Location')).toBe('/staff/');
  });

  it('caps password checks per minute for all clients together', async () => {
    const env = staffTestEnvironment({ loginChecksPerMinute: 5 });
    const answers = [];
    for (let attempt = 0; attempt < 7; attempt += 1) answers.push((await logIn(env, 'a wrong password', `user${attempt}`, `203.0.113.${attempt}`)).headers.get('Location'));
    expect(answers.slice(0, 5).every((location) => location!.includes('wrong_credentials'))).toBe(true);
    expect(answers.slice(5)).toEqual(['/staff/login/?error=rate_limited', '/staff/login/?error=rate_limited']);
    env.setClock(new Date('2026-06-01T08:01:00Z'));
    expect((await logIn(env)).headers.get('Location')).toBe('/staff/');
  });

  it('turns password sign-in off by default when Cloudflare Access is configured', () => {
    const access = {
      STAFF_ACCESS_JWKS_URL: 'https://team.cloudflareaccess.com/cdn-cgi/access/certs',
      STAFF_ACCESS_AUDIENCE: 'aud',
      STAFF_ACCESS_ISSUER: 'https://team.cloudflareaccess.com',
    };
    const secret = { STAFF_SESSION_SECRET: 'x'.repeat(40) };
    expect(staffConfigFromEnv({ ...secret, ...access }).passwordLogin).toBe(false);
    expect(staffConfigFromEnv({ ...secret, ...access, STAFF_PASSWORD_LOGIN: '1' }).passwordLogin).toBe(true);
    expect(staffConfigFromEnv(secret).passwordLogin).toBe(true);
  });

  it('refuses a state change without the CSRF token or from another origin', async () => {
    const env = staffTestEnvironment();
    await env.submitTip();
    const staff = await session(env);
    const id = env.tips()[0]!.id;
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'under_review', note: '开始核查' }, { 'X-CSRF-Token': '' })).status).toBe(403);
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'under_review', note: '开始核查' }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(env.tips()[0]!.status).toBe('received');
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'under_review', note: '开始核查' })).status).toBe(200);
  });

  it("hashes passwords with 600,000 PBKDF2 iterations on Node and 100,000 (workerd's cap) on Cloudflare", async () => {
    const secret = { STAFF_SESSION_SECRET: 'x'.repeat(40) };
    expect(staffConfigFromEnv(secret, nodePlatform).passwordIterations).toBe(600_000);
    expect(staffConfigFromEnv(secret).passwordIterations).toBe(100_000);
    const strong = await hashPassword('a long staff password', 600_000);
    expect(strong).toMatch(/^pbkdf2-sha256\$600000\$/);
    expect(await verifyPassword('a long staff password', strong)).toBe(true);
  });

  it('hashes passwords with PBKDF2-SHA-256 at 100,000 iterations and a random salt', async () => {
    const hash = await hashPassword('a long staff password');
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toBe(await hashPassword('a long staff password'));
    expect(await verifyPassword('a long staff password', hash)).toBe(true);
    expect(await verifyPassword('a long staff passworD', hash)).toBe(false);
    await expect(hashPassword('short')).rejects.toThrow(/shorter than 12/);
  });
});

describe('staff routes', () => {
  it('answers a wrong method with 405 and Allow, an unknown path with 404, and takes a trailing slash', async () => {
    const env = staffTestEnvironment();
    const staff = await session(env);
    const asked = async (method: string, path: string) => handleStaffRequest(new Request(`${origin}${path}`, { method, headers: { Cookie: staff.cookie } }), env.staffEnv);
    const wrong = await staff.post('/api/staff/tips', {});
    expect([wrong.status, wrong.headers.get('Allow')]).toEqual([405, 'GET']);
    const retention = await asked('GET', '/api/staff/retention');
    expect([retention.status, retention.headers.get('Allow')]).toEqual([405, 'POST']);
    const login = await asked('GET', '/api/staff/login');
    expect([login.status, login.headers.get('Allow')]).toEqual([405, 'POST']);
    expect((await asked('GET', '/api/staff/nothing-here')).status).toBe(404);
    expect((await asked('GET', '/api/staff/tips/a/b/c/d/e')).status).toBe(404);
    expect((await staff.get('/api/staff/tips/')).status).toBe(200);
    // Unknown paths need a credential too: a stranger learns nothing about which exist.
    expect((await handleStaffRequest(new Request(`${origin}/api/staff/nothing-here`), env.staffEnv)).status).toBe(401);
  });

  it("answers in the reader's language: Chinese by default, Mongolian when the page or browser asks for it", async () => {
    const env = staffTestEnvironment();
    const message = async (language?: string) =>
      (await (await handleStaffRequest(new Request(`${origin}/api/staff/tips`, { headers: language ? { 'Accept-Language': language } : {} }), env.staffEnv)).json()).message;
    expect(await message()).toBe('请先登录。');
    expect(await message('mn-Mong')).toBe('ᠤᠷᠢᠳ ᠨᠡᠪᠲᠡᠷᠡᠨ᠎ᠡ\u202fᠦᠦ᠃');
    expect(await message('fr, mn;q=0.5, zh;q=0.4')).toBe(await message('mn'));
  });
});

describe('staff review', () => {
  it('lists tips with overdue ones first, filters them and pages them', async () => {
    const env = staffTestEnvironment();
    env.setClock(new Date('2026-01-10T08:00:00Z'));
    await env.submitTip({ description: '最早的一条线索：河道排污，已经超过三个月没有答复了。' });
    env.setClock(new Date('2026-05-20T08:00:00Z'));
    await env.submitTip({ description: '十天前的一条线索：超市出售过期食品，还没有确认收到。', category: 'food-drug-safety' });
    env.setClock(new Date('2026-05-30T08:00:00Z'));
    await env.submitTip({ description: '两天前的一条线索：草原被非法开垦，还在答复期限之内。' });
    env.setClock(new Date('2026-06-01T08:00:00Z'));
    const staff = await session(env);
    const list = await (await staff.get('/api/staff/tips')).json();
    expect(list.tips.map((tip: { deadline: string }) => tip.deadline)).toEqual(['answer_overdue', 'acknowledge_overdue', 'on_time']);
    expect(list.tips[0]).toMatchObject({ ageDays: 142, category: 'ecology', categoryLabel: expect.any(String), status: 'received' });
    expect(list.tips[0]).not.toHaveProperty('content');

    const filtered = await (await staff.get('/api/staff/tips?category=food-drug-safety')).json();
    expect(filtered.total).toBe(1);
    const byDate = await (await staff.get('/api/staff/tips?from=2026-05-01&to=2026-05-20')).json();
    expect(byDate.total).toBe(1);
    expect((await staff.get('/api/staff/tips?status=lost')).status).toBe(400);
    expect((await staff.get('/api/staff/tips?page=2')).status).toBe(200);
    expect((await (await staff.get('/api/staff/tips?page=2')).json()).tips).toEqual([]);
  });

  it('opens a tip still sealed, changes its status with a note the tipster then sees, and audits each step', async () => {
    const env = staffTestEnvironment();
    const { receiptCode } = await (await env.submitTip({ description: '<img src=x onerror=alert(1)> 河道排污已经持续一个月了。' })).json();
    const staff = await session(env);
    const id = env.tips()[0]!.id;
    const opened = await (await staff.get(`/api/staff/tips/${id}`)).json();
    expect(opened.content).toMatch(/^sealed2:/);
    expect(JSON.parse(await openSealedText(opened.content, opened.id)).description).toContain('<img src=x onerror=alert(1)>');
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'accepted', note: '已立案审查' })).status).toBe(200);
    const status = await handleTipRequest(
      new Request(`${origin}/api/tips/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: receiptCode }) }),
      env.env,
    );
    expect((await status.json()).status).toBe('accepted');
    const history = (await (await staff.get(`/api/staff/tips/${id}`)).json()).history;
    expect(history).toEqual([{ status: 'accepted', note: '已立案审查', changedBy: 'reviewer', changedAt: '2026-06-01T08:00:00.000Z' }]);
    expect(env.auditLog().map((entry) => [entry.action, entry.tipId])).toEqual([
      ['login', undefined],
      ['read', id],
      ['status_change', id],
      ['read', id],
    ]);
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'accepted', note: '' })).status).toBe(422);
    expect((await staff.get('/api/staff/tips/not-a-uuid')).status).toBe(404);
  });

  it('exports the clear triage fields as CSV, never the content, and audits the export', async () => {
    const env = staffTestEnvironment();
    await env.submitTip({ description: '=HYPERLINK("http://evil.example") 河道排污已经一个月了。' });
    const staff = await session(env);
    const response = await staff.get('/api/staff/export.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(csv.split('\r\n')[0]).toBe('\uFEFF编号,领域,地区,匿名,收到时间,状态,状态更新时间,防滥用检查,期限,已过天数');
    expect(csv).toContain(env.tips()[0]!.id);
    expect(csv).not.toContain('HYPERLINK');
    expect(env.auditLog().at(-1)).toMatchObject({ action: 'export', actor: 'reviewer', detail: expect.stringContaining('1 rows') });
    expect(csvCell('=1+1')).toBe('"\'=1+1"');
  });

  it('serves the audit log, newest first, and records that it was viewed', async () => {
    const env = staffTestEnvironment();
    const staff = await session(env);
    env.setClock(new Date('2026-06-01T08:01:00Z'));
    const log = await (await staff.get('/api/staff/audit')).json();
    expect(log.entries.map((entry: { action: string }) => entry.action)).toEqual(['audit_view', 'login']);
  });

  it("serves a file still sealed, and after retention deletes closed tips' files, says so and audits it", async () => {
    const env = staffTestEnvironment();
    await env.submitTip({ metadata: 'keep' }, [new File([new TextEncoder().encode('%PDF-1.7 evidence')], 'report\u202Efdp.hta', { type: 'application/pdf' })]);
    const staff = await session(env);
    const id = env.tips()[0]!.id;
    const file = await staff.get(`/api/staff/tips/${id}/files/0`);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    // Named by the tip, never by the tipster (finding 3).
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="tip-${id.slice(0, 8)}-1.sealed"`);
    expect(new TextDecoder().decode(await file.arrayBuffer())).not.toContain('%PDF');
    await staff.post(`/api/staff/tips/${id}/status`, { status: 'closed', note: '办结' });
    expect(await runRetention(env.staffEnv, 'retention-job')).toEqual({ deleted: 0, erased: 0 });
    env.setClock(new Date('2026-07-15T08:00:00Z'));
    const fresh = await session(env);
    expect(await (await fresh.post('/api/staff/retention', {})).json()).toEqual({ deleted: 1, erased: 1 });
    expect(env.objects.size).toBe(0);
    expect((await fresh.get(`/api/staff/tips/${id}/files/0`)).status).toBe(410);
    expect(env.auditLog().filter((entry) => entry.action === 'retention_delete')).toEqual([
      { at: '2026-07-15T08:00:00.000Z', actor: 'reviewer', action: 'retention_delete', tipId: id, detail: 'closed before 2026-06-15' },
    ]);
    expect(await runRetention(env.staffEnv, 'retention-job')).toEqual({ deleted: 0, erased: 0 });
  });

  it('erases what the tipster wrote, contact details included, once a closed tip is past retention', async () => {
    const env = staffTestEnvironment();
    await env.submitTip({ identity: 'named', name: '王五', phone: '13912345678' });
    await env.submitTip({ description: '另一条线索：仍在审查中，河道里有大量工业废水直接排放。' });
    const staff = await session(env);
    const [closed, open] = env.tips().map((tip) => tip.id);
    await staff.post(`/api/staff/tips/${closed}/status`, { status: 'closed', note: '办结' });
    env.setClock(new Date('2026-07-15T08:00:00Z'));
    expect(await runRetention(env.staffEnv, 'retention-job')).toEqual({ deleted: 0, erased: 1 });
    const erased = await (await (await session(env)).get(`/api/staff/tips/${closed}`)).json();
    expect(erased).toMatchObject({ content: '', contentErasedAt: '2026-07-15T08:00:00.000Z', status: 'closed', category: 'ecology' });
    expect(env.rows('SELECT * FROM tip_submissions WHERE tip_id = ?', closed)).toEqual([]);
    expect(env.tips().find((tip) => tip.id === open)!.content).toMatch(/^sealed2:/);
    expect(
      env
        .auditLog()
        .filter((entry) => entry.action === 'retention_erase')
        .map((entry) => entry.tipId),
    ).toEqual([closed]);
  });
});

import { describe, expect, it } from 'vitest';
import { handleStaffRequest, runRetention } from '../../src/lib/staff/handleStaffRequest';
import { handleTipRequest } from '../../src/lib/tips/handleTipRequest';
import { createSessionToken } from '../../src/lib/staff/session';
import { hashPassword, verifyPassword } from '../../src/lib/staff/password';
import { csvCell } from '../../src/lib/staff/csv';
import { openSealedText } from './support/memoryTipEnvironment';
import { origin, staffPassword, staffTestEnvironment } from './support/staffEnvironment';

type Env = ReturnType<typeof staffTestEnvironment>;

async function logIn(env: Env, password = staffPassword, username = 'reviewer') {
  return handleStaffRequest(
    new Request(`${origin}/api/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password }) }),
    env.staffEnv,
  );
}

async function session(env: Env) {
  const cookie = (await logIn(env)).headers.get('Set-Cookie')!.split(';')[0]!;
  const info = await (await handleStaffRequest(new Request(`${origin}/api/staff/session`, { headers: { Cookie: cookie } }), env.staffEnv)).json();
  const get = (path: string) => handleStaffRequest(new Request(`${origin}${path}`, { headers: { Cookie: cookie } }), env.staffEnv);
  const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    handleStaffRequest(
      new Request(`${origin}${path}`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': info.csrfToken, Origin: origin, ...extra }, body: JSON.stringify(body) }),
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

  it('answers 403 on every endpoint with a forged or expired session', async () => {
    const env = staffTestEnvironment();
    const forged = await createSessionToken('some-other-secret-that-is-long-enough-000', 'reviewer', new Date('2026-06-01T08:00:00Z'), 3600);
    const expired = await createSessionToken(env.staffEnv.config.sessionSecret, 'reviewer', new Date('2026-05-01T08:00:00Z'), 3600);
    const [payload, signature] = expired.split('.');
    const altered = `${Buffer.from(JSON.stringify({ actor: 'admin', sessionId: 'x', expiresAt: 9e15 })).toString('base64url')}.${signature}`;
    for (const token of [forged, expired, altered, 'garbage', `${payload}.`]) {
      for (const [method, path] of endpoints) {
        const response = await handleStaffRequest(new Request(`${origin}${path}`, { method, headers: { Cookie: `staff_session=${token}` } }), env.staffEnv);
        expect(response.status, `${method} ${path} with ${token.slice(0, 12)}`).toBe(403);
      }
    }
  });

  it('signs in with the right password into an HttpOnly, SameSite=Strict cookie with an expiry, and audits it', async () => {
    const env = staffTestEnvironment();
    const response = await logIn(env);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/staff/');
    expect(response.headers.get('Set-Cookie')).toMatch(/^staff_session=[\w-]+\.[\w-]+; Path=\/; Max-Age=3600; HttpOnly; SameSite=Strict; Secure$/);
    expect(env.auditLog.at(-1)).toMatchObject({ actor: 'reviewer', action: 'login' });
    const wrong = await logIn(env, 'not the password at all');
    expect(wrong.headers.get('Location')).toBe('/staff/login/?error=wrong_credentials');
    expect(wrong.headers.get('Set-Cookie')).toBeNull();
    expect(env.auditLog.at(-1)).toMatchObject({ actor: 'reviewer', action: 'login_failed' });
  });

  it('limits login attempts per account, even with the right password after too many tries', async () => {
    const env = staffTestEnvironment();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await logIn(env, `wrong password ${attempt}`)).headers.get('Location')).toContain('wrong_credentials');
    const limited = await logIn(env);
    expect(limited.headers.get('Location')).toBe('/staff/login/?error=rate_limited');
    expect(limited.headers.get('Set-Cookie')).toBeNull();
    env.setClock(new Date('2026-06-01T08:20:00Z'));
    expect((await logIn(env)).headers.get('Set-Cookie')).toMatch(/^staff_session=/);
  });

  it('refuses a state change without the CSRF token or from another origin', async () => {
    const env = staffTestEnvironment();
    await env.submitTip();
    const staff = await session(env);
    const id = env.tips[0]!.id;
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'under_review', note: '开始核查' }, { 'X-CSRF-Token': '' })).status).toBe(403);
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'under_review', note: '开始核查' }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(env.tips[0]!.status).toBe('received');
    expect((await staff.post(`/api/staff/tips/${id}/status`, { status: 'under_review', note: '开始核查' })).status).toBe(200);
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
    const id = env.tips[0]!.id;
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
    expect(env.auditLog.map((entry) => [entry.action, entry.tipId])).toEqual([
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
    expect(csv).toContain(env.tips[0]!.id);
    expect(csv).not.toContain('HYPERLINK');
    expect(env.auditLog.at(-1)).toMatchObject({ action: 'export', actor: 'reviewer', detail: expect.stringContaining('1 rows') });
    expect(csvCell('=1+1')).toBe("\"'=1+1\"");
  });

  it('serves the audit log, newest first, and records that it was viewed', async () => {
    const env = staffTestEnvironment();
    const staff = await session(env);
    const log = await (await staff.get('/api/staff/audit')).json();
    expect(log.entries.map((entry: { action: string }) => entry.action)).toEqual(['audit_view', 'login']);
  });

  it('serves a file still sealed, and after retention deletes closed tips\' files, says so and audits it', async () => {
    const env = staffTestEnvironment();
    await env.submitTip({ metadata: 'keep' }, [new File([new TextEncoder().encode('%PDF-1.7 evidence')], 'report\u202Efdp.hta', { type: 'application/pdf' })]);
    const staff = await session(env);
    const id = env.tips[0]!.id;
    const file = await staff.get(`/api/staff/tips/${id}/files/0`);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    // Named by the tip, never by the tipster (finding 3).
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="tip-${id.slice(0, 8)}-1.sealed"`);
    expect(new TextDecoder().decode(await file.arrayBuffer())).not.toContain('%PDF');
    await staff.post(`/api/staff/tips/${id}/status`, { status: 'closed', note: '办结' });
    expect(await runRetention(env.staffEnv, 'retention-job')).toEqual({ deleted: 0 });
    env.setClock(new Date('2026-07-15T08:00:00Z'));
    const fresh = await session(env);
    expect(await (await fresh.post('/api/staff/retention', {})).json()).toEqual({ deleted: 1 });
    expect(env.objects.size).toBe(0);
    expect((await fresh.get(`/api/staff/tips/${id}/files/0`)).status).toBe(410);
    expect(env.auditLog.filter((entry) => entry.action === 'retention_delete')).toEqual([
      { at: '2026-07-15T08:00:00.000Z', actor: 'reviewer', action: 'retention_delete', tipId: id, detail: 'closed before 2026-06-15' },
    ]);
    expect(await runRetention(env.staffEnv, 'retention-job')).toEqual({ deleted: 0 });
  });
});

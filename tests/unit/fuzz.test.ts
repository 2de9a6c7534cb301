import fc from 'fast-check';
import { anonymousTip } from './support/tipFixtures';
import { describe, expect, it } from 'vitest';
import { handleTipRequest } from '../../src/lib/http/routes/tips';
import { handleStaffRequest } from '../../src/lib/http/routes/staff';
import { csrfTokenFor, newSessionId, sessionIdHash } from '../../src/lib/staff/session';
import { staffPassword, staffTestEnvironment, origin } from './support/staffEnvironment';

// In-process fuzzing of both cores (tips and staff) over the SQL stores on node:sqlite, for speed: 6,000
// hostile requests to the tip service and 4,000 to staff review. No answer may be a 5xx, and a
// refused request (4xx) must leave no tip, no file and no status change behind. The D1 adapter
// itself is exercised by the browser tests, not here.

const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    '../../etc/passwd',
    '\u0000\u202e\ufeff',
    '{{constructor.constructor("return 1")()}}',
    '__proto__',
    'ᠮᠣᠩᠭᠣᠯ',
    '=HYPERLINK("x")',
    'a'.repeat(6000),
    '%00',
    '\ud800',
  ),
);
const tipField = fc.constantFrom(
  'category',
  'description',
  'place',
  'region',
  'noticedOn',
  'responsible',
  'identity',
  'name',
  'phone',
  'email',
  'consent',
  'website',
  'idempotencyKey',
  'altcha',
  '__proto__',
  'files',
);
const validish = anonymousTip;
const fieldsArbitrary = fc.oneof(
  fc.dictionary(tipField, hostileText, { maxKeys: 8 }),
  // A valid tip with one or two fields made hostile: the closest misses are the best probes.
  fc.tuple(fc.dictionary(tipField, hostileText, { minKeys: 1, maxKeys: 2 })).map(([broken]) => ({ ...validish, ...broken })),
);
const fileArbitrary = fc.record({
  name: hostileText,
  type: fc.constantFrom('image/jpeg', 'application/pdf', 'text/html', '', 'image/png'),
  bytes: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2])), fc.constant(new TextEncoder().encode('%PDF-1.7 x'))),
});

const tipRequest = fc
  .record({
    method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 9 }, fc.constantFrom('GET', 'PUT', 'DELETE')),
    path: fc.oneof(
      { arbitrary: fc.constant('/api/tips'), weight: 7 },
      { arbitrary: fc.constant('/api/tips/status'), weight: 2 },
      fc.constantFrom('/api/tips/', '/api/tips/received', '/api/tips/challenge', '/api/tips/../staff', '/api/tipsx'),
    ),
    lang: fc.constantFrom('zh', 'mn', 'xx', ''),
    encoding: fc.constantFrom('json', 'form', 'multipart', 'raw'),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=zzz',
      '',
      'application/json; charset=utf-16',
    ),
    fields: fieldsArbitrary,
    files: fc.array(fileArbitrary, { maxLength: 3 }),
    raw: hostileText,
    accept: fc.constantFrom('application/json', 'text/html', '*/*'),
  })
  .map(({ method, path, lang, encoding, contentType, fields, files, raw, accept }) => {
    const url = `${origin}${path}${lang ? `?lang=${lang}` : ''}`;
    const init: RequestInit = { method, headers: { Accept: accept } };
    if (method === 'GET' || method === 'DELETE') return new Request(url, init);
    if (encoding === 'json') return new Request(url, { ...init, headers: { ...init.headers, 'Content-Type': 'application/json' }, body: JSON.stringify(fields) });
    if (encoding === 'form') return new Request(url, { ...init, body: new URLSearchParams(fields as Record<string, string>) });
    if (encoding === 'multipart') {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.append(name, value as string);
      for (const file of files) data.append('files', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
      return new Request(url, { ...init, body: data });
    }
    return new Request(url, { ...init, headers: { ...init.headers, 'Content-Type': contentType }, body: raw });
  });

describe('fuzzing', () => {
  it('the tip service: 6,000 hostile requests, no 5xx, nothing stored from a refused one', async () => {
    const { env, tips, objects } = staffTestEnvironment();
    env.config.rateLimitMax = 1_000_000;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(tipRequest, async (request) => {
        const [tipsBefore, objectsBefore] = [tips().length, objects.size];
        const response = await handleTipRequest(request, env);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(tips().length).toBe(tipsBefore);
          expect(objects.size).toBe(objectsBefore);
        }
        // A stored tip never holds the tipster's words in the clear.
        if (tips().length > tipsBefore) expect(tips().at(-1)!.content).toMatch(/^sealed2:[\w-]+$/);
      }),
      { numRuns: 6000, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
    // The generator reaches every kind of answer: stored tips, field errors, bad types, bad bodies.
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(6000);
    for (const status of [201, 303, 400, 404, 405, 415, 422]) expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(0);
    console.log('tip fuzz answers', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)), 'tips stored', tips().length);
  }, 240_000);

  it('staff review: 4,000 hostile requests, with and without credentials, no 5xx, nothing changed by a refused one', async () => {
    const env = staffTestEnvironment();
    await env.submitTip();
    const tipId = env.tips()[0]!.id;
    const secret = env.staffEnv.config.sessionSecret;
    const session = newSessionId();
    const stored = { idHash: await sessionIdHash(session), username: 'reviewer', createdAt: '2026-06-01T08:00:00.000Z', expiresAt: '2026-06-01T09:00:00.000Z' };
    const csrf = await csrfTokenFor(secret, session);
    const staffRequest = fc
      .record({
        method: fc.oneof({ arbitrary: fc.constantFrom('GET', 'POST'), weight: 6 }, fc.constantFrom('PUT', 'DELETE')),
        path: fc.oneof(
          fc.constantFrom(
            '/api/staff/session',
            '/api/staff/logout',
            '/api/staff/tips',
            `/api/staff/tips/${tipId}`,
            `/api/staff/tips/${tipId}/status`,
            `/api/staff/tips/${tipId}/files/0`,
            '/api/staff/export.csv',
            '/api/staff/audit',
            '/api/staff/retention',
            '/api/staff/login',
            '/api/staff/',
            '/api/staffx',
          ),
          hostileText.map((text) => `/api/staff/tips/${encodeURIComponent(text.toWellFormed())}`),
        ),
        query: fc.dictionary(fc.constantFrom('status', 'category', 'region', 'from', 'to', 'page', 'x'), hostileText, { maxKeys: 4 }),
        cookie: fc.oneof({ arbitrary: fc.constant('valid'), weight: 5 }, fc.constantFrom('none', 'forged', 'garbage')),
        csrf: fc.oneof({ arbitrary: fc.constant('valid'), weight: 3 }, fc.constantFrom('none', 'wrong')),
        origin: fc.constantFrom(origin, 'https://evil.example', 'null', undefined),
        body: fc.oneof(
          fc.dictionary(fc.constantFrom('status', 'note', 'username', 'password', '__proto__'), hostileText, { maxKeys: 4 }),
          fc.constant({ username: 'reviewer', password: staffPassword }),
        ),
        json: fc.boolean(),
      })
      .map(({ method, path, query, cookie, csrf: csrfChoice, origin: from, body, json }) => {
        const url = new URL(`${origin}${path}`);
        for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
        const headers: Record<string, string> = {};
        if (cookie === 'valid') headers.Cookie = `__Host-staff_session=${session}`;
        if (cookie === 'forged') headers.Cookie = `__Host-staff_session=${session.slice(0, -3)}abc`;
        if (cookie === 'garbage') headers.Cookie = '__Host-staff_session=%%%; other=1';
        if (csrfChoice === 'valid') headers['X-CSRF-Token'] = csrf;
        if (csrfChoice === 'wrong') headers['X-CSRF-Token'] = `${csrf}x`;
        if (from) headers.Origin = from;
        if (method === 'GET') return new Request(url, { method, headers });
        if (json) return new Request(url, { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return new Request(url, { method, headers, body: new URLSearchParams(body as Record<string, string>) });
      });
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(staffRequest, async (request) => {
        // A generated logout ends the session; the next request starts with it again.
        if (!(await env.staffStore.findSession(stored.idHash))) await env.staffStore.startSession(stored);
        const before = JSON.stringify(env.tips().map((tip) => [tip.status, tip.history.length]));
        const objectsBefore = env.objects.size;
        const response = await handleStaffRequest(request, env.staffEnv);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(JSON.stringify(env.tips().map((tip) => [tip.status, tip.history.length]))).toBe(before);
          expect(env.objects.size).toBe(objectsBefore);
        }
      }),
      { numRuns: 4000, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
    for (const status of [200, 401, 403, 404, 405]) expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(0);
    console.log('staff fuzz answers', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
  }, 240_000);
});

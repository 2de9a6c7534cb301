import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { asOwnClient, marker, photoWithPosition, queryTipsDb, readTipFile, storedTipsContaining, testClient, validTip } from './support/tips';
import { newSessionId, sessionIdHash } from '../../src/lib/staff/session';
import { ensureTestSecrets, testKeyPassphrase, testPrivateKeyPath } from '../support/testKeys';
import { newStaffAccount, signIn, staffPassword as password } from './support/staff';

// Staff review against the real function (workerd, local D1/R2). Each test makes its own staff
// account, so per-account login limits never collide.
ensureTestSecrets();

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
  ['GET', '/api/staff/tips/00000000-0000-4000-8000-000000000000/conversation'],
  ['POST', '/api/staff/tips/00000000-0000-4000-8000-000000000000/conversation/read'],
  ['POST', '/api/staff/tips/00000000-0000-4000-8000-000000000000/messages'],
  ['GET', '/api/staff/tips/00000000-0000-4000-8000-000000000000/messages/1/files/0'],
];

test('every staff endpoint answers 401 without a session and 403 with a made-up or expired one, with the staff headers', async ({ request }) => {
  test.setTimeout(60_000);
  const forged = newSessionId();
  const expired = newSessionId();
  const owner = await newStaffAccount();
  await queryTipsDb(
    `INSERT INTO staff_sessions (id_hash, username, created_at, expires_at) VALUES ('${await sessionIdHash(expired)}', '${owner}', '${new Date(Date.now() - 7_200_000).toISOString()}', '${new Date(Date.now() - 3_600_000).toISOString()}')`,
  );
  for (const [method, path] of endpoints) {
    const none = await request.fetch(path, { method });
    expect(none.status(), `${method} ${path}`).toBe(401);
    expect(none.headers()['cache-control']).toBe('no-store');
    expect(none.headers()['referrer-policy']).toBe('no-referrer');
    expect(none.headers()['content-security-policy']).toContain("script-src 'self'");
    for (const token of [forged, expired]) {
      expect((await request.fetch(path, { method, headers: { Cookie: `staff_session=${token}` } })).status(), `${method} ${path}`).toBe(403);
    }
  }
});

test('a tip sent from the form is unreadable in D1 and R2, opens in the staff page to exactly what was sent, inert, with its photo cleaned; every action is audited', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = marker();
  const xss = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
  const description = `${tag} ${xss} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`;

  // The tipster, with JavaScript (so the proof of work runs).
  const tipster = await browser.newPage();
  await asOwnClient(tipster);
  await tipster.goto('/zh/tip/');
  await expect(tipster.locator('#tip-files-hint')).toContainText('照片可能记录了拍摄地点');
  // A category and region no other test uses, so the staff list filtered by them is short.
  await tipster.getByLabel('属于哪个公益诉讼领域').selectOption('cultural-heritage');
  await tipster.getByLabel('旗县（市、区）', { exact: true }).selectOption('huolinguole');
  await tipster.getByLabel('具体地点', { exact: true }).fill(`${xss} 东侧河道`);
  await tipster.getByLabel('发生了什么', { exact: true }).fill(description);
  // A name that shows as "evidenceexe.jpg" but is saved by the name as "evidence<RLO>gpj.exe" runs as a program (finding 3).
  await tipster.getByLabel('证据材料').setInputFiles({ name: 'evidence\u202Egpj.exe', mimeType: 'image/jpeg', buffer: photoWithPosition });
  await tipster.getByLabel('实名提交').check();
  await tipster.getByLabel('姓名', { exact: true }).fill('王五');
  await tipster.getByLabel('电话', { exact: true }).fill('13912345678');
  await tipster.getByLabel('我同意检察机关为办理这条线索处理上述个人信息').check();
  await tipster.getByRole('button', { name: '提交线索' }).click();
  await expect(tipster.getByRole('heading', { level: 1 })).toHaveText('线索已收到');
  const receipt = (await tipster.locator('[data-receipt-code]').textContent())!.trim();
  await tipster.close();

  // At rest: nothing readable in the row or the object.
  const [stored] = await storedTipsContaining(tag);
  expect(stored!.row.abuse_check).toBe('pow');
  expect(JSON.stringify(stored!.row)).not.toMatch(/王五|13912345678|河道|排污口/);
  const [attachment] = await queryTipsDb<{ object_key: string }>(`SELECT object_key FROM tip_attachments WHERE tip_id = '${stored!.row.id}'`);
  const object = await readTipFile(attachment!.object_key);
  expect(object.includes(Buffer.from('GPSLatitude'))).toBe(false);
  expect(object.includes(Buffer.from('JFIF'))).toBe(false);

  // The staff member.
  const username = await newStaffAccount();
  await signIn(page, username);
  await expectNoAxeViolations(page);
  await page.getByLabel('私钥文件').setInputFiles(testPrivateKeyPath);
  await page.getByLabel('私钥口令').fill('wrong passphrase here');
  await page.getByRole('button', { name: '加载私钥' }).click();
  await expect(page.locator('[data-status-message]')).toContainText('passphrase does not open');
  await page.getByLabel('私钥文件').setInputFiles(testPrivateKeyPath);
  await page.getByLabel('私钥口令').fill(testKeyPassphrase);
  await page.getByRole('button', { name: '加载私钥' }).click();
  await expect(page.locator('[data-key-list]')).toContainText('已加载私钥：e2e-reviewer');
  await expect(page.getByLabel('私钥口令')).toHaveValue('');
  await page.getByLabel('领域').selectOption('cultural-heritage');
  await page.getByLabel('地区').selectOption('huolinguole');
  await page.getByLabel('收到日期从').fill(stored!.row.received_at!.slice(0, 10));
  await page.getByRole('button', { name: '筛选' }).click();
  await page.getByRole('button', { name: `打开线索 ${stored!.row.id!.slice(0, 8)}` }).click();
  await expect(page.locator('.tip-text')).toHaveText(description);
  await expect(page.locator('[data-tip-content]')).toContainText(`${xss} 东侧河道`);
  await expect(page.locator('[data-tip-content]')).toContainText('13912345678');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('[data-tip-content] img, [data-tip-content] script').count()).toBe(0);

  const shortId = stored!.row.id!.slice(0, 8);
  await expect(page.locator('[data-tip-files]')).toContainText('evidencegpj.exe');
  expect(await page.locator('[data-tip-files]').textContent()).not.toContain('\u202E');
  await page.getByRole('button', { name: '解密查看' }).click();
  const image = page.getByRole('img', { name: /附件 1/ });
  await expect(image).toBeVisible();
  const shown = Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64');
  expect(shown.includes(Buffer.from('GPSLatitude'))).toBe(false);
  expect(shown.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  const savedOriginal = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载原件' }).click();
  expect((await savedOriginal).suggestedFilename()).toBe(`tip-${shortId}-1.jpg`);
  await expect(page.getByRole('link', { name: '下载（已去除位置信息）' })).toHaveAttribute('download', `tip-${shortId}-1-cleaned.jpg`);
  await expectNoAxeViolations(page);

  await page.getByLabel('新状态（举报人凭回执码可见）').selectOption('accepted');
  await page.getByLabel('说明（内部记录，举报人看不到）').fill('已立案，转民事行政检察部门');
  await page.getByRole('button', { name: '保存状态' }).click();
  await expect(page.locator('[data-tip-history]')).toContainText('已立案，转民事行政检察部门');

  // The tipster sees the new status by receipt code.
  const status = await page.request.post('/api/tips/status', { data: { code: receipt }, headers: { ...testClient(), Accept: 'application/json' } });
  expect((await status.json()).status).toBe('accepted');

  await page.getByRole('button', { name: '返回列表' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV（仅分类字段）' }).click();
  const csv = await (await download).path().then((path) => import('node:fs').then((fs) => fs.readFileSync(path!, 'utf8')));
  expect(csv).toContain(stored!.row.id);
  expect(csv).not.toContain(tag);

  await page.getByRole('button', { name: '审计日志' }).click();
  const log = page.locator('[data-audit-rows]');
  for (const action of ['登录', '打开线索', '下载附件', '更改状态', '导出 CSV', '查看审计日志']) {
    await expect(log.locator('tr').filter({ hasText: username }).filter({ hasText: action }).first()).toBeVisible();
  }
  await expectNoAxeViolations(page);
  const audit = await queryTipsDb<{ action: string }>(`SELECT action FROM staff_audit WHERE actor = '${username}' ORDER BY at`);
  expect(new Set(audit.map((entry) => entry.action))).toEqual(new Set(['login', 'read', 'message_read', 'download', 'status_change', 'export', 'audit_view']));
});

test('the login page passes axe, says why a login failed, and limits attempts per account', async ({ page, request }) => {
  const username = await newStaffAccount();
  await page.goto('/staff/login/');
  await expectNoAxeViolations(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('wrong password, long enough');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
  await expectNoAxeViolations(page);
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await request.post('/api/staff/login', { form: { username, password: 'still wrong, long enough' }, maxRedirects: 0 });
  }
  const limited = await request.post('/api/staff/login', { form: { username, password }, maxRedirects: 0, headers: { Accept: 'application/json' } });
  expect(limited.status()).toBe(429);
  const retryAfter = Number(limited.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  // A delay, not a lock: once it has passed, the right password signs in (and other tests' sign-ins from this address are not slowed).
  await page.waitForTimeout(retryAfter * 1000 + 100);
  expect((await request.post('/api/staff/login', { form: { username, password }, maxRedirects: 0, headers: { Accept: 'application/json' } })).status()).toBe(200);
});

test('an old session cookie stops working after logout', async ({ request }) => {
  const username = await newStaffAccount();
  expect((await request.post('/api/staff/login', { form: { username, password }, maxRedirects: 0, headers: { Accept: 'application/json' } })).status()).toBe(200);
  const cookie = (await request.storageState()).cookies.find((each) => each.name === 'staff_session')!.value;
  const { csrfToken } = await (await request.get('/api/staff/session')).json();
  expect((await request.post('/api/staff/logout', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(200);
  expect((await request.get('/api/staff/tips', { headers: { Cookie: `staff_session=${cookie}` } })).status()).toBe(403);
});

test.describe('a tip sent without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('is accepted and marked for review (no proof of work)', async ({ page }) => {
    const tag = marker();
    await asOwnClient(page);
    await page.goto('/zh/tip/');
    const tip = validTip(`${tag} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`);
    await page.getByLabel('属于哪个公益诉讼领域').selectOption(tip.category);
    await page.getByLabel('旗县（市、区）', { exact: true }).selectOption(tip.region);
    await page.getByLabel('具体地点', { exact: true }).fill(tip.place);
    await page.getByLabel('发生了什么', { exact: true }).fill(tip.description);
    await page.getByLabel('匿名提交').check();
    await page.getByLabel('我同意检察机关为办理这条线索处理上述个人信息').check();
    await page.getByRole('button', { name: '提交线索' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('线索已收到');
    const [stored] = await storedTipsContaining(tag);
    expect(stored!.row.abuse_check).toBe('none');
  });
});

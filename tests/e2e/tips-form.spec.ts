import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { asOwnClient, marker, storedTipsContaining, testClient } from './support/tips';

const texts = {
  zh: {
    submit: '提交线索',
    summary: '请修改以下问题后再提交',
    descriptionError: '请用 20 至 5000 个字说明发生了什么。',
    received: '线索已收到',
    saved: '我已经保存了查询码',
    done: '完成',
    code: '查询码',
    lookUp: '查询',
    status: '已收到',
    anonymous: '匿名提交',
    consent: '我同意检察机关为办理这条线索处理上述个人信息',
    category: '属于哪个公益诉讼领域',
    region: '旗县（市、区）',
    place: '具体地点',
    description: '发生了什么',
    gone: '查询码只显示一次',
  },
  mn: {
    submit: 'ᠰᠡᠵᠢᠭ ᠢ ᠳᠤᠰᠢᠶᠠᠬᠤ',
    summary: 'ᠳᠠᠷᠠᠭᠠᠬᠢ ᠠᠰᠠᠭᠤᠳᠠᠯ ᠢ ᠵᠠᠰᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠳᠤᠰᠢᠶᠠᠨ᠎ᠠ ᠤᠤ',
    descriptionError: 'ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠢ 20 ᠠᠴᠠ 5000 ᠬᠦᠷᠲᠡᠯᠡ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
    received: 'ᠰᠡᠵᠢᠭ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ',
    saved: 'ᠪᠢ ᠰᠢᠯᠭᠠᠬᠤ ᠺᠣᠳ᠋ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ',
    done: 'ᠳᠠᠭᠤᠰᠬᠤ',
    code: 'ᠰᠢᠯᠭᠠᠬᠤ ᠺᠣᠳ᠋',
    lookUp: 'ᠰᠢᠯᠭᠠᠬᠤ',
    status: 'ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠠ',
    anonymous: 'ᠨᠡᠷ᠎ᠡ ᠦᠭᠡᠢ ᠳᠤᠰᠢᠶᠠᠬᠤ',
    consent: 'ᠪᠢ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠡᠨᠡ ᠰᠡᠵᠢᠭ ᠢ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠳᠦ ᠳᠡᠭᠡᠷᠡᠬᠢ ᠬᠤᠪᠢ ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ',
    category: 'ᠠᠯᠢ ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠠᠰᠢᠭ ᠲᠤᠰᠠ ᠶᠢᠨ ᠵᠠᠷᠭᠤ ᠶᠢᠨ ᠬᠦᠷᠢᠶᠡᠯᠡᠩ ᠳᠦ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ ᠪᠤᠢ',
    region: 'ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ︵ᠬᠣᠲᠠ᠂ ᠲᠣᠭᠣᠷᠢᠭ︶',
    place: 'ᠲᠣᠳᠤᠷᠬᠠᠢ ᠭᠠᠵᠠᠷ',
    description: 'ᠶᠠᠭᠤ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠪᠤᠢ',
    gone: 'ᠰᠢᠯᠭᠠᠬᠤ ᠺᠣᠳ᠋ ᠨᠢᠭᠡ ᠯᠡ ᠤᠳᠠᠭ᠎ᠠ ᠭᠠᠷᠴᠤ ᠢᠷᠡᠨ᠎ᠡ',
  },
} as const;

type Lang = keyof typeof texts;
const xss = `"><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;

/** Fill in the whole form with a valid tip (the fields a tipster must fill). */
async function fillValidTip(page: Page, lang: Lang, description: string): Promise<void> {
  const t = texts[lang];
  await page.getByLabel(t.category).selectOption('ecology');
  await page.getByLabel(t.region, { exact: true }).selectOption('horqin');
  await page.getByLabel(t.place, { exact: true }).fill('东侧河道');
  await page.getByLabel(t.description, { exact: true }).fill(description);
  await page.getByLabel(t.anonymous).check();
  await page.getByLabel(t.consent).check();
}

/** Fill in, submit with a too-short description, see the errors, fix, submit, keep the code, look it up. */
async function wholeFlow(page: Page, lang: Lang, { axe, serverCheck }: { axe: boolean; serverCheck: boolean }): Promise<void> {
  const t = texts[lang];
  await asOwnClient(page);
  await page.goto(`/${lang}/tip/`);
  if (axe) await expectNoAxeViolations(page);
  await page.getByLabel(t.category).selectOption('ecology');
  await page.getByLabel(t.region, { exact: true }).selectOption('horqin');
  await page.getByLabel(t.place, { exact: true }).fill(`${xss} 东侧河道`);
  await page.getByLabel(t.description, { exact: true }).fill('太短了');
  await page.getByLabel(t.anonymous).check();
  await page.getByLabel(t.consent).check();
  // form.submit() sends the form without the submit event, so the browser check is skipped and
  // the function's own error page shows (axe needs JavaScript, so it runs on pages with it on).
  if (serverCheck) await page.evaluate(() => document.querySelector<HTMLFormElement>('[data-tip-form]')!.submit());
  else await page.getByRole('button', { name: t.submit }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText(t.summary);
  await expect(summary).toBeFocused();
  await expect(page.locator('#tip-description-error')).toHaveText(new RegExp(t.descriptionError.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // What was typed is still there, as text, and nothing in it ran.
  await expect(page.getByLabel(t.place, { exact: true })).toHaveValue(`${xss} 东侧河道`);
  await expect(page.getByLabel(t.category)).toHaveValue('ecology');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  if (axe) await expectNoAxeViolations(page);

  await summary.getByRole('link', { name: t.descriptionError }).click();
  await expect(page.getByLabel(t.description, { exact: true })).toBeFocused();
  await page.getByLabel(t.description, { exact: true }).fill(`${marker()} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`);
  await page.getByRole('button', { name: t.submit }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.received);
  expect(new URL(page.url()).search).toBe(`?lang=${lang}`);
  const code = (await page.locator('[data-receipt-code]').textContent())!.trim();
  expect(code).toMatch(/^([A-Z0-9]{4}-){4}[A-Z0-9]{4}$/);
  expect(page.url()).not.toContain(code);
  if (axe) await expectNoAxeViolations(page);

  // Shown once: coming back to the confirmation shows no code.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.gone);
  await expect(page.locator('body')).not.toContainText(code);

  await page.goto(`/${lang}/tip/status/`);
  await page.getByLabel(t.code, { exact: true }).fill(code.toLowerCase());
  await page.getByRole('button', { name: t.lookUp, exact: true }).click();
  await expect(page.locator('[data-tip-status]')).toHaveText(t.status);
}

for (const lang of ['zh', 'mn'] as const) {
  test.describe(`the tip form in ${lang}`, () => {
    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });
      test('works from the first mistake to the status lookup', async ({ page }) => {
        await wholeFlow(page, lang, { axe: false, serverCheck: false });
      });

      test("keeps two people's identical tips from one address apart, and one form sent twice as one tip", async ({ browser }) => {
        // Two browsers, three forms and a look into the database (seconds for each wrangler call).
        test.slow();
        const t = texts[lang];
        const description = `${marker()} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`;
        // One NAT address (the test server counts both as one client), two people, two copies of the form.
        const client = testClient();
        const people = await Promise.all([1, 2].map(() => browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: client })));
        const codes: string[] = [];
        for (const person of people) {
          const page = await person.newPage();
          await page.goto(`/${lang}/tip/`);
          await fillValidTip(page, lang, description);
          await page.getByRole('button', { name: t.submit }).click();
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.received);
          codes.push((await page.locator('[data-receipt-code]').textContent())!.trim());
        }
        expect(codes[1]).not.toBe(codes[0]);

        // The first person's form sent again (a second click, a resend after a lost answer): same key, same tip.
        const again = await people[0]!.newPage();
        await again.goto(`/${lang}/tip/`);
        await fillValidTip(again, lang, `${description} 又一次`);
        const key = await again.locator('input[name="idempotencyKey"]').inputValue();
        expect(key).not.toBe('');
        const resend = () =>
          again.request.post(`/api/tips?lang=${lang}`, {
            multipart: {
              category: 'ecology',
              region: 'horqin',
              place: '东侧河道',
              description: `${description} 又一次`,
              identity: 'anonymous',
              consent: 'yes',
              metadata: 'remove',
              idempotencyKey: key,
            },
            maxRedirects: 0,
          });
        const receipts = await Promise.all([resend(), resend()]);
        expect(receipts.map((receipt) => receipt.status())).toEqual([303, 303]);
        expect(receipts[1]!.headers()['set-cookie']).toBe(receipts[0]!.headers()['set-cookie']);
        // One look into the database for both: the two people's tips, and one for the form sent twice.
        const stored = (await storedTipsContaining(description)).map((tip) => tip.content.description);
        expect(stored.sort()).toEqual([description, description, `${description} 又一次`]);
        await Promise.all(people.map((person) => person.close()));
      });
    });

    test('with JavaScript, checks on the page first and then works the same', async ({ page }) => {
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(request.url());
      });
      await asOwnClient(page);
      await page.goto(`/${lang}/tip/`);
      await page.getByRole('button', { name: texts[lang].submit }).click();
      await expect(page.getByRole('alert')).toContainText(texts[lang].summary);
      expect(posts).toEqual([]);
      await expect(page.locator('input[name="idempotencyKey"]')).toHaveValue(/^[0-9a-f-]{36}$/);
      await wholeFlow(page, lang, { axe: false, serverCheck: false });
    });

    test("passes axe on the form, the function's error page and the confirmation", async ({ page }) => {
      await wholeFlow(page, lang, { axe: true, serverCheck: true });
    });
  });
}

test('the confirmation step asks the tipster to confirm they saved the code', async ({ page }) => {
  await asOwnClient(page);
  await page.goto('/zh/tip/');
  await page.getByLabel('属于哪个公益诉讼领域').selectOption('food-drug-safety');
  await page.getByLabel('旗县（市、区）').selectOption('horqin');
  await page.getByLabel('具体地点', { exact: true }).fill('某街道某小区门口');
  await page.getByLabel('发生了什么', { exact: true }).fill(`${marker()} 路边摊贩长期出售过期的食品，很多孩子购买。`);
  await page.getByLabel('匿名提交').check();
  await page.getByLabel('我同意检察机关为办理这条线索处理上述个人信息').check();
  await page.getByRole('button', { name: '提交线索' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('线索已收到');
  // Not yet confirmed: the browser keeps the reader on the code.
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page).toHaveURL(/\/api\/tips\/received\?lang=zh$/);
  await page.getByLabel('我已经保存了查询码').check();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page).toHaveURL(/\/zh\/tip\/status\/\?saved=yes#saved$/);
  await expect(page.locator('#saved')).toBeVisible();
});

test('can be filled in and sent with the keyboard alone', async ({ page }) => {
  await asOwnClient(page);
  await page.goto('/zh/tip/');
  const tabTo = async (selector: string) => {
    for (let step = 0; step < 40; step += 1) {
      await page.keyboard.press('Tab');
      if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  await tabTo('[data-quick-exit]');
  await tabTo('#tip-category');
  await page.keyboard.press('ArrowDown');
  await tabTo('#tip-description');
  await page.keyboard.type(`${marker()} 医院门口没有无障碍坡道，轮椅无法进入门诊楼。`);
  await tabTo('#tip-region');
  await page.keyboard.press('ArrowDown');
  await tabTo('#tip-place');
  await page.keyboard.type('某医院门诊楼');
  await tabTo('#tip-identity-anonymous');
  await page.keyboard.press('Space');
  await tabTo('#tip-consent');
  await page.keyboard.press('Space');
  await tabTo('button[type="submit"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('线索已收到');
});

test('the form page loads nothing from other sites', async ({ page, baseURL }) => {
  const origins = new Set<string>();
  page.on('request', (request) => origins.add(new URL(request.url()).origin));
  await page.goto('/zh/tip/');
  await page.goto('/mn/tip/');
  expect([...origins]).toEqual([new URL(baseURL!).origin]);
});

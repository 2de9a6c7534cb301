import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { conversationCategory, conversationRegion, openTipAsStaff, storeTipsterAnswer, submitTip } from '../e2e/support/conversation';
import { loadReviewerKey, newStaffAccount, signIn } from '../e2e/support/staff';
import { marker, testClient } from '../e2e/support/tips';

const folder = 'docs/screenshots';

test('the staff side of a conversation: a question asked, the answer and its photo opened', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const tag = marker();
  const { tipId, receivedAt, tipsterPublicKey } = await submitTip(page.request, tag);
  await signIn(page, await newStaffAccount());
  await loadReviewerKey(page);
  await page.getByLabel('领域').selectOption(conversationCategory);
  await page.getByLabel('地区').selectOption(conversationRegion);
  await page.getByLabel('收到日期从').fill(receivedAt.slice(0, 10));
  await page.getByRole('button', { name: '筛选' }).click();
  await page.getByRole('button', { name: `打开线索 ${tipId.slice(0, 8)}` }).click();
  await page.getByLabel('写给举报人的问题或答复（纯文本）').fill('请问排污口在河道哪一侧？大约从什么时候开始排放？');
  await page.getByRole('button', { name: '加密并发送' }).click();
  await expect(page.locator('[data-status-message]')).toHaveText('消息已加密发送。');
  await storeTipsterAnswer(
    tipId,
    tipsterPublicKey,
    1,
    '在东侧第二个排污口，从十月初开始，夜里排得最多。照片附上。',
    readFileSync('src/content/cases/images/grassland-restored.jpg'),
  );
  await page.getByRole('button', { name: '返回列表' }).click();
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.locator('[data-tip-rows]')).toContainText('新回复');
  await page.locator('[data-view="list"]').screenshot({ path: `${folder}/conversation-staff-list.png` });
  await page.getByRole('button', { name: `打开线索 ${tipId.slice(0, 8)}` }).click();
  await page.getByRole('button', { name: '解密查看' }).last().click();
  await expect(page.getByRole('img', { name: /第 2 条消息中提交的照片/ })).toBeVisible();
  await page.locator('#conversation-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${folder}/conversation-staff.png`, fullPage: true });
});

for (const locale of ['zh', 'mn'] as const) {
  test(`the tipster's side in ${locale}, without JavaScript, the question, the answer with a photo, the reply form`, async ({ page, browser }) => {
    test.setTimeout(120_000);
    const strings = (await import(`../../src/i18n/${locale}.json`, { with: { type: 'json' } })).default as Record<string, string>;
    const { receiptCode, tipId, receivedAt } = await submitTip(page.request, marker());
    await signIn(page, await newStaffAccount());
    await loadReviewerKey(page);
    await openTipAsStaff(page, tipId, receivedAt);
    await page.getByLabel('写给举报人的问题或答复（纯文本）').fill('请问排污口在河道哪一侧？大约从什么时候开始排放？');
    await page.getByRole('button', { name: '加密并发送' }).click();
    await expect(page.locator('[data-status-message]')).toHaveText('消息已加密发送。');
    const context = await browser.newContext({
      javaScriptEnabled: false, // Vertical Mongolian runs its columns sideways: a wide window shows the whole conversation.
      viewport: locale === 'zh' ? { width: 390, height: 844 } : { width: 1600, height: 900 },
      extraHTTPHeaders: testClient(),
    });
    const tipster = await context.newPage();
    await tipster.goto(`/${locale}/tip/status/`);
    await tipster.locator('#tip-status-code').fill(receiptCode);
    await tipster.getByRole('button', { name: strings['tip.status.submit'] }).click();
    await tipster.locator('#tip-reply-text').fill('在东侧第二个排污口，从十月初开始，夜里排得最多。');
    await tipster.locator('input[type="file"]').setInputFiles('src/content/cases/images/grassland-restored.jpg');
    await tipster.getByRole('button', { name: strings['tip.conversation.send'] }).click();
    await expect(tipster.locator('[data-message-author="tipster"]')).toBeVisible();
    await tipster.screenshot({ path: `${folder}/conversation-tipster-${locale}.png`, fullPage: true });
    await context.close();
  });
}

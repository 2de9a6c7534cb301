import { expect, test } from '@playwright/test';
import zh from '../../src/i18n/zh.json' with { type: 'json' };
import mn from '../../src/i18n/mn.json' with { type: 'json' };
import { openTipAsStaff, submitTip } from './support/conversation';
import { loadReviewerKey, newStaffAccount, signIn } from './support/staff';
import { marker, photoWithPosition, queryTipsDb, testClient } from './support/tips';

// Issue 15 end to end: staff ask in the staff page, the tipster (no JavaScript) signs in with the
// receipt code, reads the question and answers with a photo, staff read the answer and the
// cleaned photo. The tipster's page in Chinese and in Mongolian.
const strings = { zh, mn } as const;

for (const locale of ['zh', 'mn'] as const) {
  test(`staff ask, the tipster without JavaScript reads it in ${locale} and answers with a photo, staff read the answer and the cleaned photo`, async ({ page, browser }) => {
    test.setTimeout(150_000);
    const t = strings[locale];
    const tag = marker();
    const { receiptCode, tipId, receivedAt } = await submitTip(page.request, tag);

    const username = await newStaffAccount();
    await signIn(page, username);
    await loadReviewerKey(page);
    await openTipAsStaff(page, tipId, receivedAt);
    const question = `${tag} 请问排污口在河道哪一侧？`;
    await page.getByLabel('写给举报人的问题或答复（纯文本）').fill(question);
    await page.getByRole('button', { name: '加密并发送' }).click();
    await expect(page.locator('[data-status-message]')).toHaveText('消息已加密发送。');

    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: testClient() });
    const tipster = await context.newPage();
    await tipster.goto(`/${locale}/tip/status/`);
    await tipster.locator('#tip-status-code').fill(receiptCode.toLowerCase());
    await tipster.getByRole('button', { name: t['tip.status.submit'] }).click();
    await expect(tipster.getByRole('heading', { level: 1 })).toHaveText(t['tip.conversation.title']);
    const staffMessage = tipster.locator('[data-message-author="staff"]');
    await expect(staffMessage.locator('.message-text')).toHaveText(question);
    await expect(staffMessage).toHaveAttribute('data-message-new', '');
    const answer = `${tag} 在东侧第二个排污口，照片附上。`;
    await tipster.locator('#tip-reply-text').fill(answer);
    await tipster.locator('input[type="file"]').setInputFiles({ name: 'river.jpg', mimeType: 'image/jpeg', buffer: photoWithPosition });
    await tipster.getByRole('button', { name: t['tip.conversation.send'] }).click();
    await expect(tipster.locator('[data-message-author="tipster"] .message-text')).toHaveText(answer);
    await context.close();

    // Neither side is readable at rest.
    const rows = await queryTipsDb<Record<string, string>>(`SELECT * FROM tip_messages WHERE tip_id = '${tipId}' ORDER BY position`);
    expect(rows.map((row) => row.author)).toEqual(['staff', 'tipster']);
    expect(JSON.stringify(rows)).not.toContain(tag);

    await openTipAsStaff(page, tipId, receivedAt);
    const reply = page.locator('[data-conversation] li.conversation-tipster');
    await expect(reply.locator('.tip-text')).toHaveText(answer);
    await reply.getByRole('button', { name: '解密查看' }).click();
    const image = page.getByRole('img', { name: /第 2 条消息中提交的照片/ });
    await expect(image).toBeVisible();
    const shown = Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64');
    expect(shown.includes(Buffer.from('GPSLatitude'))).toBe(false);
    await expect(reply.getByRole('link', { name: '下载原件' })).toHaveAttribute('download', `tip-${tipId.slice(0, 8)}-m2-1.jpg`);
  });
}

import { expect, test } from '@playwright/test';
import { openAsTipster } from '../../src/lib/conversation/forTipster';
import { conversationCategory, conversationRegion, storeTipsterAnswer, submitTip } from './support/conversation';
import { expectNoAxeViolations } from './support/axe';
import { loadReviewerKey, newStaffAccount, signIn } from './support/staff';
import { marker, queryTipsDb } from './support/tips';

// The staff side of the conversation by receipt code (issue 15) against the real function
// (workerd, local D1 and R2): staff ask in the browser, the question is stored sealed, the
// tipster's answer with a photo shows opened and cleaned, and the list marks it until read.
test('staff ask in the browser, the database holds the question sealed, the tipster’s answer and cleaned photo open in the page, and the list marks it until read', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = marker();
  const { receiptCode, tipId, receivedAt, tipsterPublicKey } = await submitTip(page.request, tag);
  const shortId = tipId.slice(0, 8);
  expect(tipsterPublicKey).toHaveLength(43);

  const username = await newStaffAccount();
  await signIn(page, username);
  await loadReviewerKey(page);
  const showOnlyThisTip = async () => {
    await page.getByLabel('领域').selectOption(conversationCategory);
    await page.getByLabel('地区').selectOption(conversationRegion);
    await page.getByLabel('收到日期从').fill(receivedAt.slice(0, 10));
    await page.getByRole('button', { name: '筛选' }).click();
  };
  await showOnlyThisTip();
  await page.getByRole('button', { name: `打开线索 ${shortId}` }).click();
  const messages = page.locator('[data-conversation]');
  await expect(messages).toHaveText('还没有消息。');

  const question = `${tag} 请问排污口在河道哪一侧？<b>大约</b>从什么时候开始？`;
  await page.getByLabel('写给举报人的问题或答复（纯文本）').fill(question);
  await page.getByRole('button', { name: '加密并发送' }).click();
  await expect(page.locator('[data-status-message]')).toHaveText('消息已加密发送。');
  await expect(messages.locator('li').first()).toContainText(`第 1 条 · 工作人员 ${username}`);
  await expect(messages.locator('.tip-text').first()).toHaveText(question);
  await expect(page.getByLabel('写给举报人的问题或答复（纯文本）')).toHaveValue('');

  // At rest: the row reads as nothing; the receipt code opens the tipster's copy to the exact text.
  const [row] = await queryTipsDb<Record<string, string>>(`SELECT * FROM tip_messages WHERE tip_id = '${tipId}' AND position = 0`);
  expect(row).toMatchObject({ author: 'staff', written_by: username });
  expect(JSON.stringify(row)).not.toContain(tag);
  expect(JSON.stringify(row)).not.toContain('排污口');
  expect(row!.for_tipster).toMatch(/^tipster1:/);
  expect(row!.for_reviewers).toMatch(/^sealed2:/);
  expect((await openAsTipster(receiptCode, tipId, 0, row!.for_tipster!, 'staff')).text).toBe(question);

  // The tipster answers with a photo that still carries its GPS position.
  await storeTipsterAnswer(tipId, tipsterPublicKey, 1, `${tag} 在东侧第二个排污口，照片附上。`);
  await page.getByRole('button', { name: '返回列表' }).click();
  await showOnlyThisTip();
  const listed = page.locator('[data-tip-rows] tr').filter({ hasText: shortId });
  await expect(listed).toContainText('新回复');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: `打开线索 ${shortId}` }).click();
  const answer = messages.locator('li.conversation-tipster');
  await expect(answer.locator('h4')).toContainText('第 2 条 · 举报人');
  await expect(answer.locator('h4')).toContainText('（未读）');
  await expect(answer.locator('.tip-text')).toHaveText(`${tag} 在东侧第二个排污口，照片附上。`);
  // The tipster's file name is shown cleaned of the character that disguises it, and names no saved file.
  await expect(answer).toContainText('rivergpj.exe');
  expect(await answer.textContent()).not.toContain('\u202E');
  await answer.getByRole('button', { name: '解密查看' }).click();
  const image = page.getByRole('img', { name: /第 2 条消息中提交的照片/ });
  await expect(image).toBeVisible();
  const shown = Buffer.from((await image.getAttribute('src'))!.split(',')[1]!, 'base64');
  expect(shown.includes(Buffer.from('GPSLatitude'))).toBe(false);
  await expect(answer.getByRole('link', { name: '下载（已去除位置信息）' })).toHaveAttribute('download', `tip-${shortId}-m2-1-cleaned.jpg`);
  const saved = page.waitForEvent('download');
  await answer.getByRole('link', { name: '下载原件' }).click();
  expect((await saved).suggestedFilename()).toBe(`tip-${shortId}-m2-1.jpg`);
  await expectNoAxeViolations(page);

  // Shown once, so no longer marked.
  await page.getByRole('button', { name: '返回列表' }).click();
  await showOnlyThisTip();
  await expect(listed).toBeVisible();
  await expect(listed).not.toContainText('新回复');

  await page.getByRole('button', { name: '审计日志' }).click();
  const log = page.locator('[data-audit-rows]');
  for (const action of ['发送对话消息', '查看对话', '下载对话附件']) {
    await expect(log.locator('tr').filter({ hasText: username }).filter({ hasText: action }).first()).toBeVisible();
  }
  const audit = await queryTipsDb<{ action: string; detail: string }>(`SELECT action, detail FROM staff_audit WHERE actor = '${username}' AND action LIKE 'message_%' ORDER BY at`);
  expect(audit).toEqual(
    expect.arrayContaining([
      { action: 'message_send', detail: 'message 1' },
      { action: 'message_download', detail: 'message 2 file 1' },
    ]),
  );
});

import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { asOwnClient, marker, queryTipsDb, storedTipsContaining, testClient, validTip } from './support/tips';
import { ensureTestSecrets } from '../support/testKeys';
import { expectNoAxeViolations } from './support/axe';
import { importReviewerPublicKey } from '../../src/lib/crypto/reviewerKeys';
import { sealMessage } from '../../src/lib/conversation/sealMessage';
import zh from '../../src/i18n/zh.json' with { type: 'json' };
import mn from '../../src/i18n/mn.json' with { type: 'json' };

// The tipster's side of the conversation with JavaScript off, in both languages, on the real
// runtime (wrangler pages dev, local D1 and R2). The staff question is sealed here as the staff
// browser seals it and written straight into D1 (the staff UI drives it in its own spec).
// Each page is a client of its own: code lookups and replies count in the tips' per-client window
// (5 in the tests): sharing the browser's one address, this file's six posts crossed it and its last
// lookup was answered "too many attempts".
test.use({ javaScriptEnabled: false });
// Each wrangler d1 query is a process of its own: slow on a shared machine.
test.setTimeout(120_000);

const strings = { zh, mn } as const;
const question = { zh: '请问排污口在哪一座桥下？', mn: 'ᠬᠠᠭᠠᠨ᠎ᠠ ᠬᠦᠭᠦᠷᠭᠡ ᠶᠢᠨ ᠳᠣᠣᠷ᠎ᠠ ᠪᠤᠢ?' } as const;
const answer = { zh: '在第二座桥下，北岸。', mn: 'ᠬᠣᠶᠠᠳᠤᠭᠠᠷ ᠬᠦᠭᠦᠷᠭᠡ ᠶᠢᠨ ᠳᠣᠣᠷ᠎ᠠ.' } as const;

async function tipWithQuestion(request: import('@playwright/test').APIRequestContext, lang: 'zh' | 'mn') {
  const tag = marker();
  const sent = await request.post(`/api/tips?lang=${lang}`, { data: validTip(`${tag} 河道里有大量工业废水直接排放，已经持续一个月，鱼虾大量死亡。`), headers: testClient() });
  expect(sent.status()).toBe(201);
  const { receiptCode } = await sent.json();
  const [stored] = await storedTipsContaining(tag);
  const tipId = stored!.row.id!;
  const [conversation] = await queryTipsDb<{ tipster_public_key: string }>(`SELECT tipster_public_key FROM tip_conversations WHERE tip_id = '${tipId}'`);
  const sealed = await sealMessage({
    reviewers: [await importReviewerPublicKey('e2e-reviewer', ensureTestSecrets().sealingPublicKey)],
    tipsterPublicKey: conversation!.tipster_public_key,
    tipId,
    position: 0,
    author: 'staff',
    text: question[lang],
    sentAt: new Date(),
  });
  await queryTipsDb(
    `INSERT INTO tip_messages (tip_id, position, author, sent_hour, for_tipster, for_reviewers, sealed_to_key_id, written_by, file_count)
     VALUES ('${tipId}', 0, 'staff', '${sealed.sentHour}', '${sealed.forTipster}', '${sealed.forReviewers}', '${sealed.sealedToKeyId}', 'e2e-reviewer', 0)`,
  );
  return { receiptCode: String(receiptCode), tipId };
}

for (const lang of ['zh', 'mn'] as const) {
  test(`a tipster without JavaScript signs in with the code, reads the question, answers with a photo, sees the answer and leaves (${lang})`, async ({ page, request }) => {
    const t = strings[lang];
    const { receiptCode, tipId } = await tipWithQuestion(request, lang);
    await asOwnClient(page);
    await page.goto(`/${lang}/tip/status/`);
    await page.fill('#tip-status-code', receiptCode.toLowerCase());
    await page.getByRole('button', { name: t['tip.status.submit'] }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t['tip.conversation.title']);
    await expect(page.getByText(question[lang])).toBeVisible();
    await expect(page.getByText(t['tip.conversation.new'], { exact: true })).toBeVisible();
    await expect(page.locator('[data-tip-status="received"]')).toHaveText(t['tip.status.value.received']);
    if (lang === 'mn') expect(await page.locator('main').evaluate((element) => getComputedStyle(element).writingMode)).toMatch(/^vertical/);

    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 20, g: 130, b: 90 } } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 39/1 0/1' } })
      .jpeg()
      .toBuffer();
    await page.fill('#tip-reply-text', answer[lang]);
    await page.setInputFiles('#tip-files', { name: 'bridge.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: t['tip.conversation.send'] }).click();
    await expect(page.getByText(t['tip.conversation.sent'])).toBeVisible();
    await expect(page.getByText(answer[lang])).toBeVisible();
    await expect(page.getByText('bridge.jpg')).toBeVisible();

    // The database holds neither side in readable form.
    const rows = JSON.stringify(await queryTipsDb(`SELECT * FROM tip_messages WHERE tip_id = '${tipId}'`));
    expect(rows).not.toContain(question[lang]);
    expect(rows).not.toContain(answer[lang]);
    expect(await queryTipsDb(`SELECT position FROM tip_message_files WHERE tip_id = '${tipId}'`)).toHaveLength(1);

    await page.getByRole('button', { name: t['tip.conversation.leave'] }).click();
    await expect(page.getByText(t['tip.conversation.left'])).toBeVisible();
    await page.goto('/api/tips/status');
    await expect(page.getByText(question[lang])).toHaveCount(0);
    await expect(page.locator('#tip-status-code')).toBeVisible();
  });
}

test.describe('the conversation page, with JavaScript for axe', () => {
  test.use({ javaScriptEnabled: true });
  for (const lang of ['zh', 'mn'] as const) {
    test(`passes axe and fits a 320 px phone (${lang})`, async ({ page, request }) => {
      const t = strings[lang];
      const { receiptCode } = await tipWithQuestion(request, lang);
      await asOwnClient(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`/${lang}/tip/status/`);
      await page.fill('#tip-status-code', receiptCode);
      await page.getByRole('button', { name: t['tip.status.submit'] }).click();
      await expect(page.getByText(question[lang])).toBeVisible();
      await expectNoAxeViolations(page);
      const spill = await page.evaluate(() => ({
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        down: document.documentElement.scrollHeight - document.documentElement.clientHeight,
      }));
      // Nothing spills past the screen; a Mongolian page also needs no scrolling down.
      expect(spill.sideways).toBeLessThanOrEqual(0);
      if (lang === 'mn') expect(spill.down).toBeLessThanOrEqual(0);
    });
  }
});

import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test.describe('bilingual shell', () => {
  test('both home pages load with their language declared', async ({ page }) => {
    await page.goto('/zh/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await page.goto('/mn/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'mn-Mong');
    await expect(page.getByRole('link', { name: 'ᠬᠠᠢᠯᠲᠠ' })).toBeVisible();
  });

  test('the language switcher leads to the same page in the other language', async ({ page }) => {
    await page.goto('/zh/');
    await page.getByRole('link', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
    await expect(page).toHaveURL(/\/mn\/$/);
    await page.getByRole('link', { name: '中文' }).click();
    await expect(page).toHaveURL(/\/zh\/$/);
  });

  test('the bare domain offers both languages without a timed redirect', async ({ page }) => {
    const response = await page.request.get('/', { headers: { 'Accept-Language': 'en-US' }, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).not.toContain('http-equiv="refresh"');
    await page.goto('/');
    await expect(page.locator('a[href="/zh/"]')).toBeVisible();
    await expect(page.locator('a[href="/mn/"]')).toBeVisible();
  });

  test('a Mongolian reader at the bare domain goes straight to Mongolian', async ({ request }) => {
    const response = await request.get('/', { headers: { 'Accept-Language': 'mn-CN,mn;q=0.9,zh-CN;q=0.8' }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe('/mn/');
    const chinese = await request.get('/', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' }, maxRedirects: 0 });
    expect(chinese.headers().location).toBe('/zh/');
  });

  test('Mongolian content runs vertically in the shipped font', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/mn/');
    await page.evaluate(() => document.fonts.ready);
    const main = page.locator('main');
    await expect(main).toHaveCSS('writing-mode', 'vertical-lr');
    const heading = page.locator('main h2').first();
    await expect(heading).toHaveCSS('writing-mode', 'vertical-lr');
    const usedFonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replaceAll('"', ''));
    });
    expect(usedFonts).toContain('Noto Sans Mongolian Web');
    // Ask Chromium which font actually drew the heading's glyphs.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'main h2' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // A web font reports the family name inside the file and isCustomFont; a system copy would not.
    expect(fonts).toContainEqual(expect.objectContaining({ familyName: 'Noto Sans Mongolian', isCustomFont: true }));
    await page.screenshot({ path: testInfo.outputPath('mongolian-home-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: testInfo.outputPath('mongolian-home-desktop.png') });
  });

  test('a Chinese page does not load the full Mongolian font', async ({ page }) => {
    const fontRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/fonts/')) fontRequests.push(new URL(request.url()).pathname);
    });
    await page.goto('/zh/');
    await page.evaluate(() => document.fonts.ready);
    expect(fontRequests).not.toContain('/fonts/noto-sans-mongolian.woff2');
  });

  test('the Mongolian page is usable at 320 px: nothing spills past the screen but the reading band', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/mn/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // On phones the reading band (the text, then the footer) is what scrolls sideways.
    const band = page.locator('.reading-band');
    const canScrollSideways = await band.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(canScrollSideways).toBe(true);
  });

  test('the mouse wheel scrolls the Mongolian reading band sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto('/mn/');
    const band = page.locator('.reading-band');
    const box = (await band.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => band.evaluate((element) => element.scrollLeft)).toBeGreaterThan(100);
  });

  test('on wide screens the wheel scrolls the text band itself', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/mn/cases/ecology-restoration-2025/');
    const main = page.locator('main');
    const box = (await main.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => main.evaluate((element) => element.scrollLeft)).toBeGreaterThan(100);
  });

  test('the text-size control enlarges text and is remembered on the next page', async ({ page }) => {
    await page.goto('/zh/');
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.getByRole('radio', { name: '特大' }).check();
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before) * 1.2);
    await page.goto('/mn/');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(after);
  });

  test('the text-size control works without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/zh/');
    await expect(page.locator('.zoom-hint')).toContainText('Ctrl');
    await page.getByRole('radio', { name: '大', exact: true }).check();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('21px');
    await context.close();
  });

  test('nothing is cut off at 200% zoom', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto('/zh/');
    await page.evaluate(() => {
      document.documentElement.style.zoom = '2';
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  test('keyboard users reach the content through the skip link', async ({ page }) => {
    await page.goto('/zh/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到正文' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main-content$/);
  });

  test('the home pages pass axe in both languages', async ({ page }) => {
    for (const path of ['/', '/zh/', '/mn/']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
});

test('an unknown address answers 404 with a page in both languages', async ({ page }) => {
  const response = await page.goto('/zh/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '找不到这个页面' })).toBeVisible();
  await expect(page.locator('section[lang="mn-Mong"] h1')).toHaveCSS('writing-mode', 'vertical-lr');
  await expectNoAxeViolations(page);
});

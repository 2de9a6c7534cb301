import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { sitemapPaths } from './support/sitemap';

// Every page of the built site, in both languages: new templates are checked as soon as they exist.
test('every page in the sitemap passes axe (WCAG 2.2 AA) and declares its language', async ({ page, request }) => {
  test.setTimeout(10 * 60_000);
  const paths = await sitemapPaths(request);
  expect(paths).toContain('/zh/');
  expect(paths).toContain('/mn/');
  for (const path of paths) {
    await page.goto(path);
    const lang = await page.locator('html').getAttribute('lang');
    expect(['zh-CN', 'mn-Mong'], path).toContain(lang);
    if (path.startsWith('/mn/')) expect(lang, path).toBe('mn-Mong');
    await expect(page, path).toHaveTitle(/\S/);
    await expectNoAxeViolations(page);
  }
});

import { expect, test } from '@playwright/test';

const folder = 'docs/screenshots';

/**
 * The reading pages the closing notes show, at a phone's width and a desktop's: the Mongolian home,
 * a case, the tip form, the 404 page, the open-data page and a search with its results, and the
 * Chinese case, open data and search.
 * A Mongolian page scrolls sideways, so its shot is the first screen (what a reader sees first).
 */
const results = '[data-search-results] h3 a';
const pages: Array<{ name: string; path: string; waitFor?: string }> = [
  { name: 'mn-home', path: '/mn/' },
  { name: 'mn-case', path: '/mn/cases/horqin-land-compensation/' },
  { name: 'mn-tip', path: '/mn/tip/' },
  { name: 'not-found', path: '/no-such-page/' },
  { name: 'mn-data', path: '/mn/data/' },
  { name: 'zh-case', path: '/zh/cases/horqin-land-compensation/' },
  { name: 'zh-data', path: '/zh/data/' },
  { name: 'mn-search', path: `/mn/search/?q=${encodeURIComponent('ᠪᠠᠢᠴᠠᠭᠠᠨ')}`, waitFor: results },
  { name: 'zh-search', path: `/zh/search/?q=${encodeURIComponent('检察建议')}`, waitFor: results },
];

for (const { name, path, waitFor } of pages) {
  for (const width of [390, 1280]) {
    test(`${name} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      await expect(page.locator('main')).toBeVisible();
      if (waitFor) await expect(page.locator(waitFor).first()).toBeVisible();
      await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: name.startsWith('zh') });
    });
  }
}

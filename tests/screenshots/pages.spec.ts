import { expect, test } from '@playwright/test';

const folder = 'docs/screenshots';

/**
 * The reading pages the closing notes show, at a phone's width and a desktop's: the Mongolian home,
 * a case, the tip form, the 404 page and the open-data page, and the Chinese case and open data.
 * A Mongolian page scrolls sideways, so its shot is the first screen (what a reader sees first).
 */
const pages = [
  { name: 'mn-home', path: '/mn/' },
  { name: 'mn-case', path: '/mn/cases/horqin-land-compensation/' },
  { name: 'mn-tip', path: '/mn/tip/' },
  { name: 'not-found', path: '/no-such-page/' },
  { name: 'mn-data', path: '/mn/data/' },
  { name: 'zh-case', path: '/zh/cases/horqin-land-compensation/' },
  { name: 'zh-data', path: '/zh/data/' },
];

for (const { name, path } of pages) {
  for (const width of [390, 1280]) {
    test(`${name} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      await expect(page.locator('main')).toBeVisible();
      await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: name.startsWith('zh') });
    });
  }
}

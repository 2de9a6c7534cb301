import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

// Mongolian pages on phones: a one-row header with a menu that works without JavaScript, the text
// on the first screen, and a page that scrolls only sideways.
const phones = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
];
const mongolianPages = [
  '/mn/',
  '/mn/cases/',
  '/mn/cases/ecology-restoration-2025/',
  '/mn/open-days/',
  '/mn/open-days/minors-open-day-2025/',
  '/mn/education/',
  '/mn/education/spot-elder-fraud/',
  '/mn/data/',
];

async function layoutFacts(page: Page) {
  return page.evaluate(() => {
    const band = document.querySelector<HTMLElement>('.reading-band')!;
    const heading = document.querySelector('main h1, main h2')!.getBoundingClientRect();
    return {
      pageHeight: document.documentElement.scrollHeight,
      pageWidth: document.documentElement.scrollWidth,
      screenHeight: window.innerHeight,
      screenWidth: window.innerWidth,
      bandScrollsSideways: band.scrollWidth > band.clientWidth,
      headingTop: heading.top,
      headingLeft: heading.left,
      headerHeight: document.querySelector('header')!.getBoundingClientRect().height,
    };
  });
}

for (const phone of phones) {
  test.describe(`Mongolian pages at ${phone.width}×${phone.height}`, () => {
    test.use({ viewport: phone });

    test('show the text on the first screen and scroll only sideways', async ({ page }) => {
      for (const path of mongolianPages) {
        await page.goto(path);
        await page.evaluate(() => document.fonts.ready);
        const facts = await layoutFacts(page);
        expect(facts.pageHeight, `${path} scrolls down`).toBeLessThanOrEqual(facts.screenHeight);
        expect(facts.pageWidth, `${path} spills sideways outside its reading band`).toBeLessThanOrEqual(facts.screenWidth);
        expect(facts.bandScrollsSideways, `${path} reading band`).toBe(true);
        expect(facts.headerHeight, `${path} header`).toBeLessThan(facts.screenHeight / 5);
        expect(facts.headingTop, `${path} first heading`).toBeLessThan(facts.screenHeight / 3);
        expect(facts.headingLeft, `${path} first heading`).toBeLessThan(facts.screenWidth);
      }
    });

    test('the footer is reached by scrolling sideways', async ({ page }) => {
      await page.goto('/mn/cases/');
      const band = page.locator('.reading-band');
      await band.evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
      await expect(page.getByRole('contentinfo')).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(phone.height);
    });

    test('pass axe with the menu closed and open', async ({ page }) => {
      await page.goto('/mn/cases/ecology-restoration-2025/');
      await expectNoAxeViolations(page);
      await page.locator('header summary').click();
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('the Mongolian phone menu', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('opens and closes without JavaScript and leads to every section', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/mn/');
    const navigation = page.getByRole('navigation', { name: 'ᠭᠣᠣᠯ ᠴᠡᠰ' });
    await expect(navigation).toBeHidden();
    const toggle = page.locator('header summary', { hasText: 'ᠭᠣᠣᠯ ᠴᠡᠰ' });
    await expect(toggle).toBeInViewport();
    await toggle.click();
    await expect(navigation).toBeVisible();
    await expect(page.getByRole('link', { name: '中文' })).toBeVisible();
    await navigation.getByRole('link', { name: 'ᠬᠠᠢᠯᠲᠠ' }).click();
    await expect(page).toHaveURL(/\/mn\/search\/$/);
    const menu = page.locator('header summary');
    await menu.click();
    await expect(page.getByRole('navigation', { name: 'ᠭᠣᠣᠯ ᠴᠡᠰ' })).toBeVisible();
    await menu.click();
    await expect(page.getByRole('navigation', { name: 'ᠭᠣᠣᠯ ᠴᠡᠰ' })).toBeHidden();
    await context.close();
  });

  test('is reached by keyboard and opens with Enter', async ({ page }) => {
    await page.goto('/mn/');
    await page.locator('header summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'ᠭᠣᠣᠯ ᠴᠡᠰ' })).toBeVisible();
  });
});

test.describe('wider screens and Chinese pages keep the full header', () => {
  test('a Mongolian page at 1280 px shows the navigation without a menu button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/mn/');
    await expect(page.getByRole('navigation', { name: 'ᠭᠣᠣᠯ ᠴᠡᠰ' })).toBeVisible();
    await expect(page.locator('header summary')).toBeHidden();
  });

  for (const width of [320, 390]) {
    test(`a Chinese page at ${width} px has its navigation in view, no menu, and passes axe`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/zh/cases/');
      await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
      await expect(page.locator('header details')).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });
  }
});

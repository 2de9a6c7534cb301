import { expect, test, type Page } from '@playwright/test';

/** The fonts Chromium used to draw the text of the first element matching a selector. */
async function fontsDrawing(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts;
}

test.describe('Mongolian rendering', () => {
  test('︽︾ are drawn upright from a font with true vertical forms, not lying on their side', async ({ page }) => {
    await page.goto('/mn/cases/ecology-restoration-2025/');
    await page.evaluate(() => document.fonts.ready);
    // One bracket alone, where the legal basis list draws it.
    await page
      .locator('.legal-basis li')
      .first()
      .evaluate((item) => {
        const bracket = document.createElement('span');
        bracket.id = 'probe-bracket';
        bracket.textContent = '︽';
        item.prepend(bracket);
      });
    const fonts = await fontsDrawing(page, '#probe-bracket');
    // Our Mongolian font draws ︽ for horizontal lines; Chromium draws this upright character unturned.
    expect(fonts.map((font) => font.familyName)).not.toContain('Noto Sans Mongolian');
    await expect(page.locator('#probe-bracket')).toHaveCSS('text-orientation', 'mixed');
  });

  test('digits and Latin in Mongolian text use the Mongolian font, with no system fallback', async ({ page }) => {
    await page.goto('/mn/cases/ecology-restoration-2025/');
    await page.evaluate(() => document.fonts.ready);
    const fonts = await fontsDrawing(page, 'main time');
    expect(await page.locator('main time').first().textContent()).toMatch(/\d/);
    expect(fonts).toEqual([expect.objectContaining({ familyName: 'Noto Sans Mongolian', isCustomFont: true })]);
  });

  test('the 404 page draws its Mongolian text, ᠂ ᠃ ᠄ included, in the shipped font', async ({ page }) => {
    await page.goto('/404.html');
    await page.evaluate(() => document.fonts.ready);
    const body = page.locator('section[lang="mn-Mong"] p').first();
    await body.evaluate((paragraph) => {
      paragraph.append(' ᠂ ᠃ ᠄');
    });
    await page.evaluate(() => document.fonts.ready);
    const fonts = await fontsDrawing(page, 'section[lang="mn-Mong"] p');
    expect(fonts).toEqual([expect.objectContaining({ familyName: 'Noto Sans Mongolian', isCustomFont: true })]);
  });

  test('a number and its suffix stay in one column', async ({ page }) => {
    await page.goto('/mn/cases/ecology-restoration-2025/');
    await page.evaluate(() => document.fonts.ready);
    // Squeeze the date into short columns so it must break somewhere, then look at every U+202F.
    const split = await page
      .locator('main time')
      .first()
      .evaluate((time) => {
        time.style.display = 'inline-block';
        time.style.blockSize = 'auto';
        time.style.inlineSize = '3.5em';
        const text = time.firstChild as Text;
        const columns: number[] = [];
        const broken: string[] = [];
        for (let index = 0; index < text.data.length; index += 1) {
          if (text.data[index] !== '\u202F') continue;
          const range = document.createRange();
          range.setStart(text, index - 1);
          range.setEnd(text, index + 2);
          const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
          const lefts = new Set(rects.map((rect) => Math.round(rect.left)));
          if (lefts.size > 1) broken.push(text.data.slice(Math.max(0, index - 4), index + 4));
        }
        const whole = document.createRange();
        whole.selectNodeContents(time);
        for (const rect of whole.getClientRects()) columns.push(Math.round(rect.left));
        return { broken, columns: new Set(columns).size };
      });
    expect(split.columns, 'the squeezed date should run over several columns').toBeGreaterThan(1);
    expect(split.broken).toEqual([]);
  });

  test('the tip form says which date format it expects, in both languages', async ({ page }) => {
    for (const [path, pattern] of [
      ['/mn/tip/', /ᠣᠨ-ᠰᠠᠷ᠎ᠠ-ᠡᠳᠦᠷ.*2025-05-27/u],
      ['/zh/tip/', /年-月-日.*2025-05-27/u],
    ] as const) {
      await page.goto(path);
      const hint = page.locator('#tip-noticedOn-hint');
      await expect(hint).toBeVisible();
      await expect(hint).toHaveText(pattern);
      await expect(page.locator('#tip-noticedOn')).toHaveAttribute('aria-describedby', /tip-noticedOn-hint/);
    }
  });
});

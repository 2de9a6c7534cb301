import { expect, test, type Page } from '@playwright/test';

/** "2,106.06 万元" or "2,106.06 ᠲᠦᠮᠡ ᠶᠤᠸᠠᠨ" → 21060600: the number as a reader reads it, 万 / ᠲᠦᠮᠡ included. */
function readFigure(number: string, unit: string): number {
  const value = Number(number.replace(/,/g, ''));
  return /万|ᠲᠦᠮᠡ/.test(unit) ? value * 10_000 : value;
}

/** Every yuan figure the case pages behind the total show, read off those pages themselves. */
async function yuanOnCasePages(page: Page, caseLinks: string[], yuanUnits: RegExp): Promise<number[]> {
  const values: number[] = [];
  for (const href of new Set(caseLinks)) {
    await page.goto(href);
    const figures = await page.locator('[data-outcome-figure]').evaluateAll((items) =>
      items.map((item) => ({
        number: item.querySelector('.figure-number')!.textContent!.trim(),
        unit: item.querySelector('.figure-unit')!.textContent!.trim(),
      })),
    );
    values.push(...figures.filter((figure) => yuanUnits.test(figure.unit)).map((figure) => readFigure(figure.number, figure.unit)));
  }
  return values;
}

for (const { locale, yuanUnits, headings } of [
  { locale: 'zh', yuanUnits: /^(万元|元)$/, headings: /^\uFEFF编号,标题,网址/ },
  // An untranslated case is shown in Chinese, its figures with Chinese units.
  { locale: 'mn', yuanUnits: /ᠶᠤᠸᠠᠨ$|^(万元|元)$/, headings: /^\uFEFFᠳ᠋ᠤᠭᠠᠷ,ᠭᠠᠷᠴᠠᠭ,ᠬᠠᠶᠢᠭ/ },
]) {
  test.describe(`open data (${locale})`, () => {
    test('the money total equals the sum of the figures on the case pages it links to', async ({ page }) => {
      await page.goto(`/${locale}/data/`);
      const totalRow = page.locator('[data-totals="all-years"] tr[data-measure="yuan"]');
      const total = Number(await totalRow.getAttribute('data-total'));
      expect(total).toBeGreaterThan(0);
      await totalRow.getByRole('link').click();
      await expect(page).toHaveURL(/#measure-yuan$/);
      const caseLinks = await page.locator('[data-breakdown="yuan"] th a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(caseLinks.length).toBeGreaterThan(1);
      const shown = await yuanOnCasePages(page, caseLinks, yuanUnits);
      // The case pages round amounts of 万 to the hundredth of 万 (100 yuan): the sum must agree to that.
      const sum = shown.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - total)).toBeLessThanOrEqual(100 * shown.length);
    });

    test('each chart has a title and a description, and beside it a table with the same counts', async ({ page }) => {
      await page.goto(`/${locale}/data/`);
      for (const chart of ['chart-category', 'chart-region', 'chart-year']) {
        const svg = page.locator(`svg[data-chart="${chart}"]`);
        await expect(svg).toHaveAttribute('role', 'img');
        await expect(svg.locator('title')).not.toBeEmpty();
        await expect(svg.locator('desc')).not.toBeEmpty();
        const valuesInChart = await svg.locator('.bar-value').allTextContents();
        const valuesInTable = await page.locator(`table[data-counts="${chart}"] td`).allTextContents();
        expect(valuesInChart.map((text) => text.trim())).toEqual(valuesInTable.map((text) => text.trim()));
      }
      const yearCounts = await page.locator('table[data-counts="chart-year"] td').allTextContents();
      const casesPerYear = yearCounts.map((text) => Number(text.match(/\d+/)![0]));
      const intro = await page.locator('.open-data > p').first().textContent();
      expect(intro).toContain(String(casesPerYear.reduce((a, b) => a + b, 0)));
    });

    test('a count links to the cases behind it', async ({ page }) => {
      await page.goto(`/${locale}/data/`);
      const firstCategory = page.locator('table[data-counts="chart-category"] tbody tr').first();
      const count = Number((await firstCategory.locator('td').textContent())!.match(/\d+/)![0]);
      await firstCategory.getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/cases/category/[a-z-]+/$`));
      await expect(page.locator('[data-publication-list] > li')).toHaveCount(Math.min(count, 20));
    });

    test("the downloads have headings in the reader's language and a row per figure", async ({ page, request }) => {
      const csv = await (await request.get(`/${locale}/data/cases.csv`)).text();
      expect(csv).toMatch(headings);
      const json = await (await request.get(`/${locale}/data/cases.json`)).json();
      expect(json.columns.map((column: { name: string }) => column.name)).toContain('value');
      expect(csv.trimEnd().split('\r\n')).toHaveLength(json.rows.length + 1);
      await page.goto(`/${locale}/data/`);
      const yuanTotal = Number(await page.locator('[data-totals="all-years"] tr[data-measure="yuan"]').getAttribute('data-total'));
      const yuanRows = json.rows.filter((row: { measure: string }) => row.measure === 'yuan');
      expect(yuanRows.reduce((sum: number, row: { value: number }) => sum + row.value, 0)).toBeCloseTo(yuanTotal, 2);
    });
  });
}

test('the open-data page needs no JavaScript and is reached from the home page and the navigation', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/zh/');
  await page.locator('[data-home-section="data"]').getByRole('link').click();
  await expect(page).toHaveURL(/\/zh\/data\/$/);
  await expect(page.locator('[data-totals="all-years"] tr[data-measure="yuan"]')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据公开' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

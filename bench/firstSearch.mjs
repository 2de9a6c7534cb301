// Bytes a reader downloads for their first search, and how long until results show, in Chromium.
/** @param open async (page) => void: gets the page to the point where results are showing */
export async function measureFirstSearch(browser, url, showResults) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  let bytes = 0;
  page.on('response', async (response) => {
    try {
      bytes += (await response.body()).length;
    } catch {
      // No body.
    }
  });
  const started = Date.now();
  await showResults(page);
  const milliseconds = Date.now() - started;
  await page.waitForTimeout(300);
  await context.close();
  return { bytes, milliseconds };
}

export const starlightSearch = (query) => async (page) => {
  await page.locator('button[data-open-modal]').first().click();
  await page.locator('site-search input').first().fill(query);
  await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
};

export const ourSearch = (query) => async (page) => {
  await page.getByRole('searchbox').first().fill(query);
  await page.keyboard.press('Enter');
  await page.locator('[data-search-results] h3 a').first().waitFor({ timeout: 15_000 });
};

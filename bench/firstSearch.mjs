// What a reader downloads for their first search, and how long until results show, in Chromium:
// every file of the Pagefind bundle fetched from the moment the page starts loading (a page may
// start fetching the index before the reader types) until the results have shown and the network
// is quiet. Sizes are the files' own: Pagefind's index files are compressed already; its
// pagefind.js is counted as it is on disk (a server that compresses sends about a third of it).
import { recordResponseBodies } from './responseBodies.mjs';

/** @param showResults async (page) => void: gets the page to the point where results are showing */
export async function measureFirstSearch(browser, url, showResults) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const recorded = recordResponseBodies(page, (response) => new URL(response.url()).pathname.includes('/pagefind/'));
  await page.goto(url, { waitUntil: 'networkidle' });
  const started = Date.now();
  await showResults(page);
  const milliseconds = Date.now() - started;
  const bytes = (await recorded()).reduce((sum, { body }) => sum + body.length, 0);
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

import { expect, test } from '@playwright/test';
import zh from '../../src/i18n/zh.json' with { type: 'json' };
import mn from '../../src/i18n/mn.json' with { type: 'json' };
import regression from '../fixtures/search-regression.site.zh.json' with { type: 'json' };
import { counted, finishedStatus, nothingMatchedStatus } from './support/searchStatus';

// The Chinese regression set against the real, published content and its real index (search.spec.ts
// runs its own set against a fixture site): words people remember, places, figures, categories.
test(`published site: ${regression.queries.length} Chinese queries each find their pages`, async ({ page }) => {
  test.setTimeout(240_000);
  expect(regression.queries.length).toBeGreaterThanOrEqual(30);
  const approximate = new RegExp(counted(zh['search.approximate']));
  const misses: string[] = [];
  for (const { query, expect: expectedPages } of regression.queries) {
    await page.goto(`/zh/search/?q=${encodeURIComponent(query)}`);
    await expect(page.getByRole('status')).toHaveText(finishedStatus('zh'));
    const found = await page.locator('[data-search-results] h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const missing = expectedPages.filter((expected) => !found.includes(expected));
    if ((await page.getByRole('status').textContent())?.match(approximate)) console.log(`approximate: ${query}`);
    if (missing.length > 0) misses.push(`${query}: missing ${missing.join(', ')} (found ${found.join(', ') || 'nothing'})`);
  }
  expect(misses).toEqual([]);
});

// A fact's label (地区, 承办单位 …) stands on every page of its kind: as a search word it found
// every case at once. Labels are kept out of the index; the facts beside them stay in it. The
// labels asked here appear in no page's own text (Chinese 承办单位 is cut into 承办 and 单位,
// which the text does use, so it still finds the pages that speak of a 单位).
for (const [lang, label] of [
  ['zh', zh['cases.region']],
  ['mn', mn['cases.unit']],
] as const) {
  test(`published site: a fact label (${label}) finds no page by itself (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/search/?q=${encodeURIComponent(label)}`);
    await expect(page.getByRole('status')).toHaveText(nothingMatchedStatus(lang));
  });
}

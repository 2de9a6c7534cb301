import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import zh from '../../src/i18n/zh.json' with { type: 'json' };
import mn from '../../src/i18n/mn.json' with { type: 'json' };
import regression from '../fixtures/search-regression.zh.json' with { type: 'json' };
import { expectNoAxeViolations } from './support/axe';
import { buildFixtureIndex, useSearchIndex } from './support/searchFixture';
import { counted, finishedStatus } from './support/searchStatus';

const strings = { zh, mn } as const;
type Locale = keyof typeof strings;

/** Opens a shared search link and returns the result URLs in the order shown. */
async function resultsFor(page: Page, locale: Locale, query: string): Promise<string[]> {
  await page.goto(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('status')).toHaveText(finishedStatus(locale));
  return page.locator('[data-search-results] h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
}

// The fixture site (tests/fixtures/search-site/) indexed by scripts/index-search.mjs, served in
// place of the built site's index. SEARCH_REGRESSION_AGAINST=site runs against dist/ instead.
const againstBuiltSite = process.env.SEARCH_REGRESSION_AGAINST === 'site';
let fixtureIndex = '';
test.beforeAll(() => {
  fixtureIndex = buildFixtureIndex();
});
test.afterAll(() => rmSync(path.dirname(fixtureIndex), { recursive: true, force: true }));
test.beforeEach(async ({ page }) => {
  if (!againstBuiltSite) await useSearchIndex(page, fixtureIndex);
});

test.describe('search', () => {
  test(`Chinese regression set: ${regression.queries.length} queries each find their pages`, async ({ page }) => {
    test.setTimeout(180_000);
    expect(regression.queries.length).toBeGreaterThanOrEqual(30);
    const misses: string[] = [];
    for (const { query, expect: expectedPages } of regression.queries) {
      const found = await resultsFor(page, 'zh', query);
      const missing = expectedPages.filter((expected) => !found.includes(expected));
      if (missing.length > 0) misses.push(`${query}: missing ${missing.join(', ')} (found ${found.join(', ') || 'nothing'})`);
    }
    expect(misses).toEqual([]);
  });

  test('variant encodings of a Mongolian word find the same pages as the plain spelling', async ({ page }) => {
    test.setTimeout(90_000);
    const variantGroups: Array<{ pages: string[]; spellings: string[] }> = [
      // MVS before the final -a, or none.
      { pages: ['/mn/cases/horqin-land-compensation/', '/mn/cases/xiliao-river-pontoon-bridges/'], spellings: ['ᠰᠠᠷ᠎ᠠ', 'ᠰᠠᠷᠠ'] },
      // Suffix after NNBSP, after a space with FVS1, after a space; ᠣ typed as ᠤ; ᠢ as ᠶᠢ; MVS or none.
      {
        pages: ['/mn/cases/horqin-land-compensation/', '/mn/cases/xiliao-river-pontoon-bridges/', '/mn/education/elder-fraud/'],
        spellings: ['ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶ᠎ᠠ\u202Fᠶᠢᠨ', 'ᠪᠠᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠣᠷᠢᠶᠠ ᠶ᠋ᠢᠨ', 'ᠪᠠᠶᠢᠴᠠᠭᠠᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠬᠤᠷᠢᠶᠠ ᠶᠢᠨ'],
      },
      // ᠲ/ᠳ and ᠣ/ᠤ swapped (the page itself is typed ᠳᠦᠩᠯᠢᠶᠣᠤ ᠬᠤᠳᠠ).
      { pages: ['/mn/cases/xiliao-river-pontoon-bridges/'], spellings: ['ᠲᠦᠩᠯᠢᠶᠣᠤ ᠬᠣᠲᠠ', 'ᠳᠦᠩᠯᠢᠶᠣᠤ ᠬᠤᠳᠠ'] },
      // ᠬ/ᠭ swapped.
      { pages: ['/mn/cases/xiliao-river-pontoon-bridges/'], spellings: ['ᠬᠠᠮᠠᠭᠠᠯᠠᠪᠠ', 'ᠭᠠᠮᠠᠬᠠᠯᠠᠪᠠ'] },
      // FVS1 inside a word, and ᠣ/ᠤ in a place name.
      { pages: ['/mn/cases/horqin-land-compensation/', '/mn/cases/xiliao-river-pontoon-bridges/'], spellings: ['ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ', 'ᠳᠤᠭᠠᠷ ᠰᠠᠷᠠ'] },
      { pages: ['/mn/cases/horqin-land-compensation/', '/mn/education/elder-fraud/'], spellings: ['ᠬᠣᠷᠴᠢᠨ', 'ᠬᠤᠷᠴᠢᠨ'] },
    ];
    for (const { pages, spellings } of variantGroups) {
      for (const spelling of spellings) {
        const found = await resultsFor(page, 'mn', spelling);
        expect([...found].sort(), `query ${[...spelling].map((c) => c.codePointAt(0)!.toString(16)).join(' ')}`).toEqual([...pages].sort());
      }
    }
  });

  test('no untranslated fallback page appears in Mongolian results', async ({ page }) => {
    // The fallback shows the Chinese text of the Kailu case at a /mn/ URL, without data-pagefind-body.
    expect(await resultsFor(page, 'mn', '开鲁')).toEqual([]);
    expect(await resultsFor(page, 'mn', '冻结')).toEqual([]);
    const everything = await resultsFor(page, 'mn', 'ᠠ');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything.every((url) => url.startsWith('/mn/'))).toBe(true);
    expect(everything).not.toContain('/mn/cases/kailu-excessive-freeze/');
  });

  test('filters narrow the results and sorting by date orders them', async ({ page }) => {
    const all = await resultsFor(page, 'zh', '检察建议');
    expect(all).toContain('/zh/education/what-is-public-interest-litigation/');
    await page.getByText(zh['search.refine']).click();
    const kind = page.getByRole('group', { name: zh['search.filter.kind'] });
    await kind.getByRole('checkbox', { name: '典型案例' }).check();
    await expect(page.getByRole('status')).toHaveText(finishedStatus('zh'));
    await expect(page.locator('[data-search-results] h3 a[href^="/zh/education/"]')).toHaveCount(0);
    const cases = await page.locator('[data-search-results] h3 a').count();
    expect(cases).toBeGreaterThan(0);
    expect(cases).toBeLessThan(all.length);
    await page.getByRole('group', { name: zh['search.filter.year'] }).getByRole('checkbox', { name: '2025' }).check();
    await expect(page.locator('[data-search-results] li').first()).toBeVisible();
    await expect(page.locator('[data-search-results] .facts')).toHaveText(Array(await page.locator('[data-search-results] li').count()).fill(/2025年/));
    await expect(page).toHaveURL(/kind=/);
    await page.getByRole('group', { name: zh['search.filter.year'] }).getByRole('checkbox', { name: '2025' }).uncheck();
    await page.getByLabel(zh['search.sort.label']).selectOption('oldest');
    await expect(page).toHaveURL(/sort=oldest/);
    await expect(page.locator('[data-search-results] .facts').first()).toContainText('2024年');
    const dates = await page.locator('[data-search-results] .facts').allTextContents();
    const numeric = dates
      .map((text) =>
        text
          .match(/(\d+)年(\d+)月(\d+)日/)!
          .slice(1)
          .map(Number),
      )
      .map(([y, m, d]) => y! * 10000 + m! * 100 + d!);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
  });

  test('the filter labels are in the reader’s language, and a category name finds its pages', async ({ page }) => {
    expect(await resultsFor(page, 'mn', 'ᠡᠮᠡᠭᠲᠡᠢᠴᠦᠳ ᠦᠨ ᠡᠷᠬᠡ ᠠᠰᠢᠭ')).toContain('/mn/cases/horqin-land-compensation/');
    await resultsFor(page, 'mn', 'ᠰᠠᠷᠠ');
    await page.getByText(mn['search.refine']).click();
    const kind = page.getByRole('group', { name: mn['search.filter.kind'] });
    await expect(kind.getByRole('checkbox', { name: 'ᠦᠯᠢᠭᠡᠷ ᠬᠡᠷᠡᠭ' })).toBeVisible();
    await expect(page.getByRole('group', { name: mn['search.filter.region'] }).getByRole('checkbox', { name: 'ᠬᠣᠷᠴᠢᠨ ᠲᠣᠭᠣᠷᠢᠭ' })).toBeVisible();
  });

  test('a shared ?q= link runs the search, and a new search updates the address', async ({ page }) => {
    const found = await resultsFor(page, 'zh', '浮桥');
    expect(found).toEqual(['/zh/cases/xiliao-river-pontoon-bridges/']);
    await expect(page.getByLabel(zh['search.label'])).toHaveValue('浮桥');
    await page.getByLabel(zh['search.label']).fill('轮椅');
    await page.getByLabel(zh['search.label']).press('Enter');
    await expect(page.locator('[data-search-results] h3 a')).toHaveAttribute('href', '/zh/cases/hospital-accessibility/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('轮椅');
  });

  test('works with the keyboard alone and announces the count', async ({ page }) => {
    await page.goto('/zh/search/');
    const input = page.getByLabel(zh['search.label']);
    for (let presses = 0; presses < 40 && !(await input.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(input).toBeFocused();
    await page.keyboard.type('文物');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status');
    await expect(status).toHaveText(/找到 1 条结果/);
    await expect(status).toHaveAttribute('role', 'status');
    await page.keyboard.press('Tab'); // the search button
    await page.keyboard.press('Tab'); // the filters' summary
    await page.keyboard.press('Tab'); // the first result
    await expect(page.locator('[data-search-results] h3 a').first()).toBeFocused();
  });

  test('Mongolian results run vertically with the match highlighted in the page’s own spelling', async ({ page }) => {
    await resultsFor(page, 'mn', 'ᠰᠠᠷᠠ');
    const results = page.locator('[data-search-results]');
    await expect(results).toHaveCSS('writing-mode', 'vertical-lr');
    const horqin = page.locator('[data-search-results] li', { has: page.locator('a[href="/mn/cases/horqin-land-compensation/"]') });
    // The page spells it with MVS; the reader typed it without; the excerpt shows the page's form.
    await expect(horqin.locator('mark').first()).toHaveText('ᠰᠠᠷ᠎ᠠ');
    await expect(horqin.locator('h3')).toHaveText(/ᠬᠣᠷᠴᠢᠨ/);
  });

  test('excerpts show the page’s text, never the facets and date it is indexed with', async ({ page }) => {
    // The facets (kind, category, region, year, date) once sat as hidden text at the top of the
    // indexed body, and excerpts read "典型案例其他乌海市（市本级）20252025-…".
    for (const query of ['检察建议', '科尔沁区', '浮桥', '典型案例']) {
      await resultsFor(page, 'zh', query);
      for (const excerpt of await page.locator('[data-search-results] .excerpt').allTextContents()) {
        expect(excerpt, `excerpt for ${query}`).not.toMatch(/\d{4}-\d{2}-\d{2}|(\d{4})\1|典型案例(妇女|其他|生态)/);
      }
    }
  });

  test('a word found nowhere shows look-alike pages only as approximate hits, and says so', async ({ page }) => {
    // Pagefind answers a word missing from the index with pages holding similar words (here the
    // suffix ᠤᠨ for ᠤᠨᠳᠦᠯᠡᠢ): shown only because nothing matched, and labelled.
    const lookAlikes = await resultsFor(page, 'mn', 'ᠤᠨᠳᠦᠯᠡᠢ');
    expect(lookAlikes.length).toBeGreaterThan(0);
    await expect(page.getByRole('status')).toHaveText(new RegExp(counted(strings.mn['search.approximate'], lookAlikes.length)));
    // Chinese is written without spaces: a page whose text holds 椅 (in 轮椅) is a real hit, even
    // where Pagefind's segmenter cut the word elsewhere.
    expect(await resultsFor(page, 'zh', '椅')).toEqual(['/zh/cases/hospital-accessibility/']);
    await expect(page.getByRole('status')).toHaveText(new RegExp(counted(zh['search.resultCount'], 1)));
    // A word that is there is counted as found, not approximate.
    const found = await resultsFor(page, 'mn', 'ᠰᠠᠷᠠ');
    await expect(page.getByRole('status')).toHaveText(new RegExp(counted(mn['search.resultCount'], found.length)));
    await expect(page.locator('[data-search-results] li mark').first()).toBeVisible();
  });

  test('Chinese excerpts highlight the words found', async ({ page }) => {
    await resultsFor(page, 'zh', '浮桥');
    await expect(page.locator('[data-search-results] mark').first()).toHaveText('浮桥');
  });

  test('the search page passes axe with results shown, in both languages', async ({ page }) => {
    await resultsFor(page, 'zh', '检察建议');
    await page.getByText(zh['search.refine']).click();
    await expectNoAxeViolations(page);
    await resultsFor(page, 'mn', 'ᠰᠠᠷᠠ');
    await page.getByText(mn['search.refine']).click();
    await expectNoAxeViolations(page);
  });
});

test.describe('search without the fixture', () => {
  test('without JavaScript the page says so and links to the lists', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const locale of ['zh', 'mn'] as const) {
      await page.goto(`/${locale}/search/`);
      await expect(page.getByText(strings[locale]['search.noScript'], { exact: true })).toBeVisible();
      await expect(page.getByRole('searchbox')).toBeHidden();
      for (const list of ['cases', 'open-days', 'education']) {
        await expect(page.locator(`main a[href="/${locale}/${list}/"]`)).toBeVisible();
      }
    }
    await context.close();
  });

  test('reading pages load neither Pagefind nor the search script', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    for (const path of ['/zh/', '/mn/']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    expect(requests.filter((path) => path.startsWith('/pagefind/') || path.includes('SearchPanel'))).toEqual([]);
  });

  test('the built site’s own index answers the search page', async ({ page }) => {
    await page.unrouteAll();
    const pagefindRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) pagefindRequests.push(request.url());
    });
    await resultsFor(page, 'zh', 'zzqxj');
    await expect(page.getByRole('status')).toHaveText(zh['search.noResults']);
    expect(pagefindRequests.length).toBeGreaterThan(0);
  });
});

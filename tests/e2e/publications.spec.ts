import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/** Parses XML in the browser and fails on a parser error; returns what the callback reads from it. */
async function parseXml<T>(page: Page, xml: string, read: (document: Document) => T): Promise<T> {
  return page.evaluate(
    ({ source, reader }) => {
      const document = new DOMParser().parseFromString(source, 'application/xml');
      if (document.querySelector('parsererror')) throw new Error(`not well-formed XML: ${document.querySelector('parsererror')!.textContent}`);
      return new Function('document', `return (${reader})(document)`)(document);
    },
    { source: xml, reader: read.toString() },
  ) as Promise<T>;
}

const datesOfCards = (page: Page) => page.locator('[data-publication-list] time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));

test.describe('publication lists', () => {
  test('cases are listed newest first, 20 a page, with a second page', async ({ page }) => {
    await page.goto('/zh/cases/');
    await expect(page.locator('h1')).toHaveText('典型案例');
    const firstPage = await datesOfCards(page);
    expect(firstPage).toHaveLength(20);
    expect([...firstPage].sort().reverse()).toEqual(firstPage);
    const pagination = page.getByRole('navigation', { name: '分页' });
    await pagination.getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/zh\/cases\/page\/2\/$/);
    const secondPage = await datesOfCards(page);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.length).toBeLessThanOrEqual(20);
    expect(secondPage[0]! <= firstPage.at(-1)!).toBe(true);
    await expect(page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]')).toHaveText('第 2 页');
  });

  test('a category view lists only that category, and the draft case is nowhere', async ({ page }) => {
    await page.goto('/zh/cases/');
    await page.getByRole('navigation', { name: '按类别浏览' }).getByRole('link', { name: '生态环境和资源保护' }).click();
    await expect(page).toHaveURL(/\/zh\/cases\/category\/ecology\/$/);
    const facts = await page.locator('[data-publication-list] .card-facts').allTextContents();
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) expect(fact).toContain('生态环境和资源保护');
    // Without a 404 page, Cloudflare Pages answers unknown paths with the home page, so look for the
    // draft's own title rather than a status code.
    const draft = await page.request.get('/zh/cases/wuhai-false-litigation/');
    expect(await draft.text()).not.toContain('民间借贷虚假诉讼案');
    await page.goto('/zh/cases/year/2025/');
    await expect(page.getByText('民间借贷虚假诉讼案')).toHaveCount(0);
  });

  test('the Mongolian list shows untranslated entries, marked as Chinese only', async ({ page }) => {
    await page.goto('/mn/cases/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'mn-Mong');
    const chineseOnly = page.locator('[data-publication-list] article').filter({ has: page.locator('[data-chinese-only]') });
    expect(await chineseOnly.count()).toBeGreaterThan(0);
    await expect(chineseOnly.first().locator('a[lang="zh-CN"]')).toHaveCount(1);
    await expect(chineseOnly.first().locator('[data-chinese-only]')).toHaveText('ᠵᠥᠪᠬᠡᠨ ᠬᠢᠲᠠᠳ ᠪᠢᠴᠢᠭ');
  });

  test('the home pages show the latest cases, the next open days and recent articles', async ({ page }) => {
    for (const locale of ['zh', 'mn']) {
      await page.goto(`/${locale}/`);
      for (const section of ['cases', 'open-days', 'education']) {
        const links = page.locator(`[data-home-section="${section}"] h3 a`);
        if (section !== 'open-days') expect(await links.count(), `${locale} ${section}`).toBeGreaterThan(0);
        for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))) {
          expect(href).toMatch(new RegExp(`^/${locale}/${section}/[a-z0-9-]+/$`));
        }
      }
    }
  });
});

test.describe('publication detail pages', () => {
  test('a case shows its outcome figures and is indexed in its own language', async ({ page }) => {
    for (const [locale, lang] of [
      ['zh', 'zh-CN'],
      ['mn', 'mn-Mong'],
    ] as const) {
      await page.goto(`/${locale}/cases/horqin-land-compensation/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const figures = page.locator('[data-outcome-figure]');
      await expect(figures).toHaveCount(2);
      await expect(figures.first().locator('.figure-number')).toHaveText('75');
      await expect(figures.nth(1).locator('.figure-number')).toHaveText('69');
      await expect(page.locator('article[data-pagefind-body]')).toHaveCount(1);
      const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((link) => link.getAttribute('hreflang')));
      expect(hreflangs.sort()).toEqual(['mn-Mong', 'zh-CN']);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', '@type': 'Article', inLanguage: lang });
      await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    }
  });

  test('a Mongolian translation that nobody has reviewed says so', async ({ page }) => {
    await page.goto('/mn/cases/horqin-land-compensation/');
    const notice = page.locator('[data-translation-notice="unreviewed"]');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('link')).toHaveAttribute('href', '/zh/cases/horqin-land-compensation/');
    await page.goto('/zh/cases/horqin-land-compensation/');
    await expect(page.locator('[data-translation-notice]')).toHaveCount(0);
  });

  test('an untranslated entry on its Mongolian URL shows the Chinese text, marked, with a notice and a link to the original', async ({ page }) => {
    await page.goto('/mn/cases/kailu-excessive-freeze/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'mn-Mong');
    const notice = page.locator('[data-translation-notice="fallback"]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ');
    await expect(notice.getByRole('link')).toHaveAttribute('href', '/zh/cases/kailu-excessive-freeze/');
    await expect(page.locator('article[data-fallback-content]')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('article h1')).toContainText('冻结');
    // Not in the Mongolian search index, and not presented as a translation.
    await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
    await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
    await page.goto('/zh/cases/kailu-excessive-freeze/');
    await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
  });

  test('a legal-education article in both languages', async ({ page }) => {
    for (const locale of ['zh', 'mn']) {
      await page.goto(`/${locale}/education/spot-elder-fraud/`);
      await expect(page.locator('article h1')).toBeVisible();
      await expect(page.locator('article[data-pagefind-body]')).toHaveCount(1);
      const cover = page.locator('.cover img');
      await expect(cover).toHaveAttribute('loading', 'lazy');
      await expect(cover).toHaveAttribute('width', /\d+/);
      await expect(cover).toHaveAttribute('height', /\d+/);
      await expect(cover).toHaveAttribute('srcset', /\d+w/);
      expect((await cover.getAttribute('alt'))!.length).toBeGreaterThan(0);
    }
  });

  test('open days say whether they are still to come, computed from their own dates', async ({ page }) => {
    await page.goto('/zh/open-days/');
    const hrefs = await page.locator('[data-publication-list] h2 a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    const seen = new Set<string>();
    for (const href of hrefs) {
      await page.goto(href);
      const [start, end] = await page.locator('.event-facts time').evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute('datetime')!)));
      // The site is built shortly before the tests run; the same rule applied to "now" gives the status.
      const expected = Date.now() < start! ? 'upcoming' : Date.now() < end! ? 'ongoing' : 'past';
      const status = page.locator('[data-notice-status]');
      await expect(status, href).toHaveAttribute('data-notice-status', expected);
      seen.add(expected);
      if (expected === 'past') {
        await expect(status).toContainText('已经结束');
        await expect(page.getByRole('link', { name: /加入日历/ })).toHaveCount(0);
      } else {
        await expect(page.getByRole('link', { name: /加入日历/ })).toBeVisible();
      }
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd['@type']).toBe('Event');
      expect(Date.parse(jsonLd.startDate)).toBe(start);
    }
    expect(seen.has('past')).toBe(true);
  });

  test('every open day has a calendar file with its time zone; upcoming ones offer it as a download', async ({ page }) => {
    let downloads = 0;
    for (const locale of ['zh', 'mn']) {
      await page.goto(`/${locale}/open-days/`);
      const hrefs = await page.locator('[data-publication-list] h2 a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!));
      for (const href of hrefs) {
        const response = await page.request.get(href.replace(/\/$/, '.ics'));
        expect(response.status(), href).toBe(200);
        expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
        const calendar = await response.text();
        expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\n/);
        expect(calendar).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
        expect(calendar).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T\d{6}\r\n/);
        expect(calendar).toMatch(/END:VCALENDAR\r\n$/);
        await page.goto(href);
        const link = page.locator('a[download][href$=".ics"]');
        if ((await page.locator('[data-notice-status]').getAttribute('data-notice-status')) === 'past') {
          await expect(link).toHaveCount(0);
          continue;
        }
        const downloadPromise = page.waitForEvent('download');
        await link.click();
        expect((await downloadPromise).suggestedFilename()).toMatch(/^[a-z0-9-]+\.ics$/);
        downloads += 1;
      }
    }
    // The sample content has open days after the build date; once they are over, add new ones.
    expect(downloads, 'no upcoming open day in the content').toBeGreaterThan(0);
  });
});

test.describe('feeds and sitemap', () => {
  test('each language and kind has a well-formed RSS feed, with only texts in its language', async ({ page, request }) => {
    await page.goto('/zh/');
    for (const locale of ['zh', 'mn']) {
      for (const kind of ['cases', 'open-days', 'education']) {
        const response = await request.get(`/${locale}/${kind}/rss.xml`);
        expect(response.status()).toBe(200);
        const feed = await parseXml(page, await response.text(), (document) => ({
          language: document.querySelector('channel > language')?.textContent,
          titles: [...document.querySelectorAll('item > title')].map((title) => title.textContent ?? ''),
          links: [...document.querySelectorAll('item > link')].map((link) => link.textContent ?? ''),
          dates: [...document.querySelectorAll('item > pubDate')].map((date) => date.textContent ?? ''),
        }));
        expect(feed.language).toBe(locale === 'zh' ? 'zh-CN' : 'mn-Mong');
        expect(feed.titles.length, `${locale} ${kind}`).toBeGreaterThan(0);
        expect(feed.dates.every((date) => !Number.isNaN(Date.parse(date)))).toBe(true);
        for (const link of feed.links) expect(new URL(link).pathname).toMatch(new RegExp(`^/${locale}/${kind}/[a-z0-9-]+/$`));
        if (locale === 'mn') for (const title of feed.titles) expect(title).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  test('the sitemap is well-formed and pairs only real translations', async ({ page, request }) => {
    await page.goto('/zh/');
    const index = await (await request.get('/sitemap-index.xml')).text();
    const sitemapUrls = await parseXml(page, index, (document) => [...document.querySelectorAll('sitemap > loc')].map((loc) => loc.textContent!));
    const entries: Array<{ loc: string; alternates: string[] }> = [];
    for (const sitemapUrl of sitemapUrls) {
      const xml = await (await request.get(new URL(sitemapUrl).pathname)).text();
      entries.push(
        ...(await parseXml(page, xml, (document) =>
          [...document.getElementsByTagName('url')].map((url) => ({
            loc: url.getElementsByTagName('loc')[0]!.textContent!,
            alternates: [...url.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map(
              (link) => `${link.getAttribute('hreflang')} ${new URL(link.getAttribute('href')!).pathname}`,
            ),
          })),
        )),
      );
    }
    const find = (path: string) => entries.find((entry) => new URL(entry.loc).pathname === path)!;
    expect(find('/mn/cases/horqin-land-compensation/').alternates.sort()).toEqual(['mn-Mong /mn/cases/horqin-land-compensation/', 'zh-CN /zh/cases/horqin-land-compensation/']);
    expect(find('/mn/cases/kailu-excessive-freeze/').alternates).toEqual([]);
    expect(find('/zh/cases/kailu-excessive-freeze/').alternates).toEqual([]);
    expect(find('/zh/cases/page/2/')).toBeDefined();
    expect(entries.some((entry) => entry.loc.includes('wuhai-false-litigation'))).toBe(false);
  });
});

test('every publication template passes axe in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  const paths = [
    '/zh/cases/',
    '/mn/cases/',
    '/zh/cases/page/2/',
    '/mn/cases/category/ecology/',
    '/zh/cases/region/wuhai/',
    '/mn/cases/year/2025/',
    '/zh/cases/horqin-land-compensation/',
    '/mn/cases/horqin-land-compensation/',
    '/mn/cases/kailu-excessive-freeze/',
    '/zh/open-days/',
    '/mn/open-days/',
    '/zh/open-days/public-interest-open-day-2026-12/',
    '/mn/open-days/public-interest-open-day-2026-12/',
    '/mn/open-days/wuhai-open-day-2024/',
    '/zh/education/',
    '/mn/education/audience/elderly/',
    '/zh/education/spot-elder-fraud/',
    '/mn/education/spot-elder-fraud/',
    '/mn/education/migrant-wage-rights/',
  ];
  for (const path of paths) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

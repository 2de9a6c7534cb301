// The press office's editor against Decap's local backend, as `npm run cms` runs it, on a copy of
// the content (the checkout is never touched): a press officer writes an article in Chinese, adds
// its Mongolian translation and saves; both files pass the build's own check, a build renders
// both pages, and the Mongolian panes run vertically in the shipped font. Then the admin shell of
// the built site: axe, its own CSP, nothing from another site.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { testPort } from '../support/testServer';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import { build as bundle } from 'esbuild';

/**
 * The build's own validator. Playwright's loader cannot import the site's JSON data the way Vite
 * does, so it is bundled for Node first (a fraction of a second).
 */
async function loadValidator(directory: string): Promise<typeof import('../../src/lib/publications/validateEntry')> {
  const outfile = join(directory, 'validate-entry.mjs');
  await bundle({ entryPoints: ['src/lib/publications/validateEntry.ts'], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

/**
 * Astro's content cache keeps an entry whose text is unchanged together with the file it was read
 * from, and resolves its pictures against that file: after a build of another copy (or of the
 * checkout) those paths point into a directory that is gone, and the build fails with
 * ImageNotFound. The build of the copy starts and leaves without one.
 */
const forgetContentCache = () => rmSync('node_modules/.astro/data-store.json', { force: true });

// The two ports after the test server's (tests/support/testServer.ts): one default for every spec.
const sitePort = testPort + 2;
const backendPort = testPort + 1;
const adminUrl = `http://127.0.0.1:${sitePort}/admin/index.html?local_backend=${encodeURIComponent(`http://127.0.0.1:${backendPort}/api/v1`)}`;
const screenshotDir = process.env.CMS_SCREENSHOT_DIR;

const slug = 'cms-test-grassland-article';
const chineseTitle = '草原生态公益诉讼问答';
const mongolianTitle = 'ᠬᠡᠭᠡᠷ᠎ᠡ ᠶᠢᠨ ᠠᠮᠢᠳᠤ ᠣᠷᠴᠢᠨ';

let copy: string;
let cms: ChildProcess | undefined;

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

test.describe('editing in the CMS with the local backend', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    copy = mkdtempSync(join(tmpdir(), 'cms-e2e-'));
    mkdirSync(join(copy, 'src'));
    cpSync('src/content', join(copy, 'src/content'), { recursive: true });
    cms = spawn('node', ['scripts/cms.mjs'], {
      env: { ...process.env, CMS_PORT: String(sitePort), DECAP_SERVER_PORT: String(backendPort), CMS_REPO_DIR: copy },
      stdio: 'ignore',
    });
    await waitFor(`http://127.0.0.1:${sitePort}/admin/index.html`, 120_000);
  });

  test.afterAll(() => {
    if (cms?.pid) cms.kill('SIGTERM');
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  async function signIn(page: Page) {
    await page.goto(adminUrl);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('link', { name: /普法文章/ }).first()).toBeVisible({ timeout: 30_000 });
  }

  /** Decap's select widget (react-select): open the field's list, pick the option by its label. */
  async function choose(page: Page, fieldName: string, option: RegExp) {
    await page.locator(`[data-cms-language="zh"] input[id^="${fieldName}-field-"]`).click({ force: true });
    await page.getByRole('option', { name: option }).first().click();
  }

  test('a press officer writes an article in Chinese and its Mongolian translation; both files pass the build', async ({ page }) => {
    await signIn(page);
    await page.goto(`${adminUrl}#/collections/articles/new`);
    const chinese = page.locator('[data-cms-language="zh"]');
    const mongolian = page.locator('[data-cms-language="mn"]');
    await expect(chinese).toBeVisible({ timeout: 30_000 });

    await chinese.getByLabel('标题', { exact: true }).fill(chineseTitle);
    await chinese.getByLabel('文件名（网址）').fill(slug);
    await chinese.getByLabel('摘要').fill('草原被非法开垦后，检察机关怎样通过公益诉讼让它恢复。');
    await chinese.getByLabel('发布日期').fill('2025-06-01');
    await choose(page, 'topic', /生态环境保护/);
    await choose(page, 'audience', /农牧民/);
    await chinese.getByLabel('阅读时间（分钟）').fill('3');
    await chinese.locator('[contenteditable="true"]').first().fill('开垦草原破坏生态，检察机关可以提起公益诉讼。');

    // The translator: the facts are copied from the original, the texts are written in Mongolian.
    await expect(mongolian).toBeVisible();
    await mongolian.getByLabel('标题', { exact: true }).fill(mongolianTitle);
    await mongolian.getByLabel('摘要').fill('ᠬᠡᠭᠡᠷ᠎ᠡ ᠶᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ᠃');
    await mongolian.locator('[contenteditable="true"]').first().fill('ᠬᠡᠭᠡᠷ᠎ᠡ ᠶᠢᠨ ᠠᠮᠢᠳᠤ ᠣᠷᠴᠢᠨ ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠨ᠎ᠠ᠃');

    // What the translator sees is written as it will be read: vertical columns in our web font.
    const mongolianTitleBox = mongolian.getByLabel('标题', { exact: true });
    expect(await mongolianTitleBox.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
    expect(await mongolianTitleBox.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('Noto Sans Mongolian Web');
    expect(await mongolianTitleBox.getAttribute('lang')).toBe('mn-Mong');
    const fontReady = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans Mongolian Web"', 'ᠮᠣᠩᠭᠣᠯ');
      return document.fonts.check('16px "Noto Sans Mongolian Web"', 'ᠮᠣᠩᠭᠣᠯ');
    });
    expect(fontReady).toBe(true);
    if (screenshotDir) {
      await mongolianTitleBox.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'cms-editor-zh-mn.png') });
      await mongolian.locator('[contenteditable="true"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'cms-editor-mn-body.png') });
    }

    // "Publish now" asks for confirmation; with the local backend it writes the files at once.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '发布' }).first().click();
    await page.getByText('立即发布').click();
    await expect(page.getByText(/内容已(发布|保存)|保存内容失败/).first()).toBeVisible({ timeout: 30_000 });
    expect(await page.getByText('保存内容失败').allInnerTexts()).toEqual([]);

    const { validateEntry } = await loadValidator(copy);
    for (const [lang, title] of [
      ['zh', chineseTitle],
      ['mn', mongolianTitle],
    ] as const) {
      const file = join(copy, 'src/content/articles', lang, `${slug}.mdx`);
      expect(existsSync(file), file).toBe(true);
      const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
      expect(validateEntry('articles', `src/content/articles/${lang}/${slug}.mdx`, frontmatter)).toEqual([]);
      expect(frontmatter).toMatchObject({ title, lang, translationKey: slug, translationStatus: lang === 'zh' ? 'original' : 'unreviewed' });
      expect(content.trim().length).toBeGreaterThan(0);
      if (lang === 'mn') expect(frontmatter.translatedFrom).toMatch(/^[0-9a-f]{12}$/);
    }
    // The CMS and `npm run translations` agree on which original the translation was made from.
    const report = spawnSync('node', ['scripts/translations.mjs', '--json'], { env: { ...process.env, CONTENT_DIR: join(copy, 'src/content') }, encoding: 'utf8' });
    const row = (JSON.parse(report.stdout) as Array<{ kind: string; slug: string; state: string; tracked: boolean }>).find((candidate) => candidate.slug === slug);
    expect(row).toMatchObject({ kind: 'articles', state: 'unreviewed', tracked: true });
  });

  test('the Mongolian preview pane is vertical, in the web font', async ({ page }) => {
    await signIn(page);
    await page.goto(`${adminUrl}#/collections/articles/entries/${slug}`);
    await expect(page.locator('[data-cms-language="zh"]')).toBeVisible({ timeout: 30_000 });
    // The preview shows the language of the left pane: switch it to Mongolian.
    await page
      .getByRole('button', { name: /正在使用ZH撰写/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: /^mn$/i }).first().click();
    await page.getByRole('button', { name: '打开/关闭预览' }).click();
    const preview = page.frameLocator('iframe').first().locator('[data-preview-language="mn"]');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    await expect(preview.locator('h1')).toHaveText(mongolianTitle);
    expect(await preview.evaluate((element) => getComputedStyle(element).writingMode)).toBe('vertical-lr');
    const fontLoaded = await preview.evaluate(async (element) => {
      await element.ownerDocument.fonts.ready;
      return element.ownerDocument.fonts.check('16px "Noto Sans Mongolian Web"', 'ᠮᠣᠩᠭᠣᠯ');
    });
    expect(fontLoaded).toBe(true);
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'cms-preview-mn.png') });
  });

  test('a cross-field mistake is refused with a Chinese message naming the field and the fix', async ({ page }) => {
    await signIn(page);
    await page.goto(`${adminUrl}#/collections/articles/entries/${slug}`);
    const mongolian = page.locator('[data-cms-language="mn"]');
    await expect(mongolian).toBeVisible({ timeout: 30_000 });
    // "Reviewed" without the reviewer's name and date: each field alone is fine, together they are not.
    await mongolian.getByLabel('译文状态').selectOption('reviewed');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '发布' }).first().click();
    await page.getByText('立即发布').click();
    const toast = page.getByText(/保存内容失败/).first();
    await expect(toast).toBeVisible({ timeout: 30_000 });
    await expect(toast).toContainText('蒙古文译文「审校人」未填写：已审校的译文必须写明审校译员的姓名');
    await expect(toast).toContainText('蒙古文译文「审校日期」未填写');
    if (screenshotDir) {
      await page.waitForTimeout(1000); // the toast slides in
      await page.screenshot({ path: join(screenshotDir, 'cms-save-refused.png') });
    }
    expect(await toast.textContent()).not.toMatch(/\b(field|missing|Error)\b/);
    // Nothing was written: the translation is still unreviewed on disk.
    const translation = readFileSync(join(copy, 'src/content/articles/mn', `${slug}.mdx`), 'utf8');
    expect(parseFrontmatter(translation).frontmatter.translationStatus).toBe('unreviewed');
  });

  test("the list shows every publication's Mongolian state, read live from the files", async ({ page }) => {
    // The original is corrected after its translation was made: the translation is now outdated.
    const original = join(copy, 'src/content/articles/zh', `${slug}.mdx`);
    writeFileSync(original, readFileSync(original, 'utf8').replace('可以提起公益诉讼。', '可以依法提起公益诉讼。'));
    await signIn(page);
    await page.goto(`${adminUrl}#/collections/articles`);
    const badgeOf = (name: string) => page.locator(`a[href$="/collections/articles/entries/${name}"] [data-translation-badge]`);
    await expect(badgeOf(slug)).toHaveAttribute('data-translation-badge', 'outdated', { timeout: 30_000 });
    await expect(badgeOf(slug)).toContainText('蒙古文已过时');
    await expect(badgeOf('migrant-wage-rights')).toHaveText(/^无蒙古文译文/);
    await expect(badgeOf('spot-elder-fraud')).toContainText('蒙古文未审校');
    await expect(page.locator('[data-translation-as-of]')).toHaveText('蒙古文译文状态：实时，读自本机文件');
    if (screenshotDir) await page.screenshot({ path: join(screenshotDir, 'cms-list-translation-states.png') });
  });

  test('a build of the saved files renders both pages and tells the truth about each translation', async () => {
    test.setTimeout(300_000);
    // The press officer is done: the editor's dev site stops, so it does not sync the same content
    // into Astro's store while the build reads it.
    if (cms?.exitCode === null) await new Promise((resolve) => cms!.once('exit', resolve).kill('SIGTERM'));
    const content = join(copy, 'src/content');
    // Later the original is corrected, and another translation has been reviewed: the pages say so.
    const original = join(content, 'articles/zh', `${slug}.mdx`);
    writeFileSync(original, readFileSync(original, 'utf8').replace('可以提起公益诉讼。', '可以依法提起公益诉讼。'));
    const reviewed = join(content, 'articles/mn/spot-elder-fraud.mdx');
    writeFileSync(reviewed, readFileSync(reviewed, 'utf8').replace(/translationStatus: unreviewed/, 'translationStatus: reviewed\nreviewedBy: "Bater"\nreviewedOn: 2026-11-30'));

    const outDir = join(copy, 'dist');
    forgetContentCache();
    const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
    forgetContentCache();
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    const chinesePage = readFileSync(join(outDir, 'zh/education', slug, 'index.html'), 'utf8');
    const mongolianPage = readFileSync(join(outDir, 'mn/education', slug, 'index.html'), 'utf8');
    expect(chinesePage).toContain(chineseTitle);
    expect(chinesePage).not.toContain('data-translation-notice');
    expect(mongolianPage).toContain(mongolianTitle);
    expect(mongolianPage).toMatch(/<html[^>]+lang="mn-Mong"/);
    // Outdated, naming the day the original changed (today, in Beijing), in Mongolian.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', day: 'numeric' }).format(new Date());
    expect(mongolianPage).toMatch(new RegExp(`data-translation-notice="outdated"[^>]*>[^<]*ᠡᠳᠦᠷ᠄ [^<]* ${today}\u202F[\u1820-\u18AF]+ ᠡᠳᠦᠷ᠃`));
    const reviewedPage = readFileSync(join(outDir, 'mn/education/spot-elder-fraud/index.html'), 'utf8');
    expect(reviewedPage).toMatch(/data-translation-reviewed[^>]*>[^<]*Bater᠂ 2026 ᠣᠨ/);
    expect(reviewedPage).not.toContain('data-translation-notice="unreviewed"');
  });
});

test.describe('the admin shell of the built site', () => {
  test('passes axe, stays within its CSP and loads nothing from another site', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    const foreign: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['http:', 'https:'].includes(url.protocol)) return;
      if (url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
    });
    const response = await page.goto('/admin/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-eval'");
    expect(response?.headers()['x-robots-tag']).toContain('noindex');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible({ timeout: 90_000 });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    // The lists' translation states on the server are the build's, and say so.
    const states = await (await page.request.get('/admin/translations.json')).json();
    expect(states.live).toBe(false);
    expect(Date.now() - Date.parse(states.asOf)).toBeGreaterThan(0);
    expect(states.publications.find((row: { slug: string }) => row.slug === 'spot-elder-fraud')).toMatchObject({ kind: 'articles', state: 'unreviewed' });
  });
});

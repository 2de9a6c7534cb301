import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { everyLocalePath, isLocale, localeMap, localizedPath, locales, pagefindIndexKey, splitLocalePath } from '../../src/i18n/locales';

describe('locale map', () => {
  it('has Chinese and traditional-script Mongolian with their BCP 47 tags', () => {
    expect(localeMap.zh.htmlLang).toBe('zh-CN');
    expect(localeMap.mn.htmlLang).toBe('mn-Mong');
    expect(localeMap.mn.writingMode).toBe('vertical-lr');
    expect(localeMap.zh.writingMode).toBe('horizontal-tb');
  });

  it('names each language in its own script', () => {
    expect(localeMap.zh.nativeName).toMatch(/\p{Script=Han}/u);
    expect(localeMap.mn.nativeName).toMatch(/^\p{Script=Mongolian}+$/u);
  });

  it('builds and splits URLs the same way', () => {
    expect(localizedPath('mn', '/cases/')).toBe('/mn/cases/');
    expect(localizedPath('zh')).toBe('/zh/');
    expect(splitLocalePath('/mn/cases/page/2/')).toEqual({ locale: 'mn', pathInLocale: '/cases/page/2/' });
    expect(splitLocalePath('/zh')).toEqual({ locale: 'zh', pathInLocale: '/' });
    expect(splitLocalePath('/en/')).toBeUndefined();
    for (const locale of locales) expect(splitLocalePath(localizedPath(locale, '/a/b/'))).toEqual({ locale, pathInLocale: '/a/b/' });
  });

  it('gives every language a page for shared pages', () => {
    expect(everyLocalePath('/search/')).toEqual({ zh: '/zh/search/', mn: '/mn/search/' });
  });

  it('keys Pagefind indexes by the lower-cased lang attribute', () => {
    expect(pagefindIndexKey('mn')).toBe('mn-mong');
    expect(pagefindIndexKey('zh')).toBe('zh-cn');
  });

  it('recognises only configured languages', () => {
    expect(isLocale('mn')).toBe(true);
    expect(isLocale('en')).toBe(false);
    expect(isLocale('toString')).toBe(false);
  });

  it('is the same list Astro routes by (astro.config.mjs)', async () => {
    const config = await readFile(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
    const declared = /const siteLocales = (\{[^}]+\})/.exec(config)?.[1];
    expect(declared).toBeDefined();
    const parsed = Function(`return ${declared}`)() as Record<string, string>;
    expect(parsed).toEqual(Object.fromEntries(locales.map((locale) => [locale, localeMap[locale].htmlLang])));
  });
});

/**
 * The one place that says which languages the site has. Everything that needs a language
 * (routes, <html lang>, hreflang, the language switcher, Pagefind's per-language index) reads it
 * from here, so adding a language starts in this file.
 */
export const localeMap = {
  zh: {
    /** First segment of every URL in this language. */
    path: 'zh',
    /** BCP 47 tag for <html lang>, hreflang and Pagefind's index key. */
    htmlLang: 'zh-CN',
    /** The language's name in its own script, for the language switcher. */
    nativeName: '中文',
    /** Mongolian runs in vertical columns; the layout switches on this. */
    writingMode: 'horizontal-tb',
  },
  mn: {
    path: 'mn',
    htmlLang: 'mn-Mong',
    nativeName: 'ᠮᠣᠩᠭᠣᠯ',
    writingMode: 'vertical-lr',
  },
} as const;

export type Locale = keyof typeof localeMap;

export const locales = Object.keys(localeMap) as Locale[];

export const defaultLocale: Locale = 'zh';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(localeMap, value);
}

/**
 * Pagefind names each language's index after the page's lang attribute, lower-cased.
 * @example pagefindIndexKey('mn') // 'mn-mong'
 */
export function pagefindIndexKey(locale: Locale): string {
  return localeMap[locale].htmlLang.toLowerCase();
}

/**
 * The URL of a page in a language, from its path inside the language tree.
 * @example localizedPath('mn', '/cases/') // '/mn/cases/'
 * @example localizedPath('zh') // '/zh/'
 */
export function localizedPath(locale: Locale, pathInLocale = '/'): string {
  const inner = pathInLocale.replace(/^\/+/, '');
  return `/${localeMap[locale].path}/${inner}`;
}

/**
 * Splits a site URL path into its language and the path inside that language's tree,
 * or returns undefined for a path outside every language tree.
 * @example splitLocalePath('/mn/cases/') // { locale: 'mn', pathInLocale: '/cases/' }
 */
export function splitLocalePath(pathname: string): { locale: Locale; pathInLocale: string } | undefined {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match) return undefined;
  const locale = locales.find((candidate) => localeMap[candidate].path === match[1]);
  if (!locale) return undefined;
  return { locale, pathInLocale: match[2] ?? '/' };
}

/**
 * The URL of a page in every language, for pages that exist in all of them (home, search, tips).
 * @example everyLocalePath('/search/') // { zh: '/zh/search/', mn: '/mn/search/' }
 */
export function everyLocalePath(pathInLocale: string): Record<Locale, string> {
  return Object.fromEntries(locales.map((locale) => [locale, localizedPath(locale, pathInLocale)])) as Record<Locale, string>;
}

/** Astro's static paths of a page that exists once in every language (home, search, tips, data). */
export function everyLocaleStaticPaths(): { params: { locale: Locale } }[] {
  return locales.map((locale) => ({ params: { locale } }));
}

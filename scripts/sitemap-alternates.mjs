// hreflang alternates for the sitemap, read from the built pages themselves. Each page already
// knows which real translations it has (BaseLayout writes <link rel="alternate" hreflang> only for
// those), so the sitemap repeats exactly that: a Mongolian URL that shows the untranslated Chinese
// original is never presented as a translation. Plain JavaScript because astro.config.mjs imports it.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hreflang links in a page's <head>.
 * @param {string} html
 * @returns {{ lang: string, url: string }[]}
 * @example hreflangLinksFromHtml('<link rel="alternate" hreflang="zh-CN" href="https://x/zh/">') // [{ lang: 'zh-CN', url: 'https://x/zh/' }]
 */
export function hreflangLinksFromHtml(html) {
  const links = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\brel="alternate"/.test(tag)) continue;
    const lang = /\bhreflang="([^"]+)"/.exec(tag)?.[1];
    const url = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (lang && url) links.push({ lang, url });
  }
  return links;
}

/**
 * The built HTML file of a page URL in a directory-format build ("/zh/cases/" → dist/zh/cases/index.html).
 * @param {string} distDirectory
 * @param {string} pageUrl
 */
export function builtFileOf(distDirectory, pageUrl) {
  const { pathname } = new URL(pageUrl);
  return join(distDirectory, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
}

/**
 * A sitemap `serialize` function that sets each URL's alternates from its built page, and none
 * when the page has no real translation.
 * @param {string} distDirectory
 */
export function alternatesFromBuiltPages(distDirectory) {
  /** @param {{ url: string, links?: { lang: string, url: string }[] }} item */
  return (item) => {
    const file = builtFileOf(distDirectory, item.url);
    const links = existsSync(file) ? hreflangLinksFromHtml(readFileSync(file, 'utf8')) : [];
    return { ...item, links: links.length > 1 ? links : undefined };
  };
}

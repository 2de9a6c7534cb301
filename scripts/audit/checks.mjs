// Checks every built page must pass, as pure functions over a page's HTML, so each can be tested on
// a few lines of markup. scripts/audit/run.mjs applies them to all of dist/.
import { parse } from 'node-html-parser';
import { isSearchablePagePath } from '../../src/lib/searchRecord.ts';

/** Paths served by functions, not files in dist/: links to them are not broken. */
export const functionRoutePrefixes = ['/api/'];

/**
 * What a page lacks of the basics every page must declare: lang, title, description and canonical
 * URL (unless it is noindex), lang="mn-Mong" under /mn/, alt text on every image.
 * @returns readable problems, empty when the page is fine
 */
export function pageBasicsProblems(html, pagePath) {
  const root = parse(html);
  const problems = [];
  const lang = root.querySelector('html')?.getAttribute('lang');
  if (!lang) problems.push('<html> has no lang attribute');
  if (pagePath.startsWith('/mn/') && lang !== 'mn-Mong') problems.push(`Mongolian page declares lang="${lang}", not "mn-Mong"`);
  if (!root.querySelector('title')?.text.trim()) problems.push('no <title> text');
  // Pages kept out of search engines (staff pages) need no description or canonical address.
  const indexable = !/noindex/i.test(root.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '');
  if (indexable && !root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()) problems.push('no meta description');
  if (indexable && !root.querySelector('link[rel="canonical"]')?.getAttribute('href')) problems.push('no canonical link');
  for (const image of root.querySelectorAll('img')) {
    if (image.getAttribute('alt') === undefined) problems.push(`image without alt: ${image.getAttribute('src')}`);
  }
  const builtFile = pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
  if (root.querySelector('[data-pagefind-body]') && !isSearchablePagePath(builtFile)) {
    problems.push(
      'has data-pagefind-body but the search index reads only /{lang}/{section}/{slug}/ pages (searchablePageGlob in src/lib/searchRecord.ts): move the page or widen the rule',
    );
  }
  return problems;
}

/** Every link and asset reference of a page that points inside the site. */
export function internalReferences(html) {
  const root = parse(html);
  const references = [];
  for (const element of root.querySelectorAll('a[href], link[href], script[src], img[src], source[srcset], img[srcset], form[action]')) {
    for (const attribute of ['href', 'src', 'action']) {
      const value = element.getAttribute(attribute);
      if (value !== undefined) references.push(value);
    }
    for (const attribute of ['srcset']) {
      const value = element.getAttribute(attribute);
      if (value) references.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]));
    }
  }
  return references.filter((reference) => reference && !/^(https?:|mailto:|tel:|data:|javascript:)/i.test(reference) && !reference.startsWith('//'));
}

/** Ids on a page, for checking in-page (#fragment) links. */
export function idsOnPage(html) {
  return new Set(
    parse(html)
      .querySelectorAll('[id]')
      .map((element) => element.getAttribute('id')),
  );
}

/**
 * Whether a reference from a page resolves to something served: a file in the built site, a
 * directory with an index.html, a function route, or an id on the page for a bare #fragment.
 * @param fileExists (path inside dist) => boolean
 */
export function referenceResolves(reference, pagePath, { fileExists, pageIds }) {
  const url = new URL(reference, `http://site${pagePath}`);
  if (reference.startsWith('#')) return reference === '#' || pageIds.has(decodeURIComponent(reference.slice(1)));
  const path = decodeURIComponent(url.pathname);
  if (functionRoutePrefixes.some((prefix) => path.startsWith(prefix))) return true;
  if (path.endsWith('/')) return fileExists(`${path}index.html`);
  return fileExists(path) || fileExists(`${path}/index.html`) || fileExists(`${path}.html`);
}

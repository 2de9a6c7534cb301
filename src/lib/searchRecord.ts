/**
 * What the search index learns from one built page, read the way Pagefind reads it: the element
 * marked `data-pagefind-body` is the text (pages without one, such as untranslated fallbacks and
 * the chrome-only pages, are not indexed), `data-pagefind-ignore` cuts a part out, and
 * `data-pagefind-filter` / `data-pagefind-sort` / `data-pagefind-meta` carry facets.
 *
 * Chinese pages go to Pagefind as HTML (its own segmenter handles Chinese). Mongolian pages go as
 * custom records built here, so that the indexed words are the folded search keys of
 * src/lib/mongolianSearchText.ts while the title, the facets and the excerpt source keep the
 * page's own spelling.
 */
import { parse, ELEMENT_NODE, TEXT_NODE } from 'ultrahtml';
import { mongolianSearchKey } from './mongolianSearchText.ts';
import { decodeEntities } from './htmlEntities.ts';

interface HtmlNode {
  type: number;
  name?: string;
  value?: string;
  attributes?: Record<string, string>;
  children?: HtmlNode[];
}

export interface PageFacts {
  /** Lower-cased `lang` of the page: Pagefind's index key (zh-cn, mn-mong). */
  language: string;
  /** Whether the page has a `data-pagefind-body` element, i.e. is searchable content. */
  hasSearchBody: boolean;
  title: string;
  /** The searchable text in the page's own spelling. */
  text: string;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** `data-pagefind-meta` values other than the title (the date a result shows, for one). */
  meta: Record<string, string>;
}

/** A Pagefind custom record (the shape `index.addCustomRecord` takes). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Inline elements: their text continues the word around them; any other element breaks words. */
const inlineElements = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'ruby',
  'rt',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);
const skippedElements = new Set(['script', 'style', 'template', 'noscript', 'svg']);

function textOf(node: HtmlNode): string {
  if (node.type === TEXT_NODE) return decodeEntities(node.value ?? '');
  if (node.type !== ELEMENT_NODE && node.children === undefined) return '';
  if (node.name && skippedElements.has(node.name)) return '';
  const inner = (node.children ?? []).map(textOf).join('');
  return node.name && !inlineElements.has(node.name) ? ` ${inner} ` : inner;
}

function tidy(text: string): string {
  return text.replace(/[\t\n\r ]+/g, ' ').trim();
}

/** The body's text without ignored parts and without the facet elements (they are not prose). */
function searchableText(node: HtmlNode): string {
  if (node.type === TEXT_NODE) return decodeEntities(node.value ?? '');
  if (node.type !== ELEMENT_NODE) return '';
  const attributes = node.attributes ?? {};
  if (skippedElements.has(node.name ?? '')) return '';
  // The labels paragraph (SearchLabels.astro) repeats the filters, which the record adds itself.
  if ('data-pagefind-ignore' in attributes || 'data-pagefind-filter' in attributes || 'data-pagefind-sort' in attributes || 'data-search-labels' in attributes) return '';
  const inner = (node.children ?? []).map(searchableText).join('');
  return inlineElements.has(node.name ?? '') ? inner : ` ${inner} `;
}

function* elements(node: HtmlNode): Generator<HtmlNode> {
  if (node.type === ELEMENT_NODE) yield node;
  for (const child of node.children ?? []) yield* elements(child);
}

/** `name` or `name:value`; a value in the attribute wins over the element's text. */
function facet(attribute: string, element: HtmlNode): [string, string] {
  const separator = attribute.indexOf(':');
  if (separator === -1) return [attribute.trim(), tidy(textOf(element))];
  return [attribute.slice(0, separator).trim(), attribute.slice(separator + 1).trim()];
}

/** Reads a built page as the search index sees it. */
export function readPageFacts(html: string): PageFacts {
  const alone = searchBodyAlone(html);
  return alone ? factsOf(parse(alone.body) as HtmlNode, alone.language) : readWholePageFacts(html);
}

/** The same facts from a parse of the whole page: the reference, and the way for a page the fast path does not take. */
export function readWholePageFacts(html: string): PageFacts {
  const document = parse(html) as HtmlNode;
  const root = [...elements(document)].find((element) => element.name === 'html');
  return factsOf(document, root?.attributes?.lang ?? '');
}

/**
 * The page's `data-pagefind-body` element alone, with the page's lang, when every facet attribute
 * lies inside it (as on every page we build). The element is about a quarter of a page, so
 * parsing it alone saves the index most of its parsing; a page this does not fit (two bodies, a
 * facet elsewhere, markup it cannot follow) is parsed whole.
 */
function searchBodyAlone(html: string): { body: string; language: string } | undefined {
  const marker = html.indexOf('data-pagefind-body');
  if (marker === -1 || html.includes('data-pagefind-body', marker + 1)) return undefined;
  const start = html.lastIndexOf('<', marker);
  if (start === -1 || html.slice(start, marker).includes('>')) return undefined;
  const name = /^<([a-z][a-z0-9-]*)\s/i.exec(html.slice(start, marker))?.[1];
  const language = /<html\b[^>]*?\slang="([^"]*)"/i.exec(html.slice(0, start))?.[1];
  if (!name || language === undefined) return undefined;
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth > 0) continue;
    const end = tag.index + tag[0].length;
    if (/data-pagefind-(filter|sort|meta)/.test(html.slice(0, start)) || /data-pagefind-(filter|sort|meta)/.test(html.slice(end))) return undefined;
    return { body: html.slice(start, end), language };
  }
  return undefined;
}

function factsOf(document: HtmlNode, language: string): PageFacts {
  const all = [...elements(document)];
  const body = all.find((element) => element.attributes && 'data-pagefind-body' in element.attributes);
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  const meta: Record<string, string> = {};
  for (const element of all) {
    const attributes = element.attributes ?? {};
    if (attributes['data-pagefind-filter'] !== undefined) {
      const [name, value] = facet(decodeEntities(attributes['data-pagefind-filter']), element);
      if (value) (filters[name] ??= []).push(value);
    }
    if (attributes['data-pagefind-sort'] !== undefined) {
      const [name, value] = facet(decodeEntities(attributes['data-pagefind-sort']), element);
      if (value) sort[name] = value;
    }
    if (attributes['data-pagefind-meta'] !== undefined) {
      const [name, value] = facet(decodeEntities(attributes['data-pagefind-meta']), element);
      if (value) meta[name] = value;
    }
  }
  const heading = body ? [...elements(body)].find((element) => element.name === 'h1') : undefined;
  const { title: explicitTitle, ...otherMeta } = meta;
  return {
    language: decodeEntities(language).toLowerCase(),
    hasSearchBody: body !== undefined,
    title: explicitTitle ?? (heading ? tidy(textOf(heading)) : ''),
    text: body ? tidy(searchableText(body)) : '',
    filters,
    sort,
    meta: otherMeta,
  };
}

/** Whether a page's language is indexed through folded search keys rather than as HTML. */
export function usesMongolianSearchKeys(language: string): boolean {
  return language.startsWith('mn');
}

/**
 * The custom record for a Mongolian page: the folded words for the index, the original title and
 * text in `meta` for the result list (the text is what excerpts are cut from).
 */
export function mongolianSearchRecord(url: string, facts: PageFacts): SearchRecord {
  // Facet labels are searchable too, as on Chinese pages (where Pagefind reads the hidden facet
  // element as text): a reader may type a category or a region. They go after the text, which the
  // excerpts are cut from, so they never show in an excerpt.
  const facetLabels = Object.values(facts.filters).flat().join(' ');
  const text = facts.text.includes(facts.title) ? facts.text : `${facts.title} ${facts.text}`;
  return {
    url,
    content: mongolianSearchKey(`${text} ${facetLabels}`),
    language: facts.language,
    meta: { ...facts.meta, title: facts.title, text: facts.text },
    filters: facts.filters,
    sort: facts.sort,
  };
}

/**
 * Which built files the index reads: only publication pages, `{lang}/{section}/{slug}/index.html`,
 * carry a `data-pagefind-body`. Lists, facet views and pagination (a fifth of the files at
 * 10,000 cases) have none, so reading them cost the index a third of its time for nothing. The
 * audit (scripts/audit/checks.mjs) fails a searchable page elsewhere, which the index would miss.
 */
export const searchablePageGlob = (language: string) => `${language}/*/*/index.html`;

/** The same rule for a path relative to the site, as Node matches it (`searchablePageGlob` is Pagefind's). */
export function isSearchablePagePath(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]+/).filter(Boolean);
  return parts.length === 4 && parts[3] === 'index.html';
}

/**
 * The result URL of a built file, as Pagefind would make it (directory URLs, no index.html).
 * @example pageUrlOf('zh/cases/horqin-land/index.html') // '/zh/cases/horqin-land/'
 */
export function pageUrlOf(relativePath: string): string {
  const path = `/${relativePath.split(/[\\/]+/).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

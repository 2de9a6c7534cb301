/**
 * Pure pieces of the search page (src/scripts/search/searchPage.ts): what the reader chose, in the
 * shape Pagefind takes, and Pagefind's answers in the shape the page shows.
 */
import type { ExcerptPiece } from './mongolianSearchText.ts';
import { decodeEntities } from './htmlEntities.ts';

/** The facets a reader can narrow by, in the order the form shows them. */
export const filterNames = ['kind', 'category', 'region', 'year'] as const;
export type FilterName = (typeof filterNames)[number];

/** Sort choices of the form; the empty value is Pagefind's own relevance order. */
export const sortChoices = {
  relevance: undefined,
  newest: { date: 'desc' },
  oldest: { date: 'asc' },
} as const satisfies Record<string, Record<string, 'asc' | 'desc'> | undefined>;
export type SortChoice = keyof typeof sortChoices;

export function isSortChoice(value: string): value is SortChoice {
  return Object.hasOwn(sortChoices, value);
}

/**
 * Pagefind's filter argument: any of the ticked values within a facet, every facet at once.
 * @example pagefindFilters({ kind: ['典型案例'], year: [] }) // { kind: { any: ['典型案例'] } }
 */
export function pagefindFilters(selected: Partial<Record<FilterName, string[]>>): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(selected)
      .filter(([, values]) => values !== undefined && values.length > 0)
      .map(([name, values]) => [name, { any: values! }]),
  );
}

/**
 * The values of a facet as the form lists them: years newest first, the rest in the collator
 * order of the page's language.
 */
export function orderedFacetValues(name: FilterName, counts: Record<string, number>, htmlLang: string): string[] {
  const values = Object.keys(counts).filter((value) => (counts[value] ?? 0) > 0);
  if (name === 'year') return values.sort((a, b) => Number(b) - Number(a));
  const collator = new Intl.Collator(htmlLang);
  return values.sort(collator.compare);
}

/**
 * Pagefind's excerpt (text with <mark> around the matches) as pieces the page renders as text,
 * so nothing in it is ever parsed as markup.
 * @example excerptPieces('a <mark>b</mark>') // [{ text: 'a ', matches: false }, { text: 'b', matches: true }]
 */
export function excerptPieces(excerptHtml: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  const parts = excerptHtml.split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part) pieces.push({ text: decodeEntities(part.replace(/<[^>]*>/g, '')), matches: inMark });
  }
  return pieces;
}

/**
 * A UI string with its {{count}} filled in.
 * @example withCount('找到 {{count}} 条结果。', 3) // '找到 3 条结果。'
 */
export function withCount(template: string, count: number): string {
  return template.replaceAll('{{count}}', String(count));
}

/**
 * The query a shared link carries (`?q=`), tidied; empty when there is none.
 * @example queryFromSearchParams('?q=%20浮桥%20') // '浮桥'
 */
export function queryFromSearchParams(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}

/**
 * Whether a result holds what the reader typed, rather than being one of the look-alike words
 * Pagefind falls back to when a word is nowhere in the index (its fuzzy matching, which for
 * Mongolian finds pages sharing a few letters, often a bare suffix, and highlights nothing). A
 * result matches when a highlighted piece of its excerpt starts with one of the query's words (Pagefind matches the start of words too; Chinese queries are split into
 * words the way Pagefind splits them, `words`), or when one of its facet labels (searchable too)
 * contains a query word. `fold` brings both sides to one spelling (lower case; for Mongolian, the
 * search key).
 * @example matchesQuery([{ text: '浮桥', matches: true }], '浮桥', []) // true
 * @example matchesQuery([{ text: 'ᠤᠨ', matches: true }], 'ᠤᠨᠳᠦᠯᠡᠢ', []) // false: a look-alike
 */
export function matchesQuery(
  pieces: ExcerptPiece[],
  query: string,
  facetLabels: string[],
  { fold = (text: string) => text.toLowerCase(), words = (text: string) => text.split(/\s+/) }: { fold?: (text: string) => string; words?: (text: string) => string[] } = {},
): boolean {
  const folded = fold(query).trim();
  const queryWords = words(folded)
    .map((word) => word.trim())
    .filter(Boolean);
  if (queryWords.length === 0) return true;
  const highlighted = pieces
    .filter((piece) => piece.matches)
    .map((piece) => fold(piece.text).trim())
    .filter(Boolean);
  // Chinese has no spaces, and Pagefind's segmenter may cut 林业和草原 as 和草 + 原: the highlight
  // then misses a 草原 the text plainly holds. Where the highlight is on that very text, it counts.
  const excerptText = fold(pieces.map((piece) => piece.text).join(''));
  const holdsHanWord = (word: string) => /\p{Script=Han}/u.test(word) && highlighted.length > 0 && excerptText.includes(word);
  return (
    highlighted.some((text) => queryWords.some((word) => text.startsWith(word))) ||
    queryWords.some(holdsHanWord) ||
    facetLabels.some((label) => queryWords.some((word) => fold(label).includes(word)))
  );
}

/**
 * An excerpt without the page's labels block ("典型案例 · 其他 · 乌海市（市本级）", see
 * SearchLabels.astro). The block is indexed as words after the text, so that a category or region
 * name finds its pages, and Pagefind may cut an excerpt there; the reader should see only the
 * page's own text. The block is the last thing indexed, so an excerpt holds all of it or its
 * start at the very end. Pieces keep their highlighting; emptied ones go.
 * @example withoutLabels([{ text: '整改到位。 典型案例 · ', matches: false }, { text: '其他', matches: true }], ['典型案例', '其他']) // [{ text: '整改到位。', matches: false }]
 */
export function withoutLabels(pieces: ExcerptPiece[], labels: string[]): ExcerptPiece[] {
  const block = labels.filter(Boolean).join(' · ');
  const text = pieces.map((piece) => piece.text).join('');
  let from = block ? text.indexOf(block) : -1;
  let to = from === -1 ? -1 : from + block.length;
  if (from === -1 && block) {
    const trimmed = text.trimEnd();
    for (let length = Math.min(block.length, trimmed.length); length >= 2 && from === -1; length -= 1) {
      if (trimmed.endsWith(block.slice(0, length))) [from, to] = [trimmed.length - length, text.length];
    }
  }
  if (from === -1) return pieces;
  const result: ExcerptPiece[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const start = offset;
    offset += piece.text.length;
    const kept = piece.text.slice(0, Math.max(0, from - start)) + piece.text.slice(Math.max(0, to - start));
    if (kept) result.push({ text: kept, matches: piece.matches });
  }
  const last = result.at(-1);
  if (last) last.text = last.text.replace(/[\s.]+$/, '');
  return result.filter((piece) => piece.text);
}

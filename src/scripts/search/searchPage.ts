/**
 * The search page in the browser: loads Pagefind (only here, only when the page opens), runs the
 * query from the form or from `?q=`, lists the facets of the reader's language, and writes the
 * results. Mongolian queries are folded by the same function that folded the index.
 */
import { formatDate } from '../../lib/formatDate';
import { mongolianExcerpt, mongolianSearchKey, type ExcerptPiece } from '../../lib/mongolianSearchText';
import {
  excerptPieces,
  filterNames,
  isSortChoice,
  matchesQuery,
  orderedFacetValues,
  pagefindFilters,
  queryFromSearchParams,
  sortChoices,
  withCount,
  withoutLabels,
  type FilterName,
} from '../../lib/searchResults';
import type { Locale } from '../../i18n/locales';
import { searchBundlePath } from '../../lib/searchBundle';

/** The part of Pagefind's browser API this page uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, string> },
  ): Promise<{ results: Array<{ id: string; data(): Promise<PagefindResultData> }> } | null>;
}

const pageSize = 10;

export function startSearchPage(root: HTMLElement): void {
  const locale = root.dataset.locale as Locale;
  const htmlLang = root.dataset.htmlLang ?? document.documentElement.lang;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const text = (key: string) => strings[key] ?? key;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const resultsSection = root.querySelector<HTMLElement>('[data-search-results-section]')!;
  const resultList = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const lists = root.querySelector<HTMLElement>('[data-search-lists]')!;
  const refine = form.querySelector<HTMLDetailsElement>('[data-search-refine]')!;
  const isMongolian = locale === 'mn';

  let loading: Promise<PagefindApi | undefined> | undefined;
  let facetsLoading: Promise<void> | undefined;
  let pending: Array<{ data(): Promise<PagefindResultData> }> = [];
  let searchNumber = 0;
  /**
   * How the current results are shown. Pagefind answers a word it has never seen with look-alike
   * words (fuzzy matching): such hits are shown only when nothing matched ('approximate', and the
   * status says so); otherwise they are left out ('matched') and not counted.
   */
  let mode: 'matched' | 'approximate' | 'all' = 'all';
  let leftOut = 0;
  let resultCount = 0;

  form.hidden = false;
  lists.hidden = true;
  root.querySelector<HTMLElement>('[data-search-noscript]')!.hidden = true;

  /** Loads Pagefind once: when the reader first focuses the query box, or a shared link needs it. */
  function loadPagefind(): Promise<PagefindApi | undefined> {
    loading ??= (async () => {
      try {
        // Each language has a bundle of its own. One with no searchable page yet holds no index,
        // and Pagefind would then fail to start: we check first and show no results instead.
        const bundle = searchBundlePath(locale);
        const entry = (await (await fetch(`${bundle}pagefind-entry.json`)).json()) as { languages: Record<string, unknown> };
        if (!Object.hasOwn(entry.languages, htmlLang.toLowerCase())) return undefined;
        const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
        // No worker: searching a few thousand pages is quick on the main thread, and it saves the
        // worker script's download on the first query.
        await api.options({ excerptLength: 40, noWorker: true });
        await api.init();
        return api;
      } catch {
        root.querySelector<HTMLElement>('[data-search-unavailable]')!.hidden = false;
        lists.hidden = false;
        return undefined;
      }
    })();
    return loading;
  }

  /** The facet lists, fetched only when the reader opens "filter and sort" (they cost bytes). */
  function loadFacets(): Promise<void> {
    facetsLoading ??= loadPagefind().then((api) => (api ? showFacets(api) : undefined));
    return facetsLoading;
  }

  async function showFacets(api: PagefindApi): Promise<void> {
    const facets = await api.filters();
    const selectedFromUrl = new URLSearchParams(location.search);
    for (const name of filterNames) {
      const group = form.querySelector<HTMLFieldSetElement>(`[data-filter-group="${name}"]`)!;
      const options = group.querySelector<HTMLElement>('[data-filter-options]')!;
      const values = orderedFacetValues(name, facets[name] ?? {}, htmlLang);
      options.replaceChildren(
        ...values.map((value, index) => {
          const label = document.createElement('label');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = name;
          box.value = value;
          box.id = `search-filter-${name}-${index}`;
          box.checked = selectedFromUrl.getAll(name).includes(value);
          label.htmlFor = box.id;
          label.append(box, document.createTextNode(value));
          return label;
        }),
      );
      group.hidden = values.length === 0;
    }
  }

  function selectedFilters(): Partial<Record<FilterName, string[]>> {
    return Object.fromEntries(filterNames.map((name) => [name, [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value)]));
  }

  /** Keeps the address in step with the form, so a result page can be shared or bookmarked. */
  function rememberInUrl(query: string, filters: Partial<Record<FilterName, string[]>>, sort: string): void {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [name, values] of Object.entries(filters)) for (const value of values ?? []) params.append(name, value);
    if (sort !== 'relevance') params.set('sort', sort);
    const search = params.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  async function runSearch(): Promise<void> {
    const thisSearch = ++searchNumber;
    const query = input.value.trim();
    const filters = selectedFilters();
    const sort = isSortChoice(sortSelect.value) ? sortSelect.value : 'relevance';
    rememberInUrl(query, filters, sort);
    const pagefindFilter = pagefindFilters(filters);
    if (!query && Object.keys(pagefindFilter).length === 0) {
      status.textContent = '';
      resultList.replaceChildren();
      resultsSection.hidden = true;
      return;
    }
    status.textContent = text('search.loading');
    const api = await loadPagefind();
    if (thisSearch !== searchNumber) return;
    const searchQuery = isMongolian ? mongolianSearchKey(query) : query;
    const sortOption = sortChoices[sort];
    const response = api ? await api.search(searchQuery || null, { filters: pagefindFilter, ...(sortOption ? { sort: { ...sortOption } } : {}) }) : { results: [] };
    if (thisSearch !== searchNumber || !response) return;
    resultCount = response.results.length;
    resultList.replaceChildren();
    pending = response.results;
    // A search by facets alone has no words to match; every result belongs.
    mode = query ? 'matched' : 'all';
    leftOut = 0;
    await showMore(true);
    if (thisSearch !== searchNumber) return;
    showStatus();
  }

  function showStatus(): void {
    const shown = resultCount - leftOut;
    resultsSection.hidden = shown === 0;
    if (shown === 0) status.textContent = text('search.noResults');
    else status.textContent = withCount(text(mode === 'approximate' ? 'search.approximate' : 'search.resultCount'), shown);
  }

  /** The next results; the first batch of a search decides whether anything matched at all. */
  async function showMore(isFirstBatch = false): Promise<void> {
    const batch = pending.slice(0, pageSize);
    pending = pending.slice(pageSize);
    const results = (await Promise.all(batch.map((result) => result.data()))).map((data) => ({ data, pieces: excerptOf(data) }));
    const matching = results.map(({ data, pieces }) => mode === 'all' || matchesQuery(pieces, input.value, Object.values(data.filters).flat(), matchOptions));
    if (isFirstBatch && mode === 'matched' && results.length > 0 && !matching.includes(true)) mode = 'approximate';
    const shown = mode === 'matched' ? results.filter((_, index) => matching[index]) : results;
    leftOut += results.length - shown.length;
    resultList.append(...shown.map(({ data, pieces }) => resultItem(data, pieces)));
    moreButton.hidden = pending.length === 0;
  }

  // Chinese queries are split into words as Pagefind splits them in the browser.
  const segmenter = new Intl.Segmenter(htmlLang, { granularity: 'word' });
  const matchOptions = isMongolian
    ? { fold: mongolianSearchKey }
    : { words: (text: string) => [...segmenter.segment(text)].filter((segment) => segment.isWordLike).map((segment) => segment.segment) };

  function excerptOf(result: PagefindResultData): ExcerptPiece[] {
    return isMongolian
      ? mongolianExcerpt(result.meta.text ?? '', input.value)
      : withoutLabels(
          excerptPieces(result.excerpt),
          ['kind', 'category', 'region'].map((name) => result.filters[name]?.[0] ?? ''),
        );
  }

  function resultItem(result: PagefindResultData, pieces: ExcerptPiece[]): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    const facts = document.createElement('p');
    facts.className = 'facts';
    const date = result.meta.date;
    facts.textContent = [result.filters.kind?.[0], date ? formatDate(new Date(`${date}T12:00:00+08:00`), locale) : undefined].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    excerpt.append(
      ...pieces.map((piece) => {
        if (!piece.matches) return document.createTextNode(piece.text);
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        return mark;
      }),
    );
    item.append(heading, facts, excerpt);
    return item;
  }

  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  refine.addEventListener('toggle', () => {
    if (refine.open) void loadFacets();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runSearch();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) void runSearch();
  });
  moreButton.addEventListener('click', () => {
    const firstNew = resultList.children.length;
    void showMore().then(() => {
      showStatus();
      resultList.children[firstNew]?.querySelector('a')?.focus();
    });
  });

  const params = new URLSearchParams(location.search);
  input.value = queryFromSearchParams(location.search);
  const sortFromUrl = params.get('sort') ?? '';
  if (isSortChoice(sortFromUrl)) sortSelect.value = sortFromUrl;
  const filtersInUrl = filterNames.some((name) => params.has(name)) || params.has('sort');
  if (filtersInUrl) refine.open = true;
  if (input.value || filtersInUrl) {
    // Facets from the address are ticked once their lists arrive; then the search runs.
    void (filtersInUrl ? loadFacets() : loadPagefind()).then(() => runSearch());
  }
}

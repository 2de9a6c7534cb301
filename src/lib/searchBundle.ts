/**
 * Where each language's Pagefind bundle is served: one bundle per language, so a reader downloads
 * only their language's bundle, and the build holds one language's index at a time in memory
 * (scripts/index-search.mjs).
 * No imports: the indexing script (Node) and the search page's script (the browser) share it.
 * @example searchBundlePath('mn') // '/pagefind/mn/'
 */
export const searchBundlePath = (locale: string): string => `/pagefind/${locale}/`;

import { locales, type Locale } from '../../i18n/locales';
/** Items per list page. */
export const pageSize = 20;

/** A way to narrow a list: by category, region, year or audience. */
export interface Facet<Item> {
  name: string;
  /** The values an item belongs to (a year, a category id; several for audiences). */
  valuesOf: (item: Item) => string[];
  /** Display order of the values; by default years newest first, everything else as listed. */
  order?: readonly string[];
}

/** One static list page: the whole list or a facet's view, one page of it. */
export interface ListRoute<Item> {
  /** The rest of the URL after the kind's folder, without slashes at the ends; undefined for the first page. */
  path: string | undefined;
  facet?: { name: string; value: string };
  pageNumber: number;
  pageCount: number;
  items: Item[];
  /** Path (after the kind's folder) of the first page of this view, e.g. "category/ecology/". */
  viewPath: string;
}

/** Splits a list into pages; an empty list still has one (empty) page. */
export function paginate<Item>(items: Item[], size = pageSize): Item[][] {
  const pages: Item[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/**
 * The path inside a view for one of its pages: page 1 is the view itself, later pages are "page/N/".
 * @example pagePath('category/ecology/', 2) // 'category/ecology/page/2/'
 */
export function pagePath(viewPath: string, pageNumber: number): string {
  return pageNumber === 1 ? viewPath : `${viewPath}page/${pageNumber}/`;
}

function routesForView<Item>(items: Item[], viewPath: string, facet?: { name: string; value: string }): ListRoute<Item>[] {
  const pages = paginate(items);
  return pages.map((pageItems, index) => {
    const path = pagePath(viewPath, index + 1).replace(/\/$/, '');
    return { path: path || undefined, facet, pageNumber: index + 1, pageCount: pages.length, items: pageItems, viewPath };
  });
}

/** The items of each value of a facet, in list order, in one pass over the list. */
function membersByValue<Item>(items: Item[], facet: Facet<Item>): Map<string, Item[]> {
  const members = new Map<string, Item[]>();
  for (const item of items) {
    for (const value of new Set(facet.valuesOf(item))) {
      const list = members.get(value);
      if (list) list.push(item);
      else members.set(value, [item]);
    }
  }
  return members;
}

function inDisplayOrder<Item>(present: Iterable<string>, facet: Facet<Item>): string[] {
  const values = new Set(present);
  if (facet.order) return facet.order.filter((value) => values.has(value));
  return [...values].sort((a, b) => b.localeCompare(a));
}

/** The values of a facet that occur, in display order. */
export function facetValues<Item>(items: Item[], facet: Facet<Item>): string[] {
  return inDisplayOrder(membersByValue(items, facet).keys(), facet);
}

/**
 * Every static list page of a kind: the full list (newest first, as given) paginated, then for each
 * facet value its own paginated view at "<facet>/<value>/".
 */
export function listRoutes<Item>(items: Item[], facets: Facet<Item>[]): ListRoute<Item>[] {
  const routes = routesForView(items, '');
  for (const facet of facets) {
    const members = membersByValue(items, facet);
    for (const value of inDisplayOrder(members.keys(), facet)) {
      routes.push(...routesForView(members.get(value)!, `${facet.name}/${value}/`, { name: facet.name, value }));
    }
  }
  return routes;
}

/**
 * Every list page of a kind in every language, as Astro's static paths. Which views exist is worked
 * out once per language and shared by its pages: computing it on each page made the build grow
 * with the square of the content.
 */
export async function listPagePaths<Item>(itemsIn: (locale: Locale) => Promise<Item[]>, facets: Facet<Item>[]) {
  const perLocale = await Promise.all(
    locales.map(async (locale) => {
      const items = await itemsIn(locale);
      const facetValuesByName: Record<string, string[]> = Object.fromEntries(facets.map((facet) => [facet.name, facetValues(items, facet)]));
      return listRoutes(items, facets).map((route) => ({ params: { locale, path: route.path }, props: { route, facetValuesByName } }));
    }),
  );
  return perLocale.flat();
}

import { describe, expect, it } from 'vitest';
import { isPublished, localizeEntries, newestFirst, slugOf, type EntryCore } from '../../src/lib/publications/selection';
import { facetValues, listPagePaths, listRoutes, paginate, pagePath, pageSize } from '../../src/lib/publications/listRoutes';
import { formatFigure } from '../../src/lib/publications/figures';

const now = new Date('2026-11-25T04:00:00Z');
const entry = (id: string, data: Partial<EntryCore['data']> = {}): EntryCore => ({
  id,
  data: {
    lang: id.startsWith('mn/') ? 'mn' : 'zh',
    draft: false,
    date: new Date('2025-05-27'),
    translationStatus: id.startsWith('mn/') ? 'unreviewed' : 'original',
    ...data,
  },
});

describe('which publications readers see', () => {
  it('hides drafts and entries dated after the build', () => {
    expect(isPublished(entry('zh/a').data, now)).toBe(true);
    expect(isPublished(entry('zh/a', { draft: true }).data, now)).toBe(false);
    expect(isPublished(entry('zh/a', { date: new Date(now.getTime() + 86_400_000) }).data, now)).toBe(false);
  });

  it('shows Mongolian readers the translation when there is one, otherwise the Chinese original marked as a fallback', () => {
    const entries = [entry('zh/both'), entry('mn/both'), entry('zh/chinese-only')];
    const mongolian = localizeEntries(entries, 'mn', now);
    const both = mongolian.find((item) => item.slug === 'both')!;
    const chineseOnly = mongolian.find((item) => item.slug === 'chinese-only')!;
    expect(both.entry.id).toBe('mn/both');
    expect(both.isFallback).toBe(false);
    expect(both.translatedInto).toEqual(['zh', 'mn']);
    expect(chineseOnly.entry.id).toBe('zh/chinese-only');
    expect(chineseOnly.isFallback).toBe(true);
    expect(chineseOnly.translatedInto).toEqual(['zh']);
  });

  it('treats a translation that is still a draft as missing', () => {
    const mongolian = localizeEntries([entry('zh/a'), entry('mn/a', { draft: true })], 'mn', now);
    expect(mongolian).toHaveLength(1);
    expect(mongolian[0]!.isFallback).toBe(true);
    expect(mongolian[0]!.translatedInto).toEqual(['zh']);
  });

  it('lists newest first', () => {
    const items = [
      { slug: 'old', date: new Date('2024-01-01') },
      { slug: 'new', date: new Date('2025-01-01') },
    ];
    expect(newestFirst(items, (item) => item.date).map((item) => item.slug)).toEqual(['new', 'old']);
    expect(slugOf('mn/horqin-land-compensation')).toBe('horqin-land-compensation');
  });
});

describe('list pages', () => {
  const items = Array.from({ length: 45 }, (_, index) => ({ n: index, year: index < 30 ? '2025' : '2024', tag: index % 2 ? 'odd' : 'even' }));

  it('has 20 items a page, with an empty first page when there is nothing yet', () => {
    expect(pageSize).toBe(20);
    expect(paginate(items).map((page) => page.length)).toEqual([20, 20, 5]);
    expect(paginate([])).toEqual([[]]);
  });

  it('puts page 1 at the list itself and later pages under page/N/', () => {
    expect(pagePath('', 1)).toBe('');
    expect(pagePath('', 2)).toBe('page/2/');
    expect(pagePath('year/2025/', 3)).toBe('year/2025/page/3/');
  });

  it('makes a paginated view for every value of every facet', () => {
    const routes = listRoutes(items, [{ name: 'year', valuesOf: (item) => [item.year] }]);
    const paths = routes.map((route) => route.path);
    expect(paths).toEqual([undefined, 'page/2', 'page/3', 'year/2025', 'year/2025/page/2', 'year/2024']);
    const year2025Page2 = routes.find((route) => route.path === 'year/2025/page/2')!;
    expect(year2025Page2.items.every((item) => item.year === '2025')).toBe(true);
    expect(year2025Page2).toMatchObject({ pageNumber: 2, pageCount: 2, facet: { name: 'year', value: '2025' } });
  });

  it('orders facet values by the given list, years newest first otherwise', () => {
    expect(facetValues(items, { name: 'tag', valuesOf: (item) => [item.tag], order: ['odd', 'even', 'unused'] })).toEqual(['odd', 'even']);
    expect(facetValues(items, { name: 'year', valuesOf: (item) => [item.year] })).toEqual(['2025', '2024']);
  });
});

describe('outcome figures', () => {
  it('shows large amounts in 万 (ᠲᠦᠮᠡ), as reports write them', () => {
    expect(formatFigure('yuan', 21_060_600, 'zh')).toEqual({ number: '2,106.06', unit: '万元' });
    expect(formatFigure('yuan', 690_000, 'mn')).toEqual({ number: '69', unit: 'ᠲᠦᠮᠡ ᠶᠤᠸᠠᠨ' });
    expect(formatFigure('mu', 200_000, 'zh')).toEqual({ number: '20', unit: '万亩' });
  });

  it('keeps small numbers whole, with the unit of what they count', () => {
    expect(formatFigure('people', 117, 'zh')).toEqual({ number: '117', unit: '人' });
    expect(formatFigure('items', 2182, 'zh')).toEqual({ number: '2,182', unit: '个' });
    expect(formatFigure('yuan', 9_999, 'zh')).toEqual({ number: '9,999', unit: '元' });
    expect(formatFigure('percent', 88, 'mn')).toEqual({ number: '88', unit: '%' });
  });
});

describe('listPagePaths', () => {
  it('gives every language its list pages, each with the views that exist in that language', async () => {
    const byLocale = { zh: [{ year: '2025' }, { year: '2024' }], mn: [{ year: '2025' }] };
    const paths = await listPagePaths(async (locale) => byLocale[locale], [{ name: 'year', valuesOf: (item: { year: string }) => [item.year] }]);
    const zhFirst = paths.find((entry) => entry.params.locale === 'zh' && entry.params.path === undefined);
    const mnFirst = paths.find((entry) => entry.params.locale === 'mn' && entry.params.path === undefined);
    expect(zhFirst?.props.facetValuesByName).toEqual({ year: ['2025', '2024'] });
    expect(mnFirst?.props.facetValuesByName).toEqual({ year: ['2025'] });
    expect(paths.filter((entry) => entry.params.locale === 'mn').map((entry) => entry.params.path)).toEqual([undefined, 'year/2025']);
  });
});

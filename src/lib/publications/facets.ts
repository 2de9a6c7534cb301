// The views each list offers besides "all": static pages such as /cases/category/ecology/.
import { categoryIds, regionIds } from '../taxonomy';
import { calendarYear } from '../formatDate';
import { audiences } from './schemas';
import type { Facet } from './listRoutes';
import type { ArticleItem, CaseItem, NoticeItem } from './collections';

export const caseFacets: Facet<CaseItem>[] = [
  { name: 'category', valuesOf: (item) => [item.entry.data.category], order: categoryIds },
  { name: 'region', valuesOf: (item) => [item.entry.data.region], order: regionIds },
  { name: 'year', valuesOf: (item) => [calendarYear(item.entry.data.date)] },
];

export const articleFacets: Facet<ArticleItem>[] = [
  { name: 'audience', valuesOf: (item) => item.entry.data.audience, order: audiences },
  { name: 'year', valuesOf: (item) => [calendarYear(item.entry.data.date)] },
];

/** Open days by the year they take place in. */
export const noticeFacets: Facet<NoticeItem>[] = [{ name: 'year', valuesOf: (item) => [calendarYear(item.start)] }];

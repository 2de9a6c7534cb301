import type { APIRoute } from 'astro';
import { everyLocaleStaticPaths } from '../../../i18n/locales';
import { pageLanguage } from '../../../i18n';
import { categoryIds, regionIds } from '../../../lib/taxonomy';
import { buildTime, localizedCases } from '../../../lib/publications/collections';
import { achievements } from '../../../lib/openData/achievements';
import { caseFactsOf, openDataRows } from '../../../lib/openData/fromCases';
import { columnDescriptionKey, columnHeadingKey, openDataColumns } from '../../../lib/openData/openDataTable';

export const getStaticPaths = everyLocaleStaticPaths;

/** The same table as the CSV, with its column dictionary and the totals the page shows. */
export const GET: APIRoute = async ({ params, site }) => {
  const { locale, t } = pageLanguage(params);
  const items = await localizedCases(locale);
  const { caseCount, casesWithFigures, totals, totalsByYear, percent } = achievements(caseFactsOf(items), categoryIds, regionIds);
  const withoutContributions = <Total extends { contributions: unknown[] }>({ contributions, ...rest }: Total) => ({
    ...rest,
    figureCount: contributions.length,
  });
  const document = {
    title: t('data.title'),
    description: t('data.description'),
    generatedAt: buildTime.toISOString(),
    columns: openDataColumns.map((name) => ({ name, heading: t(columnHeadingKey(name)), description: t(columnDescriptionKey(name)) })),
    summary: {
      caseCount,
      casesWithFigures,
      totals: totals.map(withoutContributions),
      totalsByYear: Object.fromEntries(Object.entries(totalsByYear).map(([year, ofYear]) => [year, ofYear.map(withoutContributions)])),
      percentRange: percent ? { min: percent.min, max: percent.max, figureCount: percent.contributions.length } : null,
    },
    rows: openDataRows(items, locale, site!),
  };
  return new Response(JSON.stringify(document, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

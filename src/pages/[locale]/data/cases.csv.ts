import type { APIRoute } from 'astro';
import { everyLocaleStaticPaths } from '../../../i18n/locales';
import { pageLanguage } from '../../../i18n';
import { localizedCases } from '../../../lib/publications/collections';
import { openDataRows } from '../../../lib/openData/fromCases';
import { columnHeadingKey, openDataCsv } from '../../../lib/openData/openDataTable';

export const getStaticPaths = everyLocaleStaticPaths;

/** The open-data table as CSV, headings in the page's language. */
export const GET: APIRoute = async ({ params, site }) => {
  const { locale, t } = pageLanguage(params);
  const rows = openDataRows(await localizedCases(locale), locale, site!);
  return new Response(
    openDataCsv(rows, (column) => t(columnHeadingKey(column))),
    {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    },
  );
};

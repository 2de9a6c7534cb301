import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../../i18n/locales';
import { detailPath, localizedNotices } from '../../../lib/publications/collections';
import { publicationFeed } from '../../../lib/publications/feed';

export const getStaticPaths = () => locales.map((locale) => ({ params: { locale } }));

/** Notices by publication date: a feed reader shows what is new, not what happens next. */
export const GET: APIRoute = async ({ params, site }) => {
  const locale = params.locale as Locale;
  const items = (await localizedNotices(locale))
    .map((item) => ({
      title: item.entry.data.title,
      summary: item.entry.data.summary,
      date: item.entry.data.date,
      link: detailPath('notices', locale, item.slug),
      isFallback: item.isFallback,
    }))
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  return publicationFeed({ locale, site: site!, titleKey: 'nav.openDays', folder: 'open-days', items });
};

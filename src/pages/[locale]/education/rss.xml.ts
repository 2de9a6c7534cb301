import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../../i18n/locales';
import { detailPath, localizedArticles } from '../../../lib/publications/collections';
import { publicationFeed } from '../../../lib/publications/feed';

export const getStaticPaths = () => locales.map((locale) => ({ params: { locale } }));

export const GET: APIRoute = async ({ params, site }) => {
  const locale = params.locale as Locale;
  const items = (await localizedArticles(locale)).map((item) => ({
    title: item.entry.data.title,
    summary: item.entry.data.summary,
    date: item.entry.data.date,
    link: detailPath('articles', locale, item.slug),
    isFallback: item.isFallback,
  }));
  return publicationFeed({ locale, site: site!, titleKey: 'nav.education', folder: 'education', items });
};

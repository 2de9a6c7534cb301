import rss from '@astrojs/rss';
import { localeMap, localizedPath, type Locale } from '../../i18n/locales';
import { uiStrings } from '../../i18n';
import { procuratorate } from '../procuratorate';
import type { UiKey } from '../../i18n/schema';

/** One feed item; only publications written in the feed's language go in (no Chinese in a Mongolian feed). */
export interface FeedItem {
  title: string;
  summary: string;
  date: Date;
  link: string;
  isFallback: boolean;
}

/** An RSS 2.0 feed of one kind in one language, newest first as given. */
export function publicationFeed(options: { locale: Locale; site: URL; titleKey: UiKey; folder: string; items: FeedItem[] }): Promise<Response> {
  const { locale, site, titleKey, folder, items } = options;
  const strings = uiStrings[locale];
  return rss({
    title: `${strings[titleKey]} | ${procuratorate.name[locale]}`,
    description: strings['home.description'],
    site: new URL(localizedPath(locale, `/${folder}/`), site).href,
    trailingSlash: true,
    customData: `<language>${localeMap[locale].htmlLang}</language>`,
    items: items.filter((item) => !item.isFallback).map((item) => ({ title: item.title, description: item.summary, pubDate: item.date, link: new URL(item.link, site).href })),
  });
}

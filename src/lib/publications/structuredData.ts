// What a detail page tells search engines about its publication (schema.org JSON-LD). Everything
// is in the language of the text shown, so a Chinese fallback on a Mongolian page describes itself
// in Chinese. The kind descriptors (kinds.ts) add what only their kind has.
import type { Locale } from '../../i18n/locales';
import { localeMap } from '../../i18n/locales';
import { isoCalendarDate } from '../formatDate';
import { procuratorate } from '../procuratorate';

export type StructuredData = Record<string, unknown>;

interface Described {
  entry: { data: { title: string; summary: string; date: Date; lang: Locale } };
}

/** The procuratorate as the publisher or organiser of a publication. */
export function organisation(lang: Locale): StructuredData {
  return { '@type': 'GovernmentOrganization', name: procuratorate.name[lang] };
}

/** A case or an article: the Article fields both share, with the kind's own ones before the publisher. */
export function articleData(item: Described, url: string, ownFields: StructuredData): StructuredData {
  const { data } = item.entry;
  return {
    '@type': 'Article',
    headline: data.title,
    description: data.summary,
    datePublished: isoCalendarDate(data.date),
    inLanguage: localeMap[data.lang].htmlLang,
    url,
    ...ownFields,
    publisher: organisation(data.lang),
  };
}

// The bridge between Astro's collections and the pure functions beside this file: pages call these.
import { getCollection, type CollectionEntry } from 'astro:content';
import { localizedPath, type Locale } from '../../i18n/locales';
import { localizeEntries, newestFirst, type LocalizedEntry } from './selection';
import { noticeStatus, type NoticeStatus } from './noticeStatus';
import { localZonedTimeToInstant } from './zonedTime';
import type { PublicationKind } from './schemas';

/** The moment the site is built: what "future" and "past" are measured against. */
export const buildTime = new Date();

/** The URL folder of each kind, as in src/lib/navigation.ts. */
export const kindFolder: Record<PublicationKind, string> = { cases: 'cases', notices: 'open-days', articles: 'education' };

export type CaseItem = LocalizedEntry<CollectionEntry<'cases'>>;
export type ArticleItem = LocalizedEntry<CollectionEntry<'articles'>>;
export type NoticeItem = LocalizedEntry<CollectionEntry<'notices'>> & { start: Date; end: Date; status: NoticeStatus };

export function detailPath(kind: PublicationKind, locale: Locale, slug: string): string {
  return localizedPath(locale, `/${kindFolder[kind]}/${slug}/`);
}

/**
 * URLs of the real versions of a publication, for hreflang and the language switcher. A Mongolian
 * URL that shows the Chinese original is not a translation, so it is never listed.
 */
export function translationAlternates(kind: PublicationKind, item: { slug: string; translatedInto: Locale[] }): Partial<Record<Locale, string>> {
  return Object.fromEntries(item.translatedInto.map((locale) => [locale, detailPath(kind, locale, item.slug)]));
}

/**
 * Each kind's list in each language is worked out once per build and shared by every route that
 * asks (list, detail, feed, calendar and home pages ask for it again and again). Not in `astro dev`,
 * where the content changes while the server runs.
 */
const computed = new Map<string, Promise<unknown>>();
function once<Item>(key: string, compute: () => Promise<Item[]>): Promise<Item[]> {
  if (import.meta.env.DEV) return compute();
  let result = computed.get(key) as Promise<Item[]> | undefined;
  if (!result) {
    result = compute();
    computed.set(key, result);
  }
  return result;
}

export function localizedCases(locale: Locale): Promise<CaseItem[]> {
  return once(`cases ${locale}`, async () => newestFirst(localizeEntries(await getCollection('cases'), locale, buildTime), (item) => item.entry.data.date));
}

export function localizedArticles(locale: Locale): Promise<ArticleItem[]> {
  return once(`articles ${locale}`, async () => newestFirst(localizeEntries(await getCollection('articles'), locale, buildTime), (item) => item.entry.data.date));
}

/** Open days, the latest-starting first, each with its instants and its status at build time. */
export function localizedNotices(locale: Locale): Promise<NoticeItem[]> {
  return once(`notices ${locale}`, () => noticesIn(locale));
}

async function noticesIn(locale: Locale): Promise<NoticeItem[]> {
  const items = localizeEntries(await getCollection('notices'), locale, buildTime).map((item) => {
    const { start, end, timeZone } = item.entry.data;
    const startInstant = localZonedTimeToInstant(start, timeZone);
    const endInstant = localZonedTimeToInstant(end, timeZone);
    return { ...item, start: startInstant, end: endInstant, status: noticeStatus(startInstant, endInstant, buildTime) };
  });
  return newestFirst(items, (item) => item.start);
}

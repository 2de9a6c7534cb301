// One descriptor per kind of publication: where it lives, how its items are read, which views its
// list offers, how an item shows as a card, on its detail page and in the feed. The route files
// under src/pages/[locale]/{cases,open-days,education}/ only hand a descriptor to the helpers
// below, so the list pages, detail pages and feeds of the three kinds are made by the same code.
import type { Translate } from '../../i18n/translate';
import { everyLocaleStaticPaths, localeMap, locales, localizedPath, type Locale } from '../../i18n/locales';
import { useTranslations } from '../../i18n';
import type { UiKey } from '../../i18n/schema';
import { categoryLabel, regionLabel } from '../taxonomy';
import { formatTime } from '../formatDate';
import {
  detailPath,
  kindFolder,
  localizedArticles,
  localizedCases,
  localizedNotices,
  translationAlternates,
  type ArticleItem,
  type CaseItem,
  type NoticeItem,
} from './collections';
import { articleFacets, caseFacets, noticeFacets } from './facets';
import { publicationFeed } from './feed';
import { listPagePaths, type Facet, type ListRoute } from './listRoutes';
import type { PublicationKind } from './schemas';
import { articleData, organisation, type StructuredData } from './structuredData';

/** What a list shows of one item (PublicationCard). */
export interface ListCard {
  href: string;
  title: string;
  summary: string;
  date: Date;
  /** Short facts under the title (category, region; place and time; topic). */
  meta: string[];
  /** The language the title and summary are written in. */
  contentLocale: Locale;
  /** A status word shown as a badge, e.g. "upcoming". */
  badge?: { text: string; tone: 'upcoming' | 'ongoing' | 'past' };
}

/** The fields every publication has, whatever its kind. */
interface ItemBase {
  slug: string;
  isFallback: boolean;
  translatedInto: Locale[];
  entry: { data: { title: string; summary: string; date: Date; lang: Locale; translationStatus: 'original' | 'reviewed' | 'unreviewed' } };
}

export interface KindDescriptor<Item extends ItemBase> {
  kind: PublicationKind;
  /** The kind's title in the navigation, the list heading and the feed. */
  titleKey: UiKey;
  /** Every published item as readers of one language meet it, in list order. */
  itemsIn: (locale: Locale) => Promise<Item[]>;
  facets: Facet<Item>[];
  /** The label of one facet value, in the page's language. */
  facetLabel: (name: string, value: string, locale: Locale, t: Translate) => string;
  card: (item: Item, locale: Locale, t: Translate) => ListCard;
  /** What its detail page tells search engines (JSON-LD); `url` is the address of the text shown. */
  structuredData: (item: Item, url: string, site: URL) => StructuredData;
  /** What the search index files a detail page under: its date (publication date unless given) and filters. */
  searchFacts?: (item: Item) => { date?: Date; category?: string; region?: string };
  /** Feed order: what is new first (open days are listed by event, but fed by publication). */
  feedOrder?: (a: Item, b: Item) => number;
}

const yearLabel = (value: string, t: Translate) => t('publications.year', { year: value });

function baseCard(kind: PublicationKind, item: ItemBase, locale: Locale): Omit<ListCard, 'meta'> {
  const { title, summary, date, lang } = item.entry.data;
  return { href: detailPath(kind, locale, item.slug), title, summary, date, contentLocale: lang };
}

export const caseKind: KindDescriptor<CaseItem> = {
  kind: 'cases',
  titleKey: 'nav.cases',
  itemsIn: localizedCases,
  facets: caseFacets,
  facetLabel: (name, value, locale, t) => (name === 'category' ? categoryLabel(value, locale) : name === 'region' ? regionLabel(value, locale) : yearLabel(value, t)),
  card: (item, locale) => ({
    ...baseCard('cases', item, locale),
    meta: [categoryLabel(item.entry.data.category, locale), regionLabel(item.entry.data.region, locale)],
  }),
  structuredData: (item, url) => {
    const { data } = item.entry;
    return articleData(item, url, { about: categoryLabel(data.category, data.lang), keywords: data.tags.join(', ') });
  },
  searchFacts: (item) => ({ category: item.entry.data.category, region: item.entry.data.region }),
};

export const articleKind: KindDescriptor<ArticleItem> = {
  kind: 'articles',
  titleKey: 'nav.education',
  itemsIn: localizedArticles,
  facets: articleFacets,
  facetLabel: (name, value, _locale, t) => (name === 'audience' ? t(`education.audience.${value}` as 'education.audience.general') : yearLabel(value, t)),
  card: (item, locale, t) => ({
    ...baseCard('articles', item, locale),
    meta: [t(`education.topic.${item.entry.data.topic}` as 'education.topic.minors'), t('education.readingTime', { minutes: item.entry.data.readingMinutes })],
  }),
  structuredData: (item, url) => {
    const { data } = item.entry;
    const t = useTranslations(data.lang);
    return articleData(item, url, {
      timeRequired: `PT${data.readingMinutes}M`,
      audience: data.audience.map((audience) => ({ '@type': 'Audience', audienceType: t(`education.audience.${audience}`) })),
    });
  },
};

export const noticeKind: KindDescriptor<NoticeItem> = {
  kind: 'notices',
  titleKey: 'nav.openDays',
  itemsIn: localizedNotices,
  facets: noticeFacets,
  facetLabel: (_name, value, _locale, t) => yearLabel(value, t),
  card: (item, locale, t) => ({
    ...baseCard('notices', item, locale),
    // A notice is dated by its event, not by when it was published.
    date: item.start,
    // The place is written in the entry's language, so it is left out where the entry is a fallback.
    meta: [`${formatTime(item.start)}–${formatTime(item.end)}`, ...(item.isFallback ? [] : [item.entry.data.place])],
    badge: { text: t(`openDays.status.${item.status}`), tone: item.status },
  }),
  structuredData: (item, url, site) => {
    const { data } = item.entry;
    return {
      '@type': 'Event',
      name: data.title,
      description: data.summary,
      startDate: `${data.start.replace(' ', 'T')}:00+08:00`,
      endDate: `${data.end.replace(' ', 'T')}:00+08:00`,
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      inLanguage: localeMap[data.lang].htmlLang,
      url,
      location: { '@type': 'Place', name: data.place, address: data.address },
      maximumAttendeeCapacity: data.capacity,
      isAccessibleForFree: true,
      organizer: { ...organisation(data.lang), url: new URL(localizedPath(data.lang), site).href },
    };
  },
  searchFacts: (item) => ({ date: item.start }),
  feedOrder: (a, b) => b.entry.data.date.getTime() - a.entry.data.date.getTime(),
};

/** Props of a list page (from listPagePaths). */
export interface ListPageProps<Item> {
  route: ListRoute<Item>;
  facetValuesByName: Record<string, string[]>;
}

/** Every list page of a kind in every language, as Astro's static paths. */
export function listStaticPaths<Item extends ItemBase>(descriptor: KindDescriptor<Item>) {
  return listPagePaths(descriptor.itemsIn, descriptor.facets);
}

/** Everything PublicationList needs for one list page of a kind. */
export function listPageView<Item extends ItemBase>(descriptor: KindDescriptor<Item>, locale: Locale, { route, facetValuesByName }: ListPageProps<Item>) {
  const t = useTranslations(locale);
  return {
    locale,
    folder: kindFolder[descriptor.kind],
    kindTitle: t(descriptor.titleKey),
    description: t('home.description'),
    viewLabel: route.facet ? descriptor.facetLabel(route.facet.name, route.facet.value, locale, t) : undefined,
    viewPath: route.viewPath,
    pageNumber: route.pageNumber,
    pageCount: route.pageCount,
    cards: route.items.map((item) => descriptor.card(item, locale, t)),
    viewGroups: descriptor.facets.map((facet) => ({
      label: t(`publications.views.${facet.name}` as 'publications.views.year'),
      views: (facetValuesByName[facet.name] ?? []).map((value) => ({ label: descriptor.facetLabel(facet.name, value, locale, t), viewPath: `${facet.name}/${value}/` })),
    })),
  };
}

/** Every detail page of a kind (one per item and language), with the item as a prop. */
export async function detailStaticPaths<Item extends ItemBase>(descriptor: KindDescriptor<Item>) {
  const perLocale = await Promise.all(locales.map(async (locale) => (await descriptor.itemsIn(locale)).map((item) => ({ params: { locale, slug: item.slug }, props: { item } }))));
  return perLocale.flat();
}

/**
 * Everything PublicationPage needs for one detail page of a kind. Inside the article everything is
 * in the language of the text shown (Chinese on a fallback page), its address included.
 */
export function detailPageView<Item extends ItemBase>(descriptor: KindDescriptor<Item>, item: Item, locale: Locale, site: URL) {
  const { data } = item.entry;
  const url = new URL(detailPath(descriptor.kind, item.isFallback ? data.lang : locale, item.slug), site).href;
  const { date = data.date, category, region } = descriptor.searchFacts?.(item) ?? {};
  return {
    locale,
    kind: descriptor.kind,
    slug: item.slug,
    title: data.title,
    description: data.summary,
    contentLocale: data.lang,
    isFallback: item.isFallback,
    translationStatus: data.translationStatus,
    alternates: translationAlternates(descriptor.kind, item),
    jsonLd: descriptor.structuredData(item, url, site),
    searchDate: date,
    category,
    region,
  };
}

/** The feed route of a kind: one RSS file per language. */
export function feedRoute<Item extends ItemBase>(descriptor: KindDescriptor<Item>) {
  return {
    getStaticPaths: everyLocaleStaticPaths,
    GET: async ({ params, site }: { params: Record<string, string | undefined>; site?: URL }) => {
      const locale = params.locale as Locale;
      const items = await descriptor.itemsIn(locale);
      const ordered = descriptor.feedOrder ? [...items].sort(descriptor.feedOrder) : items;
      return publicationFeed({
        locale,
        site: site!,
        titleKey: descriptor.titleKey,
        folder: kindFolder[descriptor.kind],
        items: ordered.map((item) => ({
          title: item.entry.data.title,
          summary: item.entry.data.summary,
          date: item.entry.data.date,
          link: detailPath(descriptor.kind, locale, item.slug),
          isFallback: item.isFallback,
        })),
      });
    },
  };
}

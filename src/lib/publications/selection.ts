import { locales, type Locale } from '../../i18n/locales';

/** The part of an entry that decides whether and where it is shown. */
export interface EntryCore {
  /** "zh/horqin-land-compensation": language folder and slug. */
  id: string;
  data: { lang: Locale; draft: boolean; date: Date; translationStatus: 'original' | 'reviewed' | 'unreviewed' };
}

/** An entry as a reader of one language meets it: its own version, or the original when untranslated. */
export interface LocalizedEntry<Entry extends EntryCore> {
  slug: string;
  /** The language of the page it is shown on. */
  locale: Locale;
  /** The version shown: in `locale`, or (when `isFallback`) in the language it was written in. */
  entry: Entry;
  isFallback: boolean;
  /** Languages in which a real, published version exists (the shown one's own language included). */
  translatedInto: Locale[];
}

/** The file name without folder: "zh/horqin-land-compensation" → "horqin-land-compensation". */
export function slugOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * Whether readers may see an entry now: not a draft, and not dated after today (an entry dated in
 * the future waits until a build on or after its date).
 */
export function isPublished(data: EntryCore['data'], now: Date): boolean {
  return !data.draft && data.date.getTime() <= now.getTime();
}

/**
 * Every published publication of a kind as seen from one language, each slug once: the entry in
 * that language when it is published, otherwise the original (marked as a fallback).
 */
export function localizeEntries<Entry extends EntryCore>(entries: Entry[], locale: Locale, now: Date): LocalizedEntry<Entry>[] {
  const published = entries.filter((entry) => isPublished(entry.data, now));
  const bySlug = new Map<string, Map<Locale, Entry>>();
  for (const entry of published) {
    const slug = slugOf(entry.id);
    const versions = bySlug.get(slug) ?? new Map<Locale, Entry>();
    versions.set(entry.data.lang, entry);
    bySlug.set(slug, versions);
  }
  return [...bySlug.entries()].map(([slug, versions]) => {
    const own = versions.get(locale);
    const original = [...versions.values()].find((entry) => entry.data.translationStatus === 'original');
    const shown = own ?? original ?? [...versions.values()][0]!;
    return {
      slug,
      locale,
      entry: shown,
      isFallback: own === undefined,
      translatedInto: locales.filter((candidate) => versions.has(candidate)),
    };
  });
}

/** Newest first by a date the caller picks; ties keep a stable order by slug. */
export function newestFirst<Item extends { slug: string }>(items: Item[], dateOf: (item: Item) => Date): Item[] {
  return [...items].sort((a, b) => dateOf(b).getTime() - dateOf(a).getTime() || a.slug.localeCompare(b.slug));
}

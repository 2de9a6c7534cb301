import { uiStringsSchema, type UiKey, type UiStrings } from './schema';
import type { Locale } from './locales';
import { translator, type Translate } from './translate';
import zhStrings from './zh.json';
import mnStrings from './mn.json';

/** Each language's strings, checked against the schema when this module loads (at build time). */
export const uiStrings: Record<Locale, UiStrings> = {
  zh: uiStringsSchema.parse(zhStrings),
  mn: uiStringsSchema.parse(mnStrings),
};

const translators: Record<Locale, Translate> = { zh: translator(uiStrings.zh), mn: translator(uiStrings.mn) };

/**
 * The translate function for one language, for pages and functions. Astro escapes what it
 * renders, and so does the html template of the functions; the function itself does not.
 * @example useTranslations('mn')('nav.search') // 'ᠬᠠᠢᠯᠲᠠ'
 * @example useTranslations('zh').pick('tip.') // every tip.* string in Chinese, for the form's script
 */
export function useTranslations(locale: Locale): Translate {
  return translators[locale];
}

/** The language of a page under src/pages/[locale]/, from its address, with its translate function. */
export function pageLanguage(params: Record<string, string | undefined>): { locale: Locale; t: Translate } {
  const locale = params.locale as Locale;
  return { locale, t: translators[locale] };
}

export type { UiKey, Translate };

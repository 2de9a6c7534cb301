import i18next, { type TFunction } from 'i18next';
import { uiStringsSchema, type UiKey, type UiStrings } from './schema';
import { locales, type Locale } from './locales';
import { mongolianNumberFormats } from '../lib/mongolian/numberSuffix';
import zhStrings from './zh.json';
import mnStrings from './mn.json';

/** Each language's strings, checked against the schema when this module loads (at build time). */
export const uiStrings: Record<Locale, UiStrings> = {
  zh: uiStringsSchema.parse(zhStrings),
  mn: uiStringsSchema.parse(mnStrings),
};

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(locales.map((locale) => [locale, { translation: uiStrings[locale] }])),
  lng: 'zh',
  fallbackLng: false,
  // Keys are flat and dotted ("nav.home"); they are not paths into nested objects.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
// `{{count, mnAblative}}` and the like: the number with the suffix its Mongolian reading needs.
for (const [name, format] of Object.entries(mongolianNumberFormats)) {
  i18n.services.formatter?.add(name, (value: unknown) => format(Number(value)));
}

/**
 * The translate function for one language. Astro escapes what it renders, so i18next must not.
 * @example useTranslations('mn')('nav.search') // 'ᠬᠠᠢᠯᠲᠠ'
 */
export function useTranslations(locale: Locale): TFunction {
  return i18n.getFixedT(locale);
}

export type { UiKey };

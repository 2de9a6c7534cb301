import zh from '../../i18n/zh.json';
import mn from '../../i18n/mn.json';
import type { UiKey } from '../../i18n/schema';
import type { Locale } from '../../i18n/locales';
import { formatInterpolation } from '../mongolian/numberSuffix';

/**
 * UI strings for code that runs outside Astro (the tip function, the form's browser script).
 * It reads the same JSON files as the site (checked by the build) without i18next, so the worker
 * bundle stays small and starts fast.
 */
const strings: Record<Locale, Record<string, string>> = { zh, mn };

/**
 * One UI string with `{{name}}` placeholders filled; `{{name, mnAblative}}` adds the Mongolian suffix
 * the number needs (the same formats i18next uses on the pages).
 * @example message('zh', 'tip.error.tooLong', { max: 5000 }) // '…5000…'
 */
export function message(locale: Locale, key: UiKey, values: Record<string, string | number> = {}): string {
  const template = strings[locale][key] ?? key;
  return template.replace(/\{\{(\w+)(?:,\s*(\w+))?\}\}/g, (whole, name: string, format?: string) =>
    name in values ? formatInterpolation(values[name], format) : whole,
  );
}

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, values) => message(locale, key, values);
}

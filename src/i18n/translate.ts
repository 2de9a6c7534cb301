import type { UiKey } from './schema';
import { formatInterpolation } from '../lib/mongolian/numberSuffix';

/** Some or all of one language's UI strings, by key. */
export type UiStringTable = Partial<Record<UiKey, string>>;
export type UiStringValues = Record<string, string | number>;

/**
 * The one translate function of the site: Astro pages, the tip and staff functions and the browser
 * scripts all call this. `pick` gives the strings under some prefixes, for a page to hand its script.
 */
export interface Translate {
  (key: UiKey, values?: UiStringValues): string;
  pick(...prefixes: string[]): UiStringTable;
}

/**
 * A translate function over a string table, filling `{{name}}` placeholders; `{{name, mnAblative}}`
 * and the other Mongolian number formats add the suffix the number's reading needs
 * (src/lib/mongolian/numberSuffix.ts). A key missing from the
 * table (a script given too few strings) comes back as the key itself, never as an exception.
 * @example translator({ 'tip.error.tooLong': '最多 {{max}} 字' })('tip.error.tooLong', { max: 5000 }) // '最多 5000 字'
 */
export function translator(strings: UiStringTable): Translate {
  const translate = (key: UiKey, values: UiStringValues = {}) =>
    (strings[key] ?? key).replace(/\{\{(\w+)(?:,\s*(\w+))?\}\}/g, (whole, name: string, format?: string) => (name in values ? formatInterpolation(values[name], format) : whole));
  return Object.assign(translate, {
    pick: (...prefixes: string[]) => Object.fromEntries(Object.entries(strings).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix)))) as UiStringTable,
  });
}

import { locales, type Locale } from '../i18n/locales';

/**
 * The site language a browser asks for first, from its Accept-Language header, or undefined when
 * it asks for none of ours. Any Mongolian tag counts as Mongolian (browsers send "mn", "mn-CN" or
 * "mn-Mong"); any Chinese tag as Chinese.
 * @example preferredLocale('mn-CN,mn;q=0.9,zh-CN;q=0.8') // 'mn'
 */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(',')
    .map((part, position) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality: quality ? Number(quality) : 1, position };
    })
    .filter((entry) => entry.primary && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  for (const entry of ranked) {
    const locale = locales.find((candidate) => candidate === entry.primary);
    if (locale) return locale;
  }
  return undefined;
}

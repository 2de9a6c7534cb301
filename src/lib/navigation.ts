import type { UiKey } from '../i18n/schema';

/** The main navigation, in order: where each item leads inside a language tree, and its label. */
export const mainNavigation: ReadonlyArray<{ pathInLocale: string; labelKey: UiKey }> = [
  { pathInLocale: '/', labelKey: 'nav.home' },
  { pathInLocale: '/cases/', labelKey: 'nav.cases' },
  { pathInLocale: '/open-days/', labelKey: 'nav.openDays' },
  { pathInLocale: '/education/', labelKey: 'nav.education' },
  { pathInLocale: '/data/', labelKey: 'nav.data' },
  { pathInLocale: '/search/', labelKey: 'nav.search' },
  { pathInLocale: '/tip/', labelKey: 'nav.tip' },
];

/**
 * Whether a navigation item is the section the reader is in: the home item only on the home
 * page, any other item on its own page and everything below it.
 * @example isCurrentSection('/cases/', '/cases/2025/') // true
 */
export function isCurrentSection(itemPath: string, currentPathInLocale: string): boolean {
  if (itemPath === '/') return currentPathInLocale === '/';
  return currentPathInLocale.startsWith(itemPath);
}

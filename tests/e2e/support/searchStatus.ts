import zh from '../../../src/i18n/zh.json' with { type: 'json' };
import mn from '../../../src/i18n/mn.json' with { type: 'json' };

// The search page's status line as patterns, from the UI strings themselves: the search specs
// wait on it to know a search has finished and read from it what kind of answer came.
const strings = { zh, mn } as const;
export type SearchLocale = keyof typeof strings;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A UI string with {{count}} as a pattern, or with the given count. */
export const counted = (template: string, count?: number) => escapeRegExp(template).replace('\\{\\{count\\}\\}', count === undefined ? '\\d+' : String(count));

/** Nothing matched: only look-alike pages (approximate), or nothing found at all. */
export function nothingMatchedStatus(locale: SearchLocale): RegExp {
  const { 'search.approximate': approximate, 'search.noResults': none } = strings[locale];
  return new RegExp(`${counted(approximate)}|${escapeRegExp(none)}`);
}

/** The status line once a search has finished: a count, approximate hits, or "nothing found". */
export function finishedStatus(locale: SearchLocale): RegExp {
  return new RegExp(`${counted(strings[locale]['search.resultCount'])}|${nothingMatchedStatus(locale).source}`);
}

import type { Locale } from '../i18n/locales';
import { withNumberSuffix } from './mongolian/numberSuffix';

const NNBSP = '\u202F';

/** Dates on the site are the procuratorate's local calendar dates, whatever the reader's zone. */
export const siteTimeZone = 'Asia/Shanghai';

/**
 * One formatter per time zone and kind, made once: creating an Intl.DateTimeFormat costs far more
 * than using one, and a build at 10,000 publications asks for dates hundreds of thousands of times.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
        : new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, made);
  }
  return made;
}

/** Calendar dates already worked out: formatToParts is the costly part of a date, and a build asks for the same few thousand days again and again. */
const calendarDates = new Map<string, Readonly<{ year: number; month: number; day: number }>>();

/** Year, month and day of an instant on the calendar of a time zone. */
export function calendarDate(instant: Date, timeZone = siteTimeZone): Readonly<{ year: number; month: number; day: number }> {
  const key = `${timeZone} ${instant.getTime()}`;
  let date = calendarDates.get(key);
  if (!date) {
    const parts = formatter('date', timeZone).formatToParts(instant);
    const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
    date = Object.freeze({ year: part('year'), month: part('month'), day: part('day') });
    calendarDates.set(key, date);
  }
  return date;
}

/** The year of an instant on the site's calendar, as the facet views and the open data name it. */
export const calendarYear = (instant: Date): string => String(calendarDate(instant).year);

/**
 * A date as readers of each language write it. Intl has no traditional-script Mongolian (it falls
 * back to Cyrillic), so Mongolian follows Inner Mongolian government usage: ASCII digits with
 * Mongolian words, suffixes (the month's ordinal too) joined by a narrow no-break space, so a
 * number never ends a column apart from its suffix.
 * @example formatDate(new Date('2025-05-27T00:00:00+08:00'), 'zh') // '2025年5月27日'
 * @example formatDate(new Date('2025-05-22T00:00:00+08:00'), 'mn') // '2025 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 22 ᠤᠨ ᠡᠳᠦᠷ' (with U+202F)
 */
export function formatDate(instant: Date, locale: Locale, timeZone = siteTimeZone): string {
  const { year, month, day } = calendarDate(instant, timeZone);
  if (locale === 'mn') {
    // Month: number + ordinal + ᠰᠠᠷ᠎ᠠ; day: number + genitive + ᠡᠳᠦᠷ; both suffixes by the reading.
    return `${year} ᠣᠨ${NNBSP}ᠤ ${withNumberSuffix(month, 'ordinal')} ᠰᠠᠷ᠎ᠠ${NNBSP}ᠶᠢᠨ ${withNumberSuffix(day, 'genitive')} ᠡᠳᠦᠷ`;
  }
  return `${year}年${month}月${day}日`;
}

/**
 * Hours and minutes on the 24-hour clock, the same in both languages.
 * @example formatTime(new Date('2025-05-27T06:30:00Z')) // '14:30'
 */
export function formatTime(instant: Date, timeZone = siteTimeZone): string {
  return formatter('time', timeZone).format(instant);
}

/** A machine-readable date for <time datetime>, on the site's calendar. */
export function isoCalendarDate(instant: Date, timeZone = siteTimeZone): string {
  const { year, month, day } = calendarDate(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

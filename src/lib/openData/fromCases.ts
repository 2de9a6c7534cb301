// From the cases as one language's reader meets them to the open-data facts and rows.
import type { Locale } from '../../i18n/locales';
import { calendarYear, isoCalendarDate } from '../formatDate';
import { formatFigure } from '../publications/figures';
import { categoryLabel, regionLabel } from '../taxonomy';
import type { CaseItem } from '../publications/collections';
import { detailPath } from '../publications/collections';
import type { CaseFacts } from './achievements';
import type { OpenDataRow } from './openDataTable';

export function caseFactsOf(items: CaseItem[]): CaseFacts[] {
  return items.map(({ slug, entry: { data } }) => ({
    slug,
    year: calendarYear(data.date),
    category: data.category,
    region: data.region,
    figures: data.figures,
  }));
}

/** One row per figure, and one (figure columns empty) for a case without figures; URLs absolute on `site`. */
export function openDataRows(items: CaseItem[], locale: Locale, site: URL): OpenDataRow[] {
  return items.flatMap(({ slug, entry: { data } }): OpenDataRow[] => {
    const common = {
      slug,
      title: data.title,
      url: new URL(detailPath('cases', locale, slug), site).href,
      date: isoCalendarDate(data.date),
      year: calendarYear(data.date),
      category: categoryLabel(data.category, locale),
      region: regionLabel(data.region, locale),
    };
    if (data.figures.length === 0) return [{ ...common, measure: '', value: '', unit: '', label: '' }];
    return data.figures.map((figure) => ({
      ...common,
      measure: figure.measure,
      value: figure.value,
      unit: formatFigure(figure.measure, 1, locale).unit,
      label: figure.label,
    }));
  });
}

import type { UiKey } from '../../i18n/schema';
import { csvRows } from '../staff/csv';
import type { FigureMeasure } from '../publications/figures';

/** One row of the downloadable table: one figure of one case, or a case that reports none. */
export interface OpenDataRow {
  slug: string;
  title: string;
  url: string;
  date: string;
  year: string;
  category: string;
  region: string;
  measure: FigureMeasure | '';
  value: number | '';
  unit: string;
  label: string;
}

/** The columns in order; each has a heading and a description in every language (data.column.*). */
export const openDataColumns = [
  'slug',
  'title',
  'url',
  'date',
  'year',
  'category',
  'region',
  'measure',
  'value',
  'unit',
  'label',
] as const satisfies readonly (keyof OpenDataRow)[];

export type OpenDataColumn = (typeof openDataColumns)[number];

export const columnHeadingKey = (column: OpenDataColumn) => `data.column.${column}` as UiKey;
export const columnDescriptionKey = (column: OpenDataColumn) => `data.column.${column}.description` as UiKey;

/** The table as CSV, headings in the reader's language (given by `heading`), one row per figure. */
export function openDataCsv(rows: OpenDataRow[], heading: (column: OpenDataColumn) => string): string {
  return csvRows([openDataColumns.map(heading), ...rows.map((row) => openDataColumns.map((column) => row[column]))]);
}

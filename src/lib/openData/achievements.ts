import type { FigureMeasure } from '../publications/figures';
import { figureMeasures } from '../publications/vocabulary';

/** What the open-data page needs to know of one published case. */
export interface CaseFacts {
  slug: string;
  year: string;
  category: string;
  region: string;
  figures: { measure: FigureMeasure; value: number; label: string }[];
}

/** One case's share of a measure: the figure as the case page shows it. */
export interface Contribution {
  slug: string;
  year: string;
  value: number;
  label: string;
}

/** A measure added up over cases: only figures of that one measure (and so of one unit) are summed. */
export interface MeasureTotal {
  measure: SummableMeasure;
  total: number;
  contributions: Contribution[];
}

/** Percentages describe one case each (a share of that case's own whole): never added, shown as a range. */
export interface PercentRange {
  min: number;
  max: number;
  contributions: Contribution[];
}

/** How many cases fall under one value of a facet (a category, a region, a year), and which. */
export interface CaseCount {
  value: string;
  count: number;
  slugs: string[];
}

export type SummableMeasure = Exclude<FigureMeasure, 'percent'>;

export const summableMeasures = figureMeasures.filter((measure): measure is SummableMeasure => measure !== 'percent');

export interface Achievements {
  caseCount: number;
  /** Cases that report at least one figure. */
  casesWithFigures: number;
  /** Years that have cases, newest first. */
  years: string[];
  /** Totals over all years, in the vocabulary's order; measures no case reports are left out. */
  totals: MeasureTotal[];
  /** The same totals for each year (keys are the years above). */
  totalsByYear: Record<string, MeasureTotal[]>;
  percent: PercentRange | undefined;
  byCategory: CaseCount[];
  byRegion: CaseCount[];
  byYear: CaseCount[];
}

/**
 * Adds up the published cases' outcome figures, measure by measure, and counts the cases per
 * category, region and year. The caller passes published cases only (drafts are not facts yet).
 * `categoryOrder` and `regionOrder` give the display order (the data files' order).
 * @example achievements([{ slug: 'a', year: '2025', category: 'ecology', region: 'tongliao',
 *   figures: [{ measure: 'yuan', value: 100, label: '…' }] }], ['ecology'], ['tongliao']).totals
 *   // [{ measure: 'yuan', total: 100, contributions: [...] }]
 */
export function achievements(cases: CaseFacts[], categoryOrder: readonly string[], regionOrder: readonly string[]): Achievements {
  const years = [...new Set(cases.map((item) => item.year))].sort((a, b) => b.localeCompare(a));
  const totalsByYear = Object.fromEntries(years.map((year) => [year, measureTotals(cases.filter((item) => item.year === year))]));
  const percentFigures = contributionsOf(cases, 'percent');
  return {
    caseCount: cases.length,
    casesWithFigures: cases.filter((item) => item.figures.length > 0).length,
    years,
    totals: measureTotals(cases),
    totalsByYear,
    percent:
      percentFigures.length === 0
        ? undefined
        : {
            min: Math.min(...percentFigures.map((figure) => figure.value)),
            max: Math.max(...percentFigures.map((figure) => figure.value)),
            contributions: percentFigures,
          },
    byCategory: countBy(cases, (item) => item.category, categoryOrder),
    byRegion: countBy(cases, (item) => item.region, regionOrder),
    byYear: countBy(cases, (item) => item.year, years),
  };
}

function measureTotals(cases: CaseFacts[]): MeasureTotal[] {
  return summableMeasures.flatMap((measure) => {
    const contributions = contributionsOf(cases, measure);
    if (contributions.length === 0) return [];
    return [{ measure, total: sumExactly(contributions.map((figure) => figure.value)), contributions }];
  });
}

function contributionsOf(cases: CaseFacts[], measure: FigureMeasure): Contribution[] {
  return cases.flatMap((item) =>
    item.figures.filter((figure) => figure.measure === measure).map((figure) => ({ slug: item.slug, year: item.year, value: figure.value, label: figure.label })),
  );
}

/** Sums to the hundredth without binary-fraction drift (0.1 + 0.2 stays 0.3). */
function sumExactly(values: number[]): number {
  return Math.round(values.reduce((sum, value) => sum + Math.round(value * 100), 0)) / 100;
}

/** Counts per value in the given order; values with no case are left out. */
function countBy(cases: CaseFacts[], valueFor: (item: CaseFacts) => string, order: readonly string[]): CaseCount[] {
  return order.flatMap((value) => {
    const slugs = cases.filter((item) => valueFor(item) === value).map((item) => item.slug);
    return slugs.length === 0 ? [] : [{ value, count: slugs.length, slugs }];
  });
}

import { describe, expect, it } from 'vitest';
import { achievements, type CaseFacts } from '../../src/lib/openData/achievements';
import { columnChartHeight, layoutBarChart, wrapWords } from '../../src/lib/openData/barChart';
import { openDataCsv, openDataColumns, type OpenDataRow } from '../../src/lib/openData/openDataTable';

const caseOf = (slug: string, year: string, figures: CaseFacts['figures'], category = 'ecology', region = 'tongliao'): CaseFacts => ({
  slug,
  year,
  category,
  region,
  figures,
});

const cases: CaseFacts[] = [
  caseOf('a', '2024', [
    { measure: 'yuan', value: 690000, label: 'compensation' },
    { measure: 'people', value: 12, label: 'women' },
  ]),
  caseOf(
    'b',
    '2025',
    [
      { measure: 'yuan', value: 0.1, label: 'tiny' },
      { measure: 'yuan', value: 0.2, label: 'tiny too' },
      { measure: 'percent', value: 75, label: 'recovered share' },
    ],
    'minors',
    'wuhai',
  ),
  caseOf('c', '2025', [{ measure: 'percent', value: 40, label: 'drop' }], 'minors'),
  caseOf('d', '2025', [], 'other', 'wuhai'),
];

describe('achievements', () => {
  const result = achievements(cases, ['ecology', 'minors', 'other', 'unused'], ['tongliao', 'wuhai']);

  it('sums each measure on its own, exactly, and over all years', () => {
    expect(result.totals.map((total) => [total.measure, total.total])).toEqual([
      ['yuan', 690000.3],
      ['people', 12],
    ]);
  });

  it('never adds percentages: it gives their range and each case', () => {
    expect(result.totals.some((total) => (total.measure as string) === 'percent')).toBe(false);
    expect(result.percent).toMatchObject({ min: 40, max: 75 });
    expect(result.percent?.contributions.map((figure) => figure.slug)).toEqual(['b', 'c']);
  });

  it('totals each year apart, newest year first', () => {
    expect(result.years).toEqual(['2025', '2024']);
    expect(result.totalsByYear['2024']!.map((total) => [total.measure, total.total])).toEqual([
      ['yuan', 690000],
      ['people', 12],
    ]);
    expect(result.totalsByYear['2025']!.map((total) => [total.measure, total.total])).toEqual([['yuan', 0.3]]);
  });

  it('counts a case without figures in the case counts only', () => {
    expect(result.caseCount).toBe(4);
    expect(result.casesWithFigures).toBe(3);
    expect(result.byCategory).toEqual([
      { value: 'ecology', count: 1, slugs: ['a'] },
      { value: 'minors', count: 2, slugs: ['b', 'c'] },
      { value: 'other', count: 1, slugs: ['d'] },
    ]);
    expect(result.byRegion.map((count) => [count.value, count.count])).toEqual([
      ['tongliao', 2],
      ['wuhai', 2],
    ]);
    expect(result.byYear.map((count) => [count.value, count.count])).toEqual([
      ['2025', 3],
      ['2024', 1],
    ]);
  });

  it('keeps every figure it summed, so each total can link to its cases', () => {
    const yuan = result.totals.find((total) => total.measure === 'yuan')!;
    expect(yuan.contributions.map((figure) => figure.label)).toEqual(['compensation', 'tiny', 'tiny too']);
  });

  it('has nothing to add up when no case reports figures', () => {
    const empty = achievements([caseOf('d', '2025', [])], ['ecology', 'other'], ['tongliao']);
    expect(empty.totals).toEqual([]);
    expect(empty.percent).toBeUndefined();
  });
});

describe('bar chart layout', () => {
  const bars = [
    { label: '生态', value: 4, valueText: '4 件' },
    { label: '未成年人', value: 1, valueText: '1 件' },
  ];

  it('makes the largest value the full-length bar and the others in proportion (rows)', () => {
    const chart = layoutBarChart(bars, 'rows');
    expect(chart.bars.map((bar) => bar.rect.width)).toEqual(['100%', '25%']);
    expect(chart.bars[1]!.rect.y).toBeGreaterThan(chart.bars[0]!.rect.y);
  });

  it('turns the chart for vertical text: columns left to right, bars growing downwards within the chart', () => {
    const chart = layoutBarChart(bars, 'columns');
    const [first, second] = chart.bars;
    expect(second!.rect.x).toBeGreaterThan(first!.rect.x);
    expect(first!.rect.height / second!.rect.height).toBeCloseTo(4, 1);
    expect(first!.rect.height).toBeLessThanOrEqual(columnChartHeight);
    expect(chart.width).toBeGreaterThan(second!.rect.x);
  });

  it('wraps long vertical labels at spaces into several columns', () => {
    expect(wrapWords('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    const long = Array.from({ length: 12 }, () => 'ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ').join(' ');
    const chart = layoutBarChart([{ label: long, value: 1, valueText: '1' }], 'columns');
    expect(chart.bars[0]!.labelLines.length).toBeGreaterThan(1);
    expect(chart.bars[0]!.labelLines.map((line) => line.text).join(' ')).toBe(long);
  });
});

describe('open data CSV', () => {
  const row: OpenDataRow = {
    slug: 'a',
    title: '=HYPERLINK("x")',
    url: 'https://example.org/zh/cases/a/',
    date: '2025-05-27',
    year: '2025',
    category: '生态',
    region: '通辽',
    measure: 'yuan',
    value: 690000,
    unit: '元',
    label: 'compensation, paid',
  };

  it('writes the headings given and one line per row, with formulas neutralised and commas quoted', () => {
    const csv = openDataCsv([row], (column) => column.toUpperCase());
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(openDataColumns.map((column) => column.toUpperCase()).join(','));
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"compensation, paid"');
    expect(lines).toHaveLength(2);
  });
});

/*
 * Geometry of the build-time bar charts. Pure numbers in, shapes out; BarChart.astro draws them as
 * SVG. Chinese charts are rows (label and value on a line, the bar under it, its length a
 * percentage so the chart fits any width without scaling the text). Mongolian charts are the same
 * chart turned for vertical text: columns read left to right, each a vertical label, its value,
 * and a bar growing downwards, the direction Mongolian lines run.
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as readers see it written beside the bar, unit included. */
  valueText: string;
}

export type ChartDirection = 'rows' | 'columns';

interface TextLine {
  text: string;
  x: number | string;
  y: number;
}

export interface BarShape {
  labelLines: TextLine[];
  valueLine: TextLine;
  /** The bar: in rows its width is a percentage of the chart; in columns its height is in pixels. */
  rect: { x: number; y: number; width: number | string; height: number };
}

export interface ChartLayout {
  direction: ChartDirection;
  /** Pixels, or '100%' for row charts, which take the width they are given. */
  width: number | string;
  height: number;
  bars: BarShape[];
}

export const chartFontSize = 16;
const rowLineHeight = 22;
const barThickness = 14;
const rowHeight = rowLineHeight + barThickness + 14;
/** Mongolian charts: a column of text every this many pixels. */
const columnStep = 24;
/** Mongolian charts are this tall, so a 640 px phone shows a whole chart without scrolling down. */
export const columnChartHeight = 340;
const columnGap = 20;

/**
 * Lays out a bar chart. Bars keep their order; the longest bar is the largest value.
 * @example layoutBarChart([{ label: '生态', value: 2, valueText: '2 件' }], 'rows').bars[0].rect.width // '100%'
 */
export function layoutBarChart(bars: Bar[], direction: ChartDirection): ChartLayout {
  const largest = Math.max(0, ...bars.map((bar) => bar.value));
  const share = (value: number) => (largest === 0 ? 0 : value / largest);
  return direction === 'rows' ? layoutRows(bars, share) : layoutColumns(bars, share);
}

function layoutRows(bars: Bar[], share: (value: number) => number): ChartLayout {
  return {
    direction: 'rows',
    width: '100%',
    height: bars.length * rowHeight,
    bars: bars.map((bar, index) => {
      const top = index * rowHeight;
      const baseline = top + chartFontSize;
      return {
        labelLines: [{ text: bar.label, x: 0, y: baseline }],
        valueLine: { text: bar.valueText, x: '100%', y: baseline },
        rect: { x: 0, y: top + rowLineHeight, width: percent(share(bar.value)), height: barThickness },
      };
    }),
  };
}

function layoutColumns(bars: Bar[], share: (value: number) => number): ChartLayout {
  const longestBar = columnChartHeight - chartFontSize;
  let left = 0;
  const shapes = bars.map((bar) => {
    const lines = wrapWords(bar.label, charactersPerColumn(columnChartHeight));
    const labelLines = lines.map((text, index) => ({ text, x: left + columnStep * index + columnStep / 2, y: 0 }));
    const valueX = left + columnStep * lines.length + columnStep / 2;
    const barX = left + columnStep * (lines.length + 1);
    left = barX + barThickness + columnGap;
    return {
      labelLines,
      valueLine: { text: bar.valueText, x: valueX, y: 0 },
      rect: { x: barX, y: 0, width: barThickness, height: Math.max(1, Math.round(share(bar.value) * longestBar)) },
    };
  });
  return { direction: 'columns', width: Math.max(0, left - columnGap), height: columnChartHeight, bars: shapes };
}

/** Mongolian letters take about 0.6 em down the column in the shipped font; leave room for that. */
function charactersPerColumn(height: number): number {
  return Math.floor(height / (chartFontSize * 0.62));
}

/**
 * Breaks a label at spaces into lines of at most `limit` characters (a longer word keeps its own line).
 * @example wrapWords('aa bb cc', 5) // ['aa bb', 'cc']
 */
export function wrapWords(text: string, limit: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= limit) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}

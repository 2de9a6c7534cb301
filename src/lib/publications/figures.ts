import type { Locale } from '../../i18n/locales';
import type { figureMeasures } from './schemas';
import { termMn } from '../mongolian/terminology';

export type FigureMeasure = (typeof figureMeasures)[number];

/**
 * The unit after the number, by language; big yuan amounts and areas are counted in 万 (ᠲᠦᠮᠡ).
 * The Mongolian units are terms of src/data/terminology.json.
 */
const units: Record<FigureMeasure, Record<Locale, { one: string; tenThousand?: string }>> = {
  yuan: { zh: { one: '元', tenThousand: '万元' }, mn: { one: termMn('yuan'), tenThousand: `${termMn('ten-thousand')} ${termMn('yuan')}` } },
  mu: { zh: { one: '亩', tenThousand: '万亩' }, mn: { one: termMn('mu'), tenThousand: `${termMn('ten-thousand')} ${termMn('mu')}` } },
  people: { zh: { one: '人' }, mn: { one: termMn('person') } },
  cases: { zh: { one: '件' }, mn: { one: termMn('case') } },
  items: { zh: { one: '个' }, mn: { one: termMn('item') } },
  percent: { zh: { one: '%' }, mn: { one: '%' } },
};

/**
 * An outcome figure split into the number readers see first and its unit. Amounts of 10,000 or
 * more are shown in 万 (ten thousands), as Chinese and Inner Mongolian reports write them.
 * @example formatFigure('yuan', 21060600, 'zh') // { number: '2106.06', unit: '万元' }
 * @example formatFigure('people', 117, 'mn') // { number: '117', unit: 'ᠬᠦᠮᠦᠨ' }
 */
export function formatFigure(measure: FigureMeasure, value: number, locale: Locale): { number: string; unit: string } {
  const unit = units[measure][locale];
  if (unit.tenThousand && value >= 10_000) {
    const inTenThousands = Math.round((value / 10_000) * 100) / 100;
    return { number: groupDigits(inTenThousands), unit: unit.tenThousand };
  }
  return { number: groupDigits(value), unit: unit.one };
}

/** 1234567.5 → "1,234,567.5": digits grouped the same way in both languages. */
function groupDigits(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

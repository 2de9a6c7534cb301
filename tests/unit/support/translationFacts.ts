/**
 * The facts of a publication that a translation must carry, read the simple way (the full checker
 * is `npm run check:mongolian`): every figure and date written in digits, every article number of
 * the legal basis (第一百零六条 → 106), and the number of sections.
 */
const chineseDigits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const chineseUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese numeral below 10 000 as a number. @example chineseNumeral('一百零六') // 106 */
export function chineseNumeral(text: string): number {
  let total = 0;
  let digit = 0;
  for (const character of text) {
    if (character in chineseDigits) digit = chineseDigits[character]!;
    else if (character in chineseUnits) {
      total += (digit || (character === '十' ? 1 : 0)) * chineseUnits[character]!;
      digit = 0;
    }
  }
  return total + digit;
}

// Lines whose values are shared data, not text (the same in both files by construction).
const dataLine = /^\s*(date|start|end|value|capacity|phone|email|deadline|translationKey|region|src|readingMinutes):/;

export interface TranslationFacts {
  numbers: string[];
  articles: string[];
  sectionCount: number;
}

export function translationFacts(source: string): TranslationFacts {
  const text = source
    .split('\n')
    .filter((line) => !dataLine.test(line))
    .join('\n');
  return {
    numbers: text.match(/\d+(?:\.\d+)?/g) ?? [],
    articles: [...text.matchAll(/第([零一二两三四五六七八九十百千]+)[条款]/g)].map((match) => String(chineseNumeral(match[1]!))),
    sectionCount: text.match(/^## /gm)?.length ?? 0,
  };
}

/** What of the original's facts the translation lacks (a multiset difference), one line per kind. */
export function missingFacts(original: string, translation: string): string[] {
  const wanted = translationFacts(original);
  const found = translationFacts(translation);
  const lacking = (want: string[], have: string[]) => {
    const pool = [...have];
    return want.filter((item) => {
      const index = pool.indexOf(item);
      if (index === -1) return true;
      pool.splice(index, 1);
      return false;
    });
  };
  const problems: string[] = [];
  const numbers = lacking(wanted.numbers, found.numbers);
  if (numbers.length > 0) problems.push(`figures or dates missing: ${numbers.join(', ')}`);
  const articles = lacking(wanted.articles, found.numbers);
  if (articles.length > 0) problems.push(`article numbers missing: ${articles.join(', ')}`);
  if (wanted.sectionCount !== found.sectionCount) {
    problems.push(`${wanted.sectionCount} sections in the original, ${found.sectionCount} in the translation`);
  }
  return problems;
}

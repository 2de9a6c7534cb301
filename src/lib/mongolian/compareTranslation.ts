import { mongolianSearchKey } from '../mongolianSearchText.ts';

/** Something of the Chinese original that its Mongolian translation does not carry. */
export interface MissingFinding {
  rule: 'missing-figure' | 'missing-date' | 'missing-article' | 'missing-section' | 'term';
  /** The Chinese text that is missing from the translation (or the term translated otherwise). */
  original: string;
  /** Line of the original where it stands. */
  originalLine: number;
  message: string;
  fix: string;
}

export interface Line {
  line: number;
  text: string;
}

interface Located<T> {
  value: T;
  original: string;
  line: number;
}

const chineseDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 四十六 → 46, 一百零三 → 103; digits pass through. */
export function chineseNumberValue(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const character of text) {
    if (character in chineseDigits) current = chineseDigits[character];
    else if (character === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (character === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (character === '千') {
      total += (current || 1) * 1000;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

const chineseArticle = /第([0-9一二三四五六七八九十百零〇两]+)条/gu;
const chineseDate = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(?:(\d{1,2})\s*日)?/gu;
const chineseNumber = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿)?/gu;

const SEP = '[ \\u202F\\u180E]*';
const ordinal = '[ᠳᠲ][\\u180B]?[ᠤᠦ][\\u180B]?ᠭ[ᠠᠡ]ᠷ';
const mongolianArticle = new RegExp(`(\\d+)${SEP}${ordinal}${SEP}ᠵᠦᠢᠯ`, 'gu');
const mongolianDatePart = new RegExp(`(\\d{4})${SEP}ᠣᠨ|(\\d{1,2})${SEP}(?:${ordinal}${SEP})?ᠰᠠᠷ|(\\d{1,2})${SEP}ᠤ?${SEP}ᠡᠳᠦᠷ`, 'gu');
const mongolianNumber = /(\d+(?:,\d{3})*(?:\.\d+)?)[ \u202F]*(ᠲᠦᠮᠡ|ᠪᠤᠮ)?/gu;

interface CalendarDate {
  year?: number;
  month?: number;
  day?: number;
}

function datesOfChinese(lines: Line[]): Located<CalendarDate>[] {
  const dates: Located<CalendarDate>[] = [];
  for (const { line, text } of lines) {
    for (const match of text.matchAll(chineseDate)) {
      const [whole, year, month, day] = match;
      if (!year && !month && !day) continue;
      // A bare "5日" or "12月" alone is too weak to call a date; a year, or a month with its day, is.
      if (!year && !(month && day)) continue;
      dates.push({ value: { year: num(year), month: num(month), day: num(day) }, original: whole.trim(), line });
    }
  }
  return dates;
}

function datesOfMongolian(text: string): CalendarDate[] {
  const dates: CalendarDate[] = [];
  let current: CalendarDate | undefined;
  for (const match of text.matchAll(mongolianDatePart)) {
    const [, year, month, day] = match;
    if (year) dates.push((current = { year: Number(year) }));
    else if (month) {
      if (!current || current.month !== undefined || current.day !== undefined) dates.push((current = {}));
      current.month = Number(month);
    } else if (day) {
      if (!current || current.day !== undefined) dates.push((current = {}));
      current.day = Number(day);
    }
  }
  return dates;
}

function num(text: string | undefined): number | undefined {
  return text === undefined ? undefined : Number(text);
}

function numberValue(digits: string, multiplier: string | undefined): number {
  const value = Number(digits.replaceAll(',', ''));
  if (multiplier === '万' || multiplier === 'ᠲᠦᠮᠡ') return Math.round(value * 10_000);
  if (multiplier === '亿' || multiplier === 'ᠪᠤᠮ') return Math.round(value * 100_000_000);
  return value;
}

/** The values a text's numbers can stand for: as written, and multiplied by 万/ᠲᠦᠮᠡ where present. */
function numberValues(text: string, pattern: RegExp): Set<number> {
  const values = new Set<number>();
  for (const match of text.matchAll(pattern)) {
    values.add(Number(match[1].replaceAll(',', '')));
    values.add(numberValue(match[1], match[2]));
  }
  return values;
}

function sameDate(original: CalendarDate, translated: CalendarDate): boolean {
  return (['year', 'month', 'day'] as const).every((part) => original[part] === undefined || original[part] === translated[part]);
}

function describeDate(date: CalendarDate): string {
  const parts = [date.year && `${date.year} ᠣᠨ`, date.month && `${date.month} ᠰᠠᠷ᠎ᠠ`, date.day && `${date.day} ᠡᠳᠦᠷ`].filter(Boolean);
  return parts.join(' … ');
}

/**
 * What of the original's figures, dates and article numbers the translation lacks. Numbers are
 * compared by value (1,234 = 1234; 20万 = 20 ᠲᠦᠮᠡ = 200000), dates by year, month and day.
 */
export function missingFacts(original: Line[], translation: Line[]): MissingFinding[] {
  const translated = translation.map((line) => line.text).join('\n');
  const findings: MissingFinding[] = [];

  const translatedArticles = new Set([...translated.matchAll(mongolianArticle)].map((match) => Number(match[1])));
  const originalWithoutFacts: Line[] = [];
  for (const { line, text } of original) {
    for (const match of text.matchAll(chineseArticle)) {
      const value = chineseNumberValue(match[1]);
      if (value !== undefined && !translatedArticles.has(value)) {
        findings.push({
          rule: 'missing-article',
          original: match[0],
          originalLine: line,
          message: `article ${match[0]} of the original is not in the translation`,
          fix: `add "${value} ᠳ᠋ᠤᠭᠠᠷ/ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠵᠦᠢᠯ"`,
        });
      }
    }
    originalWithoutFacts.push({ line, text: text.replace(chineseArticle, ' ') });
  }

  const translatedDates = datesOfMongolian(translated);
  const withoutDates: Line[] = [];
  for (const date of datesOfChinese(originalWithoutFacts)) {
    if (!translatedDates.some((candidate) => sameDate(date.value, candidate))) {
      findings.push({
        rule: 'missing-date',
        original: date.original,
        originalLine: date.line,
        message: `the date ${date.original} of the original is not in the translation`,
        fix: `add ${describeDate(date.value)}`,
      });
    }
  }
  for (const { line, text } of originalWithoutFacts) withoutDates.push({ line, text: text.replace(chineseDate, (whole) => (/[年月日]/u.test(whole) ? ' ' : whole)) });

  const translatedNumbers = numberValues(translated, mongolianNumber);
  const reported = new Set<number>();
  for (const { line, text } of withoutDates) {
    for (const match of text.matchAll(chineseNumber)) {
      const value = numberValue(match[1], match[2]);
      const plain = Number(match[1].replaceAll(',', ''));
      if (translatedNumbers.has(value) || (!match[2] && translatedNumbers.has(plain)) || reported.has(value)) continue;
      reported.add(value);
      findings.push({
        rule: 'missing-figure',
        original: match[0].trim(),
        originalLine: line,
        message: `the figure ${match[0].trim()} of the original is not in the translation`,
        fix: `add ${match[2] ? `${match[1]} ${match[2] === '万' ? 'ᠲᠦᠮᠡ' : 'ᠪᠤᠮ'} (= ${value})` : value}`,
      });
    }
  }
  return findings;
}

/** Sections: the translation has the original's headings, as many and at the same levels. */
export function missingSections(original: { line: number; level: number; text: string }[], translation: { level: number }[]): MissingFinding[] {
  const findings: MissingFinding[] = [];
  original.forEach((heading, index) => {
    const counterpart = translation[index];
    if (counterpart === undefined) {
      findings.push({
        rule: 'missing-section',
        original: heading.text,
        originalLine: heading.line,
        message: `the section "${heading.text}" of the original has no heading in the translation (${translation.length} headings against ${original.length})`,
        fix: `add a level-${heading.level} heading (${'#'.repeat(heading.level)}) and its text`,
      });
    } else if (counterpart.level !== heading.level) {
      findings.push({
        rule: 'missing-section',
        original: heading.text,
        originalLine: heading.line,
        message: `heading ${index + 1} is level ${counterpart.level} in the translation but level ${heading.level} ("${heading.text}") in the original: the sections do not line up`,
        fix: `make heading ${index + 1} ${'#'.repeat(heading.level)} and check the order of sections`,
      });
    }
  });
  return findings;
}

export interface Term {
  id: string;
  zh: string;
  mn: string;
  variants?: readonly string[];
}

/** Search key of a text with brackets and punctuation as word breaks (︽ᠪᠦᠬᠦᠳᠡ is the word ᠪᠦᠬᠦᠳᠡ). */
function wordsKey(text: string): string {
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the joiners and variation selectors are listed one by one on purpose, not as parts of a sequence.
  return mongolianSearchKey(text.replace(/[^\p{L}\p{M}\p{N}\u180B-\u180F\u200C\u200D\u202F]+/gu, ' '));
}

/**
 * Terms of the terminology file that the original uses and the translation renders otherwise.
 * A longer term hides the shorter ones inside it (人民检察院 is not also counted as 检察院), and
 * Mongolian is compared by search key, so NNBSP, FVS and ᠣ/ᠤ spellings of one word agree.
 */
export function termsTranslatedOtherwise(original: Line[], translation: Line[], terms: readonly Term[]): MissingFinding[] {
  const translatedKey = ` ${wordsKey(translation.map((line) => line.text).join(' '))} `;
  // One-character terms (市, 区, 院) are parts of other words (城市, 地区) far more often than terms.
  const longestFirst = [...terms].filter((term) => term.zh.length > 1 && term.mn).sort((a, b) => b.zh.length - a.zh.length);
  const findings: MissingFinding[] = [];
  const masked = original.map((line) => ({ ...line }));
  for (const term of longestFirst) {
    const where = masked.find((line) => line.text.includes(term.zh));
    for (const line of masked) line.text = line.text.replaceAll(term.zh, '\u0000'.repeat(term.zh.length));
    if (!where) continue;
    // The term's last word may carry a suffix written on (ᠰᠢᠯᠭᠠᠭᠴᠢᠳ), so only its start is bounded.
    const accepted = [term.mn, ...(term.variants ?? [])].map((form) => ` ${wordsKey(form)}`);
    if (accepted.some((form) => translatedKey.includes(form))) continue;
    findings.push({
      rule: 'term',
      original: term.zh,
      originalLine: where.line,
      message: `the original says ${term.zh}; the terminology file (term "${term.id}") translates it ${term.mn}, which the translation does not use`,
      fix: `write ${term.mn}`,
    });
  }
  return findings;
}

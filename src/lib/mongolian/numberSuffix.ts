/**
 * Case and ordinal suffixes after a number written in digits. Which suffix a number takes depends on
 * how it is read aloud: the LAST spoken word decides the vowel class (back a/o/u, or front e/ö/ü and
 * words with only i) and how the word ends. 21 is read ᠬᠣᠷᠢᠨ ᠨᠢᠭᠡ, so it takes front suffixes
 * (21 ᠡᠴᠡ), while 20, read ᠬᠣᠷᠢᠨ, takes back ones (20 ᠠᠴᠠ).
 *
 * The numerals are "unstable n" words (ᠳᠣᠯᠣᠭ᠎ᠠ / ᠳᠣᠯᠣᠭᠠᠨ): their genitive shows the n, so it is
 * ᠤ/ᠦ, as Inner Mongolian government dates write "29 ᠤ ᠡᠳᠦᠷ" (29th day); only 2 ᠬᠣᠶᠠᠷ, ending in
 * r, takes ᠤᠨ. Suffixes are joined to the digits with U+202F (narrow no-break space), so they take
 * their suffix shapes and never start a column on their own.
 */

const NNBSP = '\u202F';

type VowelClass = 'back' | 'front';
/** How the reading ends, which decides the genitive, dative and accusative. */
type Ending = 'unstable-n' | 'r' | 'm';

interface NumeralWord {
  word: string;
  vowelClass: VowelClass;
  ending: Ending;
}

/** A numeral's word; numerals are unstable-n words unless said otherwise. */
const numeral = (word: string, vowelClass: VowelClass, ending: Ending = 'unstable-n'): NumeralWord => ({ word, vowelClass, ending });

/** Each digit 1–9 read as a unit and as a ten (2 ᠬᠣᠶᠠᠷ, 20 ᠬᠣᠷᠢ). */
const digitWords: Record<number, { unit: NumeralWord; ten: NumeralWord }> = {
  1: { unit: numeral('ᠨᠢᠭᠡ', 'front'), ten: numeral('ᠠᠷᠪᠠ', 'back') },
  2: { unit: numeral('ᠬᠣᠶᠠᠷ', 'back', 'r'), ten: numeral('ᠬᠣᠷᠢ', 'back') },
  3: { unit: numeral('ᠭᠤᠷᠪᠠ', 'back'), ten: numeral('ᠭᠤᠴᠢ', 'back') },
  4: { unit: numeral('ᠳᠥᠷᠪᠡ', 'front'), ten: numeral('ᠳᠥᠴᠢ', 'front') },
  5: { unit: numeral('ᠲᠠᠪᠤ', 'back'), ten: numeral('ᠲᠠᠪᠢ', 'back') },
  6: { unit: numeral('ᠵᠢᠷᠭᠤᠭ᠎ᠠ', 'back'), ten: numeral('ᠵᠢᠷᠠ', 'back') },
  7: { unit: numeral('ᠳᠣᠯᠣᠭ᠎ᠠ', 'back'), ten: numeral('ᠳᠠᠯᠠ', 'back') },
  8: { unit: numeral('ᠨᠠᠢᠮᠠ', 'back'), ten: numeral('ᠨᠠᠶᠠ', 'back') },
  9: { unit: numeral('ᠶᠢᠰᠦ', 'front'), ten: numeral('ᠶᠡᠷᠡ', 'front') },
};

const hundred = numeral('ᠵᠠᠭᠤ', 'back');
const thousand = numeral('ᠮᠢᠩᠭ᠎ᠠ', 'back');
const tenThousand = numeral('ᠲᠦᠮᠡ', 'front');
const hundredMillion = numeral('ᠪᠤᠮ', 'back', 'm');
const zero = numeral('ᠲᠡᠭ', 'front', 'm');

/**
 * The last word spoken when a whole number is read aloud in Mongolian.
 * @example lastSpokenWord(2025).word // 'ᠲᠠᠪᠤ' (ᠬᠣᠶᠠᠷ ᠮᠢᠩᠭᠠᠨ ᠬᠣᠷᠢᠨ ᠲᠠᠪᠤ)
 */
export function lastSpokenWord(value: number): NumeralWord {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`A Mongolian number suffix needs a whole number of 0 or more, not ${value}.`);
  }
  if (value === 0) return zero;
  if (value % 10 !== 0) return digitWords[value % 10]!.unit;
  if (value % 100 !== 0) return digitWords[(value % 100) / 10]!.ten;
  if (value % 1000 !== 0) return hundred;
  if (value % 10_000 !== 0) return thousand;
  // Myriads: 10 000 ᠲᠦᠮᠡ, 100 000 ᠠᠷᠪᠠᠨ ᠲᠦᠮᠡ … up to 10^8 ᠪᠤᠮ, after which the reading ends in ᠪᠤᠮ.
  if (value % 100_000_000 !== 0) return tenThousand;
  return hundredMillion;
}

export type MongolianNumberCase = 'ordinal' | 'ablative' | 'genitive' | 'dative' | 'accusative';

const suffixes: Record<MongolianNumberCase, (reading: NumeralWord) => string> = {
  // The ordinal ᠳᠤᠭᠠᠷ/ᠳᠦᠭᠡᠷ as Inner Mongolian government pages encode it (FVS1 after DA).
  ordinal: ({ vowelClass }) => (vowelClass === 'back' ? 'ᠳ᠋ᠤᠭᠠᠷ' : 'ᠳ᠋ᠦ᠋ᠭᠡᠷ'),
  ablative: ({ vowelClass }) => (vowelClass === 'back' ? 'ᠠᠴᠠ' : 'ᠡᠴᠡ'),
  genitive: ({ vowelClass, ending }) => (ending === 'unstable-n' ? (vowelClass === 'back' ? 'ᠤ' : 'ᠦ') : vowelClass === 'back' ? 'ᠤᠨ' : 'ᠦᠨ'),
  // ᠲᠤ/ᠲᠦ after r (and b g s d); ᠳᠤ/ᠳᠦ after vowels, n, m, l and ng.
  dative: ({ vowelClass, ending }) => (ending === 'r' ? (vowelClass === 'back' ? 'ᠲᠤ' : 'ᠲᠦ') : vowelClass === 'back' ? 'ᠳᠤ' : 'ᠳᠦ'),
  // The accusative takes the vowel stem of an unstable-n word (ᠳᠣᠯᠣᠭ᠎ᠠ ᠶᠢ), ᠢ after a consonant.
  accusative: ({ ending }) => (ending === 'unstable-n' ? 'ᠶᠢ' : 'ᠢ'),
};

/**
 * The suffix a number takes in one case, by its Mongolian reading (without the joining space).
 * @example numberSuffix(20, 'ablative') // 'ᠠᠴᠠ'
 * @example numberSuffix(1, 'ordinal') // 'ᠳ᠋ᠦ᠋ᠭᠡᠷ'
 */
export function numberSuffix(value: number, grammaticalCase: MongolianNumberCase): string {
  return suffixes[grammaticalCase](lastSpokenWord(value));
}

/**
 * The number in digits with its suffix joined by U+202F.
 * @example withNumberSuffix(5, 'ordinal') // '5 ᠳ᠋ᠤᠭᠠᠷ' (with U+202F)
 */
export function withNumberSuffix(value: number, grammaticalCase: MongolianNumberCase): string {
  return `${value}${NNBSP}${numberSuffix(value, grammaticalCase)}`;
}

/**
 * Interpolation formats for UI strings, `{{count, mnAblative}}`: the one table the site's one
 * translate function (src/i18n/translate.ts) uses on pages, in the functions and in page scripts,
 * so a Mongolian string never hard-codes a suffix after a number it does not know.
 */
export const mongolianNumberFormats: Record<string, (value: number) => string> = {
  mnOrdinal: (value) => withNumberSuffix(value, 'ordinal'),
  mnAblative: (value) => withNumberSuffix(value, 'ablative'),
  mnGenitive: (value) => withNumberSuffix(value, 'genitive'),
  mnDative: (value) => withNumberSuffix(value, 'dative'),
  mnAccusative: (value) => withNumberSuffix(value, 'accusative'),
};

/**
 * Applies a named format to an interpolated value; unknown formats and non-numbers pass through.
 * @example formatInterpolation('20', 'mnAblative') // '20 ᠠᠴᠠ' (with U+202F)
 */
export function formatInterpolation(value: unknown, format: string | undefined): string {
  const formatter = format ? mongolianNumberFormats[format.trim()] : undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (formatter && Number.isSafeInteger(number) && number >= 0) return formatter(number);
  return String(value);
}
